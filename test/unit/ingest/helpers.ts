/** Fixtures made in code: workbooks written with SheetJS, CSV bytes in several encodings. */
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
