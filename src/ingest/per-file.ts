/**
 * What reading one data file yields on its own: its sheets, which dataset each feeds, the
 * coerced rows with their row numbers, the values later checked as references and the
 * problems found in it. None of it depends on the other files, so it can be kept between
 * builds (cache.ts) and put back in place by `applyFileOutcome` exactly as a fresh read
 * would have left it; the checks across files (duplicate keys, references, defaults) then
 * run on the whole, every time.
 */
import type { DatasetName } from '../schema/index.ts';
import { matchDataset } from './match.ts';
import { datasetInfo } from './plan.ts';
import { Problems, type Source } from './problems.ts';
import { readSpreadsheet } from './read.ts';
import { emptyRows, newSeenValues, validateSheet, type DatasetRows, type SeenValues } from './validate.ts';

type AddArgs = Parameters<Problems['add']>;

/** Keeps the problems of one file, in the order found, to be replayed into the whole run's list. */
class Recorder extends Problems {
  readonly calls: AddArgs[] = [];
  override add(...args: AddArgs): void {
    this.calls.push(args);
  }
}

export interface SheetOutcome {
  name: string;
  hidden: boolean;
  dataset?: DatasetName;
  /** Non-blank data rows (valid or not), as the file summary counts them. */
  count: number;
  records: Record<string, unknown>[];
  rows: number[];
  invalid: { records: Record<string, unknown>[]; rows: number[] };
}

export interface FileOutcome {
  sheets: SheetOutcome[];
  /** `Problems.add` calls; sources carry the order of a file that sorts first (0). */
  problems: AddArgs[];
  /** Referenced column → values seen in this file. */
  seen: [string, string[]][];
}

/** Read and validate one file's bytes, without touching anything shared. */
export function readFileOutcome(name: string, data: Uint8Array): FileOutcome {
  const problems = new Recorder();
  const outcome: FileOutcome = { sheets: [], problems: problems.calls, seen: [] };
  const fileSrc = { file: name, order: 0 };
  const read = readSpreadsheet(name, data);
  if (read.error !== undefined) {
    problems.error(read.error, fileSrc);
    return outcome;
  }
  if (read.rowError) {
    const { sheet, row, message } = read.rowError;
    problems.error(message, { ...fileSrc, sheet }, row);
  }
  const seen: SeenValues = newSeenValues();
  read.sheets.forEach((sheet, si) => {
    const dataset = matchDataset(sheet.name);
    const out: SheetOutcome = {
      name: sheet.name,
      hidden: sheet.hidden,
      count: 0,
      records: [],
      rows: [],
      invalid: { records: [], rows: [] },
    };
    outcome.sheets.push(out);
    if (dataset === undefined) return; // warned about (or not) by the caller, which knows the rules
    out.dataset = dataset;
    const src: Source = { file: name, sheet: sheet.name, order: si + 1 };
    const rows = emptyRows();
    out.count = validateSheet(datasetInfo(dataset), sheet, src, problems, rows, seen);
    out.records = rows.records;
    out.rows = rows.rows;
    out.invalid = { records: rows.invalid.records, rows: rows.invalid.rows };
    sheet.rows = []; // the raw cells are no longer needed: let a big sheet go before the next
  });
  for (const [key, values] of seen) if (values.size > 0) outcome.seen.push([key, [...values]]);
  return outcome;
}

/** The file's source order in the whole run: files sort by name, sheets within a file. */
export function fileOrder(fileIndex: number): number {
  return fileIndex * 10_000;
}

/**
 * Put one file's outcome into the run: its problems (placed at the file's position), its rows
 * appended to their datasets and its referenced values added to the seen ones.
 */
export function applyFileOutcome(
  outcome: FileOutcome,
  file: string,
  fileIndex: number,
  problems: Problems,
  rows: Record<DatasetName, DatasetRows>,
  seen: SeenValues,
): void {
  const base = fileOrder(fileIndex);
  for (const [severity, message, src, ...rest] of outcome.problems) {
    const at = src && { ...src, order: (src.order ?? 0) + base };
    problems.add(severity, message, at, ...rest);
  }
  outcome.sheets.forEach((sheet, si) => {
    if (sheet.dataset === undefined) return;
    const src: Source = { file, sheet: sheet.name, order: base + si + 1 };
    const to = rows[sheet.dataset];
    append(to, sheet.records, sheet.rows, src);
    append(to.invalid, sheet.invalid.records, sheet.invalid.rows, src);
    to.seen += sheet.count;
  });
  for (const [key, values] of outcome.seen) {
    const set = seen.get(key);
    if (set) for (const v of values) set.add(v);
  }
}

function append(
  to: { records: Record<string, unknown>[]; rows: number[]; sources: Source[] },
  records: Record<string, unknown>[],
  rowNumbers: number[],
  src: Source,
): void {
  for (let i = 0; i < records.length; i++) {
    to.records.push(records[i]!);
    to.rows.push(rowNumbers[i]!);
    to.sources.push(src);
  }
}
