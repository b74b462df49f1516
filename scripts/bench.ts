/**
 * npm run bench -- [--sizes 100,1000,5000] [--max] [--fresh] [--keep] [--quiet]
 *
 * For each portfolio size: generate the deterministic demo portfolio (8 quarters, every
 * dataset, real .xlsx/.csv files, cached in bench/work/data-N), then measure in this run
 *   - the raw SheetJS read of the same files (the ingestion ceiling),
 *   - our full build (`scripts/build.ts`) with its phase timings, wall time and the peak RSS
 *     of its whole process tree, and the page weight of its output,
 *   - a bare Astro project with the same number of trivial pages, built and indexed the same
 *     way (the baseline),
 *   - a warm rebuild: after the cold build one workbook changes (one cell) and the same
 *     portfolio is built again with the caches the cold build left (Astro's and the state
 *     folder's); `warm_ratio` = warm rebuild / cold build.
 * Prints a table and writes bench/results.json. Targets are figures to read, not assertions.
 *
 *   --sizes   comma-separated account counts (default 100,1000,5000)
 *   --max     also 10,000 accounts
 *   --fresh   regenerate the portfolios even when a cached one matches
 *   --keep    keep the built sites in bench/work/out-N and baseline-N/dist
 *   --project DIR  build another checkout of the portal (before/after comparisons; its
 *                  node_modules may be a link to ours)
 *   --out FILE     write the results there instead of bench/results.json
 */
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, totalmem, availableParallelism, loadavg } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { DEMO_OPTIONS, demoAsOf, generatePortfolio } from '../tools/demo/generate.ts';
import { writePortfolioFiles } from '../tools/demo/write.ts';
import { PHASES } from '../src/build/pipeline.ts';
import { installedVersion } from '../src/lib/package-version.ts';
import { runMeasured, type Measured } from '../tools/bench/proc.ts';
import { writeBaselineProject } from '../tools/bench/baseline.ts';
import { measureSite, type WeightReport } from '../tools/bench/weight.ts';
import { changeOneWorkbook } from '../tools/bench/warm.ts';

const ROOT = resolve(import.meta.dirname, '..');
const WORK = join(ROOT, 'bench', 'work');
const QUARTERS = 8;
let hash: string | undefined;

const { values } = parseArgs({
  options: {
    sizes: { type: 'string' },
    max: { type: 'boolean' },
    fresh: { type: 'boolean' },
    keep: { type: 'boolean' },
    quiet: { type: 'boolean' },
    project: { type: 'string' },
    out: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  },
});
if (values.help) {
  console.log('usage: npm run bench -- [--sizes 100,1000,5000] [--max] [--fresh] [--keep] [--quiet]');
  process.exit(0);
}
const sizes = (values.sizes ?? '100,1000,5000').split(',').map((s) => {
  const n = Number(s.trim().replaceAll('_', ''));
  if (!Number.isInteger(n) || n <= 0) {
    console.error(`--sizes takes whole numbers separated by commas, got "${s}"`);
    process.exit(2);
  }
  return n;
});
if (values.max && !sizes.includes(10_000)) sizes.push(10_000);
/** npm runs scripts in the package root; paths on the command line are the caller's. */
const CALLER_CWD = process.env.INIT_CWD ?? process.cwd();
const RESULTS = values.out ? resolve(CALLER_CWD, values.out) : join(ROOT, 'bench', 'results.json');
/** The portal checkout whose build is measured. */
const PROJECT = values.project ? resolve(CALLER_CWD, values.project) : ROOT;

interface SizeResult {
  accounts: number;
  pages: number;
  rows: number;
  ingest_s: number;
  compute_s: number;
  astro_s: number;
  index_s: number;
  share_s: number;
  total_s: number;
  peak_rss_mb: number;
  /** CPU seconds of the build's process tree (user + system). */
  cpu_s: number;
  baseline_astro_s: number;
  baseline_index_s: number;
  baseline_peak_rss_mb: number;
  /** CPU seconds of the baseline's process tree. */
  baseline_cpu_s: number;
  raw_read_s: number;
  build_ratio: number;
  ingest_ratio: number;
  /** cpu_s / baseline_cpu_s: the build ratio in CPU time, steadier on a shared machine. */
  build_cpu_ratio: number;
  /** compute_s / total_s. */
  compute_share: number;
  /** total_s per 1,000 accounts: flat when the build grows linearly. */
  total_s_per_1k: number;
  heaviest_page_kb_gz: number;
  weight: WeightReport;
  /** CPU seconds per phase: the build process itself (Pagefind's own process not included) and the baseline's Astro build. */
  /** 1-minute load average before and after this size ran: wall times mean little when it is far above the cores. */
  load_avg: [number, number];
  /** Wall seconds of the warm rebuild (one workbook changed since the cold build). */
  warm_s: number;
  /** warm_s / total_s, both from this run. */
  warm_ratio: number;
  /** The same in CPU seconds of the process trees: steadier on a shared machine. */
  warm_cpu_ratio: number;
  /** The warm rebuild's phases and CPU seconds. */
  warm: Record<'ingest_s' | 'compute_s' | 'astro_s' | 'index_s' | 'share_s' | 'cpu_s', number> & {
    changed_file: string;
    cpu_phases: Record<'ingest' | 'compute' | 'astro' | 'index' | 'share', number>;
  };
  cpu_phases: Record<'ingest' | 'compute' | 'astro' | 'index' | 'share' | 'baseline_astro', number>;
}

const machine = {
  cpu: cpus()[0]?.model ?? 'unknown',
  cores: availableParallelism(),
  memory_gib: Math.round((totalmem() / 1024 ** 3) * 10) / 10,
  node: process.version,
  platform: `${process.platform} ${process.arch}`,
  astro: installedVersion(ROOT, 'astro'),
  pagefind: installedVersion(ROOT, 'pagefind'),
};

const log = (line: string) => process.stderr.write(`${line}\n`);
const echo = values.quiet ? undefined : '    │ ';
const benchStarted = performance.now();
mkdirSync(WORK, { recursive: true });
log(
  `bench: sizes ${sizes.join(', ')} on ${machine.cpu} (${machine.cores} cores, ${machine.memory_gib} GiB), Node ${machine.node}`,
);

const results: SizeResult[] = [];
for (const accounts of sizes) {
  log(`\n── ${accounts.toLocaleString('en-US')} accounts ──`);
  results.push(await benchSize(accounts));
  printTable(results);
}

const report = {
  generated_at: new Date().toISOString(),
  machine,
  project: relative(ROOT, PROJECT) || '.',
  quarters: QUARTERS,
  bench_wall_s: round((performance.now() - benchStarted) / 1000),
  targets: {
    build_ratio: '≤ 3.0 at 1,000 and ≤ 4.0 at 5,000 accounts',
    warm_ratio: '≤ 0.6',
    ingest_ratio: '≤ 1.3',
    compute_share: '< 5% of total',
    peak_rss_mb: '< 1024 at 1,000 and < 1536 at 5,000 accounts',
    heaviest_page_kb_gz: '≤ 150',
  },
  sizes: results,
};
mkdirSync(dirname(RESULTS), { recursive: true });
writeFileSync(RESULTS, `${JSON.stringify(report, null, 2)}\n`);
log(`\nWrote ${relative(process.cwd(), RESULTS)} (whole run ${report.bench_wall_s} s).`);

// ---------------------------------------------------------------------------------------------

async function benchSize(accounts: number): Promise<SizeResult> {
  const dataDir = ensurePortfolio(accounts);
  const loadBefore = round(loadavg()[0] ?? 0, 2);

  log(`  raw SheetJS read …`);
  const rawOut = join(WORK, `raw-${accounts}.json`);
  await runChecked([join(ROOT, 'tools/bench/raw-read.ts'), dataDir, rawOut], 'raw read', ROOT, undefined);
  const rawRead = JSON.parse(readFileSync(rawOut, 'utf8')) as { seconds: number };
  log(`  raw SheetJS read: ${rawRead.seconds.toFixed(2)} s`);

  log(`  our build …`);
  const out = join(WORK, `out-${accounts}`);
  const cache = join(WORK, `cache-${accounts}`);
  // The build reads a copy, so the warm rebuild can change a workbook without touching the
  // cached portfolio; it starts with an empty state folder (cold) and keeps it (warm).
  const runData = join(WORK, `run-${accounts}`);
  const state = join(WORK, `state-${accounts}`);
  const timingsFile = join(WORK, `timings-${accounts}.json`);
  for (const dir of [out, cache, runData, state]) rmSync(dir, { recursive: true, force: true });
  rmSync(timingsFile, { force: true });
  cpSync(dataDir, runData, { recursive: true });
  const buildEnv = {
    KAM_DATA_DIR: runData,
    KAM_OUT_DIR: join(out, 'dist'),
    KAM_SHARE_DIR: join(out, 'share'),
    KAM_CACHE_DIR: cache,
    KAM_STATE_DIR: state,
    KAM_TODAY: demoAsOf(DEMO_OPTIONS.endQuarter),
    KAM_SHARE_SECRET: 'benchmark-secret',
    KAM_TIMINGS_FILE: timingsFile,
  };
  const build = await runChecked([join(PROJECT, 'scripts/build.ts')], 'build', PROJECT, buildEnv);
  const t = readTimings(timingsFile);
  const phase = (label: string) => t.timings[label] ?? NaN;
  const cpuOf = (label: string) => round(t.cpu_timings?.[label] ?? NaN);
  const weight = measureSite(join(out, 'dist'));
  log(
    `  our build: ${build.wall_s.toFixed(1)} s (cpu ${build.cpu_s.toFixed(1)} s), ${t.pages} pages, peak ${Math.round(build.peak_rss_mb)} MB; heaviest account page ${weight.heaviest_page_kb_gz} KB gz`,
  );

  const changedFile = changeOneWorkbook(runData, accounts, QUARTERS);
  log(`  warm rebuild after changing one cell of ${changedFile} …`);
  const warmBuild = await runChecked([join(PROJECT, 'scripts/build.ts')], 'warm rebuild', PROJECT, buildEnv);
  const w = readTimings(timingsFile);
  const warmPhase = (label: string) => round(w.timings[label] ?? NaN);
  const warmCpu = (label: string) => round(w.cpu_timings?.[label] ?? NaN);
  log(
    `  warm rebuild: ${warmBuild.wall_s.toFixed(1)} s (cpu ${warmBuild.cpu_s.toFixed(1)} s): ingest ${warmPhase(PHASES.ingest)} s (cpu ${warmCpu(PHASES.ingest)} s), astro ${warmPhase(PHASES.astro)} s (cpu ${warmCpu(PHASES.astro)} s)`,
  );

  log(`  baseline: bare Astro, ${t.pages} pages …`);
  const baseDir = join(WORK, `baseline-${accounts}`);
  writeBaselineProject(baseDir, ROOT, t.pages);
  const baseOut = join(WORK, `baseline-${accounts}.json`);
  const base = await runChecked(
    [join(ROOT, 'tools/bench/baseline-build.ts'), baseDir, baseOut],
    'baseline',
    ROOT,
    undefined,
  );
  const b = JSON.parse(readFileSync(baseOut, 'utf8')) as {
    astro_s: number;
    astro_cpu_s: number;
    index_s: number;
    pages: number;
  };
  log(
    `  baseline: astro ${b.astro_s.toFixed(1)} s + index ${b.index_s.toFixed(1)} s (cpu ${base.cpu_s.toFixed(1)} s), peak ${Math.round(base.peak_rss_mb)} MB`,
  );

  if (!values.keep) {
    rmSync(out, { recursive: true, force: true });
    rmSync(join(baseDir, 'dist'), { recursive: true, force: true });
  }
  for (const dir of [cache, runData, state, join(baseDir, '.cache')])
    rmSync(dir, { recursive: true, force: true });

  const total = build.wall_s;
  return {
    accounts,
    pages: t.pages,
    rows: t.rows,
    ingest_s: round(phase(PHASES.ingest)),
    compute_s: round(phase(PHASES.compute)),
    astro_s: round(phase(PHASES.astro)),
    index_s: round(phase(PHASES.index)),
    share_s: round(phase(PHASES.share)),
    total_s: round(total),
    peak_rss_mb: Math.round(build.peak_rss_mb),
    cpu_s: round(build.cpu_s),
    baseline_astro_s: round(b.astro_s),
    baseline_index_s: round(b.index_s),
    baseline_peak_rss_mb: Math.round(base.peak_rss_mb),
    baseline_cpu_s: round(base.cpu_s),
    raw_read_s: round(rawRead.seconds),
    build_ratio: round(total / (b.astro_s + b.index_s)),
    ingest_ratio: round(phase(PHASES.ingest) / rawRead.seconds),
    build_cpu_ratio: round(build.cpu_s / base.cpu_s),
    compute_share: round(phase(PHASES.compute) / total, 4),
    total_s_per_1k: round((total / accounts) * 1000),
    heaviest_page_kb_gz: weight.heaviest_page_kb_gz,
    weight,
    load_avg: [loadBefore, round(loadavg()[0] ?? 0, 2)],
    warm_s: round(warmBuild.wall_s),
    warm_ratio: round(warmBuild.wall_s / total),
    warm_cpu_ratio: round(warmBuild.cpu_s / build.cpu_s),
    warm: {
      ingest_s: warmPhase(PHASES.ingest),
      compute_s: warmPhase(PHASES.compute),
      astro_s: warmPhase(PHASES.astro),
      index_s: warmPhase(PHASES.index),
      share_s: warmPhase(PHASES.share),
      cpu_s: round(warmBuild.cpu_s),
      changed_file: changedFile,
      cpu_phases: {
        ingest: warmCpu(PHASES.ingest),
        compute: warmCpu(PHASES.compute),
        astro: warmCpu(PHASES.astro),
        index: warmCpu(PHASES.index),
        share: warmCpu(PHASES.share),
      },
    },
    cpu_phases: {
      ingest: cpuOf(PHASES.ingest),
      compute: cpuOf(PHASES.compute),
      astro: cpuOf(PHASES.astro),
      index: cpuOf(PHASES.index),
      share: cpuOf(PHASES.share),
      baseline_astro: round(b.astro_cpu_s),
    },
  };
}

interface Timings {
  timings: Record<string, number>;
  cpu_timings?: Record<string, number>;
  pages: number;
  rows: number;
}

function readTimings(file: string): Timings {
  return JSON.parse(readFileSync(file, 'utf8')) as Timings;
}

/** bench/work/data-N, regenerated only when missing, --fresh, or the generator changed. */
function ensurePortfolio(accounts: number): string {
  const dir = join(WORK, `data-${accounts}`);
  const stampFile = join(dir, '.bench-stamp.json');
  const stamp = JSON.stringify({
    accounts,
    quarters: QUARTERS,
    seed: DEMO_OPTIONS.seed,
    source: generatorHash(),
  });
  if (!values.fresh && existsSync(stampFile) && readFileSync(stampFile, 'utf8') === stamp) {
    log(`  portfolio: cached in ${relative(ROOT, dir)}`);
    return dir;
  }
  const started = performance.now();
  rmSync(dir, { recursive: true, force: true });
  const rows = generatePortfolio({ accounts, quarters: QUARTERS });
  const files = writePortfolioFiles(rows, dir, { format: 'xlsx' });
  writeFileSync(stampFile, stamp);
  const count = Object.values(rows).reduce((n, list) => n + list.length, 0);
  log(
    `  portfolio: ${files.length} files, ${count.toLocaleString('en-US')} rows in ${relative(ROOT, dir)} (${((performance.now() - started) / 1000).toFixed(1)} s)`,
  );
  return dir;
}

function generatorHash(): string {
  if (hash) return hash;
  const h = createHash('sha256');
  for (const folder of ['tools/demo', 'src/schema']) {
    for (const f of readdirSync(join(ROOT, folder)).sort()) {
      if (f.endsWith('.ts')) h.update(f).update(readFileSync(join(ROOT, folder, f)));
    }
  }
  return (hash = h.digest('hex').slice(0, 16));
}

async function runChecked(
  args: string[],
  what: string,
  cwd: string,
  env: Record<string, string> | undefined,
): Promise<Measured> {
  const r = await runMeasured(args, {
    cwd,
    env: { ...process.env, TZ: 'UTC', ...env },
    echo,
  });
  if (r.code !== 0) {
    log(`\n${what} failed (exit ${r.code}):\n${r.tail}`);
    process.exit(1);
  }
  return r;
}

function printTable(rows: SizeResult[]): void {
  const cols: [string, (r: SizeResult) => string][] = [
    ['accounts', (r) => r.accounts.toLocaleString('en-US')],
    ['pages', (r) => r.pages.toLocaleString('en-US')],
    ['ingest s', (r) => r.ingest_s.toFixed(2)],
    ['raw s', (r) => r.raw_read_s.toFixed(2)],
    ['ingest ×', (r) => r.ingest_ratio.toFixed(2)],
    ['compute s', (r) => `${r.compute_s.toFixed(2)} (${(r.compute_share * 100).toFixed(1)}%)`],
    ['astro s', (r) => r.astro_s.toFixed(1)],
    ['index s', (r) => r.index_s.toFixed(1)],
    ['share s', (r) => r.share_s.toFixed(1)],
    ['total s', (r) => r.total_s.toFixed(1)],
    ['warm s', (r) => `${r.warm_s.toFixed(1)} (ingest ${r.warm.ingest_s.toFixed(2)})`],
    ['warm ×', (r) => `${r.warm_ratio.toFixed(2)} (cpu ${r.warm_cpu_ratio.toFixed(2)})`],
    ['s/1k acc', (r) => r.total_s_per_1k.toFixed(1)],
    ['base astro+idx', (r) => `${r.baseline_astro_s.toFixed(1)}+${r.baseline_index_s.toFixed(1)}`],
    ['cpu s', (r) => `${r.cpu_s.toFixed(1)}/${r.baseline_cpu_s.toFixed(1)}`],
    ['build ×', (r) => r.build_ratio.toFixed(2)],
    ['cpu ×', (r) => r.build_cpu_ratio.toFixed(2)],
    ['peak MB', (r) => String(r.peak_rss_mb)],
    ['page KB gz', (r) => r.heaviest_page_kb_gz.toFixed(1)],
  ];
  const cells = [cols.map(([h]) => h), ...rows.map((r) => cols.map(([, f]) => f(r)))];
  const widths = cols.map((_, k) => Math.max(...cells.map((row) => (row[k] ?? '').length)));
  const line = (row: string[]) =>
    row.map((c, k) => (k === 0 ? c.padEnd(widths[k]!) : c.padStart(widths[k]!))).join('  ');
  const out = [line(cells[0]!), widths.map((w) => '─'.repeat(w)).join('  '), ...cells.slice(1).map(line)];
  process.stdout.write(`\n${out.join('\n')}\n`);
  const chart = rows.map((r) => r.weight.chartless_pages_with_chart_code);
  process.stdout.write(`chart code on pages without a chart: ${chart.join(', ')} (per size)\n`);
}

function round(n: number, digits = 3): number {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}
