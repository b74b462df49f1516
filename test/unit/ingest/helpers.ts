/** Fixtures made in code: workbooks written with SheetJS, CSV bytes in several encodings. */
import { crc32, deflateRawSync } from 'node:zlib';
import * as XLSX from '@e965/xlsx';
import { formatProblem, type IngestResult } from '../../../src/ingest/index.ts';

export type Aoa = unknown[][];

// Fixture dates are absolute instants; SheetJS would otherwise write them in local time.
const UTC: XLSX.AOA2SheetOpts = { UTC: true };

/** A workbook with one sheet per entry, as the bytes of an .xlsx, .ods or .xls file. */
export function workbook(sheets: Record<string, Aoa>, bookType: 'xlsx' | 'ods' | 'xls' = 'xlsx'): Uint8Array {
  const wb = XLSX.utils.book_new();
  for (const [name, aoa] of Object.entries(sheets))
    XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(aoa, UTC), name);
  return new Uint8Array(XLSX.write(wb, { type: 'buffer', bookType, cellDates: true }) as Buffer);
}

export const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);
export const utf8Bom = (text: string): Uint8Array => new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(text)]);

/** Windows-1251 for ASCII, Cyrillic, Ё/ё and NBSP: enough for the fixtures. */
export function cp1251(text: string): Uint8Array {
  const out: number[] = [];
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    if (c < 0x80) out.push(c);
    else if (c >= 0x410 && c <= 0x44f) out.push(c - 0x410 + 0xc0);
    else if (c === 0x401) out.push(0xa8);
    else if (c === 0x451) out.push(0xb8);
    else if (c === 0xa0) out.push(0xa0);
    else throw new Error(`no cp1251 byte for ${ch}`);
  }
  return new Uint8Array(out);
}

/** Excel cell objects for fixtures. */
export const dateCell = (serial: number, z = 'dd.mm.yyyy') => ({ t: 'n', v: serial, z });
export const errorCell = (code: number) => ({ t: 'e', v: code });
export const DIV0 = 0x07;
export const NA = 0x2a;

export const TEAM: Aoa = [
  ['member_id', 'name', 'role'],
  ['m1', 'Anna Petrova', 'kam'],
  ['m2', 'Boris Ivanov', 'support'],
];

export const ACCOUNTS: Aoa = [
  ['account_id', 'name', 'kam_id', 'since'],
  ['A1', 'Acme', 'm1', '2024-01-15'],
  ['A2', 'Globex', 'm1', '2023-05-01'],
];

export const messages = (r: IngestResult): string[] => r.problems.map(formatProblem);
export const errors = (r: IngestResult): string[] =>
  r.problems.filter((p) => p.severity === 'error').map(formatProblem);
export const warnings = (r: IngestResult): string[] =>
  r.problems.filter((p) => p.severity === 'warning').map(formatProblem);

/** A zip of the given parts, stored uncompressed unless `deflate`; `declare` overrides a part's declared size. */
export function zip(
  parts: Record<string, string | Uint8Array>,
  opts: { deflate?: boolean; declare?: Record<string, number> } = {},
): Uint8Array {
  const local: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const [name, content] of Object.entries(parts)) {
    const raw = typeof content === 'string' ? Buffer.from(content, 'utf8') : Buffer.from(content);
    const body = opts.deflate ? deflateRawSync(raw) : raw;
    const size = opts.declare?.[name] ?? raw.length;
    const n = Buffer.from(name, 'utf8');
    const head = Buffer.alloc(30);
    head.writeUInt32LE(0x04034b50, 0);
    head.writeUInt16LE(20, 4);
    head.writeUInt16LE(0x0800, 6);
    head.writeUInt16LE(opts.deflate ? 8 : 0, 8);
    head.writeUInt32LE(crc32(raw), 14);
    head.writeUInt32LE(body.length, 18);
    head.writeUInt32LE(size, 22);
    head.writeUInt16LE(n.length, 26);
    const cd = Buffer.alloc(46);
    cd.writeUInt32LE(0x02014b50, 0);
    cd.writeUInt16LE(20, 4);
    cd.writeUInt16LE(20, 6);
    cd.writeUInt16LE(0x0800, 8);
    cd.writeUInt16LE(opts.deflate ? 8 : 0, 10);
    cd.writeUInt32LE(crc32(raw), 16);
    cd.writeUInt32LE(body.length, 20);
    cd.writeUInt32LE(size, 24);
    cd.writeUInt16LE(n.length, 28);
    cd.writeUInt32LE(offset, 42);
    local.push(head, n, body);
    central.push(cd, n);
    offset += 30 + n.length + body.length;
  }
  const cdSize = central.reduce((s, b) => s + b.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(central.length / 2, 8);
  end.writeUInt16LE(central.length / 2, 10);
  end.writeUInt32LE(cdSize, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...local, ...central, end]));
}

/** A minimal .xlsx whose one sheet `name` has the given inline-string rows, its XML written by hand. */
export function handXlsx(name: string, rows: string[][], opts: { deflate?: boolean } = {}): Uint8Array {
  const esc = (s: string) => s.replaceAll('&', '&amp;').replaceAll('<', '&lt;');
  const sheetRows = rows
    .map(
      (r, i) =>
        `<row r="${i + 1}">${r.map((v, j) => `<c r="${String.fromCharCode(65 + j)}${i + 1}" t="inlineStr"><is><t>${v}</t></is></c>`).join('')}</row>`,
    )
    .join('');
  return zip(
    {
      '[Content_Types].xml':
        '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
      '_rels/.rels':
        '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
      'xl/workbook.xml': `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="${esc(name)}" sheetId="1" r:id="rId1"/></sheets></workbook>`,
      'xl/_rels/workbook.xml.rels':
        '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
      'xl/worksheets/sheet1.xml': `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${sheetRows}</sheetData></worksheet>`,
    },
    opts,
  );
}
