/**
 * The dev entry of the build context (see loaders.ts): under `astro dev` and `astro sync` no
 * pipeline runs, so this reads the data folder itself, with options resolved once when it starts
 * (data folder, today, reading cache — from the environment), and makes and publishes a new
 * context on each distinct reading. Loaded only by a dev server.
 */
import { stat } from 'node:fs/promises';
import type { LoaderContext } from 'astro/loaders';
import { resolveToday } from '../domain/index.ts';
import {
  dataDir,
  formatProblem,
  ingestFolder,
  listDataFiles,
  summarize,
  type IngestResult,
} from '../ingest/index.ts';
import { ingestCacheDir } from '../ingest/cache.ts';
import { createBuildContext, publishBuildContext, statusOf, type BuildContext } from './context.ts';

type Logger = LoaderContext['logger'];

export async function fingerprint(dir: string): Promise<{ key: string; files: string[] }> {
  const files = await listDataFiles(dir);
  const stats = await Promise.all(files.map((f) => stat(f).catch(() => undefined)));
  const key = [dir, ...files.map((f, i) => `${f}:${stats[i]?.size}:${stats[i]?.mtimeMs}`)].join('\n');
  return { key, files };
}

/** The dev entry: options resolved once; a context made per distinct reading of the folder. */
export class DevEntry {
  readonly dataDir = dataDir();
  readonly today = resolveToday();
  private readonly cacheDir = ingestCacheDir();
  /** The last reading, by fingerprint: the collections of one refresh share it. */
  private reading: { key: string; result: Promise<IngestResult> } | undefined;
  private made: { result: IngestResult; context: BuildContext } | undefined;
  private good: BuildContext | undefined;

  /** The reading of the folder as it is now (an object, so a newer one can be told apart). */
  private async read(): Promise<{ key: string; result: Promise<IngestResult> }> {
    const { key } = await fingerprint(this.dataDir);
    if (this.reading?.key !== key)
      this.reading = { key, result: ingestFolder(this.dataDir, { cacheDir: this.cacheDir }) };
    return this.reading;
  }

  /** Read (or reuse the reading), publish its context and return the reading. */
  async update(logger: Logger): Promise<IngestResult> {
    const reading = await this.read();
    const result = await reading.result;
    // A newer save started another reading meanwhile: that one is the current state.
    if (this.reading !== reading) return this.update(logger);
    if (this.made?.result !== result) this.made = { result, context: this.contextFor(result, logger) };
    publishBuildContext(this.made.context);
    return result;
  }

  /** The error that stops a dev server started on data it cannot use. */
  invalid(result: IngestResult): Error {
    return new Error(`The data in ${this.dataDir} is invalid: ${summarize(result)}. Run npm run check-data.`);
  }

  private contextFor(result: IngestResult, logger: Logger): BuildContext {
    const { dataDir, today } = this;
    if (result.ok) return (this.good = createBuildContext({ dataDir, today, input: result }));
    for (const p of result.problems) logger.error(formatProblem(p));
    logger.error(summarize(result));
    // The last good data under the failed attempt; a dev server started on invalid data (entries
    // left from an earlier run) has none and shows the valid part of the current files instead.
    const shown = this.good ?? createBuildContext({ dataDir, today, input: result });
    return { ...shown, status: statusOf(result) };
  }
}
