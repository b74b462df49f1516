/**
 * `npm run build`: validate the data, compute the portfolio, build the internal portal, index
 * it for search and write the client bundles — each into a fresh folder; both replace the
 * previous output together, and only when every phase succeeded (see swap.ts).
 */
import { mkdir, readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { formatProblem, ingestFolder, summarize, type IngestResult } from '../ingest/index.ts';
import { ingestCacheDir } from '../ingest/cache.ts';
import { computePortfolio, resolveToday } from '../domain/index.ts';
import type { Portfolio } from '../domain/types.ts';
import { createBuildContext, publishBuildContext } from '../content/context.ts';
import { createProgress } from './progress.ts';
import {
  display,
  OutputError,
  publish,
  removeStaleStaging,
  stagingName,
  writingTo,
  type Output,
  type PublishFs,
} from './swap.ts';
import { writeShareBundles } from '../share/write.ts';
import { shareLinks } from '../share/links.ts';
import { resolveShareSecret } from '../share/secret.ts';
import { prepareChanges } from './snapshot.ts';
import { indexSearch, SEARCHABLE_PAGES } from './search-index.ts';
import { stateDir } from '../lib/state.ts';
import { installedVersion } from '../lib/package-version.ts';

export interface BuildOptions {
  root: string;
  dataDir: string;
  outDir: string;
  shareDir: string;
  /** Astro's cache folder; the benchmark gives each portfolio its own. */
  cacheDir?: string;
  env?: NodeJS.ProcessEnv;
  log?: NodeJS.WriteStream;
  /** File operations of the final swap and the clean-up (tests inject failing ones). */
  fs?: PublishFs;
}

export interface BuildReport {
  ok: boolean;
  timings: Record<string, number>;
  /** CPU seconds of the build process per phase (the benchmark's steadier measure). */
  cpu_timings: Record<string, number>;
  pages: number;
  bundles: number;
  rows: number;
}

export const PHASES = {
  ingest: 'Reading and validating the data',
  compute: 'Computing the analyses',
  astro: 'Building the portal pages',
  index: 'Indexing for search',
  share: 'Writing client bundles',
} as const;

export async function runBuild(opts: BuildOptions): Promise<BuildReport> {
  const log = opts.log ?? process.stderr;
  const env = opts.env ?? process.env;
  const progress = createProgress(log, Object.keys(PHASES).length);
  const staged: Output[] = [
    { fresh: stagingName(opts.outDir, 'next'), target: opts.outDir },
    { fresh: stagingName(opts.shareDir, 'next'), target: opts.shareDir },
  ];
  const [site, share] = staged as [Output, Output];
  const untouched = `${display(opts.outDir)} and ${display(opts.shareDir)} were left as they were`;
  const report: BuildReport = {
    ok: false,
    timings: progress.timings,
    cpu_timings: progress.cpu,
    pages: 0,
    bundles: 0,
    rows: 0,
  };

  try {
    // An interrupted build (Ctrl-C, a crash) leaves its staging folders behind.
    await removeStaleStaging([opts.outDir, opts.shareDir], opts.fs);
  } catch (e) {
    log.write(`\n${failure(e, untouched)}\n`);
    return report;
  }

  const input: IngestResult = await progress.phase(
    PHASES.ingest,
    () => ingestFolder(opts.dataDir, { cacheDir: ingestCacheDir(env) }),
    (r) => summarize(r),
  );
  report.rows = input.files.reduce((n, f) => n + f.sheets.reduce((m, s) => m + s.rows, 0), 0);
  for (const p of input.problems)
    log.write(`  ${p.severity === 'error' ? 'error  ' : 'warning'} ${formatProblem(p)}\n`);
  if (!input.ok) {
    log.write(`\nThe data has errors; nothing was built and ${untouched}.\n`);
    return report;
  }

  const today = resolveToday(env);
  const portfolio: Portfolio = await progress.phase(
    PHASES.compute,
    // Computed once: the pages get it in the build context.
    async () => computePortfolio(input.data, { today }),
    (p) => `${p.accounts.length} accounts, period ${p.current_period ?? '—'}`,
  );
  // Whatever the reader let through, a portal without accounts is never worth publishing:
  // it would replace a working portal with an empty one.
  if (portfolio.accounts.length === 0) {
    log.write(`\nThe data holds no accounts; nothing was built and ${untouched}.\n`);
    return report;
  }

  // The secret is read here, once; pages and bundles only see the links derived from it.
  const links = shareLinks(portfolio, resolveShareSecret({ root: opts.root, env }));
  // What changed since the previous build, for the pages; saved once the output is in place.
  const changes = await prepareChanges({ root: opts.root, env, data: input.data, portfolio, log });
  // Everything the pages render from, handed to Astro through the one channel (context.ts).
  publishBuildContext(
    createBuildContext({
      dataDir: opts.dataDir,
      today,
      input,
      portfolio,
      shareLinks: links,
      changes: changes.changes,
    }),
  );

  let search: Awaited<ReturnType<typeof indexSearch>> | undefined;
  try {
    await Promise.all(
      staged.map((o) => writingTo(o.target, () => rm(o.fresh, { recursive: true, force: true }))),
    );
    report.pages = await progress.phase(
      PHASES.astro,
      () =>
        writingTo(site.target, async () => {
          const { build } = await import('astro');
          await build({
            root: opts.root,
            outDir: site.fresh,
            cacheDir: opts.cacheDir,
            // KAM_VERBOSE=1 lists every page, and which ones a rebuild copied ("restored").
            logLevel: env.KAM_VERBOSE?.trim() === '1' ? 'info' : 'warn',
          });
          return countPages(site.fresh);
        }),
      (n) => `${n} pages`,
    );
    search = await progress.phase(
      PHASES.index,
      () =>
        writingTo(site.target, () =>
          indexSearch({
            site: site.fresh,
            target: opts.outDir,
            stateDir: stateDir(opts.root, env),
            index: indexSite,
            version: searchVersion(opts.root),
            log,
          }),
        ),
      (s) =>
        s.reused
          ? `${s.pages} pages, searchable text unchanged: previous index kept`
          : `${s.pages} pages indexed`,
    );
    report.bundles = await progress.phase(
      PHASES.share,
      () =>
        writingTo(share.target, async () => {
          await mkdir(share.fresh, { recursive: true });
          // Preview copies go into the portal after indexing, so search never lists them.
          return writeShareBundles(portfolio, share.fresh, { links, previewDir: site.fresh });
        }),
      (n) => `${n} bundles`,
    );
    // Both outputs or neither: the portal and the client bundles always come from one build.
    await publish(staged, opts.fs);
  } catch (e) {
    await Promise.all(
      staged.map((o) => rm(o.fresh, { recursive: true, force: true }).catch(() => undefined)),
    );
    log.write(`\n${failure(e, untouched)}\n`);
    return report;
  } finally {
    publishBuildContext(undefined);
  }
  await changes.save();
  // Like the snapshot: only a published index may be taken over by the next build.
  await search?.save();
  report.ok = true;
  return report;
}

/**
 * One line for a file-system failure (which folder, why, what was kept); anything else is a
 * bug worth its stack trace.
 */
function failure(e: unknown, untouched: string): string {
  if (e instanceof OutputError) return `${e.message}; ${e.kept ?? untouched}.`;
  return `The build failed; ${untouched}.\n${e instanceof Error ? (e.stack ?? e.message) : String(e)}`;
}

/**
 * What makes an index differ besides the pages: Pagefind's version and which pages it reads.
 * (Were the version unreadable, a Pagefind upgrade alone would keep the old index, whose files
 * still work together.)
 */
function searchVersion(root: string): string {
  return `pagefind ${installedVersion(root, 'pagefind')} ${SEARCHABLE_PAGES.join(' ')}`;
}

/** Pagefind through its Node API: index errors fail the build instead of being logged. */
async function indexSite(site: string): Promise<number> {
  const pagefind = await import('pagefind');
  try {
    const { index, errors } = await pagefind.createIndex({});
    if (!index) throw new Error(`pagefind: ${errors.join('; ')}`);
    const added = await index.addDirectory({ path: site, glob: `{${SEARCHABLE_PAGES.join(',')}}` });
    if (added.errors.length) throw new Error(`pagefind: ${added.errors.join('; ')}`);
    const written = await index.writeFiles({ outputPath: join(site, 'pagefind') });
    if (written.errors.length) throw new Error(`pagefind: ${written.errors.join('; ')}`);
    return added.page_count;
  } finally {
    await pagefind.close();
  }
}

async function countPages(dir: string): Promise<number> {
  const entries = await readdir(dir, { recursive: true });
  return entries.filter((e) => e.endsWith('.html')).length;
}
