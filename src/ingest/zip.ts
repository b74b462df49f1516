/**
 * Zip-based workbooks (.xlsx, .ods) are checked here before SheetJS sees them:
 *
 * - Size: the central directory's declared sizes must add up to no more than the limit, and
 *   no part may unpack to more than it declares (each is inflated with `maxOutputLength` set
 *   to its declared size, one at a time), so a zip bomb is refused while memory stays at the
 *   size of one honest part.
 * - Text: SheetJS decodes XML character references with `String.fromCharCode`, which turns a
 *   character outside the Basic Multilingual Plane (`&#128297;`, `&#x1F680;`) into one wrong
 *   character. Such references are rewritten to the characters themselves, and the workbook
 *   is handed over re-zipped, the changed parts stored and the others copied as they were.
 */
import { crc32, inflateRawSync } from 'node:zlib';
import { CENTRAL, findEocd, LOCAL, writeZip, type ZipPart } from '../lib/zip.ts';

export type ZipCheck =
  /** `data` is the workbook to read: the original bytes, or rewritten ones. */
  { ok: true; data: Uint8Array } | { ok: false; reason: 'tooLarge' | 'lies' };

interface Entry {
  flags: number;
  method: number;
  time: number;
  date: number;
  crc: number;
  compSize: number;
  size: number;
  name: Buffer;
  /** Where the compressed bytes start. */
  start: number;
}

const ZIP64 = 0xffffffff;

/** The entries of a zip's central directory, or undefined when it cannot be found (left to SheetJS). */
function entries(buf: Buffer): Entry[] | undefined {
  const eocd = findEocd(buf);
  if (eocd < 0) return undefined;
  const count = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  const out: Entry[] = [];
  for (let k = 0; k < count; k++) {
    if (p + 46 > buf.length || buf.readUInt32LE(p) !== CENTRAL) return undefined;
    const nameLen = buf.readUInt16LE(p + 28);
    const local = buf.readUInt32LE(p + 42);
    if (local + 30 > buf.length || buf.readUInt32LE(local) !== LOCAL) return undefined;
    out.push({
      flags: buf.readUInt16LE(p + 8),
      method: buf.readUInt16LE(p + 10),
      time: buf.readUInt16LE(p + 12),
      date: buf.readUInt16LE(p + 14),
      crc: buf.readUInt32LE(p + 16),
      compSize: buf.readUInt32LE(p + 20),
      size: buf.readUInt32LE(p + 24),
      name: buf.subarray(p + 46, p + 46 + nameLen),
      start: local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28),
    });
    p += 46 + nameLen + buf.readUInt16LE(p + 30) + buf.readUInt16LE(p + 32);
  }
  return out;
}

const XML_NAME = /\.xml$/i;
const AMP_HASH = Buffer.from('&#');
const ASTRAL_REF = /&#(?:[xX]([0-9a-fA-F]+)|([0-9]+));/g;

/** `&#128297;` / `&#x1F529;` above U+FFFF → the character; every other reference is left to the XML reader. */
export function decodeAstralRefs(xml: string): string {
  return xml.replace(ASTRAL_REF, (ref, hex: string | undefined, dec: string | undefined) => {
    const cp = hex !== undefined ? parseInt(hex, 16) : Number(dec);
    return cp > 0xffff && cp <= 0x10ffff ? String.fromCodePoint(cp) : ref;
  });
}

/** True when the bytes hold a reference `decodeAstralRefs` would change (checked cheaply first). */
function needsRewrite(bytes: Buffer): string | undefined {
  if (bytes.indexOf(AMP_HASH) < 0) return undefined;
  const text = bytes.toString('utf8');
  const fixed = decodeAstralRefs(text);
  return fixed === text ? undefined : fixed;
}

export function checkZip(data: Uint8Array, maxUnpackedBytes: number): ZipCheck {
  const buf = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  const list = entries(buf);
  if (!list) return { ok: true, data };
  let declared = 0;
  for (const e of list) {
    if (e.size === ZIP64 || e.compSize === ZIP64) return { ok: false, reason: 'tooLarge' };
    declared += e.size;
  }
  if (declared > maxUnpackedBytes) return { ok: false, reason: 'tooLarge' };

  const rewritten = new Map<Entry, Buffer>();
  for (const e of list) {
    const packed = buf.subarray(e.start, e.start + e.compSize);
    let bytes: Buffer;
    if (e.method === 8) {
      try {
        bytes = inflateRawSync(packed, { maxOutputLength: Math.max(1, e.size) });
      } catch (err) {
        if ((err as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE' || err instanceof RangeError)
          return { ok: false, reason: 'lies' };
        continue; // damaged data: SheetJS says so in its own words
      }
    } else if (e.method === 0) bytes = packed;
    else continue;
    if (bytes.length > e.size) return { ok: false, reason: 'lies' };
    if (!XML_NAME.test(Buffer.from(e.name).toString('latin1'))) continue;
    const fixed = needsRewrite(bytes);
    if (fixed !== undefined) rewritten.set(e, Buffer.from(fixed, 'utf8'));
  }
  return { ok: true, data: rewritten.size === 0 ? data : rezip(buf, list, rewritten) };
}

/** The same zip with some parts replaced (stored uncompressed); the rest copied byte for byte. */
function rezip(buf: Buffer, list: Entry[], replaced: Map<Entry, Buffer>): Uint8Array {
  return writeZip(
    list.map((e): ZipPart => {
      const fresh = replaced.get(e);
      return {
        name: e.name,
        body: fresh ?? buf.subarray(e.start, e.start + e.compSize),
        // Sizes go in the local header, so no data descriptor follows (bit 3 cleared).
        flags: e.flags & ~0x0008,
        method: fresh ? 0 : e.method,
        time: e.time,
        date: e.date,
        crc: fresh ? crc32(fresh) : e.crc,
        size: fresh ? fresh.length : e.size,
      };
    }),
  );
}
