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
 *
 * Two more things travel with the datasets the same way, keyed by the datasets object itself:
 * where each record came from (`originsFor`, from the reader) and what changed since the
 * previous build (`buildChangesFor`), which the build pipeline computes from the state folder
 * before Astro runs (src/build/snapshot.ts) — pages never read the file system for it. Under
 * `astro dev` no pipeline runs, so there is none and the pages say it comes with a build.
 */
import { stat } from 'node:fs/promises';
import { dataDir, ingestFolder, listDataFiles, type IngestResult, type Origins } from '../ingest/index.ts';
import { ingestCacheDir } from '../ingest/cache.ts';
import { computePortfolio } from '../domain/index.ts';
import type { Portfolio } from '../domain/types.ts';
import type { Datasets } from '../schema/index.ts';
import type { BuildChanges } from '../views/changes.ts';

interface Cached {
  key: string;
  result: Promise<IngestResult>;
}

const CACHE = Symbol.for('kam.ingest.cache');
const GOOD = Symbol.for('kam.ingest.good');
const PORTFOLIO = Symbol.for('kam.portfolio.cache');
const ORIGINS = Symbol.for('kam.ingest.origins');
const CHANGES = Symbol.for('kam.build.changes');
type WithCache = typeof globalThis & {
  [CACHE]?: Cached;
  [GOOD]?: { readAt: string; data: Datasets };
  [PORTFOLIO]?: { data: Datasets; today: string; portfolio: Portfolio };
  [ORIGINS]?: WeakMap<Datasets, Origins>;
  [CHANGES]?: WeakMap<Datasets, BuildChanges>;
};

function originsMap(): WeakMap<Datasets, Origins> {
  return ((globalThis as WithCache)[ORIGINS] ??= new WeakMap());
}

function changesMap(): WeakMap<Datasets, BuildChanges> {
  return ((globalThis as WithCache)[CHANGES] ??= new WeakMap());
}

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
  if (g[CACHE]?.key !== key) {
    const result = ingestFolder(dir, { cacheDir: ingestCacheDir() }).then((r) => {
      originsMap().set(r.data, r.origins);
      return r;
    });
    g[CACHE] = { key, result };
  }
  return g[CACHE].result;
}

/** Where each record of these datasets came from (parallel to their arrays), if this process read them. */
export function originsFor(data: Datasets): Origins {
  return originsMap().get(data) ?? {};
}

/** The build pipeline records what changed since the previous build, for the pages of this build. */
export function rememberBuildChanges(data: Datasets, changes: BuildChanges): void {
  changesMap().set(data, changes);
}

/** What changed since the previous build; undefined when no build pipeline ran (astro dev). */
export function buildChangesFor(data: Datasets): BuildChanges | undefined {
  return changesMap().get(data);
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
