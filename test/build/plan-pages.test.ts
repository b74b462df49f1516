/**
 * The plan, whitespace and early-warning pages show what the core computed. The demo data
 * plus hand-made objectives, actions and offerings (with hostile text) are built once; each
 * page is checked against the exports (plans.json, accounts.json) and the known fixture, then
 * the new pages are opened in Chromium: no console error, axe clean, sorting and CSV export.
 */
import { openWatched } from '../support/browser.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { launch } from '../../scripts/lib/chromium.ts';
import { serve } from '../../scripts/lib/serve.ts';
import { axeViolations } from '../support/axe.ts';
import { buildEnv, ROOT } from '../support/paths.ts';
import { runScript } from '../support/run.ts';

const HOSTILE = '<img src=x onerror=alert(1)>';
let work: string;
let dist: string;

const csv = (rows: string[][]) =>
  rows.map((r) => r.map((c) => `"${c.replace(/"/g, '""')}"`).join(',')).join('\n');

interface PlanRecord {
  objective_id: string;
  account_id: string;
  state: string;
  progress: number | null;
  actions: { action_id: string; overdue: boolean }[];
}
interface AccountRecord {
  account_id: string;
  name: string;
  status: string;
  health: 'green' | 'amber' | 'red' | null;
  signals: string[];
}

const html = (p: string) => readFile(join(dist, p, 'index.html'), 'utf8');
const json = async <T>(p: string) => JSON.parse(await readFile(join(dist, 'exports', p), 'utf8')) as T;
const text = (h: string) =>
  h
    // Attribute values may hold `>` (an aria-label quoting a title): blank them first.
    .replace(/="[^"]*"/g, '=""')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');
/** The HTML of the first element carrying `attr="value"` up to its closing tag. */
function element(h: string, tag: string, attr: string, value: string): string {
  const re = new RegExp(`<${tag}[^>]*${attr}="${value}"[^>]*>(?:(?!</${tag}>).)*</${tag}>`, 's');
  const m = re.exec(h);
  if (!m) throw new Error(`no <${tag} ${attr}="${value}">`);
  return m[0];
}

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'kam-plans-'));
  const data = join(work, 'data');
  // The demo folder, without any plans workbook of its own: these rows are the fixture.
  await cp(join(ROOT, 'data'), data, { recursive: true, filter: (src) => !src.endsWith('plans.xlsx') });
  await writeFile(
    join(data, 'objectives.csv'),
    csv([
      ['objective_id', 'account_id', 'title', 'kind', 'baseline', 'target', 'current', 'due', 'owner_id'],
      ['O1', 'A001', `Grow share ${HOSTILE}`, 'growth', '10', '20', '15', '2027-06-30', 'M01'],
      ['O2', 'A002', 'Renew the frame contract', 'retention', '', '1', '1', '2027-03-31', ''],
      ['O3', 'A003', 'Win the hydraulics line', 'other', '0', '400', '100', '2026-10-01', 'M02'],
    ]),
  );
  await writeFile(
    join(data, 'actions.csv'),
    csv([
      ['action_id', 'objective_id', 'title', 'owner_id', 'due', 'done_on'],
      ['X1', 'O1', `Workshop ${HOSTILE}`, 'M01', '2026-11-01', ''],
      ['X2', 'O1', 'Audit report', 'M02', '2027-01-15', ''],
      ['X3', 'O3', 'Site visit', 'M02', '2026-09-01', '2026-09-03'],
    ]),
  );
  await writeFile(
    join(data, 'offerings.csv'),
    csv([
      ['account_id', 'offering', 'unit', 'status', 'annual_value'],
      ['A001', 'Valves', '', 'opportunity', '5000'],
      ['A001', 'Pumps', '', 'bought', '2000'],
      ['A002', 'Valves', '', 'bought', '1000'],
      ['A002', `Pumps ${HOSTILE}`, 'Plant 2', 'opportunity', '9000'],
      ['A003', 'Seals', '', 'pipeline', '300'],
    ]),
  );
  dist = join(work, 'dist');
  const r = await runScript(
    'scripts/build.ts',
    buildEnv({ KAM_DATA_DIR: data, KAM_OUT_DIR: dist, KAM_SHARE_DIR: join(work, 'share') }),
  );
  if (r.code !== 0) throw new Error(`build failed:\n${r.stderr}\n${r.stdout}`);
});

afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

describe('plan pages show what the core computed', () => {
  it('the account page shows each objective with its state, progress and actions', async () => {
    const plans = await json<PlanRecord[]>('plans.json');
    expect(plans.find((o) => o.objective_id === 'O1')).toMatchObject({ state: 'at_risk', progress: 0.5 });
    const page = await html('accounts/A001');
    const plan = text(element(page, 'section', 'aria-labelledby', 'plan'));
    expect(plan).toContain(`Grow share ${HOSTILE} At risk`);
    expect(plan).toMatch(/ 50\s?% /);
    expect(plan).toContain(`Workshop ${HOSTILE}`);
    expect(plan).toContain('26 days overdue');
    expect(page).toContain('<progress max="100" value="50"');
    // Every objective of the export on its account page, in its state's words.
    const labels: Record<string, string> = { at_risk: 'At risk', achieved: 'Achieved', overdue: 'Overdue' };
    for (const o of plans) {
      expect(
        text(element(await html(`accounts/${o.account_id}`), 'section', 'aria-labelledby', 'plan')),
      ).toContain(labels[o.state]);
    }
  });

  it('/plans/ groups objectives by state and lists overdue actions by owner', async () => {
    const page = await html('plans');
    for (const o of await json<PlanRecord[]>('plans.json')) {
      const group = element(page, 'section', 'data-state', o.state);
      expect(group, o.objective_id).toContain(`data-objective="${o.objective_id}"`);
    }
    const atRisk = text(element(page, 'section', 'data-state', 'at_risk'));
    expect(atRisk).toMatch(/ 50\s?% /);
    expect(atRisk).toContain('15 / 20');
    const m01 = text(element(page, 'section', 'data-owner', 'M01'));
    expect(m01).toContain(`Workshop ${HOSTILE}`);
    expect(page).not.toContain('data-owner="M02"');
    // The member page lists the member's actions.
    expect(text(await html('team/M02'))).toMatch(/Plan actions Action .*Audit report.*Site visit/);
  });

  it('/whitespace/ lists the largest whitespace first with one labelled cell per offering', async () => {
    const page = await html('whitespace');
    const order = [...page.matchAll(/<tr data-account="([^"]+)"/g)].map((m) => m[1]);
    expect(order).toEqual(['A002', 'A001', 'A003']);
    const accounts = await json<(AccountRecord & { whitespace_value: number })[]>('accounts.json');
    const ws = new Map(accounts.map((a) => [a.account_id, a.whitespace_value]));
    expect(order.map((id) => ws.get(id!))).toEqual([9000, 5000, 0]);
    const a001 = element(page, 'tr', 'data-account', 'A001');
    // Offerings sorted: Pumps, Pumps <hostile>, Seals, Valves.
    expect(
      [...a001.matchAll(/<td class="ws-cell ([a-z_]+)[^"]*" data-value(?:="([^"]*)")?/g)].map((m) => [
        m[1],
        m[2],
      ]),
    ).toEqual([
      ['bought', 'bought'],
      ['empty', undefined],
      ['empty', undefined],
      ['opportunity', 'opportunity'],
    ]);
    // Status in words, never colour alone.
    expect(text(a001)).toMatch(/Bought \$2k .* no row|Bought \$2k/);
    expect(text(a001)).toContain('Opportunity $5k');
    expect(text(page)).toContain('Total open whitespace: $14,000');
  });

  it('the dashboard lists every account with warnings, red first, each with its reasons', async () => {
    const accounts = await json<AccountRecord[]>('accounts.json');
    const warned = accounts.filter((a) => a.signals.length > 0);
    expect(warned.some((a) => a.health === 'red')).toBe(true);
    const page = await html('');
    const start = page.indexOf('data-early-warnings');
    const list = page.slice(start, page.indexOf('</section>', start));
    // One chunk per listed account (its signals are nested list items).
    const shown = list
      .split('<li data-account="')
      .slice(1)
      .map((chunk) => ({
        id: chunk.slice(0, chunk.indexOf('"')),
        health: /data-health="([a-z]+)"/.exec(chunk)?.[1],
        signals: [...chunk.matchAll(/data-signal="([a-z_]+)"/g)].map((m) => m[1]).sort(),
      }));
    expect(shown.length).toBe(Math.min(50, warned.length));
    const rank = { red: 0, amber: 1, green: 2 } as const;
    const ranks = shown.map((w) => rank[w.health as keyof typeof rank]);
    expect([...ranks].sort((x, y) => x - y)).toEqual(ranks);
    const byId = new Map(accounts.map((x) => [x.account_id, x]));
    for (const w of shown) {
      const a = byId.get(w.id)!;
      expect(w.health, w.id).toBe(a.health);
      expect(w.signals, w.id).toEqual(a.signals);
    }
  });

  it('the printable review of an account carries its segment path, profit, plan, signals, commitments and VoC', async () => {
    const page = await html('accounts/A001/review');
    const t = text(page);
    for (const h of [
      'Segment path',
      'Profit over the last 12 months',
      'Early warnings',
      'Account plan',
      'Commitments',
      'Voice of the Customer',
    ])
      expect(t).toContain(h);
    expect(t).toContain(`Grow share ${HOSTILE} At risk`);
    const history = JSON.parse(await readFile(join(dist, 'exports/history.json'), 'utf8')) as {
      account_id: string;
      periods: { period: string; segment: string | null }[];
    }[];
    const scored = history.find((h) => h.account_id === 'A001')!.periods.filter((x) => x.segment !== null);
    expect(scored.length).toBeGreaterThan(1);
    const path = element(page, 'section', 'aria-labelledby', 'r-seg');
    expect([...path.matchAll(/<li/g)]).toHaveLength(scored.length);
    const segmentWords: Record<string, string> = {
      key: 'Key client',
      developing: 'Developing key client',
      maintained: 'Maintained client',
      opportunistic: 'Opportunistic client',
    };
    expect(text(path)).toContain(`${segmentWords[scored.at(-1)!.segment!]}`);
    // Light and internal: no charts, not in the search index.
    expect(page).not.toContain('<canvas');
    expect(page).not.toContain('data-pagefind-body');
  });

  it('never turns spreadsheet text into markup', async () => {
    for (const p of [
      'accounts/A001',
      'accounts/A002',
      'plans',
      'whitespace',
      'accounts/A001/review',
      'team/M01',
    ]) {
      // Inside a quoted attribute value (aria-label) `<` is text: blank those values first.
      expect((await html(p)).replace(/="[^"]*"/g, '=""'), p).not.toContain('<img src=x');
    }
  });
});

describe('the new pages in a browser', () => {
  let browser: Browser;
  let server: Awaited<ReturnType<typeof serve>>;
  beforeAll(async () => {
    server = await serve(dist);
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  const open = (path: string) => openWatched(browser, server.url + path);

  it('load without console errors and pass axe, with data on them', async () => {
    const report: string[] = [];
    for (const path of [
      '/',
      '/accounts/A001/',
      '/plans/',
      '/whitespace/',
      '/accounts/A001/review/',
      '/team/M02/',
      '/playbooks/en/account-planning/',
      '/playbooks/ru/account-planning/',
    ]) {
      const { page, problems } = await open(path);
      report.push(
        ...problems.map((p) => `${path}: ${p}`),
        ...(await axeViolations(page)).map((v) => `${path}: ${v}`),
      );
      await page.close();
    }
    expect(report).toEqual([]);
  });

  it('/whitespace/ sorts by a column and exports the rows as CSV', async () => {
    const { page } = await open('/whitespace/');
    await page.click('th[data-csv=whitespace_value] button');
    const ids = () =>
      page.$$eval('#whitespace-table tbody tr', (trs) =>
        trs.map((tr) => (tr as HTMLElement).dataset.account),
      );
    expect(await ids()).toEqual(['A003', 'A001', 'A002']);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.click('button[data-export-for=whitespace-table]'),
    ]);
    const body = await readFile((await download.path())!, 'utf8');
    const lines = body
      .replace(/^\uFEFF/, '')
      .trim()
      .split(/\r\n/);
    expect(lines[0]).toContain('whitespace_value');
    expect(lines[0]).toContain('Valves');
    expect(lines).toHaveLength(4);
    expect(lines[2]).toMatch(/5000.*bought.*opportunity/);
    await page.close();
  });
});
