/**
 * The built demo portal in Chromium: every page kind loads with no console error and no
 * failed request, search finds accounts by Russian and English names, filters and the CSV
 * export work, and axe-core finds no serious or critical accessibility violation.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { launch } from '../../scripts/lib/chromium.ts';
import { serve } from '../../scripts/lib/serve.ts';
import { SITE_DIR } from '../support/paths.ts';
import { axeViolations } from '../support/axe.ts';
import { openWatched } from '../support/browser.ts';

interface ExportRow {
  account_id: string;
  name: string;
  kam_id: string;
  segment: string | null;
  status: string;
}

let browser: Browser;
let server: Awaited<ReturnType<typeof serve>>;
let accounts: ExportRow[];

beforeAll(async () => {
  accounts = JSON.parse(await readFile(`${SITE_DIR}/exports/accounts.json`, 'utf8')) as ExportRow[];
  server = await serve(SITE_DIR);
  browser = await launch();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Open a page and collect every console error and failed request while it loads. */
function open(path: string): Promise<{ page: Page; problems: string[] }> {
  return openWatched(browser, server.url + path);
}

describe('every page kind', () => {
  it('loads cleanly and passes axe', async () => {
    const first = accounts.find((a) => a.segment === 'key') ?? accounts[0]!;
    const pages = [
      '/',
      '/accounts/',
      `/accounts/${first.account_id}/`,
      '/matrix/',
      '/positioning/',
      '/portfolio/',
      '/team/',
      `/team/${first.kam_id}/`,
      '/plans/',
      '/whitespace/',
      `/accounts/${first.account_id}/review/`,
      '/playbooks/en/account-planning/',
      '/playbooks/ru/account-planning/',
      '/voc/',
      '/quality/',
      '/playbooks/',
      '/playbooks/en/segment-key/',
      '/playbooks/ru/segment-key/',
      '/search/',
      '/changes/',
    ];
    const report: string[] = [];
    for (const path of pages) {
      const { page, problems } = await open(path);
      expect(await page.locator('h1').first().textContent(), path).toBeTruthy();
      const violations = await axeViolations(page);
      report.push(...problems.map((p) => `${path}: ${p}`), ...violations.map((v) => `${path}: axe ${v}`));
      await page.close();
    }
    expect(report).toEqual([]);
  });
});

describe('search', () => {
  it('finds accounts by a Russian and by an English name, the client first', async () => {
    const russian = accounts.find((a) => /[а-яё]/i.test(a.name));
    const english = accounts.find((a) => /^[A-Za-z]/.test(a.name) && !/[а-яё]/i.test(a.name));
    expect(russian, 'the demo has a Russian-named account').toBeDefined();
    expect(english, 'the demo has an English-named account').toBeDefined();
    for (const a of [russian!, english!]) {
      const word = a.name
        .replace(/[«»"]/g, '')
        .split(/[\s-]+/)
        .find((w) => w.length >= 4)!;
      const { page, problems } = await open(`/search/?q=${encodeURIComponent(word)}`);
      await page.waitForSelector('.search-result a', { timeout: 20_000 });
      const titles = await page.locator('.search-result-head a').allTextContents();
      expect(titles.join(' | '), `search for "${word}"`).toContain(a.name);
      await page.close();

      // The whole name: that client comes first.
      const full = await open(`/search/?q=${encodeURIComponent(a.name)}`);
      await full.page.waitForSelector('.search-result a', { timeout: 20_000 });
      expect(await full.page.locator('.search-result-head a').first().textContent()).toBe(a.name);
      expect(await full.page.locator('.search-result-head a').first().getAttribute('href')).toContain(
        `/accounts/${a.account_id}/`,
      );
      expect([...problems, ...full.problems]).toEqual([]);
      await full.page.close();
    }
  });

  it('counts results in words, labels their type and filters by a facet with the keyboard', async () => {
    const { page, problems } = await open(`/search/?q=${encodeURIComponent('dossier')}`);
    await page.waitForSelector('.search-result a', { timeout: 20_000 });
    const status = page.locator('[role=status]');
    expect(await status.textContent()).toMatch(/^\d+ results?$/);
    expect(await page.locator('.search-result .badge').allTextContents()).toContain('Account');
    await page.locator('.search-filters summary').focus();
    await page.keyboard.press('Enter');
    const keyLabel = page.locator('fieldset.search-facet', { hasText: 'Segment' }).locator('label').first();
    const value = (await keyLabel.locator('span').first().textContent())!;
    await keyLabel.locator('input').focus();
    await page.keyboard.press('Space');
    await expect.poll(async () => page.locator('.search-result').count()).toBeGreaterThan(0);
    await expect
      .poll(async () =>
        (await page.locator('.search-result .badge').allTextContents()).every((t) => t === 'Account'),
      )
      .toBe(true);
    expect(new URL(page.url()).searchParams.get('q')).toBe('dossier');
    expect(value.length).toBeGreaterThan(0);
    expect(problems).toEqual([]);
    await page.close();
  });
});

describe('search in the portal language', () => {
  it('keeps playbooks of the other language out of the English portal', async () => {
    const { page, problems } = await open(`/search/?q=${encodeURIComponent('досье')}`);
    await expect.poll(async () => page.locator('[role=status]').textContent()).toMatch(/Nothing found/);
    const ru = await open(`/search/?q=${encodeURIComponent('dossier')}`);
    await ru.page.waitForSelector('.search-result a', { timeout: 20_000 });
    const links = await ru.page
      .locator('.search-result a')
      .evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(links.some((l) => l?.includes('/playbooks/en/'))).toBe(true);
    expect(links.some((l) => l?.includes('/playbooks/ru/'))).toBe(false);
    expect([...problems, ...ru.problems]).toEqual([]);
    await page.close();
    await ru.page.close();
  });
});

describe('accounts table', () => {
  it('filters by segment from the URL and by the drop-down, and exports the rows shown', async () => {
    // Lost accounts read as lost, whatever segment they last had.
    const inSegment = (s: string) => accounts.filter((a) => a.segment === s && a.status !== 'lost').length;
    const keyCount = inSegment('key');
    expect(keyCount).toBeGreaterThan(0);
    const { page } = await open('/accounts/?segment=key');
    await expect.poll(() => page.locator('#accounts-table tbody tr:visible').count()).toBe(keyCount);

    await page.selectOption('select[name=segment]', 'maintained');
    const maintained = inSegment('maintained');
    await expect.poll(() => page.locator('#accounts-table tbody tr:visible').count()).toBe(maintained);
    expect(await page.locator('[data-count-for=accounts-table]').textContent()).toBe(String(maintained));

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.click('button[data-export-for=accounts-table]'),
    ]);
    const csv = await readFile((await download.path())!, 'utf8');
    const lines = csv
      .replace(/^\uFEFF/, '')
      .trim()
      .split(/\r\n/);
    expect(lines[0]).toContain('segment');
    expect(lines).toHaveLength(maintained + 1);
    await page.close();
  });

  it('sorts by a column when its header is clicked', async () => {
    const { page } = await open('/accounts/');
    await page.click('th[data-csv=nopat_12m] button');
    await page.click('th[data-csv=nopat_12m] button');
    const values = await page.$$eval('#accounts-table tbody tr td:nth-child(9)', (tds) =>
      tds
        .map((td) => (td as HTMLElement).dataset.value ?? '')
        .filter((v) => v !== '')
        .map(Number),
    );
    expect(values.length).toBeGreaterThan(2);
    expect([...values].sort((a, b) => b - a)).toEqual(values);
    await page.close();
  });
});

describe('account page sources', () => {
  it('lists the rows behind a figure when it is opened, from the sources export', async () => {
    const id = accounts.find((a) => a.status !== 'lost')!.account_id;
    const sources = JSON.parse(await readFile(`${SITE_DIR}/exports/sources/${id}.json`, 'utf8')) as Record<
      string,
      { file: string; sheet: string; row: number }[]
    >;
    const expected = sources.revenue!.map((r) => `${r.file} › ${r.sheet} › row ${r.row}`);
    expect(expected.length).toBeGreaterThan(0);
    const { page, problems } = await open(`/accounts/${id}/`);
    const figure = page.locator('details[data-figure="revenue"]');
    expect(await figure.locator('li').count()).toBe(0);
    await figure.locator('summary').click();
    await expect.poll(() => figure.locator('li code').allTextContents()).toEqual(expected);
    expect(problems).toEqual([]);
    await page.close();
  });
});
