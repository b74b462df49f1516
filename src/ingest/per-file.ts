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
import { LOCALES, type Locale } from '../i18n/index.ts';
import { dataMessages, type Msg } from './messages.ts';
import { Problems, type Source } from './problems.ts';
import { readSpreadsheet } from './read.ts';
import { emptyRows, newSeenValues, validateSheet, type DatasetRows, type SeenValues } from './validate.ts';

type AddArgs = Parameters<Problems['add']>;
/** A recorded problem: its message already written in every language, so it can be stored. */
type Recorded = [AddArgs[0], Record<Locale, string>, ...Tail<Tail<AddArgs>>];
type Tail<T extends unknown[]> = T extends [unknown, ...infer R] ? R : never;

/**
 * Keeps the problems of one file, in the order found, to be replayed into the whole run's
 * list. Messages are functions of the catalogue until the data's locale is known; they are
 * rendered here in each language, since a function cannot be kept between builds.
 */
class Recorder extends Problems {
  readonly calls: Recorded[] = [];
  override add(severity: AddArgs[0], msg: Msg, ...rest: Tail<Tail<AddArgs>>): void {
    const text = Object.fromEntries(LOCALES.map((l) => [l, msg(dataMessages(l))])) as Record<Locale, string>;
    this.calls.push([severity, text, ...rest]);
  }
}

/** The recorded message again as a function of the catalogue it is rendered with. */
function replay(text: Record<Locale, string>): Msg {
  return (d) => text[LOCALES.find((l) => dataMessages(l) === d) ?? 'en'];
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
  /** Where each column sits in the sheet, for the cell addresses of later cross-file problems. */
  columns?: Source['columns'];
}

export interface FileOutcome {
  sheets: SheetOutcome[];
  /** `Problems.add` calls; sources carry the order of a file that sorts first (0). */
  problems: Recorded[];
  /** The file could not be read at all (corrupt, not what its extension says, too large unpacked). */
  unreadable: boolean;
  /** Referenced column → values seen in this file. */
  seen: [string, string[]][];
}

/** Read and validate one file's bytes, without touching anything shared. */
export function readFileOutcome(name: string, data: Uint8Array, maxUnpackedBytes: number): FileOutcome {
  const problems = new Recorder();
  const outcome: FileOutcome = { sheets: [], problems: problems.calls, seen: [], unreadable: false };
  const fileSrc = { file: name, order: 0 };
  const read = readSpreadsheet(name, data, { maxUnpackedBytes });
  if (read.error !== undefined) {
    problems.error(read.error, fileSrc);
    outcome.unreadable = true;
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
    if (src.columns) out.columns = src.columns;
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
    problems.add(severity, replay(message), at, ...rest);
  }
  outcome.sheets.forEach((sheet, si) => {
    if (sheet.dataset === undefined) return;
    const src: Source = { file, sheet: sheet.name, order: base + si + 1 };
    if (sheet.columns) src.columns = sheet.columns;
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
