/**
 * What changed between builds, end to end: a small portfolio is built, changed (a revenue
 * figure, an account handed to another manager, a new account, a deleted one) and built again
 * with its own state folder; the comparison must list exactly those changes. A build that
 * fails leaves the state as it was, and an unchanged build lists nothing. Also the places of a
 * summed figure in `exports/sources/`.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildEnv } from '../support/paths.ts';
import { runScript } from '../support/run.ts';
import type { BuildChanges } from '../../src/views/changes.ts';

let tmp = '';
const dataDir = () => join(tmp, 'data');
const stateDir = () => join(tmp, 'state');
const outDir = () => join(tmp, 'dist');

const TEAM = 'member_id,name,role\nM1,Anna Lind,kam\nM2,Boris Orlov,kam\n';
const CRITERIA = 'criterion_id,matrix,name,weight\na1,attractiveness,Size,1\ns1,strength,Trust,1\n';
const HEAD = 'account_id,period,revenue_goods,cogs';
/** A1: one row outside the 12 months (2025-Q2), four inside. */
const FINANCIALS = (a1q2: number) =>
  [
    HEAD,
    'A1,2025-Q2,900,100',
    'A1,2025-Q3,1000,100',
    'A1,2025-Q4,1000,100',
    'A1,2026-Q1,1000,100',
    `A1,2026-Q2,${a1q2},100`,
    'A2,2026-Q2,500,50',
    'A3,2026-Q2,<A3>',
  ].join('\n');
const SCORES = [
  'account_id,period,criterion_id,score',
  'A1,2026-Q2,a1,8',
  'A1,2026-Q2,s1,8',
  'A2,2026-Q2,a1,3',
  'A2,2026-Q2,s1,4',
  'A3,2026-Q2,a1,6',
  'A3,2026-Q2,s1,2',
].join('\n');

async function writeData(version: 'before' | 'after' | 'broken') {
  const after = version !== 'before';
  const accounts = [
    'account_id,name,kam_id,since,status',
    'A1,Alpha <b>Works</b>,M1,2020-01-01,active',
    `A2,Beta,${after ? 'M2' : 'M1'},2021-01-01,active`,
    ...(after ? ['A4,Delta,M2,2026-05-01,prospect'] : ['A3,Gamma,M2,2019-01-01,active']),
    // A row without a name is an error: that data cannot be built.
    ...(version === 'broken' ? ['A5,,M1,2026-01-01,active'] : []),
  ].join('\n');
  const files: Record<string, string> = {
    'team.csv': TEAM,
    'criteria.csv': CRITERIA,
    'accounts.csv': accounts,
    'financials.csv': FINANCIALS(after ? 1500 : 1000)
      .split('\n')
      .filter((l) => !(after && l.startsWith('A3,')))
      .join('\n')
      .replace('<A3>', '700,70'),
    'scores.csv': SCORES.split('\n')
      .filter((l) => !(after && l.startsWith('A3,')))
      .join('\n'),
  };
  for (const [name, text] of Object.entries(files)) await writeFile(join(dataDir(), name), `${text}\n`);
}

async function build(out = outDir()) {
  const r = await runScript(
    'scripts/build.ts',
    buildEnv({
      KAM_DATA_DIR: dataDir(),
      KAM_STATE_DIR: stateDir(),
      KAM_OUT_DIR: out,
      KAM_SHARE_DIR: join(tmp, 'dist-share'),
      KAM_CACHE_DIR: join(tmp, 'cache'),
    }),
  );
  return r;
}

const changesJson = async () =>
  JSON.parse(await readFile(join(outDir(), 'exports/changes.json'), 'utf8')) as BuildChanges;
const page = (p: string) => readFile(join(outDir(), p, 'index.html'), 'utf8');
const snapshots = async () => (await readdir(stateDir())).filter((f) => f.startsWith('build-')).sort();
/** `data-account="…" data-change="…"` pairs of the /changes/ page, in page order. */
const listed = (html: string) =>
  [...html.matchAll(/data-account="([^"]+)" data-change="([^"]+)"/g)].map((m) => `${m[1]}:${m[2]}`);

describe('changes between builds', () => {
  beforeAll(async () => {
    tmp = await mkdtemp(join(tmpdir(), 'kam-changes-'));
    await rm(dataDir(), { recursive: true, force: true });
    await import('node:fs/promises').then((fs) => fs.mkdir(dataDir(), { recursive: true }));
  });
  afterAll(async () => {
    if (tmp) await rm(tmp, { recursive: true, force: true });
  });

  it('the first build has nothing to compare with, and saves a snapshot', async () => {
    await writeData('before');
    const r = await build();
    expect(r.code, r.stderr).toBe(0);
    expect(await changesJson()).toEqual({ since: null, accounts: [], rows: {} });
    const html = await page('changes');
    expect(html).toContain('data-changes-state="first"');
    expect(listed(html)).toEqual([]);
    expect(await snapshots()).toHaveLength(1);
  });

  it('provenance of a summed figure lists exactly its rows', async () => {
    const src = JSON.parse(await readFile(join(outDir(), 'exports/sources/A1.json'), 'utf8')) as Record<
      string,
      { file: string; sheet: string; row: number }[]
    >;
    // The 12-month window of 2026-Q2 holds rows 3–6; row 2 (2025-Q2) is outside it.
    const rows = [3, 4, 5, 6].map((row) => ({ file: 'financials.csv', sheet: 'financials', row }));
    expect(src.revenue).toEqual(rows);
    expect(src.nopat).toEqual(rows);
    expect(src['revenue:2025-Q2']).toEqual([{ file: 'financials.csv', sheet: 'financials', row: 2 }]);
    expect(src.attractiveness).toEqual([{ file: 'scores.csv', sheet: 'scores', row: 2 }]);
    expect(src.strength).toEqual([{ file: 'scores.csv', sheet: 'scores', row: 3 }]);
    expect(src.clv).toEqual(rows);
    // No wallet in the accounts sheet: no share of wallet, so no rows.
    expect(src.share_of_wallet).toEqual([]);
    expect(src.dossier_client_value).toEqual([]);
    expect(src.open_commitments).toEqual([]);
    // The account page offers the same rows, collapsed, loaded from that export when a figure
    // is opened (the browser test opens one), and outside the search index.
    const html = await page('accounts/A1');
    expect(html).toMatch(/<section[^>]*class="card sources"[^>]*data-pagefind-ignore/);
    expect(html).toMatch(/<section[^>]*data-sources="\/exports\/sources\/A1\.json"/);
    const block = html.slice(html.indexOf('data-figure="revenue"'));
    expect(block.slice(0, block.indexOf('</details>'))).toContain('(4 rows)');
    expect(html).not.toContain('financials.csv › financials › row');
  });

  it('the next build lists exactly what changed in the data', async () => {
    const first = (await snapshots())[0]!;
    await writeData('after');
    const r = await build();
    expect(r.code, r.stderr).toBe(0);
    const c = await changesJson();
    expect(c.since).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    expect(first).toContain(c.since!.replace(/:/g, '-'));
    expect(c.accounts.map((a) => `${a.account_id}:${a.change}`)).toEqual([
      'A1:changed',
      'A2:changed',
      'A3:removed',
      'A4:added',
    ]);
    const a1 = c.accounts[0]!;
    expect(a1.name).toBe('Alpha <b>Works</b>');
    // Revenue 1000 → 1500 in 2026-Q2 moves the current figures and the lifetime value built
    // on the 12 months' NOPAT; nothing else about A1 changed.
    expect(a1.fields.revenue).toEqual({ from: 1000, to: 1500 });
    expect(a1.fields.operating_profit).toEqual({ from: 900, to: 1400 });
    expect(Object.keys(a1.fields).sort()).toEqual(['clv', 'nopat', 'operating_profit', 'revenue']);
    expect(c.accounts[1]!.fields).toEqual({ kam_id: { from: 'M1', to: 'M2' } });
    expect(c.rows).toEqual({
      accounts: { added: 1, removed: 1, changed: 1 },
      financials: { added: 0, removed: 1, changed: 1 },
      scores: { added: 0, removed: 2, changed: 0 },
    });

    const html = await page('changes');
    expect(listed(html)).toEqual(['A1:changed', 'A2:changed', 'A3:removed', 'A4:added']);
    // Spreadsheet text is escaped, never markup.
    expect(html).toContain('Alpha &lt;b&gt;Works&lt;/b&gt;');
    expect(html).not.toContain('<b>Works</b>');
    const dashboard = await page('');
    expect(dashboard).toMatch(/1 account changed manager/);
    expect(dashboard).toMatch(/1 new account/);
    expect(dashboard).toMatch(/2 financial rows changed/);
    // The account page says what changed since that build.
    expect(await page('accounts/A2')).toMatch(/manager: Anna Lind \(M1\) → Boris Orlov \(M2\)/);
    expect(await snapshots()).toHaveLength(2);
  });

  it('a failed build writes no snapshot', async () => {
    const before = await snapshots();
    await writeData('broken');
    const bad = await build();
    expect(bad.code).not.toBe(0);
    // Failing later, in the page build (the output folder cannot be created), writes none either.
    await writeData('after');
    await writeFile(join(tmp, 'blocker'), 'a file where a folder should be');
    const late = await build(join(tmp, 'blocker', 'dist'));
    expect(late.code).not.toBe(0);
    // It got past the comparison step (which runs after computing) and failed there.
    expect(late.stderr).toMatch(/Computing the analyses:/);
    expect(await snapshots()).toEqual(before);
  });

  it('an unchanged build lists nothing, compared with the last successful build', async () => {
    const last = (await snapshots()).at(-1)!;
    const r = await build();
    expect(r.code, r.stderr).toBe(0);
    const c = await changesJson();
    expect(c.accounts).toEqual([]);
    expect(c.rows).toEqual({});
    expect(last).toContain(c.since!.replace(/:/g, '-'));
    const html = await page('changes');
    expect(html).toContain('data-changes-state="none"');
    expect(listed(html)).toEqual([]);
    expect(existsSync(join(outDir(), 'exports/sources/A4.json'))).toBe(true);
  });
});
