/**
 * Generic CSV writer for every CSV the portal publishes (accounts export, accounts table,
 * share index): RFC 4180 quoting, CRLF line ends, a UTF-8 BOM so Excel reads Cyrillic, and
 * formula-injection neutralisation of text cells.
 */

export type CsvCell = string | number | boolean | null | undefined;

export interface CsvColumn<Row> {
  /** Header text. */
  header: string;
  /** Cell value; a field name of the row or a function. */
  value: (keyof Row & string) | ((row: Row) => CsvCell);
}

export const BOM = '\uFEFF';

// Excel and LibreOffice treat these leading characters as the start of a formula.
const FORMULA_START = /^[=+\-@\t\r]/;

/** Text that Excel would run as a formula gets a leading apostrophe. Numbers are left alone. */
export function neutralise(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

function quote(text: string): string {
  return /[",\r\n]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One cell: numbers as plain numbers (a negative number stays a number), text neutralised and quoted. */
export function csvCell(v: CsvCell): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '';
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  return quote(neutralise(v));
}

export function toCsv<Row>(columns: readonly CsvColumn<Row>[], rows: Iterable<Row>): string {
  const lines = [columns.map((c) => quote(neutralise(c.header))).join(',')];
  for (const row of rows) {
    lines.push(
      columns
        .map((c) => csvCell(typeof c.value === 'function' ? c.value(row) : (row[c.value] as CsvCell)))
        .join(','),
    );
  }
  return BOM + lines.join('\r\n') + '\r\n';
}
