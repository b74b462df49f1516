/** What `npm run build` writes for the demo portfolio (built once by the global setup). */
import { describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { SHARE_DIR, SITE_DIR } from '../support/paths.ts';

const read = (p: string) => readFile(join(SITE_DIR, p), 'utf8');

describe('the demo build', () => {
  it('writes a page per account and per team member, and the search index', async () => {
    const accounts = JSON.parse(await read('exports/accounts.json')) as { account_id: string }[];
    expect(accounts.length).toBeGreaterThanOrEqual(30);
    for (const a of accounts)
      expect(existsSync(join(SITE_DIR, 'accounts', a.account_id, 'index.html')), a.account_id).toBe(true);
    for (const page of [
      'index.html',
      'matrix/index.html',
      'positioning/index.html',
      'portfolio/index.html',
      'team/index.html',
      'voc/index.html',
      'quality/index.html',
      'search/index.html',
      'playbooks/index.html',
    ])
      expect(existsSync(join(SITE_DIR, page)), page).toBe(true);
    expect(existsSync(join(SITE_DIR, 'pagefind', 'pagefind.js'))).toBe(true);
  });

  it('exports every account in JSON and CSV with the fields of the contract', async () => {
    const json = JSON.parse(await read('exports/accounts.json')) as Record<string, unknown>[];
    const csv = (await read('exports/accounts.csv'))
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(csv).toHaveLength(json.length + 1);
    const fields = [
      'account_id',
      'name',
      'kam_id',
      'period',
      'attractiveness',
      'strength',
      'segment',
      'supplier_position',
      'revenue',
      'operating_profit',
      'nopat',
      'clv',
      'open_commitments',
      'overdue_commitments',
      'dossier_client_value',
      'status',
    ];
    for (const f of fields) {
      expect(csv[0]!.split(','), f).toContain(f);
      for (const row of json) expect(row, f).toHaveProperty(f);
    }
    const statuses = new Set(json.map((r) => r.status));
    expect(statuses).toEqual(new Set(['active', 'lost', 'prospect']));
    for (const row of json) {
      for (const f of ['revenue', 'nopat', 'clv', 'dossier_client_value']) {
        const v = row[f];
        if (v !== null) expect(Math.round((v as number) * 100) / 100, f).toBe(v);
      }
    }
    const history = JSON.parse(await read('exports/history.json')) as {
      account_id: string;
      periods: { segment: unknown; attractiveness: unknown }[];
    }[];
    expect(history).toHaveLength(json.length);

    // Unscored accounts (the demo has one; lost ones with no scores too) say so, never null.
    const segments = ['key', 'developing', 'maintained', 'opportunistic', 'unscored'];
    for (const row of json) expect(segments, String(row.account_id)).toContain(row.segment);
    const unscored = json.filter((r) => r.segment === 'unscored');
    expect(unscored.length).toBeGreaterThan(0);
    for (const r of unscored) expect([r.attractiveness, r.strength]).toEqual([null, null]);
    const header = csv[0]!.split(',');
    const csvRow = csv.find((l) => l.startsWith(`${String(unscored[0]!.account_id)},`))!.split(',');
    expect(csvRow[header.indexOf('segment')]).toBe('unscored');
    for (const e of history)
      for (const p of e.periods) {
        expect(segments, e.account_id).toContain(p.segment);
        if (p.segment === 'unscored') expect(p.attractiveness).toBeNull();
      }
  });

  it('writes one client bundle per account and the internal index of links', async () => {
    const json = JSON.parse(await read('exports/accounts.json')) as unknown[];
    const dirs = (await readdir(SHARE_DIR, { withFileTypes: true })).filter((d) => d.isDirectory());
    expect(dirs).toHaveLength(json.length);
    for (const d of dirs) expect(d.name).toMatch(/^[0-9a-f]{64}$/);
    const index = (await readFile(join(SHARE_DIR, 'index.csv'), 'utf8')).trim().split('\r\n');
    expect(index).toHaveLength(json.length + 1);
  });

  it('says on every page which data it was built from', async () => {
    const html = await read('index.html');
    expect(html).toMatch(/Built from \d+ files/);
    expect(html).toContain('portfolio.xlsx');
  });
});
