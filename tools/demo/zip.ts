/**
 * Just enough ZIP for xlsx packages: a deflating writer with fixed timestamps (so the same
 * content always gives the same bytes) and a fixer that pins the timestamps of a zip written
 * by another library (ExcelJS stamps every entry with the current time).
 */
import { crc32, deflateRawSync } from 'node:zlib';
import { CENTRAL, findEocd, writeZip } from '../../src/lib/zip.ts';

export interface ZipEntry {
  name: string;
  data: Uint8Array;
}

/** DOS date of 1980-01-01, the zip epoch; time 00:00:00. */
const DOS_DATE = (0 << 9) | (1 << 5) | 1;
const DOS_TIME = 0;
const UTF8_NAMES = 0x0800;

export function zip(entries: ZipEntry[]): Uint8Array {
  return writeZip(
    entries.map((entry) => ({
      name: Buffer.from(entry.name, 'utf8'),
      body: deflateRawSync(entry.data, { level: 3 }),
      flags: UTF8_NAMES,
      method: 8,
      time: DOS_TIME,
      date: DOS_DATE,
      crc: crc32(entry.data),
      size: entry.data.length,
    })),
  );
}

/** Overwrite every entry's modification time with the zip epoch, in place. */
export function pinZipTimestamps(bytes: Uint8Array): Uint8Array {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const eocd = findEocd(buf);
  if (eocd < 0) throw new Error('not a zip file');
  const count = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  for (let k = 0; k < count; k++) {
    if (buf.readUInt32LE(p) !== CENTRAL) throw new Error('corrupt zip central directory');
    buf.writeUInt16LE(DOS_TIME, p + 12);
    buf.writeUInt16LE(DOS_DATE, p + 14);
    const local = buf.readUInt32LE(p + 42);
    buf.writeUInt16LE(DOS_TIME, local + 10);
    buf.writeUInt16LE(DOS_DATE, local + 12);
    p += 46 + buf.readUInt16LE(p + 28) + buf.readUInt16LE(p + 30) + buf.readUInt16LE(p + 32);
  }
  return bytes;
}
