/**
 * The ingestion layer: spreadsheet files in the data folder → validated datasets, with every
 * problem located as `file › sheet › row N › column` (SPEC §2). Nothing here prints; callers
 * decide how to show the problems.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { DATASET_NAMES, defaultCriteria, type DatasetName, type Datasets } from '../schema/index.ts';
import { datasetNames, didYouMean, matchDataset, normalizeName } from './match.ts';
import { datasetInfo } from './plan.ts';
import { Problems, type Problem, type Source } from './problems.ts';
import { dataExtension, readSpreadsheet } from './read.ts';
import { checkReferences, removeDuplicates } from './references.ts';
import { resolveSettings } from './settings.ts';
import { emptyRows, newSeenValues, validateSheet, type DatasetRows } from './validate.ts';

export { formatProblem } from './problems.ts';
export type { Problem, Source } from './problems.ts';

export interface InputFile {
  name: string;
  data: Uint8Array;
  mtimeMs?: number;
}

export interface FileSummary {
  file: string;
  bytes: number;
  mtimeMs?: number;
  sheets: { sheet: string; dataset?: DatasetName; rows: number }[];
}

export interface IngestResult {
  /** No errors. */
  ok: boolean;
  /** Best effort: the valid rows, settings with defaults, default criteria when none were given. */
  data: Datasets;
  /** Errors first, then by file, sheet and row. */
  problems: Problem[];
  files: FileSummary[];
  /**
   * Where each valid record came from, parallel to the arrays in `data` (same index): the
   * sheet of record i is `origins[name].sources[i]`, its spreadsheet row `rows[i]`. Default
   * criteria (no sheet) have an empty file name.
   */
  origins: Origins;
}

/** Per dataset (settings excepted), the places of its records, parallel to `data[name]`. */
export type Origins = Partial<Record<DatasetName, { sources: Source[]; rows: number[] }>>;

export interface IngestOptions {
  /** Larger files are an error; default 50, or the KAM_MAX_FILE_MB environment variable. */
  maxFileMb?: number;
}

const DEFAULT_MAX_FILE_MB = 50;
const MB = 1024 * 1024;

/** Sheets that accompany data without being data: the template's README. */
const NOT_DATA = new Set(['readme']);

/** A file as the core sees it: its bytes, or why they could not be had. */
interface Entry {
  name: string;
  bytes: number;
  mtimeMs?: number;
  data?: Uint8Array;
  failure?: string;
}

function maxFileMb(opts: IngestOptions | undefined): number {
  if (opts?.maxFileMb !== undefined && opts.maxFileMb > 0) return opts.maxFileMb;
  const env = Number(process.env.KAM_MAX_FILE_MB);
  return Number.isFinite(env) && env > 0 ? env : DEFAULT_MAX_FILE_MB;
}

function tooLarge(bytes: number, limitMb: number): string | undefined {
  if (bytes <= limitMb * MB) return undefined;
  const size = bytes < MB / 10 ? `${Math.ceil(bytes / 1024)} KB` : `${(bytes / MB).toFixed(1)} MB`;
  return `file is ${size}, over the ${limitMb} MB limit (KAM_MAX_FILE_MB raises it)`;
}

/** Read already-loaded files (no file system access). Names decide what is read. */
export function ingestFiles(files: InputFile[], opts?: IngestOptions): IngestResult {
  return ingest(
    files.map((f) => ({ name: f.name, bytes: f.data.byteLength, mtimeMs: f.mtimeMs, data: f.data })),
    maxFileMb(opts),
  );
}

/** Read every data file in `dir` (not its subfolders). */
export async function ingestFolder(dir: string, opts?: IngestOptions): Promise<IngestResult> {
  const limit = maxFileMb(opts);
  const info = await stat(dir).catch(() => undefined);
  if (!info?.isDirectory()) {
    const problems = new Problems();
    problems.error(`data folder ${dir} does not exist (create it or set KAM_DATA_DIR)`);
    return finish(problems, [], emptyData(), {});
  }
  const paths = await listDataFiles(dir);
  const entries = await Promise.all(
    paths.map(async (p): Promise<Entry> => {
      const name = path.relative(dir, p);
      try {
        const s = await stat(p);
        const entry: Entry = { name, bytes: s.size, mtimeMs: s.mtimeMs };
        // Never load a file that is over the limit.
        if (s.size > 0 && !tooLarge(s.size, limit)) entry.data = await readFile(p);
        return entry;
      } catch (e) {
        return { name, bytes: 0, failure: fsFailure(e) };
      }
    }),
  );
  return ingest(entries, limit, dir);
}

function fsFailure(e: unknown): string {
  const code = (e as { code?: string }).code;
  if (code === 'EACCES' || code === 'EPERM') return 'cannot be read: permission denied';
  if (code === 'EBUSY') return 'cannot be read: the file is locked by another program';
  return `cannot be read${code ? ` (${code})` : ''}`;
}

/** The data folder: KAM_DATA_DIR, else `data/` under the working directory; absolute. */
export function dataDir(env: NodeJS.ProcessEnv = process.env): string {
  const dir = env.KAM_DATA_DIR?.trim();
  return path.resolve(dir ? dir : path.join(process.cwd(), 'data'));
}

/** Absolute paths of the files `ingestFolder(dir)` reads, sorted; none when the folder is missing. */
export async function listDataFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  return entries
    .filter((e) => (e.isFile() || e.isSymbolicLink()) && dataExtension(e.name) !== undefined)
    .map((e) => path.resolve(dir, e.name))
    .sort(compareNames);
}

function compareNames(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function emptyRowsByDataset(): Record<DatasetName, DatasetRows> {
  return Object.fromEntries(DATASET_NAMES.map((n) => [n, emptyRows()])) as Record<DatasetName, DatasetRows>;
}

function ingest(all: Entry[], limitMb: number, dir?: string): IngestResult {
  const problems = new Problems();
  const rows = emptyRowsByDataset();
  const seen = newSeenValues();
  const files: FileSummary[] = [];
  const entries = all
    .filter((e) => dataExtension(e.name) !== undefined)
    .sort((a, b) => compareNames(a.name, b.name));
  if (entries.length === 0) {
    problems.warning(`no .xlsx, .xls, .ods or .csv files${dir ? ` in ${dir}` : ''}`);
  }

  entries.forEach((entry, fi) => {
    const summary: FileSummary = { file: entry.name, bytes: entry.bytes, sheets: [] };
    if (entry.mtimeMs !== undefined) summary.mtimeMs = entry.mtimeMs;
    files.push(summary);
    const fileSrc = { file: entry.name, order: fi * 10_000 };
    const failure =
      entry.failure ??
      (entry.bytes === 0 ? 'file is empty (0 bytes)' : tooLarge(entry.bytes, limitMb)) ??
      (entry.data ? undefined : 'cannot be read');
    if (failure !== undefined) {
      problems.error(failure, fileSrc);
      return;
    }
    const read = readSpreadsheet(entry.name, entry.data!);
    if (read.error !== undefined) {
      problems.error(read.error, fileSrc);
      return;
    }
    if (read.rowError) {
      const { sheet, row, message } = read.rowError;
      problems.error(message, { ...fileSrc, sheet }, row);
    }
    read.sheets.forEach((sheet, si) => {
      const src: Source = { file: entry.name, sheet: sheet.name, order: fi * 10_000 + si + 1 };
      const dataset = matchDataset(sheet.name);
      if (dataset === undefined) {
        // Hidden helper sheets (drop-down lists) and the README are not data.
        if (!sheet.hidden && !NOT_DATA.has(normalizeName(sheet.name))) {
          const what = dataExtension(entry.name) === '.csv' ? 'file name is not a dataset' : 'unknown sheet';
          problems.warning(`${what}; ignored${didYouMean(sheet.name, datasetNames())}`, src);
        }
        summary.sheets.push({ sheet: sheet.name, rows: 0 });
        return;
      }
      const n = validateSheet(datasetInfo(dataset), sheet, src, problems, rows[dataset], seen);
      summary.sheets.push({ sheet: sheet.name, dataset, rows: n });
      sheet.rows = []; // the raw cells are no longer needed: let a big sheet go before the next
    });
  });

  const { settings, given } = resolveSettings(rows.settings, problems);
  if (rows.criteria.seen === 0) {
    const defaults = defaultCriteria(settings.locale);
    rows.criteria.records = defaults as unknown as Record<string, unknown>[];
    rows.criteria.rows = defaults.map(() => 0);
    rows.criteria.sources = defaults.map(() => ({ file: '', sheet: '', order: -1 }));
    const ids = seen.get('criteria.criterion_id');
    for (const c of defaults) ids?.add(c.criterion_id);
  }
  for (const name of DATASET_NAMES) {
    if (name !== 'settings') rows[name] = removeDuplicates(name, rows[name], problems);
  }
  checkReferences(rows, seen, problems);

  const data = emptyData();
  data.settings = settings;
  data.settingsGiven = given;
  const origins: Origins = {};
  for (const name of DATASET_NAMES) {
    if (name === 'settings') continue;
    (data as unknown as Record<string, unknown[]>)[name] = rows[name].records;
    origins[name] = { sources: rows[name].sources, rows: rows[name].rows };
  }
  return finish(problems, files, data, origins);
}

function emptyData(): Datasets {
  const { settings } = resolveSettings(emptyRows(), new Problems());
  return {
    settings,
    settingsGiven: [],
    team: [],
    accounts: [],
    criteria: defaultCriteria(settings.locale),
    scores: [],
    positioning: [],
    financials: [],
    dossier: [],
    kpis: [],
    contacts: [],
    commitments: [],
    surveys: [],
    feedback: [],
    compensation: [],
  };
}

function finish(problems: Problems, files: FileSummary[], data: Datasets, origins: Origins): IngestResult {
  return { ok: problems.errors === 0, data, problems: problems.sorted(), files, origins };
}

function plural(n: number, word: string): string {
  return `${n.toLocaleString('en-US')} ${word}${n === 1 ? '' : 's'}`;
}

/** "3 errors, 2 warnings in 6 files (1,234 rows)". */
export function summarize(result: IngestResult): string {
  let errors = 0;
  let warnings = 0;
  for (const p of result.problems) {
    if (p.severity === 'error') errors++;
    else warnings++;
  }
  const rows = result.files.reduce((sum, f) => sum + f.sheets.reduce((s, sh) => s + sh.rows, 0), 0);
  return `${plural(errors, 'error')}, ${plural(warnings, 'warning')} in ${plural(result.files.length, 'file')} (${plural(rows, 'row')})`;
}
