/**
 * Rows → records. The column plan (which cell feeds which column, with which coercer) is
 * resolved once per sheet from the header; each row is then coerced cell by cell and
 * validated with the dataset's zod object schema, whose issue paths name the column. A row
 * whose values zod would plainly take as they are skips the zod call (see fast.ts).
 */
import type { z } from 'zod';
import { DATASETS } from '../schema/index.ts';
import {
  CellError,
  hasControlChars,
  isBlank,
  isBlankRow,
  showCell,
  stripControlChars,
  type RawCell,
} from './cells.ts';
import { didYouMean, normalizeName } from './match.ts';
import { EN, type DataMessages, type Msg } from './messages.ts';
import { REF_TARGETS, type ColumnInfo, type DatasetInfo } from './plan.ts';
import { columnLetter, type ColumnPlace, type Problems, type Source } from './problems.ts';
import type { RawSheet } from './read.ts';

export { columnLetter } from './problems.ts';

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
  const labels = new Map<string, string>();
  let russian = 0;
  const unnamed = new Set<number>();
  const aliases = info.columns.flatMap((c) => [c.name, ...c.meta.ru]);
  for (let i = 0; i < header.length; i++) {
    const cell = header[i];
    if (isBlank(cell)) {
      unnamed.add(i);
      continue;
    }
    // A header names columns in messages: no control character may ride along into them.
    const text = typeof cell === 'string' ? stripControlChars(cell).trim() : showCell(cell);
    const col = info.byAlias.get(normalizeName(text));
    if (!col) {
      const hint = didYouMean(text, aliases, true);
      problems.warning((d) => d.unknownColumn(hint(d)), src, headerRow, { label: text, index: i });
      continue;
    }
    const first = byColumn.get(col.name);
    if (first !== undefined) {
      const [a, b] = [columnLetter(first), columnLetter(i)];
      problems.error((d) => d.columnTwice(a, b), src, headerRow, { label: text, index: i });
      continue;
    }
    byColumn.set(col.name, i);
    labels.set(col.name, text);
    if (normalizeName(text) !== normalizeName(col.name)) russian++;
  }
  // Columns are named as this sheet names them; one it lacks, in the language its header uses.
  const places = new Map<string, ColumnPlace>();
  for (const col of info.columns) {
    const index = byColumn.get(col.name);
    const label = labels.get(col.name) ?? (russian > 0 && col.meta.ru[0] ? col.meta.ru[0] : col.name);
    places.set(col.name, index === undefined ? { label } : { label, index });
  }
  src.columns = places;
  const missing = new Set<string>();
  const plan = info.columns.map((col): Planned => {
    if (col.required && !byColumn.has(col.name)) {
      problems.error((d) => d.requiredMissing, src, headerRow, col.name);
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
  const dataset = (d: DataMessages) => d.named({ en: info.name, ru: DATASETS[info.name].ru });
  if (h >= rows.length) {
    problems.warning((d) => d.sheetEmpty(dataset(d)), src);
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
      let raw = p.index < 0 ? undefined : cells[p.index];
      if (typeof raw === 'string' && hasControlChars(raw)) {
        const clean = (raw = stripControlChars(raw));
        problems.warning((d) => d.controlChars(showCell(clean, d)), src, rowNo, col.name);
      }
      const v = col.coerce(raw);
      if (v === undefined) {
        // A blank takes the zod default here; a required blank is left for zod to report.
        if (!col.blank.ok) plain = false;
        else if (col.blank.value !== undefined) rec[col.name] = col.blank.value;
        continue;
      }
      if (v instanceof CellError) {
        problems.error(v.msg, src, rowNo, col.name);
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
      problems.error(issueMessage(issue, column, rec), src, rowNo, column);
    }
  }
  out.seen += dataRows;

  for (const i of unnamedWithData) {
    problems.warning((d) => d.noHeader, src, headerRow, { label: '', index: i });
  }
  if (dataRows === 0) problems.warning((d) => d.noDataRows(dataset(d)), src, headerRow);
  return dataRows;
}

function issueMessage(
  issue: z.core.$ZodIssue,
  column: string | undefined,
  rec: Record<string, unknown>,
): Msg {
  const what = zodMessage(issue);
  if (column === undefined) return what;
  const value = rec[column];
  if (value === undefined) return (d) => d.required;
  return (d) => d.got(what(d), showCell(value as RawCell, d));
}

/** A zod issue in the catalogue's words: the checks our column builders use, else zod's own text. */
export function zodMessage(issue: z.core.$ZodIssue): Msg {
  const i = issue as z.core.$ZodIssue & {
    origin?: string;
    minimum?: number;
    maximum?: number;
    inclusive?: boolean;
    expected?: string;
    format?: string;
  };
  switch (i.code) {
    case 'too_small':
      if (i.origin === 'string') return (d) => d.mustNotBeEmpty;
      return i.inclusive === false
        ? (d) => d.greaterThan(Number(i.minimum))
        : (d) => d.atLeast(Number(i.minimum));
    case 'too_big':
      return i.inclusive === false
        ? (d) => d.lessThan(Number(i.maximum))
        : (d) => d.atMost(Number(i.maximum));
    case 'invalid_type':
      if (i.expected === 'int') return (d) => d.wholeNumber;
      break;
    case 'invalid_format':
      // The settings' own patterns; their English text is the catalogue's.
      if (issue.message === EN.currencyCode) return (d) => d.currencyCode;
      if (issue.message === EN.periodFormat) return (d) => d.periodFormat;
      break;
    default:
      break;
  }
  return () => issue.message;
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

/** Every referenced `dataset.column` starts with an empty set of seen values. */
export function newSeenValues(): SeenValues {
  return new Map([...REF_TARGETS].map((t) => [t, new Set<string>()]));
}
