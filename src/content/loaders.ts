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
import type { Loader, LoaderContext } from 'astro/loaders';
import type { Datasets } from '../schema/index.ts';
import { accountEntries, splitByMember } from './entries.ts';
import { publishedBuildContext } from './context.ts';
import type { DevEntry } from './dev-entry.ts';

type Fill = (ctx: LoaderContext, data: Datasets) => void;

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
      // Only a dev server reads the folder itself: the reader (and SheetJS) is loaded then, so a
      // build's content sync never loads or transforms it.
      const { DevEntry, fingerprint } = await import('./dev-entry.ts');
      const entry = (dev ??= new DevEntry());
      const refresh = async () => {
        const result = await entry.update(ctx.logger);
        if (!result.ok) {
          // In dev, keep the last good data; a build never proceeds on invalid data.
          if (ctx.watcher && ctx.store.keys().length > 0) return;
          throw entry.invalid(result);
        }
        ctx.store.clear();
        fill(ctx, result.data);
      };
      await refresh();
      watch(ctx, entry.dataDir, refresh, fingerprint);
    },
  };
}

/** In dev, re-run the loader when a data file is saved, added or removed. */
function watch(
  ctx: LoaderContext,
  dir: string,
  refresh: () => Promise<void>,
  fingerprint: (dir: string) => Promise<{ files: string[] }>,
) {
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
