/**
 * `npm run build`: validate the data, compute the portfolio, build the internal portal, index
 * it for search and write the client bundles — each into a fresh folder that replaces the
 * previous output only when every phase succeeded.
 */
import { mkdir, readdir, rm } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { formatProblem, summarize, type IngestResult } from '../ingest/index.ts';
import { resolveToday } from '../domain/index.ts';
import type { Portfolio } from '../domain/types.ts';
import { portfolioFor, readInput } from '../content/source.ts';
import { createProgress } from './progress.ts';
import { swapInto } from './swap.ts';
import { writeShareBundles } from '../share/write.ts';
import { prepareChanges } from './snapshot.ts';

export interface BuildOptions {
  root: string;
  dataDir: string;
  outDir: string;
  shareDir: string;
  /** Astro's cache folder; the benchmark gives each portfolio its own. */
  cacheDir?: string;
  env?: NodeJS.ProcessEnv;
  log?: NodeJS.WriteStream;
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
  const nextOut = `${opts.outDir}.next-${process.pid}`;
  const nextShare = `${opts.shareDir}.next-${process.pid}`;
  const report: BuildReport = {
    ok: false,
    timings: progress.timings,
    cpu_timings: progress.cpu,
    pages: 0,
    bundles: 0,
    rows: 0,
  };

  const input: IngestResult = await progress.phase(
    PHASES.ingest,
    () => readInput(opts.dataDir),
    (r) => summarize(r),
  );
  report.rows = input.files.reduce((n, f) => n + f.sheets.reduce((m, s) => m + s.rows, 0), 0);
  for (const p of input.problems)
    log.write(`  ${p.severity === 'error' ? 'error  ' : 'warning'} ${formatProblem(p)}\n`);
  if (!input.ok) {
    log.write(`\nThe data has errors; nothing was built and ${rel(opts.outDir)}/ was left as it was.\n`);
    return report;
  }

  const today = resolveToday(env);
  const portfolio: Portfolio = await progress.phase(
    PHASES.compute,
    // Memoised in the process: the Astro pages reuse it instead of computing it again.
    async () => portfolioFor(input.data, today),
    (p) => `${p.accounts.length} accounts, period ${p.current_period ?? '—'}`,
  );
  // What changed since the previous build, for the pages; saved once the output is in place.
  const changes = await prepareChanges({ root: opts.root, env, data: input.data, portfolio, log });

  try {
    await Promise.all([
      rm(nextOut, { recursive: true, force: true }),
      rm(nextShare, { recursive: true, force: true }),
    ]);
    report.pages = await progress.phase(
      PHASES.astro,
      async () => {
        const { build } = await import('astro');
        await build({
          root: opts.root,
          outDir: nextOut,
          cacheDir: opts.cacheDir,
          logLevel: 'warn',
        });
        return countPages(nextOut);
      },
      (n) => `${n} pages`,
    );
    await progress.phase(
      PHASES.index,
      () => indexSite(nextOut),
      (n) => `${n} pages indexed`,
    );
    report.bundles = await progress.phase(
      PHASES.share,
      async () => {
        await mkdir(nextShare, { recursive: true });
        return writeShareBundles(portfolio, nextShare, { root: opts.root, env });
      },
      (n) => `${n} bundles`,
    );
    await swapInto(nextOut, opts.outDir);
    await swapInto(nextShare, opts.shareDir);
  } catch (e) {
    await Promise.all([
      rm(nextOut, { recursive: true, force: true }),
      rm(nextShare, { recursive: true, force: true }),
    ]);
    log.write(
      `\nThe build failed; ${rel(opts.outDir)}/ was left as it was.\n${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`,
    );
    return report;
  }
  await changes.save();
  report.ok = true;
  return report;
}

/** Pagefind through its Node API: index errors fail the build instead of being logged. */
async function indexSite(site: string): Promise<number> {
  const pagefind = await import('pagefind');
  try {
    const { index, errors } = await pagefind.createIndex({});
    if (!index) throw new Error(`pagefind: ${errors.join('; ')}`);
    const added = await index.addDirectory({ path: site });
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

function rel(p: string): string {
  return relative(process.cwd(), resolve(p)) || '.';
}
