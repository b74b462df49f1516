import { createDeflateRaw } from 'node:zlib';
import { ingestFiles } from '../src/ingest/index.ts';
import { zip } from '../test/unit/ingest/helpers.ts';
// 1 GB of zeros, deflated in chunks so making it stays small in memory.
const chunks: Buffer[] = [];
const z = createDeflateRaw({ level: 9 });
z.on('data', (c: Buffer) => chunks.push(c));
const zero = Buffer.alloc(1 << 20);
for (let i = 0; i < 1024; i++) z.write(zero);
await new Promise((r) => z.end(r));
const packed = Buffer.concat(chunks);
console.log('compressed', packed.length);
// Hand-assemble: reuse zip() with a stored body? build directly: method 8 with our packed body.
const mode = process.argv[2];
const base = zip({ 'xl/sharedStrings.xml': new Uint8Array(0) }); // layout template
void base;
// Minimal zip by hand, as in helpers.zip but with a pre-deflated body.
const name = Buffer.from('xl/sharedStrings.xml');
const declared = mode === 'lie' ? 100 : 1024 * 1024 * 1024;
const head = Buffer.alloc(30); head.writeUInt32LE(0x04034b50, 0); head.writeUInt16LE(20, 4); head.writeUInt16LE(8, 8); head.writeUInt32LE(packed.length, 18); head.writeUInt32LE(declared, 22); head.writeUInt16LE(name.length, 26);
const cd = Buffer.alloc(46); cd.writeUInt32LE(0x02014b50, 0); cd.writeUInt16LE(8, 10); cd.writeUInt32LE(packed.length, 20); cd.writeUInt32LE(declared, 24); cd.writeUInt16LE(name.length, 28);
const end = Buffer.alloc(22); end.writeUInt32LE(0x06054b50, 0); end.writeUInt16LE(1, 8); end.writeUInt16LE(1, 10); end.writeUInt32LE(46 + name.length, 12); end.writeUInt32LE(30 + name.length + packed.length, 16);
const data = new Uint8Array(Buffer.concat([head, name, packed, cd, name, end]));
const before = process.memoryUsage().rss;
const r = ingestFiles([{ name: 'bomb.xlsx', data }]);
console.log(r.problems.map((p) => p.message));
console.log('rss MB before', Math.round(before / 1e6), 'after', Math.round(process.memoryUsage().rss / 1e6));
