/**
 * npm run demo-data -- [--accounts N] [--out DIR] [--seed S] [--members M] [--quarters Q]
 *                      [--end-quarter YYYY-Qn] [--format xlsx|csv]
 *
 * Generates the deterministic demo portfolio and writes it into the data folder (default
 * data/), replacing only the files this generator wrote before.
 */
import { parseArgs } from 'node:util';
import { relative } from 'node:path';
import { DEMO_OPTIONS, generatePortfolio } from '../tools/demo/generate.ts';
import { writePortfolioFiles, type DataFormat } from '../tools/demo/write.ts';

const { values } = parseArgs({
  options: {
    accounts: { type: 'string' },
    out: { type: 'string' },
    seed: { type: 'string' },
    members: { type: 'string' },
    quarters: { type: 'string' },
    'end-quarter': { type: 'string' },
    format: { type: 'string' },
    locale: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  },
});

if (values.help) {
  console.log(
    'usage: npm run demo-data -- [--accounts N] [--out DIR] [--seed S] [--members M] [--quarters Q] [--end-quarter YYYY-Qn] [--format xlsx|csv] [--locale en|ru]',
  );
  process.exit(0);
}

function int(name: string, text: string | undefined, fallback: number): number {
  if (text === undefined) return fallback;
  const v = Number(text);
  if (!Number.isInteger(v) || v < 0) {
    console.error(`--${name} must be a whole number, got "${text}"`);
    process.exit(2);
  }
  return v;
}

const format = (values.format ?? 'xlsx') as DataFormat;
if (format !== 'xlsx' && format !== 'csv') {
  console.error(`--format must be xlsx or csv, got "${values.format}"`);
  process.exit(2);
}
const locale = values.locale ?? 'en';
if (locale !== 'en' && locale !== 'ru') {
  console.error(`--locale must be en or ru, got "${values.locale}"`);
  process.exit(2);
}
const out = values.out ?? 'data';
const started = performance.now();
const rows = generatePortfolio({
  accounts: int('accounts', values.accounts, DEMO_OPTIONS.accounts),
  members: int('members', values.members, DEMO_OPTIONS.members),
  quarters: int('quarters', values.quarters, DEMO_OPTIONS.quarters),
  seed: int('seed', values.seed, DEMO_OPTIONS.seed),
  endQuarter: values['end-quarter'] ?? DEMO_OPTIONS.endQuarter,
  locale,
});
const files = writePortfolioFiles(rows, out, { format });
const seconds = ((performance.now() - started) / 1000).toFixed(1);
console.log(`Wrote ${files.length} files to ${relative(process.cwd(), out) || '.'} in ${seconds}s:`);
for (const f of files) console.log(`  ${relative(process.cwd(), f)}`);
console.log(
  Object.entries(rows)
    .map(([name, list]) => `${name} ${list.length}`)
    .join(', '),
);
