/** Fixtures made in code: workbooks written with SheetJS, CSV bytes in several encodings. */
import { crc32, deflateRawSync } from 'node:zlib';
import * as XLSX from '@e965/xlsx';
import { formatProblem, type IngestResult } from '../../../src/ingest/index.ts';
import { writeZip } from '../../../src/lib/zip.ts';

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
  return writeZip(
    Object.entries(parts).map(([name, content]) => {
      const raw = typeof content === 'string' ? Buffer.from(content, 'utf8') : Buffer.from(content);
      return {
        name: Buffer.from(name, 'utf8'),
        body: opts.deflate ? deflateRawSync(raw) : raw,
        flags: 0x0800, // UTF-8 names
        method: opts.deflate ? 8 : 0,
        time: 0,
        date: 0,
        crc: crc32(raw),
        size: opts.declare?.[name] ?? raw.length,
      };
    }),
  );
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
