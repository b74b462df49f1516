/**
 * Content-layer loaders over the ingestion layer. Granularity is chosen for scale: one small
 * entry per account (its row) and one per team member, from which the pages are enumerated;
 * everything else reaches the pages in the build context (context.ts).
 *
 * Under `npm run build` the pipeline has read the data and published the context before Astro
 * runs, and the loaders only cut its datasets into entries. Under `astro dev` (and `astro sync`)
 * no pipeline runs, so the loaders are the entry: they resolve the options once, when they start
 * (data folder, today, reading cache — from the environment), and make and publish a new context
 * on each (re)load. A bad save keeps the last good data: the store is only replaced after the
 * whole input validated, and the context keeps its last good input with the failed attempt as
 * its `status`, which the layout shows as a banner.
 */
import { stat } from 'node:fs/promises';
import type { Loader, LoaderContext } from 'astro/loaders';
import type { Datasets } from '../schema/index.ts';
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
import { accountEntries, splitByMember } from './entries.ts';
import {
  createBuildContext,
  publishBuildContext,
  publishedBuildContext,
  statusOf,
  type BuildContext,
} from './context.ts';

type Fill = (ctx: LoaderContext, data: Datasets) => void;
type Logger = LoaderContext['logger'];

async function fingerprint(dir: string): Promise<{ key: string; files: string[] }> {
  const files = await listDataFiles(dir);
  const stats = await Promise.all(files.map((f) => stat(f).catch(() => undefined)));
  const key = [dir, ...files.map((f, i) => `${f}:${stats[i]?.size}:${stats[i]?.mtimeMs}`)].join('\n');
  return { key, files };
}

/** The dev entry: options resolved once; a context made per distinct reading of the folder. */
class DevEntry {
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

let dev: DevEntry | undefined;

function dataLoader(name: string, fill: Fill): Loader {
  return {
    name: `kam-${name}`,
    async load(ctx) {
      // `npm run build` published its context before Astro's build; a dev server makes its own.
      const built = ctx.watcher ? undefined : publishedBuildContext();
      if (built) {
        ctx.store.clear();
        fill(ctx, built.input.data);
        return;
      }
      const entry = (dev ??= new DevEntry());
      const refresh = async () => {
        const result = await entry.update(ctx.logger);
        if (!result.ok) {
          // In dev, keep the last good data; a build never proceeds on invalid data.
          if (ctx.watcher && ctx.store.keys().length > 0) return;
          throw new Error(
            `The data in ${entry.dataDir} is invalid: ${summarize(result)}. Run npm run check-data.`,
          );
        }
        ctx.store.clear();
        fill(ctx, result.data);
      };
      await refresh();
      watch(ctx, entry.dataDir, refresh);
    },
  };
}

/** In dev, re-run the loader when a data file is saved, added or removed. */
function watch(ctx: LoaderContext, dir: string, refresh: () => Promise<void>) {
  const { watcher } = ctx;
  if (!watcher) return;
  void fingerprint(dir).then(({ files }) => watcher.add([dir, ...files]));
  const onChange = (path: string) => {
    if (path.startsWith(dir)) void refresh().catch((e: unknown) => ctx.logger.error(String(e)));
  };
  watcher.on('change', onChange);
  watcher.on('add', onChange);
  watcher.on('unlink', onChange);
}

function setAll<T extends Record<string, unknown>>(ctx: LoaderContext, entries: Iterable<[string, T]>) {
  for (const [id, data] of entries) ctx.store.set({ id, data });
}

export const accountsLoader = dataLoader('accounts', (ctx, data) => setAll(ctx, accountEntries(data)));
export const teamLoader = dataLoader('team', (ctx, data) => setAll(ctx, splitByMember(data)));
