/**
 * The one place where the Astro side reads the data folder. The ingestion result is cached
 * on globalThis by a fingerprint of the files (path, size, mtime): the build script validates
 * first and Astro's loaders then reuse the same result instead of reading every workbook
 * again, and the several collections of one dev refresh share one read.
 *
 * The validated rows themselves stay in this process too (`rememberGoodInput`), not in the
 * content layer: Astro serialises its data store into the build as one JavaScript string, and
 * carrying every row there cost more than the rest of the page build at 1,000+ accounts. The
 * computed portfolio is shared the same way, so the build computes it once, not twice.
 * (globalThis, because Astro's bundle has its own copy of these modules.)
 */
import { stat } from 'node:fs/promises';
import { dataDir, ingestFolder, listDataFiles, type IngestResult } from '../ingest/index.ts';
import { ingestCacheDir } from '../ingest/cache.ts';
import { computePortfolio } from '../domain/index.ts';
import type { Portfolio } from '../domain/types.ts';
import type { Datasets } from '../schema/index.ts';

interface Cached {
  key: string;
  result: Promise<IngestResult>;
}

const CACHE = Symbol.for('kam.ingest.cache');
const GOOD = Symbol.for('kam.ingest.good');
const PORTFOLIO = Symbol.for('kam.portfolio.cache');
type WithCache = typeof globalThis & {
  [CACHE]?: Cached;
  [GOOD]?: { readAt: string; data: Datasets };
  [PORTFOLIO]?: { data: Datasets; today: string; portfolio: Portfolio };
};

export async function fingerprint(dir: string): Promise<{ key: string; files: string[] }> {
  const files = await listDataFiles(dir);
  const stats = await Promise.all(files.map((f) => stat(f).catch(() => undefined)));
  const key = [dir, ...files.map((f, i) => `${f}:${stats[i]?.size}:${stats[i]?.mtimeMs}`)].join('\n');
  return { key, files };
}

/**
 * Read and validate the data folder, reusing the last result while no file changed; across
 * processes, each unchanged file's reading comes from the state folder's cache.
 */
export async function readInput(dir: string = dataDir()): Promise<IngestResult> {
  const g = globalThis as WithCache;
  const { key } = await fingerprint(dir);
  if (g[CACHE]?.key !== key) g[CACHE] = { key, result: ingestFolder(dir, { cacheDir: ingestCacheDir() }) };
  return g[CACHE].result;
}

/** The loaders record the valid datasets behind the content entries stamped `readAt`. */
export function rememberGoodInput(readAt: string, data: Datasets): void {
  (globalThis as WithCache)[GOOD] = { readAt, data };
}

/** The datasets the loaders last stored with this `readAt`, if this process read them. */
export function goodInput(readAt: string): Datasets | undefined {
  const good = (globalThis as WithCache)[GOOD];
  return good?.readAt === readAt ? good.data : undefined;
}

/** The portfolio computed from these very datasets for this day, computed once per process. */
export function portfolioFor(data: Datasets, today: string): Portfolio {
  const g = globalThis as WithCache;
  const cached = g[PORTFOLIO];
  if (cached?.data === data && cached.today === today) return cached.portfolio;
  const portfolio = computePortfolio(data, { today });
  g[PORTFOLIO] = { data, today, portfolio };
  return portfolio;
}
