/**
 * Name matching (docs/RULES.md#reading-the-data): sheets to datasets and headers to columns, case-insensitively,
 * ignoring spaces, `-` and `_`, against the English name or a Russian alias; and the
 * "did you mean …?" suggestions by edit distance.
 */
import { DATASET_NAMES, DATASETS, type DatasetName } from '../schema/index.ts';
import type { Msg } from './messages.ts';

const IGNORED = /[\s\-_]+/g;

export function normalizeName(name: string): string {
  return name.replace(IGNORED, '').toLowerCase();
}

/** Levenshtein distance, two rows of memory. */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  let cur = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
    }
    [prev, cur] = [cur, prev];
  }
  return prev[b.length]!;
}

/**
 * The candidate closest to `name` (compared normalised). With `onlyIfClose`, nothing is
 * suggested when even the closest one shares too little with the name to help.
 */
export function closest(name: string, candidates: Iterable<string>, onlyIfClose = false): string | undefined {
  const n = normalizeName(name);
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const c of candidates) {
    const d = editDistance(n, normalizeName(c));
    if (d < bestDistance) {
      best = c;
      bestDistance = d;
    }
  }
  if (best === undefined) return undefined;
  if (onlyIfClose && bestDistance > Math.max(2, Math.floor(normalizeName(best).length / 3))) return undefined;
  return best;
}

/** ` (did you mean "x"?)`, or nothing. */
export function didYouMean(name: string, candidates: Iterable<string>, onlyIfClose = false): Msg {
  const c = closest(name, candidates, onlyIfClose);
  return (d) => (c === undefined ? '' : d.didYouMean(c));
}

const datasetByName = new Map<string, DatasetName>();
for (const name of DATASET_NAMES) {
  datasetByName.set(normalizeName(name), name);
  datasetByName.set(normalizeName(DATASETS[name].ru), name);
}

// `financials-2025`, `scores_2026Q1`, `клиенты 2`: a dataset name, a separator, then a number.
const NUMBERED = /^(.+?)[\s\-_.]+\d[^]*$/;

/**
 * The dataset a sheet (or a CSV file's base name) feeds, if any. A name followed by a
 * number also counts, so data can be split by year; `accounts_old` does not.
 */
export function matchDataset(sheetName: string): DatasetName | undefined {
  const exact = datasetByName.get(normalizeName(sheetName));
  if (exact !== undefined) return exact;
  const m = NUMBERED.exec(sheetName.trim());
  return m ? datasetByName.get(normalizeName(m[1]!)) : undefined;
}

/** Every name a dataset answers to, for suggestions. */
export function datasetNames(): string[] {
  return DATASET_NAMES.flatMap((n) => [n, DATASETS[n].ru]);
}
