/**
 * Content-layer loaders over the ingestion layer. Granularity is chosen for scale: one small
 * entry per account (its row; the other datasets' rows stay in the process, see source.ts),
 * one per team member, and one entry for the portfolio-wide input (settings, criteria, files
 * read), whose `readAt` names the datasets the pages are built from.
 *
 * A bad save in `astro dev` keeps the last good entries: the store is only replaced after
 * the whole input validated, and the errors are logged and kept in the `status` entry that
 * the layout shows as a banner.
 */
import type { Loader, LoaderContext } from 'astro/loaders';
import type { Datasets, DatasetName } from '../schema/index.ts';
import { dataDir, formatProblem, summarize, type IngestResult } from '../ingest/index.ts';
import { fingerprint, readInput, rememberGoodInput } from './source.ts';
import { accountEntries, splitByMember, portfolioInput, inputStatus } from './entries.ts';

type Fill = (ctx: LoaderContext, data: Datasets, result: IngestResult) => void;

function dataLoader(name: string, fill: Fill, { always = false } = {}): Loader {
  return {
    name: `kam-${name}`,
    async load(ctx) {
      const dir = dataDir();
      const refresh = async () => {
        const result = await readInput(dir);
        if (!result.ok) {
          if (name === 'status') {
            for (const p of result.problems) ctx.logger.error(formatProblem(p));
            ctx.logger.error(summarize(result));
          }
          // In dev, keep the last good data; only the status entry reflects the failed
          // attempt. A build never proceeds on invalid data.
          if (!always) {
            if (ctx.watcher && ctx.store.keys().length > 0) return;
            throw new Error(`The data in ${dir} is invalid: ${summarize(result)}. Run npm run check-data.`);
          }
        }
        ctx.store.clear();
        fill(ctx, result.data, result);
      };
      await refresh();
      watch(ctx, dir, refresh);
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
export const inputLoader = dataLoader('input', (ctx, data, result) => {
  const entry = portfolioInput(data, result);
  rememberGoodInput(entry.readAt, data);
  setAll(ctx, [['portfolio', entry]]);
});
export const statusLoader = dataLoader(
  'status',
  (ctx, _data, result) => setAll(ctx, [['last', inputStatus(result)]]),
  { always: true },
);

export type { DatasetName };
