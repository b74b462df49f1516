/**
 * The built demo portal fits the screen: at 1440 px no table is wider than its box (columns
 * wrap or give way instead of hiding behind a sideways scroll), and on a 390 px phone no page
 * is wider than the screen. Also the tables people work from: the accounts filters live in the
 * URL, lost accounts are a filter of their own, and the team tables sort, filter and export.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readdir, readFile } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { launch } from '../../scripts/lib/chromium.ts';
import { serve } from '../../scripts/lib/serve.ts';
import { SITE_DIR } from '../support/paths.ts';

interface ExportRow {
  account_id: string;
  kam_id: string;
  segment: string | null;
  status: string;
}

let browser: Browser;
let server: Awaited<ReturnType<typeof serve>>;
let accounts: ExportRow[];
let pages: string[];

beforeAll(async () => {
  accounts = JSON.parse(await readFile(`${SITE_DIR}/exports/accounts.json`, 'utf8')) as ExportRow[];
  server = await serve(SITE_DIR);
  browser = await launch();
  const lost = accounts.find((a) => a.status === 'lost');
  const key = accounts.find((a) => a.segment === 'key' && a.status !== 'lost') ?? accounts[0]!;
  const playbooks = async (locale: string) =>
    (await readdir(`${SITE_DIR}/playbooks/${locale}`, { withFileTypes: true }))
      .filter((d) => d.isDirectory())
      .map((d) => `/playbooks/${locale}/${d.name}/`);
  // One of every page kind, the account pages that carry the most (a key client, a lost one)
  // and every playbook: live blocks put wide tables there.
  pages = [
    '/',
    '/accounts/',
    `/accounts/${key.account_id}/`,
    ...(lost ? [`/accounts/${lost.account_id}/`] : []),
    '/matrix/',
    '/positioning/',
    '/portfolio/',
    '/team/',
    `/team/${key.kam_id}/`,
    '/voc/',
    '/quality/',
    '/search/',
    '/playbooks/',
    '/playbooks/en/',
    '/playbooks/ru/',
    ...(await playbooks('en')),
    ...(await playbooks('ru')),
  ];
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function at(width: number, height: number): Promise<Page> {
  return browser.newPage({ viewport: { width, height }, acceptDownloads: true });
}

describe('layout', () => {
  it('at 1440 px no visible table is wider than its box', async () => {
    const page = await at(1440, 900);
    const report: string[] = [];
    for (const path of pages) {
      await page.goto(server.url + path, { waitUntil: 'load' });
      const wide = await page.evaluate(() =>
        [...document.querySelectorAll('table')]
          .filter((t) => t.offsetParent !== null)
          .map((t) => {
            const box = t.parentElement!;
            const name = (t.caption?.textContent ?? t.id ?? '').trim().slice(0, 50);
            return { name, table: Math.ceil(t.getBoundingClientRect().width), box: box.clientWidth };
          })
          .filter((x) => x.table > x.box + 1),
      );
      report.push(...wide.map((w) => `${path}: "${w.name}" ${w.table} px in ${w.box} px`));
      expect(await page.evaluate(() => document.scrollingElement!.scrollWidth), path).toBeLessThanOrEqual(
        1440,
      );
    }
    expect(report).toEqual([]);
    await page.close();
  });

  it('on a 390 px phone no page is wider than the screen', async () => {
    const page = await at(390, 844);
    const report: string[] = [];
    for (const path of pages) {
      await page.goto(server.url + path, { waitUntil: 'load' });
      const width = await page.evaluate(() => document.scrollingElement!.scrollWidth);
      if (width > 390) report.push(`${path}: ${width} px`);
    }
    expect(report).toEqual([]);
    await page.close();
  });
});

describe('tables to work from', () => {
  it('the accounts table keeps its filters in the URL and restores them on load', async () => {
    const page = await at(1440, 900);
    await page.goto(`${server.url}/accounts/`, { waitUntil: 'load' });
    await page.selectOption('select[name=segment]', 'maintained');
    await page.fill('input[name=q]', 'a');
    await expect.poll(() => new URL(page.url()).searchParams.get('segment')).toBe('maintained');
    await expect.poll(() => new URL(page.url()).searchParams.get('q')).toBe('a');
    const shown = await page.locator('#accounts-table tbody tr:visible').count();

    await page.reload({ waitUntil: 'load' });
    expect(await page.inputValue('select[name=segment]')).toBe('maintained');
    expect(await page.inputValue('input[name=q]')).toBe('a');
    await expect.poll(() => page.locator('#accounts-table tbody tr:visible').count()).toBe(shown);

    await page.click('button[type=reset]');
    await expect.poll(() => new URL(page.url()).search).toBe('');
    await page.close();
  });

  it('lost accounts have a filter of their own, apart from unscored ones', async () => {
    const lost = accounts.filter((a) => a.status === 'lost').length;
    const unscored = accounts.filter((a) => a.status !== 'lost' && a.segment === 'unscored').length;
    expect(lost).toBeGreaterThan(0);
    const page = await at(1440, 900);
    await page.goto(`${server.url}/accounts/?segment=lost`, { waitUntil: 'load' });
    await expect.poll(() => page.locator('#accounts-table tbody tr:visible').count()).toBe(lost);
    await page.selectOption('select[name=segment]', 'unscored');
    await expect.poll(() => page.locator('#accounts-table tbody tr:visible').count()).toBe(unscored);
    await page.close();
  });

  it('the overdue commitments on the team page sort, filter by owner and export', async () => {
    const page = await at(1440, 900);
    await page.goto(`${server.url}/team/`, { waitUntil: 'load' });
    const table = page.locator('#overdue-table');
    const total = await table.locator('tbody tr').count();
    expect(total).toBeGreaterThan(2);

    // Sort by due date, newest first.
    await table.locator('th[data-csv=due] button').click();
    await table.locator('th[data-csv=due] button').click();
    const due = await table
      .locator('tbody tr td:nth-child(4)')
      .evaluateAll((tds) => tds.map((td) => (td as HTMLElement).dataset.value ?? ''));
    expect([...due].sort().reverse()).toEqual(due);

    const owner = (await page
      .locator('[data-filters-for=overdue-table] select[name=owner] option')
      .nth(1)
      .getAttribute('value'))!;
    await page.selectOption('[data-filters-for=overdue-table] select[name=owner]', owner);
    const shown = await table.locator('tbody tr:visible').count();
    expect(shown).toBeGreaterThan(0);
    expect(shown).toBeLessThan(total);
    expect(await page.locator('[data-count-for=overdue-table]').textContent()).toBe(String(shown));

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.click('button[data-export-for=overdue-table]'),
    ]);
    const lines = (await readFile((await download.path())!, 'utf8'))
      .replace(/^\uFEFF/, '')
      .trim()
      .split(/\r\n/);
    expect(lines[0]).toContain('due');
    expect(lines[0]).toContain('owner');
    expect(lines).toHaveLength(shown + 1);
    await page.close();
  });
});
