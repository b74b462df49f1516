/**
 * The zip container both ways round: finding the central directory of a zip, and writing one
 * from parts whose bytes are already packed. The demo writer and the upload repair both use
 * these, so there is one layout of the headers to get right.
 */

export const EOCD = 0x06054b50;
export const CENTRAL = 0x02014b50;
export const LOCAL = 0x04034b50;

/** One file of a zip, its bytes already packed with `method` (0 stored, 8 deflated). */
export interface ZipPart {
  name: Buffer;
  body: Uint8Array;
  flags: number;
  method: number;
  time: number;
  date: number;
  crc: number;
  /** Unpacked size. */
  size: number;
}

/** Where the end-of-central-directory record starts, or -1 (it sits within 64 KiB of the end). */
export function findEocd(buf: Buffer): number {
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 0xffff); i--) {
    if (buf.readUInt32LE(i) === EOCD) return i;
  }
  return -1;
}

/** The fields a local header and a central-directory entry share, in the same order. */
function writeShared(out: Buffer, at: number, p: ZipPart): void {
  out.writeUInt16LE(p.flags, at);
  out.writeUInt16LE(p.method, at + 2);
  out.writeUInt16LE(p.time, at + 4);
  out.writeUInt16LE(p.date, at + 6);
  out.writeUInt32LE(p.crc, at + 8);
  out.writeUInt32LE(p.body.length, at + 12);
  out.writeUInt32LE(p.size, at + 16);
  out.writeUInt16LE(p.name.length, at + 20);
}

/** A zip of the parts in order; sizes live in the local headers, so no data descriptors. */
export function writeZip(parts: ZipPart[]): Uint8Array {
  const locals: Uint8Array[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const p of parts) {
    const local = Buffer.alloc(30);
    local.writeUInt32LE(LOCAL, 0);
    local.writeUInt16LE(20, 4);
    writeShared(local, 6, p);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(CENTRAL, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    writeShared(central, 8, p);
    central.writeUInt32LE(offset, 42);
    locals.push(local, p.name, p.body);
    centrals.push(central, p.name);
    offset += local.length + p.name.length + p.body.length;
  }
  const cdSize = centrals.reduce((n, b) => n + b.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(EOCD, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(cdSize, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...locals, ...centrals, end]));
}
