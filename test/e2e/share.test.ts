/**
 * Client bundles in a real browser: a bundle opens from the file system without a single
 * network request, prints to an A4 PDF whose text carries the client's name and value total,
 * takes only the pages its content needs, and fits the printable width and a phone's screen.
 *
 * `KAM_UPDATE_SCREENSHOTS=1` also refreshes docs/screenshots/bundle-{en,ru}{,-phone}.png.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { launch } from '../../scripts/lib/chromium.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Portfolio } from '../../src/domain/types.ts';
import { formatters } from '../../src/i18n/format.ts';
import { renderBundle } from '../../src/share/render.ts';
import { shareLinks } from '../../src/share/links.ts';
import { shareToken } from '../../src/share/token.ts';
import { clientView } from '../../src/share/view.ts';
import { writeShareBundles } from '../../src/share/write.ts';
import { demoPortfolio } from '../unit/share/demo.ts';
import { fixturePortfolio, TODAY } from '../unit/share/fixture.ts';

const SECRET = 'e2e-share-secret';
const SCREENSHOTS = new URL('../../docs/screenshots/', import.meta.url).pathname;
/** A4 (210 mm) minus the 15 mm side margins of the bundle's @page rule, in CSS pixels. */
const PRINTABLE_WIDTH_PX = Math.floor(((210 - 30) / 25.4) * 96);
/** A common phone's viewport width. */
const PHONE_WIDTH_PX = 390;

let browser: Browser;
let work: string;

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'kam-share-e2e-'));
  browser = await launch();
}, 30_000);

afterAll(async () => {
  await browser?.close();
  rmSync(work, { recursive: true, force: true });
});

/** Opens a page that records every failed request and every request that is not to file:. */
async function watchedPage(width = 1200): Promise<{ page: Page; offending: string[] }> {
  const page = await browser.newPage({ viewport: { width, height: 900 } });
  const offending: string[] = [];
  page.on('requestfailed', (r) => offending.push(`failed: ${r.url()} ${r.failure()?.errorText ?? ''}`));
  page.on('request', (r) => {
    if (!r.url().startsWith('file:') && !r.url().startsWith('about:') && !r.url().startsWith('data:'))
      offending.push(`request: ${r.url()}`);
  });
  return { page, offending };
}

async function writeBundles(portfolio: Portfolio, name: string): Promise<string> {
  const dir = join(work, name);
  await writeShareBundles(portfolio, dir, { links: shareLinks(portfolio, SECRET) });
  return dir;
}

const normalise = (s: string) => s.replace(/[\s\u00a0\u202f]+/g, ' ');

function pdfText(file: string): string {
  return normalise(execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }));
}

/** Non-blank text lines on each page of a PDF. */
function linesPerPage(file: string): number[] {
  const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))?.[1]);
  return Array.from({ length: pages }, (_, i) => {
    const page = String(i + 1);
    const text = execFileSync('pdftotext', ['-layout', '-f', page, '-l', page, file, '-'], {
      encoding: 'utf8',
    });
    return text.split('\n').filter((l) => l.trim()).length;
  });
}

/** The account with the most visible content: the richest bundle to look at. */
function richest(portfolio: Portfolio): string {
  let best = portfolio.accounts[0]?.account_id ?? '';
  let score = -1;
  for (const a of portfolio.accounts) {
    const v = clientView(portfolio, a.account_id, { generatedOn: portfolio.today });
    const s =
      v.entries.length +
      v.timeline.length +
      v.kpis.length +
      v.commitments.length +
      v.value_by_category.length;
    if (s > score) [best, score] = [a.account_id, s];
  }
  return best;
}

/** How far the page scrolls sideways, and which blocks stick out of their sheet's content box. */
function overflow(page: Page): Promise<{ page: number; elements: string[] }> {
  return page.evaluate(() => {
    const root = document.documentElement;
    const elements = [...document.querySelectorAll('.sheet')].flatMap((sheet) => {
      const right = sheet.getBoundingClientRect().right - parseFloat(getComputedStyle(sheet).paddingRight);
      return [...sheet.querySelectorAll('table, dl, .headline, ol, p')]
        .filter((el) => el.getBoundingClientRect().right > right + 1)
        .map((el) => `${sheet.id} ${el.className || el.tagName}`);
    });
    return { page: root.scrollWidth - root.clientWidth, elements };
  });
}

/** At phone width the page does not scroll sideways and nothing sticks out of its sheet. */
async function checkPhone(page: Page): Promise<void> {
  await page.emulateMedia({ media: 'screen' });
  await page.setViewportSize({ width: PHONE_WIDTH_PX, height: 844 });
  expect(await overflow(page)).toEqual({ page: 0, elements: [] });
}

async function checkBundle(
  portfolio: Portfolio,
  dir: string,
  accountId: string,
  label: string,
  opts: { pdf: boolean } = { pdf: true },
): Promise<number[]> {
  const file = join(dir, shareToken(accountId, SECRET), 'index.html');
  const view = clientView(portfolio, accountId, { generatedOn: portfolio.today });
  const { page, offending } = await watchedPage();
  try {
    const response = await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
    expect(response === null || response.ok()).toBe(true);
    expect(await page.title()).toContain(view.client_name);

    // On screen, on a phone, and on the printable area of an A4 page, every table fits its sheet.
    expect(await overflow(page)).toEqual({ page: 0, elements: [] });
    await checkPhone(page);
    await page.emulateMedia({ media: 'print' });
    await page.setViewportSize({ width: PRINTABLE_WIDTH_PX, height: 1100 });
    expect(await overflow(page)).toEqual({ page: 0, elements: [] });

    let lines: number[] = [];
    if (opts.pdf) {
      const pdf = join(work, `${label}.pdf`);
      await page.pdf({ path: pdf, format: 'A4', printBackground: true, preferCSSPageSize: true });
      const text = pdfText(pdf);
      const f = formatters(portfolio.settings.locale, portfolio.settings.currency);
      expect(text).toContain(normalise(view.client_name));
      expect(view.value_totals.count).toBeGreaterThan(0);
      expect(text).toContain(normalise(f.money(view.value_totals.client_value)));
      lines = linesPerPage(pdf);
    }
    expect(offending).toEqual([]);
    return lines;
  } finally {
    await page.close();
  }
}

describe('client bundle in Chromium', () => {
  it('fixture bundles open offline, print to A4 with the name and value total', async () => {
    const portfolio = fixturePortfolio();
    const dir = await writeBundles(portfolio, 'fixture');
    await checkBundle(portfolio, dir, 'A001', 'fixture-A001');
    // Printing is the slow part; the other bundles (one with nothing visible) only open and fit.
    for (const id of ['A002', 'A003', 'A004']) await checkBundle(portfolio, dir, id, id, { pdf: false });
    const ru = fixturePortfolio({ locale: 'ru' });
    await checkBundle(ru, await writeBundles(ru, 'fixture-ru'), 'A001', 'fixture-ru');
  }, 120_000);

  it('the richest demo bundle opens offline and prints; screenshots on request', async () => {
    const { portfolio } = await demoPortfolio();
    const id = richest(portfolio);
    const dir = await writeBundles(portfolio, 'demo');
    const lines = await checkBundle(portfolio, dir, id, 'demo');
    // Sections follow one another instead of each starting a page: the richest demo bundle
    // takes no more A4 pages than its text needs, and every page but the last is well filled.
    expect(lines.length).toBeGreaterThan(0);
    const fullest = Math.max(...lines);
    const total = lines.reduce((a, b) => a + b, 0);
    expect(lines.length, `lines per page: ${lines.join(', ')}`).toBeLessThanOrEqual(
      Math.ceil(total / fullest) + 1,
    );
    for (const n of lines.slice(0, -1)) expect(n).toBeGreaterThanOrEqual(fullest / 2);

    for (const locale of ['en', 'ru'] as const) {
      const { page, offending } = await watchedPage(1200);
      try {
        await page.setContent(
          renderBundle(clientView(portfolio, id, { generatedOn: portfolio.today }), locale),
        );
        const target = process.env['KAM_UPDATE_SCREENSHOTS'] ? SCREENSHOTS : work;
        await page.screenshot({ path: join(target, `bundle-${locale}.png`), fullPage: true });
        await checkPhone(page);
        await page.screenshot({ path: join(target, `bundle-${locale}-phone.png`), fullPage: true });
        expect(offending).toEqual([]);
      } finally {
        await page.close();
      }
    }
  }, 120_000);

  it('wraps long words and addresses on a phone', async () => {
    const portfolio = fixturePortfolio();
    const view = clientView(portfolio, 'A001', { generatedOn: TODAY });
    const long = `Sehr${'lang'.repeat(40)}`;
    const url = `https://docs.volga-ic.example/${'evidence/'.repeat(12)}D0186`;
    const entries = view.entries.map((e, i) =>
      i === 0 ? { ...e, title: long, description: `${long} ${url}`, evidence: url } : e,
    );
    const commitments = view.commitments.map((c, i) => (i === 0 ? { ...c, description: long } : c));
    const doc = renderBundle({ ...view, client_name: long, description: url, entries, commitments }, 'en');
    const { page, offending } = await watchedPage(PHONE_WIDTH_PX);
    try {
      await page.setContent(doc);
      expect(await overflow(page)).toEqual({ page: 0, elements: [] });
      expect(offending).toEqual([]);
    } finally {
      await page.close();
    }
  }, 30_000);
});
