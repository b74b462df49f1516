/**
 * The ingestion layer: spreadsheet files in the data folder → validated datasets, with every
 * problem located as `file › sheet › row N › column` (docs/RULES.md#reading-the-data). Nothing here prints; callers
 * decide how to show the problems.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Locale } from '../i18n/index.ts';
import {
  DATASET_NAMES,
  DATASETS,
  defaultCriteria,
  emptyLists,
  type DatasetName,
  type RowDatasets,
  type Datasets,
} from '../schema/index.ts';
import { datasetNames, didYouMean, matchDataset, normalizeName } from './match.ts';
import { dataMessages, type Msg } from './messages.ts';
import { Problems, type Problem, type Source } from './problems.ts';
import { openIngestCache, readCached, type IngestCache } from './cache.ts';
import { applyFileOutcome, fileOrder } from './per-file.ts';
import { dataExtension, stem } from './read.ts';
import { checkReferences, removeDuplicates } from './references.ts';
import { resolveSettings } from './settings.ts';
import { emptyRows, newSeenValues, type DatasetRows } from './validate.ts';

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
  /** Errors first, then by file, sheet and row; written in `locale`. */
  problems: Problem[];
  files: FileSummary[];
  /** The language of the messages: the data's `locale` setting, else as `guessLocale` decides. */
  locale: Locale;
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
  /** Keep each file's reading here and reuse it while the file is unchanged (see cache.ts). */
  cacheDir?: string;
}

const DEFAULT_MAX_FILE_MB = 50;
const MB = 1024 * 1024;
/** A workbook may unpack to this many times the file size limit. */
const UNPACKED_FACTOR = 20;

/** Sheets that accompany data without being data: the template's README. */
const NOT_DATA = new Set(['readme']);

/** A file as the core sees it: its bytes, or why they could not be had. */
interface Entry {
  name: string;
  bytes: number;
  mtimeMs?: number;
  data?: Uint8Array;
  failure?: Msg;
}

function maxFileMb(opts: IngestOptions | undefined): number {
  if (opts?.maxFileMb !== undefined && opts.maxFileMb > 0) return opts.maxFileMb;
  const env = Number(process.env.KAM_MAX_FILE_MB);
  return Number.isFinite(env) && env > 0 ? env : DEFAULT_MAX_FILE_MB;
}

function tooLarge(bytes: number, limitMb: number): Msg | undefined {
  if (bytes <= limitMb * MB) return undefined;
  const size = bytes < MB / 10 ? `${Math.ceil(bytes / 1024)} KB` : `${(bytes / MB).toFixed(1)} MB`;
  return (d) => d.tooLarge(size, limitMb);
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
    problems.error((d) => d.folderMissing(dir));
    return finish(problems, [], emptyData(), {}, 'en');
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
  const cache = opts?.cacheDir ? openIngestCache(opts.cacheDir, { limitMb: limit }) : undefined;
  const result = ingest(entries, limit, dir, cache);
  cache?.prune();
  return result;
}

function fsFailure(e: unknown): Msg {
  const code = (e as { code?: string }).code;
  if (code === 'EACCES' || code === 'EPERM') return (d) => d.permissionDenied;
  if (code === 'EBUSY') return (d) => d.locked;
  return (d) => d.cannotRead(code ?? '');
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

function ingest(all: Entry[], limitMb: number, dir?: string, cache?: IngestCache): IngestResult {
  const problems = new Problems();
  const rows = emptyRowsByDataset();
  const seen = newSeenValues();
  const files: FileSummary[] = [];
  const entries = all
    .filter((e) => dataExtension(e.name) !== undefined)
    .sort((a, b) => compareNames(a.name, b.name));
  // Files that could not be read at all, and the sheets that were read: see `unavailableDatasets`.
  const unreadable: string[] = [];
  const sheetNames: string[] = [];

  entries.forEach((entry, fi) => {
    const summary: FileSummary = { file: entry.name, bytes: entry.bytes, sheets: [] };
    if (entry.mtimeMs !== undefined) summary.mtimeMs = entry.mtimeMs;
    files.push(summary);
    const fileSrc = { file: entry.name, order: fileOrder(fi) };
    const failure: Msg | undefined =
      entry.failure ??
      (entry.bytes === 0 ? (d) => d.emptyFile : tooLarge(entry.bytes, limitMb)) ??
      (entry.data ? undefined : (d) => d.cannotRead(''));
    if (failure !== undefined) {
      problems.error(failure, fileSrc);
      unreadable.push(entry.name);
      return;
    }
    const outcome = readCached(cache, entry.name, entry.data!, UNPACKED_FACTOR * limitMb * MB);
    applyFileOutcome(outcome, entry.name, fi, problems, rows, seen);
    if (outcome.unreadable) unreadable.push(entry.name);
    outcome.sheets.forEach((sheet, si) => {
      sheetNames.push(sheet.name);
      summary.sheets.push(
        sheet.dataset
          ? { sheet: sheet.name, dataset: sheet.dataset, rows: sheet.count }
          : { sheet: sheet.name, rows: 0 },
      );
      if (sheet.dataset !== undefined) return;
      // Hidden helper sheets (drop-down lists) and the README are not data.
      if (!sheet.hidden && !NOT_DATA.has(normalizeName(sheet.name))) {
        const src: Source = { file: entry.name, sheet: sheet.name, order: fileOrder(fi) + si + 1 };
        const hint = didYouMean(sheet.name, datasetNames());
        const csv = dataExtension(entry.name) === '.csv';
        problems.warning((d) => (csv ? d.unknownFile(hint(d)) : d.unknownSheet(hint(d))), src);
      }
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
  const unavailable = unavailableDatasets(unreadable, rows);
  checkReferences(rows, seen, problems, unavailable);
  if (rows.accounts.seen === 0 && !unavailable.has('accounts')) {
    // Nothing can be built without accounts: no data file at all, or no accounts sheet (a typo in its name?).
    if (entries.length === 0) problems.error((d) => d.noFiles(dir ?? ''));
    else problems.error((d) => d.noAccounts);
  }

  const data = emptyData();
  data.settings = settings;
  data.settingsGiven = given;
  const origins: Origins = {};
  for (const name of DATASET_NAMES) {
    if (name === 'settings') continue;
    (data as unknown as Record<string, unknown[]>)[name] = rows[name].records;
    origins[name] = { sources: rows[name].sources, rows: rows[name].rows };
  }
  const localeLost =
    unavailable.has('settings') ||
    rows.settings.records.some((r) => normalizeName(String(r.key)) === 'locale');
  const locale = given.includes('locale') ? settings.locale : guessLocale(localeLost, sheetNames);
  return finish(problems, files, data, origins, locale);
}

/**
 * The datasets an unreadable file would have supplied: the one its name matches
 * (`surveys.csv`, `клиенты-2026.xlsx`), and, since a workbook's sheets cannot be known
 * without reading it, every dataset that ended up with no rows at all. References into these
 * are not reported row by row: the file's own error already says what is wrong.
 */
function unavailableDatasets(unreadable: string[], rows: Record<DatasetName, DatasetRows>): Set<DatasetName> {
  const out = new Set<DatasetName>();
  if (unreadable.length === 0) return out;
  for (const file of unreadable) {
    const named = matchDataset(stem(file));
    if (named !== undefined) out.add(named);
  }
  for (const name of DATASET_NAMES) if (rows[name].seen === 0) out.add(name);
  return out;
}

/**
 * The language of the messages when the `locale` setting was not read: when it was lost (the
 * settings file failed, or the value was wrong), the sheet names decide — mostly Russian
 * dataset names mean Russian. Otherwise English, the setting's default.
 */
function guessLocale(lost: boolean, sheets: string[]): Locale {
  if (!lost) return 'en';
  let ru = 0;
  let en = 0;
  for (const sheet of sheets) {
    const dataset = matchDataset(sheet);
    if (dataset === undefined) continue;
    if (normalizeName(sheet).startsWith(normalizeName(DATASETS[dataset].ru))) ru++;
    else en++;
  }
  return ru > en ? 'ru' : 'en';
}

function emptyData(): Datasets {
  const { settings } = resolveSettings(emptyRows(), new Problems());
  return {
    ...(emptyLists() as unknown as RowDatasets),
    settings,
    settingsGiven: [],
    criteria: defaultCriteria(settings.locale),
  };
}

function finish(
  problems: Problems,
  files: FileSummary[],
  data: Datasets,
  origins: Origins,
  locale: Locale,
): IngestResult {
  return { ok: problems.errors === 0, data, problems: problems.sorted(locale), files, origins, locale };
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
  return dataMessages(result.locale).summary(errors, warnings, result.files.length, rows);
}
