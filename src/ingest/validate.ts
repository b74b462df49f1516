/**
 * Rows → records. The column plan (which cell feeds which column, with which coercer) is
 * resolved once per sheet from the header; each row is then coerced cell by cell and
 * validated with the dataset's zod object schema, whose issue paths name the column. A row
 * whose values zod would plainly take as they are skips the zod call (see fast.ts).
 */
import * as XLSX from '@e965/xlsx';
import { CellError, isBlank, isBlankRow, isErrorCell, showCell, type RawCell } from './cells.ts';
import { didYouMean, normalizeName } from './match.ts';
import { REF_TARGETS, type ColumnInfo, type DatasetInfo } from './plan.ts';
import type { Problems, Source } from './problems.ts';
import type { RawSheet } from './read.ts';

/** The valid records of one dataset with where each came from (parallel arrays). */
export interface DatasetRows {
  records: Record<string, unknown>[];
  rows: number[];
  sources: Source[];
  /** Non-blank data rows seen, valid or not. */
  seen: number;
  /** Rows that failed validation, as far as they could be read: their references are still checked. */
  invalid: { records: Record<string, unknown>[]; rows: number[]; sources: Source[] };
}

export function emptyRows(): DatasetRows {
  return { records: [], rows: [], sources: [], seen: 0, invalid: { records: [], rows: [], sources: [] } };
}

/** Values of referenced columns (`team.member_id` …) seen in any row, valid or not. */
export type SeenValues = Map<string, Set<string>>;

interface Planned {
  /** Cell index in the sheet; -1 when the sheet has no such column. */
  index: number;
  col: ColumnInfo;
  /** Collect this column's values for reference checks. */
  seen?: Set<string>;
}

export function columnLetter(index: number): string {
  return XLSX.utils.encode_col(index);
}

interface HeaderPlan {
  /** Every column in schema order, so a plainly valid row is built as zod would build it. */
  plan: Planned[];
  /** Required columns the header lacks (reported once, at the header row). */
  missing: Set<string>;
  /** Indexes of header cells that are blank. */
  unnamed: Set<number>;
}

/** Resolve the header once: known columns, unknown ones (warned, dropped), unnamed ones. */
function planHeader(
  info: DatasetInfo,
  header: readonly RawCell[],
  headerRow: number,
  src: Source,
  problems: Problems,
  seenValues: SeenValues,
): HeaderPlan {
  const byColumn = new Map<string, number>();
  const unnamed = new Set<number>();
  const aliases = info.columns.flatMap((c) => [c.name, ...c.meta.ru]);
  for (let i = 0; i < header.length; i++) {
    const cell = header[i];
    if (isBlank(cell)) {
      unnamed.add(i);
      continue;
    }
    const text = typeof cell === 'string' ? cell.trim() : showCell(cell);
    const col = info.byAlias.get(normalizeName(text));
    if (!col) {
      const hint = didYouMean(text, aliases, true);
      problems.warning(`unknown column ignored (column ${columnLetter(i)})${hint}`, src, headerRow, text);
      continue;
    }
    const first = byColumn.get(col.name);
    if (first !== undefined) {
      const where = `columns ${columnLetter(first)} and ${columnLetter(i)}`;
      problems.error(`column appears twice (${where}); the second is ignored`, src, headerRow, col.name);
      continue;
    }
    byColumn.set(col.name, i);
  }
  const missing = new Set<string>();
  const plan = info.columns.map((col): Planned => {
    if (col.required && !byColumn.has(col.name)) {
      problems.error('required column is missing', src, headerRow, col.name);
      missing.add(col.name);
    }
    const p: Planned = { index: byColumn.get(col.name) ?? -1, col };
    const target = seenValues.get(`${info.name}.${col.name}`);
    if (target) p.seen = target;
    return p;
  });
  return { plan, missing, unnamed };
}

function push(to: DatasetRows['invalid'], rec: Record<string, unknown>, row: number, src: Source): void {
  to.records.push(rec);
  to.rows.push(row);
  to.sources.push(src);
}

/** Validate one sheet into `out`; returns the number of non-blank data rows. */
export function validateSheet(
  info: DatasetInfo,
  sheet: RawSheet,
  src: Source,
  problems: Problems,
  out: DatasetRows,
  seenValues: SeenValues,
): number {
  const rows = sheet.rows;
  let h = 0;
  while (h < rows.length && (rows[h] === undefined || isBlankRow(rows[h]!))) h++;
  if (h >= rows.length) {
    problems.warning(`sheet is empty: no header row, no data (dataset ${info.name})`, src);
    return 0;
  }
  const headerRow = h + 1;
  const header = rows[h]!;
  const { plan, missing, unnamed } = planHeader(info, header, headerRow, src, problems, seenValues);
  const complete = missing.size === 0;
  const schema = info.schema;
  const hasRefs = info.columns.some((c) => c.ref !== undefined);
  const unnamedWithData = new Set<number>();
  let dataRows = 0;

  for (let r = h + 1; r < rows.length; r++) {
    const cells = rows[r];
    if (cells === undefined || isBlankRow(cells)) continue;
    dataRows++;
    const rowNo = r + 1;
    if (cells.length > header.length || unnamed.size > 0) {
      noteUnnamed(cells, header.length, unnamed, unnamedWithData);
    }

    // Only known column names ever become keys, so a header like __proto__ cannot reach here.
    const rec: Record<string, unknown> = {};
    let bad: Set<string> | undefined;
    // Still plainly valid: every value is one zod takes as it is (fast.ts), so zod can be skipped.
    let plain = complete;
    for (let k = 0; k < plan.length; k++) {
      const p = plan[k]!;
      const col = p.col;
      const raw = p.index < 0 ? undefined : cells[p.index];
      const v = col.coerce(raw);
      if (v === undefined) {
        // A blank takes the zod default here; a required blank is left for zod to report.
        if (!col.blank.ok) plain = false;
        else if (col.blank.value !== undefined) rec[col.name] = col.blank.value;
        continue;
      }
      if (v instanceof CellError) {
        problems.error(cellMessage(v, raw, p.index, rowNo), src, rowNo, col.name);
        (bad ??= new Set()).add(col.name);
        plain = false;
        continue;
      }
      rec[col.name] = v;
      if (plain && (col.accepts === undefined || !col.accepts(v))) plain = false;
      if (p.seen !== undefined && typeof v === 'string') p.seen.add(v);
    }
    if (plain) {
      push(out, rec, rowNo, src);
      continue;
    }
    const res = schema.safeParse(rec);
    if (res.success && bad === undefined && complete) {
      push(out, res.data as Record<string, unknown>, rowNo, src);
      continue;
    }
    if (hasRefs) push(out.invalid, rec, rowNo, src);
    if (res.success) continue;
    for (const issue of res.error.issues) {
      const column = typeof issue.path[0] === 'string' ? issue.path[0] : undefined;
      if (column !== undefined && (bad?.has(column) || missing.has(column))) continue;
      problems.error(issueMessage(issue.message, column, rec), src, rowNo, column);
    }
  }
  out.seen += dataRows;

  for (const i of unnamedWithData) {
    const column = `column ${columnLetter(i)}`;
    problems.warning('values in a column without a header are ignored', src, headerRow, column);
  }
  if (dataRows === 0) problems.warning(`no data rows under the header (dataset ${info.name})`, src);
  return dataRows;
}

function issueMessage(message: string, column: string | undefined, rec: Record<string, unknown>): string {
  if (column === undefined) return message;
  const value = rec[column];
  return value === undefined ? 'a value is required' : `${message} (got ${showCell(value as RawCell)})`;
}

function noteUnnamed(
  cells: readonly RawCell[],
  headerLength: number,
  unnamed: Set<number>,
  found: Set<number>,
): void {
  for (const i of unnamed) if (!found.has(i) && !isBlank(cells[i])) found.add(i);
  for (let i = headerLength; i < cells.length; i++) if (!found.has(i) && !isBlank(cells[i])) found.add(i);
}

function cellMessage(err: CellError, raw: RawCell, index: number, rowNo: number): string {
  return isErrorCell(raw) ? `${err.message} in cell ${columnLetter(index)}${rowNo}` : err.message;
}

/** Every referenced `dataset.column` starts with an empty set of seen values. */
export function newSeenValues(): SeenValues {
  return new Map([...REF_TARGETS].map((t) => [t, new Set<string>()]));
}
