/**
 * Bytes → sheets → raw rows, keeping the spreadsheet's row numbers: `rows[i]` is the row a
 * spreadsheet program shows as i + 1 (in a CSV, a quoted multi-line record is one row).
 *
 * Workbooks are read with SheetJS without its date conversion (`cellDates: false`): a date
 * cell stays an Excel serial, recognised by its number format, and is turned into a
 * calendar date in UTC arithmetic, so no local time zone can shift it. CSV is decoded and
 * split here, so `1,5` stays text for the number rule and never becomes 15.
 */
import * as XLSX from '@e965/xlsx';
import type { ErrorCell, RawCell } from './cells.ts';
import type { DataMessages, Msg } from './messages.ts';
import { checkZip, decodeAstralRefs } from './zip.ts';

export interface RawSheet {
  /** The sheet name; for a CSV the file's base name. */
  name: string;
  rows: (RawCell[] | undefined)[];
  hidden: boolean;
}

export interface ReadOutcome {
  sheets: RawSheet[];
  /** Why the file could not be read at all. */
  error?: Msg;
  /** A problem with one row of a file that was read (an error). */
  rowError?: { sheet: string; row: number; message: Msg };
}

export interface ReadOptions {
  /** A workbook that would unpack to more is refused before it is expanded; default 20 × 50 MB. */
  maxUnpackedBytes?: number;
}

const DEFAULT_MAX_UNPACKED = 20 * 50 * 1024 * 1024;

export const DATA_EXTENSIONS = ['.xlsx', '.xls', '.ods', '.csv'] as const;

/** The lower-case extension when the file is a data file by its name, else undefined. */
export function dataExtension(fileName: string): (typeof DATA_EXTENSIONS)[number] | undefined {
  const base = baseName(fileName);
  if (base.startsWith('~$') || base.startsWith('.')) return undefined;
  const lower = base.toLowerCase();
  return DATA_EXTENSIONS.find((e) => lower.endsWith(e) && lower.length > e.length);
}

export function baseName(fileName: string): string {
  return fileName.slice(Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\')) + 1);
}

/** The name without directory and extension: a CSV file's sheet name. */
export function stem(fileName: string): string {
  const base = baseName(fileName);
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(0, dot) : base;
}

export function readSpreadsheet(fileName: string, data: Uint8Array, opts: ReadOptions = {}): ReadOutcome {
  const ext = dataExtension(fileName);
  const limit = opts.maxUnpackedBytes ?? DEFAULT_MAX_UNPACKED;
  try {
    if (ext === '.csv') {
      const kind = binaryKind(data);
      if (kind === undefined) return readCsv(fileName, data);
      const base = baseName(fileName);
      return { sheets: [], error: (d) => d.notText(base, d.kinds[kind]) };
    }
    if (ext === '.xlsx' || ext === '.ods') {
      if (startsWith(data, ZIP)) return readZipWorkbook(fileName, data, limit);
      if (!startsWith(data, OLE)) {
        // Name what it is when it is plainly something else, e.g. CSV text saved as .xlsx.
        const kind = binaryKind(data) ?? (data.byteLength > 0 ? 'text' : undefined);
        const base = baseName(fileName);
        return {
          sheets: [],
          error: (d) =>
            kind === 'text' || kind === 'pdf' ? d.notWorkbook(base, ext, d.kinds[kind]) : d.notValid(ext),
        };
      }
      return readWorkbook(data);
    }
    if (startsWith(data, ZIP)) return readZipWorkbook(fileName, data, limit);
    // Many ".xls" exports are really HTML or CSV text (or SpreadsheetML 2003 XML); read those as what they are.
    if (startsWith(data, OLE)) return readWorkbook(data);
    if (looksLikeMarkup(data)) return readWorkbook(decodeMarkupRefs(data));
    if (binaryKind(data) === undefined) return readCsv(fileName, data);
    return { sheets: [], error: (d) => d.notValid('.xls') };
  } catch (e) {
    const reason = e instanceof Error ? e.message.split('\n')[0]!.slice(0, 200) : String(e);
    return { sheets: [], error: (d) => d.corrupt(reason) };
  }
}

function readZipWorkbook(fileName: string, data: Uint8Array, limit: number): ReadOutcome {
  const checked = checkZip(data, limit);
  if (checked.ok) return readWorkbook(checked.data);
  const base = baseName(fileName);
  const mb = Number((limit / (1024 * 1024)).toPrecision(3));
  return {
    sheets: [],
    error: (d) => (checked.reason === 'tooLarge' ? d.unpackedTooLarge(base, mb) : d.entryLies(base)),
  };
}

/** An XML or HTML workbook's bytes with character references above U+FFFF decoded (see zip.ts). */
function decodeMarkupRefs(data: Uint8Array): Uint8Array {
  const buf = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  if (buf.indexOf('&#') < 0) return data;
  let text: string;
  try {
    text = utf8.decode(data);
  } catch {
    return data; // not UTF-8: leave it to SheetJS as it is
  }
  const fixed = decodeAstralRefs(text);
  return fixed === text ? data : new Uint8Array(Buffer.from(fixed, 'utf8'));
}

/**
 * What a file that should be text looks like when it is not: a workbook saved under a text
 * extension, a PDF, or any binary data (NUL bytes outside UTF-16 text). Undefined for text.
 */
export function binaryKind(data: Uint8Array): keyof DataMessages['kinds'] | undefined {
  if (startsWith(data, ZIP)) {
    const head = Buffer.from(data.buffer, data.byteOffset, Math.min(data.byteLength, 4096)).toString(
      'latin1',
    );
    if (head.includes('application/vnd.oasis.opendocument')) return 'ods';
    return head.includes('[Content_Types].xml') || head.includes('xl/') ? 'xlsx' : 'zip';
  }
  if (startsWith(data, OLE)) return 'xls';
  if (startsWith(data, PDF)) return 'pdf';
  const utf16 = (data[0] === 0xff && data[1] === 0xfe) || (data[0] === 0xfe && data[1] === 0xff);
  return !utf16 && !isText(data) ? 'binary' : undefined;
}

// ---------------------------------------------------------------------------------------
// Workbooks

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE = [0xd0, 0xcf, 0x11, 0xe0];
const PDF = [0x25, 0x50, 0x44, 0x46]; // %PDF

function startsWith(data: Uint8Array, sig: readonly number[]): boolean {
  return sig.every((b, i) => data[i] === b);
}

function looksLikeMarkup(data: Uint8Array): boolean {
  for (let i = 0; i < Math.min(data.length, 64); i++) {
    const b = data[i]!;
    if (b === 0x3c) return true; // <
    if (b !== 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0xef && b !== 0xbb && b !== 0xbf)
      return false;
  }
  return false;
}

function isText(data: Uint8Array): boolean {
  const n = Math.min(data.length, 4096);
  for (let i = 0; i < n; i++) if (data[i] === 0) return false;
  return true;
}

// Excel's error codes, for cells read without their display text.
const ERROR_CODES: Record<number, string> = {
  0x00: '#NULL!',
  0x07: '#DIV/0!',
  0x0f: '#VALUE!',
  0x17: '#REF!',
  0x1d: '#NAME?',
  0x24: '#NUM!',
  0x2a: '#N/A',
  0x2b: '#GETTING_DATA',
};

/** How workbooks are read (the benchmark's raw read uses the same). */
export const READ_OPTS: XLSX.ParsingOptions = {
  type: 'buffer',
  dense: true,
  cellDates: false,
  cellNF: true,
  cellText: false,
  cellFormula: false,
  cellHTML: false,
  cellStyles: false,
  sheetStubs: false,
  bookVBA: false,
};

/**
 * SheetJS writes notes about number formats it cannot translate (e.g. the conditional
 * formats LibreOffice puts in .ods files) straight to the console. They concern display only,
 * and this layer reports through problems, never by printing: keep them off the terminal.
 */
function quietly<T>(read: () => T): T {
  const { error, warn } = console;
  console.error = console.warn = () => {};
  try {
    return read();
  } finally {
    console.error = error;
    console.warn = warn;
  }
}

function readWorkbook(data: Uint8Array): ReadOutcome {
  const buf = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  const wb = quietly(() => XLSX.read(buf, READ_OPTS));
  const date1904 = Boolean(wb.Workbook?.WBProps?.date1904);
  const sheets = wb.SheetNames.map((name, i): RawSheet => {
    const ws = wb.Sheets[name];
    return {
      name,
      rows: ws ? sheetRows(ws, date1904) : [],
      hidden: Boolean(wb.Workbook?.Sheets?.[i]?.Hidden),
    };
  });
  return { sheets };
}

const dateFormats = new Map<string, boolean>();

function isDateFormat(z: unknown): boolean {
  if (typeof z !== 'string' || z === 'General') return false;
  let d = dateFormats.get(z);
  if (d === undefined) {
    d = Boolean((XLSX.SSF as { is_date(f: string): boolean }).is_date(z));
    dateFormats.set(z, d);
  }
  return d;
}

const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

function rawCell(cell: XLSX.CellObject, date1904: boolean): RawCell {
  switch (cell.t as string) {
    case 'n':
      if (cell.z !== undefined && isDateFormat(cell.z))
        return { serial: (cell.v as number) + (date1904 ? 1462 : 0) };
      return cell.v as number;
    case 's':
    case 'str': // a formula's text result
      return cell.v as string;
    case 'b':
      return cell.v as boolean;
    case 'e':
      return { error: cell.w ?? ERROR_CODES[cell.v as number] ?? '#ERROR!' };
    case 'd': {
      const v = cell.v;
      const ms = v instanceof Date ? v.getTime() : Date.parse(String(v));
      return Number.isFinite(ms) ? { serial: (ms - EXCEL_EPOCH) / 86_400_000 } : undefined;
    }
    default:
      return undefined;
  }
}

function sheetRows(ws: XLSX.WorkSheet, date1904: boolean): (RawCell[] | undefined)[] {
  const data = (ws as { '!data'?: (XLSX.CellObject[] | undefined)[] })['!data'];
  if (!data) return [];
  const out = new Array<RawCell[] | undefined>(data.length);
  for (let r = 0; r < data.length; r++) {
    const src = data[r];
    if (!src) continue;
    const row = new Array<RawCell>(src.length);
    for (let c = 0; c < src.length; c++) {
      const cell = src[c];
      if (cell) row[c] = rawCell(cell, date1904);
    }
    out[r] = row;
  }
  return out;
}

// ---------------------------------------------------------------------------------------
// CSV

const utf8 = new TextDecoder('utf-8', { fatal: true });
const cp1251 = new TextDecoder('windows-1251');

/** UTF-8 with or without BOM (or UTF-16 with a BOM); anything that is not valid UTF-8 is Windows-1251. */
export function decodeText(data: Uint8Array): string {
  if (data[0] === 0xef && data[1] === 0xbb && data[2] === 0xbf) return utf8.decode(data.subarray(3));
  if (data[0] === 0xff && data[1] === 0xfe) return new TextDecoder('utf-16le').decode(data.subarray(2));
  if (data[0] === 0xfe && data[1] === 0xff) return new TextDecoder('utf-16be').decode(data.subarray(2));
  try {
    return utf8.decode(data);
  } catch {
    return cp1251.decode(data);
  }
}

const QUOTE = 0x22;
const CR = 0x0d;
const LF = 0x0a;
const CANDIDATES = [',', ';', '\t'];

/** The delimiter used most in the first record outside quotes; `,` when there is none. */
export function detectDelimiter(text: string): string {
  const counts = new Map<string, number>();
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '"') quoted = !quoted;
    else if (!quoted && (c === '\n' || c === '\r')) break;
    else if (!quoted && CANDIDATES.includes(c)) counts.set(c, (counts.get(c) ?? 0) + 1);
  }
  let best = ',';
  let most = 0;
  for (const d of CANDIDATES) {
    const n = counts.get(d) ?? 0;
    if (n > most) [best, most] = [d, n];
  }
  return best;
}

const EXCEL_ERRORS = new Set([
  ...Object.values(ERROR_CODES),
  '#SPILL!',
  '#CALC!',
  '#FIELD!',
  '#BLOCKED!',
  '#CONNECT!',
  '#UNKNOWN!',
  '#BUSY!',
]);

export interface CsvRows {
  rows: RawCell[][];
  /** Row number where a quoted field opens and never closes. */
  unterminatedAt?: number;
}

/**
 * RFC 4180 records: `""` inside quotes is a quote; LF, CRLF or CR end a record. Lines
 * without a quote (nearly all of them) are split natively; a record with a quote is read
 * field by field and may span lines.
 */
export function parseCsv(text: string, delimiter = detectDelimiter(text)): CsvRows {
  const d = delimiter.charCodeAt(0);
  const n = text.length;
  const rows: RawCell[][] = [];
  let unterminatedAt: number | undefined;
  // The next quote, LF and CR at or after `pos` (n when there is none), each found once.
  const find = (ch: string, from: number) => {
    const i = text.indexOf(ch, from);
    return i < 0 ? n : i;
  };
  let nextQuote = text.indexOf('"');
  let lf = find('\n', 0);
  let cr = find('\r', 0);
  let pos = 0;
  while (pos < n) {
    if (lf < pos) lf = find('\n', pos);
    if (cr < pos) cr = find('\r', pos);
    const end = lf < cr ? lf : cr;
    if (nextQuote < 0 || nextQuote >= end) {
      rows.push(markErrors(text.slice(pos, end).split(delimiter)));
      // CRLF is one line ending; CR alone and LF alone are one each.
      pos = end === cr && lf === cr + 1 ? end + 2 : end + 1;
      continue;
    }
    const rec = quotedRecord(text, pos, d);
    rows.push(markErrors(rec.row));
    if (rec.unterminated) unterminatedAt ??= rows.length;
    pos = rec.next;
    nextQuote = pos < n ? text.indexOf('"', pos) : -1;
  }
  return unterminatedAt === undefined ? { rows } : { rows, unterminatedAt };
}

function quotedRecord(
  text: string,
  from: number,
  d: number,
): { row: RawCell[]; next: number; unterminated: boolean } {
  const n = text.length;
  const row: RawCell[] = [];
  let unterminated = false;
  let i = from;
  for (;;) {
    let value: string;
    if (text.charCodeAt(i) === QUOTE) {
      value = '';
      let start = ++i;
      for (;;) {
        const q = text.indexOf('"', i);
        if (q < 0) {
          unterminated = true;
          value += text.slice(start);
          i = n;
          break;
        }
        if (text.charCodeAt(q + 1) === QUOTE) {
          value += text.slice(start, q + 1);
          i = start = q + 2;
          continue;
        }
        value += text.slice(start, q);
        i = q + 1;
        break;
      }
      // Text after a closing quote (`"a"b`) is kept rather than lost.
      const rest = i;
      while (i < n && !isBreak(text.charCodeAt(i), d)) i++;
      if (i > rest) value += text.slice(rest, i);
    } else {
      const start = i;
      while (i < n && !isBreak(text.charCodeAt(i), d)) i++;
      value = text.slice(start, i);
    }
    row.push(value);
    if (i >= n) return { row, next: n, unterminated };
    const c = text.charCodeAt(i);
    if (c === d) {
      i++;
      continue;
    }
    return { row, next: i + (c === CR && text.charCodeAt(i + 1) === LF ? 2 : 1), unterminated };
  }
}

/** Excel writes error cells into CSV as their text (`#DIV/0!`); keep them errors. */
function markErrors(row: RawCell[]): RawCell[] {
  for (let i = 0; i < row.length; i++) {
    const v = row[i] as string;
    if (v.charCodeAt(0) === 0x23 && EXCEL_ERRORS.has(v.trim()))
      row[i] = { error: v.trim() } satisfies ErrorCell;
  }
  return row;
}

function isBreak(c: number, d: number): boolean {
  return c === d || c === LF || c === CR;
}

const SEP_LINE = /^sep=(.)\r?\n/i;

function readCsv(fileName: string, data: Uint8Array): ReadOutcome {
  let text = decodeText(data);
  let delimiter: string | undefined;
  // Excel's `sep=;` first line names the delimiter and is not shown as a row.
  const sep = SEP_LINE.exec(text);
  if (sep) {
    delimiter = sep[1];
    text = text.slice(sep[0].length);
  }
  const { rows, unterminatedAt } = parseCsv(text, delimiter);
  const out: ReadOutcome = { sheets: [{ name: stem(fileName), rows, hidden: false }] };
  if (unterminatedAt !== undefined) {
    out.rowError = {
      sheet: stem(fileName),
      row: unterminatedAt,
      message: (d) => d.unterminated,
    };
  }
  return out;
}
