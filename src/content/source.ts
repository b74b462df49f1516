/**
 * The one place where the Astro side reads the data folder. The ingestion result is cached
 * on globalThis by a fingerprint of the files (path, size, mtime): the build script validates
 * first and Astro's loaders then reuse the same result instead of reading every workbook
 * again, and the several collections of one dev refresh share one read.
 */
import { stat } from 'node:fs/promises';
import { dataDir, ingestFolder, listDataFiles, type IngestResult } from '../ingest/index.ts';

interface Cached {
  key: string;
  result: Promise<IngestResult>;
}

const CACHE = Symbol.for('kam.ingest.cache');
type WithCache = typeof globalThis & { [CACHE]?: Cached };

export async function fingerprint(dir: string): Promise<{ key: string; files: string[] }> {
  const files = await listDataFiles(dir);
  const stats = await Promise.all(files.map((f) => stat(f).catch(() => undefined)));
  const key = [dir, ...files.map((f, i) => `${f}:${stats[i]?.size}:${stats[i]?.mtimeMs}`)].join('\n');
  return { key, files };
}

/** Read and validate the data folder, reusing the last result while no file changed. */
export async function readInput(dir: string = dataDir()): Promise<IngestResult> {
  const g = globalThis as WithCache;
  const { key } = await fingerprint(dir);
  if (g[CACHE]?.key !== key) g[CACHE] = { key, result: ingestFolder(dir) };
  return g[CACHE].result;
}
