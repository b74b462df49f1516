/**
 * Raw spreadsheet cells → values, one coercer per column kind (docs/DATA-FORMAT.md, docs/RULES.md#reading-the-data and
 * "Precise rules"). A coercer returns the value, `undefined` for a blank cell, or a
 * `CellError` whose message says what is wrong with the cell; it never guesses.
 */
import { daysInMonth, enumLabels, ymd, type ColumnMeta } from '../schema/index.ts';
import { PERIOD_PATTERN } from '../schema/concepts.ts';
import { normalizeName } from './match.ts';
import { EN, type DataMessages, type Msg } from './messages.ts';

/** An Excel date: its serial number in the 1900 date system (the fraction is the time). */
export interface DateCell {
  readonly serial: number;
}
/** An Excel error value such as `#DIV/0!`. */
export interface ErrorCell {
  readonly error: string;
}
/** One cell as the reader hands it over; CSV cells are always text. */
export type RawCell = string | number | boolean | DateCell | ErrorCell | undefined | null;

/** What is wrong with a cell, rendered in the data's language later. */
export class CellError {
  readonly msg: Msg;
  constructor(msg: Msg) {
    this.msg = msg;
  }
  /** The English text (for tests and logs). */
  get message(): string {
    return this.msg(EN);
  }
}

export type Coercer = (cell: RawCell) => unknown;

export function isErrorCell(cell: RawCell): cell is ErrorCell {
  return typeof cell === 'object' && cell !== null && 'error' in cell;
}

export function isDateCell(cell: RawCell): cell is DateCell {
  return typeof cell === 'object' && cell !== null && 'serial' in cell;
}

export function isBlank(cell: RawCell): boolean {
  if (cell === undefined || cell === null) return true;
  if (typeof cell !== 'string') return false;
  // Fast exit for the usual non-blank text, before paying for a trim.
  const c = cell.charCodeAt(0);
  if (c > 32 && c !== 0xa0 && c < 0x2000) return false;
  return cell.trim().length === 0;
}

/** A row is blank when every cell is empty or whitespace. */
export function isBlankRow(cells: readonly RawCell[]): boolean {
  for (let i = 0; i < cells.length; i++) if (!isBlank(cells[i])) return false;
  return true;
}

// Control characters other than tab, LF and CR: removed from text so they never reach any output.
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = /[\x00-\x08\x0b\x0c\x0e-\x1f]/;
// eslint-disable-next-line no-control-regex -- as above
const CONTROLS = /[\x00-\x08\x0b\x0c\x0e-\x1f]/g;

export function hasControlChars(text: string): boolean {
  return CONTROL.test(text);
}

export function stripControlChars(text: string): string {
  return text.replace(CONTROLS, '');
}

/** How a cell reads in a message: text quoted, numbers as they are. */
export function showCell(cell: RawCell, d: DataMessages = EN): string {
  if (cell === undefined || cell === null) return d.blank;
  if (typeof cell === 'string') {
    // Escape what is left of line breaks and tabs so one message stays one line.
    const t = cell.trim().replace(/[\t\r\n]+/g, ' ');
    return d.quote(t.length > 60 ? `${t.slice(0, 57)}…` : t);
  }
  if (typeof cell === 'number' || typeof cell === 'boolean') return String(cell).toUpperCase();
  if (isDateCell(cell)) return d.dateValue(serialToDate(cell.serial) ?? String(cell.serial));
  return cell.error;
}

/** A cell error whose message names the cell's value: `show` is rendered in the message's language. */
function bad(cell: RawCell, text: (d: DataMessages) => (value: string) => string): CellError {
  return new CellError((d) => text(d)(showCell(cell, d)));
}

// ---------------------------------------------------------------------------------------
// Numbers

const SIMPLE_NUMBER = /^[+-]?\d+(?:\.\d+)?$/;
const EXPONENT_NUMBER = /^\d*\.?\d+[eE][+-]?\d+$/;
const CURRENCY_PREFIX = /^(₽|\$|€|£|¥|руб\.?|р\.|[A-Za-z]{3}(?![A-Za-z]))\s*/i;
const CURRENCY_SUFFIX = /\s*(₽|\$|€|£|¥|руб\.?|р\.?|(?<![A-Za-z])[A-Za-z]{3})$/i;
const BODY = /^[0-9.,'’\s]+$/;
const SPACE_GROUP = /[\s'’]/;
const DIGITS = /^\d*$/;
const THREE_LETTERS = /^[A-Za-z]{3}$/;
const ISO_CURRENCIES = new Set(Intl.supportedValuesOf('currency'));

/** A currency sign, or three letters that are an ISO 4217 code (so `12 abc` stays an error). */
function isCurrencyToken(token: string): boolean {
  return !THREE_LETTERS.test(token) || ISO_CURRENCIES.has(token.toUpperCase());
}

/**
 * Parse number text by the precise rule: grouping by space, NBSP, narrow NBSP or apostrophe;
 * a lone comma is the decimal separator; with both `.` and `,` the last one is; `%` divides
 * by 100; one currency sign or ISO code before or after. Undefined when it is anything else.
 */
export function parseNumber(text: string): number | undefined {
  let s = text.trim();
  if (SIMPLE_NUMBER.test(s)) return Number(s);
  if (s.length === 0) return undefined;

  let negative = false;
  let signed = false;
  let percent = false;
  let currency = false;
  for (let step = 0; step < 2; step++) {
    // The sign may stand before or after a leading currency sign: -$12, $-12.
    const c = s[0];
    if (!signed && (c === '-' || c === '−' || c === '+')) {
      signed = true;
      negative = c !== '+';
      s = s.slice(1).trimStart();
    }
    if (step === 0) {
      const pre = CURRENCY_PREFIX.exec(s);
      if (!pre || !isCurrencyToken(pre[1]!)) break;
      currency = true;
      s = s.slice(pre[0].length);
    }
  }
  for (let step = 0; step < 2; step++) {
    // `%` and a trailing currency in either order: 12 %, 12 ₽, 12% USD.
    if (!percent && s.endsWith('%')) {
      percent = true;
      s = s.slice(0, -1).trimEnd();
    }
    if (!currency) {
      const suf = CURRENCY_SUFFIX.exec(s);
      if (suf && isCurrencyToken(suf[1]!)) {
        currency = true;
        s = s.slice(0, suf.index);
      }
    }
  }
  const n = parseUnsigned(s);
  if (n === undefined) return undefined;
  const v = negative ? -n : n;
  return percent ? v / 100 : v;
}

/** The digits-and-separators part of a number, no sign. */
function parseUnsigned(s: string): number | undefined {
  if (s.length === 0) return undefined;
  if (EXPONENT_NUMBER.test(s)) return Number(s);
  if (!BODY.test(s)) return undefined;
  const dots = count(s, '.');
  const commas = count(s, ',');
  let decimal: string | undefined;
  let group: string | undefined;
  if (dots > 0 && commas > 0) {
    decimal = s.lastIndexOf('.') > s.lastIndexOf(',') ? '.' : ',';
    group = decimal === '.' ? ',' : '.';
    if (count(s, decimal) > 1) return undefined;
  } else if (dots === 1) decimal = '.';
  else if (commas === 1) decimal = ',';
  else if (dots > 1) group = '.';
  else if (commas > 1) group = ',';

  const at = decimal ? s.indexOf(decimal) : -1;
  const intPart = at < 0 ? s : s.slice(0, at);
  const fracPart = at < 0 ? '' : s.slice(at + 1);
  if (!DIGITS.test(fracPart)) return undefined;
  const digits = groupedDigits(intPart, group);
  if (digits === undefined || (digits === '' && fracPart === '')) return undefined;
  return Number(`${digits || '0'}.${fracPart || '0'}`);
}

/** `1 234 567` → `1234567`; groups after the first must have exactly three digits. */
function groupedDigits(s: string, group: string | undefined): string | undefined {
  if (DIGITS.test(s)) return s;
  let sep: string | undefined;
  const parts: string[] = [];
  let start = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (c >= '0' && c <= '9') continue;
    const kind = c === group ? 'g' : SPACE_GROUP.test(c) ? (c === "'" || c === '’' ? 'a' : 's') : undefined;
    if (kind === undefined || (sep !== undefined && sep !== kind)) return undefined;
    sep = kind;
    parts.push(s.slice(start, i));
    start = i + 1;
  }
  parts.push(s.slice(start));
  const first = parts[0]!;
  if (first.length < 1 || first.length > 3) return undefined;
  for (let i = 1; i < parts.length; i++) if (parts[i]!.length !== 3) return undefined;
  return parts.join('');
}

function count(s: string, ch: string): number {
  let n = 0;
  for (let i = s.indexOf(ch); i >= 0; i = s.indexOf(ch, i + 1)) n++;
  return n;
}

/** A numeric cell as text: no `.0`, no binary noise (0.30000000000000004 → 0.3). */
export function numberText(n: number): string {
  return Number.isInteger(n) ? String(n) : String(Number(n.toPrecision(15)));
}

// ---------------------------------------------------------------------------------------
// Dates

const EXCEL_EPOCH = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;
const MAX_SERIAL = 2_958_465; // 9999-12-31
const serialCache = new Map<number, string | undefined>();

/** An Excel serial (1900 system) → `YYYY-MM-DD`, in UTC arithmetic so the time zone never matters. */
export function serialToDate(serial: number): string | undefined {
  if (!Number.isFinite(serial)) return undefined;
  // A hair of tolerance so 45000.99999999 written for midnight stays that day.
  const day = Math.floor(serial + 1e-8);
  if (day < 1 || day > MAX_SERIAL || day === 60) return undefined; // 60 is Excel's 1900-02-29
  let text = serialCache.get(day);
  if (text === undefined) {
    // Serials before Excel's phantom 29 Feb 1900 are one day further from the epoch.
    const d = new Date(EXCEL_EPOCH + (day < 60 ? day + 1 : day) * DAY_MS);
    text = ymd(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
    if (serialCache.size < 100_000) serialCache.set(day, text);
  }
  return text;
}

const ISO_DATE =
  /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;
const DMY_DATE = /^(\d{1,2})([./])(\d{1,2})\2(\d{4})(?: \d{1,2}:\d{2}(?::\d{2})?)?$/;
const SERIAL_TEXT = /^\d+(?:[.,]\d+)?$/;

/** Date text: `YYYY-MM-DD`, `DD.MM.YYYY`, `DD/MM/YYYY` (day first), or an Excel serial. */
export function parseDateText(text: string): string | undefined {
  const s = text.trim();
  let m = ISO_DATE.exec(s);
  if (m) return calendarDate(Number(m[1]), Number(m[2]), Number(m[3]));
  m = DMY_DATE.exec(s);
  if (m) return calendarDate(Number(m[4]), Number(m[3]), Number(m[1]));
  if (SERIAL_TEXT.test(s)) return serialToDate(Number(s.replace(',', '.')));
  return undefined;
}

/** Why date text that `parseDateText` refused is no date: written right but too early, no such day, or another form. */
export function dateTextProblem(text: string): 'before1900' | 'noSuchDay' | 'format' {
  const s = text.trim();
  const iso = ISO_DATE.exec(s);
  const dmy = iso ? undefined : DMY_DATE.exec(s);
  if (!iso && !dmy) return 'format';
  const [year, month, day] = iso
    ? [Number(iso[1]), Number(iso[2]), Number(iso[3])]
    : [Number(dmy![4]), Number(dmy![3]), Number(dmy![1])];
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return 'noSuchDay';
  return year < 1900 ? 'before1900' : 'format';
}

function calendarDate(year: number, month: number, day: number): string | undefined {
  if (year < 1900 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  return ymd(year, month, day);
}

// ---------------------------------------------------------------------------------------
// Periods

const PERIOD_YEAR = /^(\d{4})$/;
const PERIOD_QUARTER = /^(\d{4})\s*[-/.\s]?\s*[QК]([1-4])$/;
const PERIOD_QUARTER_FIRST = /^[QК]([1-4])\s*[-/.\s]?\s*(\d{4})$/;
const PERIOD_MONTH = /^(\d{4})[-/.](\d{1,2})$/;
const PERIOD_MONTH_FIRST = /^(\d{1,2})[-/.](\d{4})$/;

/** Period text → canonical `YYYY`, `YYYY-Qn` or `YYYY-MM`; a full date is its month. */
export function parsePeriodText(text: string): string | undefined {
  if (PERIOD_PATTERN.test(text)) return text;
  const s = text.trim().toUpperCase();
  let m = PERIOD_YEAR.exec(s);
  if (m) return m[1];
  m = PERIOD_QUARTER.exec(s);
  if (m) return `${m[1]}-Q${m[2]}`;
  m = PERIOD_QUARTER_FIRST.exec(s);
  if (m) return `${m[2]}-Q${m[1]}`;
  m = PERIOD_MONTH.exec(s);
  if (m) return monthPeriod(Number(m[1]), Number(m[2]));
  m = PERIOD_MONTH_FIRST.exec(s);
  if (m) return monthPeriod(Number(m[2]), Number(m[1]));
  if (SERIAL_TEXT.test(s)) return undefined; // a bare number that is not a year is no period
  const date = parseDateText(s);
  return date === undefined ? undefined : date.slice(0, 7);
}

function monthPeriod(year: number, month: number): string | undefined {
  return month >= 1 && month <= 12 ? ymd(year, month, 1).slice(0, 7) : undefined;
}

// ---------------------------------------------------------------------------------------
// Bools

const TRUE_WORDS = ['yes', 'y', 'true', '1', 'да', 'x', 'х', 'истина'];
const FALSE_WORDS = ['no', 'n', 'false', '0', 'нет', 'ложь'];
const BOOLS = new Map<string, boolean>([
  ...TRUE_WORDS.map((w) => [w, true] as const),
  ...FALSE_WORDS.map((w) => [w, false] as const),
]);

// ---------------------------------------------------------------------------------------
// Coercers

const excelError = (cell: ErrorCell) => new CellError((d) => d.excelError(cell.error));

function coerceText(cell: RawCell): unknown {
  if (typeof cell === 'string') {
    const t = cell.trim();
    return t.length === 0 ? undefined : t;
  }
  if (cell === undefined || cell === null) return undefined;
  if (typeof cell === 'number') return numberText(cell);
  if (typeof cell === 'boolean') return cell ? 'TRUE' : 'FALSE';
  if (isDateCell(cell)) return serialToDate(cell.serial) ?? numberText(cell.serial);
  return excelError(cell);
}

function coerceNumber(cell: RawCell): unknown {
  if (typeof cell === 'number') return Number.isFinite(cell) ? cell : bad(cell, (d) => d.notNumber);
  if (typeof cell === 'string') {
    if (isBlank(cell)) return undefined;
    const n = parseNumber(cell);
    return n === undefined || !Number.isFinite(n) ? bad(cell, (d) => d.notNumber) : n;
  }
  if (cell === undefined || cell === null) return undefined;
  // A number formatted as a date is still the number the cell holds.
  if (isDateCell(cell)) return cell.serial;
  if (typeof cell === 'boolean') return bad(cell, (d) => d.notNumber);
  return excelError(cell);
}

/** Larger amounts are typing slips or overflow, and would print as "$∞" or in exponent form. */
export const MAX_MONEY = 1e13;

function coerceMoney(cell: RawCell): unknown {
  const v = coerceNumber(cell);
  if (typeof v === 'number' && Math.abs(v) > MAX_MONEY) return bad(cell, (d) => d.moneyTooLarge);
  return v;
}

function coerceDate(cell: RawCell): unknown {
  if (typeof cell === 'string') {
    if (isBlank(cell)) return undefined;
    const date = parseDateText(cell);
    if (date !== undefined) return date;
    const why = dateTextProblem(cell);
    return bad(cell, (d) =>
      why === 'before1900' ? d.before1900 : why === 'noSuchDay' ? d.noSuchDay : d.notDate,
    );
  }
  if (cell === undefined || cell === null) return undefined;
  const serial = typeof cell === 'number' ? cell : isDateCell(cell) ? cell.serial : undefined;
  if (serial !== undefined) return serialToDate(serial) ?? bad(cell, (d) => d.notExcelDate);
  if (typeof cell === 'boolean') return bad(cell, (d) => d.notDate);
  return excelError(cell as ErrorCell);
}

function coercePeriod(cell: RawCell): unknown {
  if (typeof cell === 'string') {
    if (isBlank(cell)) return undefined;
    return parsePeriodText(cell) ?? bad(cell, (d) => d.notPeriod);
  }
  if (cell === undefined || cell === null) return undefined;
  if (typeof cell === 'number') {
    return Number.isInteger(cell) && cell >= 1900 && cell <= 2100
      ? String(cell)
      : bad(cell, (d) => d.notPeriod);
  }
  if (isDateCell(cell)) {
    const date = serialToDate(cell.serial);
    return date ? date.slice(0, 7) : bad(cell, (d) => d.notPeriod);
  }
  if (typeof cell === 'boolean') return bad(cell, (d) => d.notPeriod);
  return excelError(cell);
}

function coerceBool(cell: RawCell): unknown {
  if (typeof cell === 'boolean') return cell;
  if (cell === undefined || cell === null) return undefined;
  if (typeof cell === 'string') {
    if (isBlank(cell)) return undefined;
    return BOOLS.get(cell.trim().toLowerCase()) ?? bad(cell, (d) => d.notBool);
  }
  if (typeof cell === 'number') return cell === 1 ? true : cell === 0 ? false : bad(cell, (d) => d.notBool01);
  if (isDateCell(cell)) return bad(cell, (d) => d.notBool);
  return excelError(cell);
}

function enumCoercer(meta: ColumnMeta): Coercer {
  const values = meta.values ?? [];
  const lookup = new Map<string, string>();
  for (const v of values) {
    for (const label of enumLabels(meta, v)) {
      lookup.set(normalizeName(label), v);
      lookup.set(normalizeName(label.replaceAll(',', '')), v);
    }
  }
  // The accepted values in the reader's language: the Russian labels for a Russian reader.
  const allowed = (d: DataMessages) =>
    d.list(values.map((v) => d.named({ en: v, ru: meta.labelsRu?.[v] ?? v })));
  return (cell) => {
    const text = coerceText(cell);
    if (text === undefined || text instanceof CellError) return text;
    const v = lookup.get(normalizeName(text as string));
    return v ?? new CellError((d) => d.notOneOf(showCell(text as string, d), allowed(d)));
  };
}

const BY_KIND: Record<Exclude<ColumnMeta['kind'], 'enum'>, Coercer> = {
  id: coerceText,
  text: coerceText,
  number: coerceNumber,
  integer: coerceNumber,
  money: coerceMoney,
  date: coerceDate,
  bool: coerceBool,
  period: coercePeriod,
};
/** The coercer for a column, built once per column (enum lookups are prepared here). */
export function coercerFor(meta: ColumnMeta): Coercer {
  return meta.kind === 'enum' ? enumCoercer(meta) : BY_KIND[meta.kind];
}
