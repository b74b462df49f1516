/**
 * The data each page shows, read from the built demo portal and checked against the exports
 * (which come straight from the analytics core).
 */
import { describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { SITE_DIR } from '../support/paths.ts';

interface Row {
  account_id: string;
  name: string;
  kam_id: string;
  /** "unscored" when too few criteria were scored; never null. */
  segment: string;
  supplier_position: string | null;
  status: string;
  nopat: number | null;
  overdue_commitments: number;
}

const html = (p: string) => readFile(join(SITE_DIR, p, 'index.html'), 'utf8');
/** Text content, roughly: tags dropped, entities of the demo's names decoded. */
const text = (h: string) =>
  h
    .replace(/<[^>]+>/g, ' ')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&')
    .replace(/&#39;/g, "'")
    .replace(/\s+/g, ' ');
const accounts = async () =>
  JSON.parse(await readFile(join(SITE_DIR, 'exports/accounts.json'), 'utf8')) as Row[];
const money = (v: number) =>
  new Intl.NumberFormat('en-GB', {
    style: 'currency',
    currency: 'USD',
    currencyDisplay: 'narrowSymbol',
    maximumFractionDigits: 0,
  }).format(v);

describe('pages show what the core computed', () => {
  it('the accounts table has one row per account with its segment', async () => {
    const page = await html('accounts');
    for (const a of await accounts()) {
      const row = new RegExp(
        `<tr[^>]*data-filter-segment="${a.status === 'lost' ? 'lost' : a.segment}"[^>]*>(?:(?!</tr>).)*/accounts/${a.account_id}/`,
        's',
      );
      expect(page, a.account_id).toMatch(row);
    }
  });

  it('the dashboard counts key accounts and overdue commitments like the export', async () => {
    const rows = await accounts();
    const page = text(await html(''));
    const key = rows.filter((r) => r.segment === 'key' && r.status !== 'lost').length;
    const lost = rows.filter((r) => r.status === 'lost').length;
    const overdue = rows.reduce((n, r) => n + r.overdue_commitments, 0);
    expect(page).toMatch(new RegExp(`Key clients ${key}\\b`));
    expect(lost).toBeGreaterThan(0);
    expect(page).toMatch(new RegExp(`Lost accounts ${lost}\\b`));
    expect(page).toMatch(new RegExp(`Overdue commitments ${overdue}\\b`));
  });

  it('the quality page keeps business alerts apart from data problems, and the dashboard counts only problems', async () => {
    const quality = text(await html('quality'));
    const alertsAt = quality.indexOf('Business alerts (');
    const problemsAt = quality.indexOf('Problems in the data (');
    expect(problemsAt).toBeGreaterThan(0);
    expect(alertsAt).toBeGreaterThan(problemsAt);
    const problems = quality.slice(0, alertsAt);
    const alerts = quality.slice(alertsAt);
    expect(alerts).toMatch(/loses money: NOPAT over the last 12 months is -\$[\d,]+\./);
    expect(problems).not.toContain('loses money');
    expect(problems).not.toContain('above the cap');
    const warnings = Number(/Spreadsheet warnings \((\d+)\)/.exec(quality)?.[1]);
    const found = Number(/Problems in the data \((\d+)\)/.exec(quality)?.[1]);
    const alertCount = Number(/Business alerts \((\d+)\)/.exec(quality)?.[1]);
    expect(alertCount).toBeGreaterThan(0);
    expect(text(await html(''))).toMatch(new RegExp(`Data problems ${warnings + found}\\b`));
  });

  it('profit by segment counts lost accounts in their own row, apart from unscored ones', async () => {
    const rows = await accounts();
    const page = await html('portfolio');
    const count = (badge: string) =>
      Number(
        new RegExp(
          `<span class="badge ${badge}"[^>]*>[^<]+</span>\\s*</td>\\s*<td[^>]*data-value="(\\d+)"`,
        ).exec(page)?.[1],
      );
    expect(count('lost')).toBe(rows.filter((r) => r.status === 'lost').length);
    expect(count('unscored')).toBe(
      rows.filter((r) => r.status !== 'lost' && r.segment === 'unscored').length,
    );
  });

  it('a lost account reads as lost with its date and last segment, not as unscored', async () => {
    const lost = (await accounts()).filter((r) => r.status === 'lost');
    expect(lost.length).toBeGreaterThan(0);
    for (const a of lost) {
      const page = text(await html(`accounts/${a.account_id}`));
      expect(page, a.account_id).toMatch(
        /Lost (on \d{1,2} \w{3} \d{4}|\(date not recorded\)) — last segment \w/,
      );
      expect(page, a.account_id).not.toContain('Not enough criteria scored');
    }
  });

  it('each account page names its segment, position and current-period NOPAT', async () => {
    const labels: Record<string, string> = {
      key: 'Key client',
      developing: 'Developing key client',
      maintained: 'Maintained client',
      opportunistic: 'Opportunistic client',
    };
    for (const a of (await accounts())
      .filter((r) => r.segment !== 'unscored' && r.nopat !== null && r.status !== 'lost')
      .slice(0, 12)) {
      const page = text(await html(`accounts/${a.account_id}`));
      expect(page, a.account_id).toContain(a.name);
      expect(page, a.account_id).toContain(labels[a.segment]!);
      expect(page, a.account_id).toContain(`NOPAT ${money(a.nopat!)}`);
    }
  });

  it('the selection matrix lists every scored account in its quadrant', async () => {
    const page = await html('matrix');
    for (const a of (await accounts()).filter((r) => r.segment !== 'unscored')) {
      const section = page.split(`aria-labelledby="q-${a.segment}"`)[1]?.split('</section>')[0] ?? '';
      expect(section, a.account_id).toContain(`/accounts/${a.account_id}/`);
    }
  });

  it('the team page lists every manager of an account', async () => {
    const page = await html('team');
    for (const id of new Set((await accounts()).map((a) => a.kam_id))) expect(page).toContain(`/team/${id}/`);
  });
});

describe('search index', () => {
  it('reads exactly the pages that carry searchable content', async () => {
    const { globSync } = await import('node:fs');
    const { SEARCHABLE_PAGES } = await import('../../src/build/search-index.ts');
    const all = globSync('**/index.html', { cwd: SITE_DIR });
    const withBody: string[] = [];
    for (const f of all)
      if ((await readFile(join(SITE_DIR, f), 'utf8')).includes('data-pagefind-body')) withBody.push(f);
    expect(withBody.length).toBeGreaterThan(10);
    expect(globSync(SEARCHABLE_PAGES, { cwd: SITE_DIR }).sort()).toEqual(withBody.sort());
  });
});
