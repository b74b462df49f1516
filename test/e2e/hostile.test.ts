/**
 * A portal built from data with markup in every text column of every dataset, walked page by
 * page in Chromium: no dialog opens, no element or handler from the data appears in the DOM,
 * and nothing breaks the Content-Security-Policy — on every page, and on the search page with
 * a query and its filters in use.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launch } from '../../scripts/lib/chromium.ts';
import { serve } from '../../scripts/lib/serve.ts';
import { buildEnv } from '../support/paths.ts';
import { runScript } from '../support/run.ts';
import { PAYLOADS, writeHostileData } from '../support/hostile.ts';

let work: string;
let site: string;
let browser: Browser;
let context: BrowserContext;
let server: Awaited<ReturnType<typeof serve>>;

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'kam-hostile-'));
  const data = join(work, 'data');
  site = join(work, 'dist');
  writeHostileData(data);
  const r = await runScript(
    'scripts/build.ts',
    buildEnv({ KAM_DATA_DIR: data, KAM_OUT_DIR: site, KAM_SHARE_DIR: join(work, 'dist-share') }),
  );
  if (r.code !== 0) throw new Error(`the hostile build failed:\n${r.stderr}`);
  server = await serve(site);
  browser = await launch();
  context = await browser.newContext();
  // Runs before any page script, through the debugging protocol (not subject to the CSP).
  await context.addInitScript(() => {
    const w = window as unknown as { __violations: string[] };
    w.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) =>
      w.__violations.push(`${e.violatedDirective} blocked ${e.blockedURI || 'inline'}`),
    );
  });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await rm(work, { recursive: true, force: true });
});

interface Visit {
  page: Page;
  problems: string[];
  check: (when: string) => Promise<void>;
}

async function visit(path: string, waitUntil: 'load' | 'networkidle' = 'load'): Promise<Visit> {
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('dialog', (d) => {
    problems.push(`dialog: ${d.message()}`);
    void d.dismiss();
  });
  page.on('console', (m) => {
    if (m.type() === 'error' || /Content.Security.Policy/i.test(m.text()))
      problems.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  await page.goto(server.url + path, { waitUntil });
  const check = async (when: string) => {
    const found = await page.evaluate(() => {
      const bad: string[] = [];
      for (const el of document.querySelectorAll('*')) {
        const handlers = el.getAttributeNames().filter((a) => a.startsWith('on'));
        if (handlers.length) bad.push(`<${el.localName} ${handlers.join(' ')}>`);
        if (el.localName === 'img' && el.getAttribute('src') === 'x') bad.push('<img src=x>');
        if (el.localName === 'script' && el.textContent?.includes('alert(')) bad.push('<script>alert');
      }
      const w = window as unknown as { __violations: string[] };
      return [...bad, ...w.__violations.map((v) => `CSP: ${v}`)];
    });
    problems.push(...found.map((f) => `${when}: ${f}`));
  };
  await check('loaded');
  return { page, problems, check };
}

async function pagesOf(dir: string): Promise<string[]> {
  const files = (await readdir(dir, { recursive: true })).filter((f) => f.endsWith('index.html'));
  return files.map((f) => `/${f.replace(/index\.html$/, '')}`).sort();
}

describe('a portal built from data full of markup', () => {
  it(
    'renders it as text on every page: no dialog, no injected element, no CSP violation',
    { timeout: 600_000 },
    async () => {
      const paths = await pagesOf(site);
      // Every page kind is there (the test walks them all).
      for (const kind of [
        '/',
        '/accounts/',
        '/matrix/',
        '/positioning/',
        '/portfolio/',
        '/team/',
        '/voc/',
        '/playbooks/',
        '/quality/',
        '/search/',
      ])
        expect(paths).toContain(kind);
      expect(paths.filter((p) => /^\/accounts\/[^/]+\/$/.test(p)).length).toBeGreaterThan(0);
      expect(paths.filter((p) => /^\/team\/[^/]+\/$/.test(p)).length).toBeGreaterThan(0);
      expect(paths.filter((p) => /^\/playbooks\/en\/[^/]+\/$/.test(p)).length).toBeGreaterThan(0);

      const report: string[] = [];
      let shownAsText = 0;
      for (const path of paths) {
        const { page, problems } = await visit(path);
        const text = (await page.locator('body').textContent()) ?? '';
        if (PAYLOADS.every((p) => text.includes(p))) shownAsText++;
        report.push(...problems.map((p) => `${path} ${p}`));
        await page.close();
      }
      expect(report).toEqual([]);
      // Not vacuous: the markup reached the pages, as text.
      expect(shownAsText).toBeGreaterThan(paths.length / 2);
    },
  );

  it('keeps search results and every filter value as text, with filters in use', async () => {
    const { page, problems, check } = await visit(
      `/search/?q=${encodeURIComponent('Northwind')}`,
      'networkidle',
    );
    await page.waitForSelector('.search-result a', { timeout: 20_000 });
    expect(await page.locator('.search-result-head a').first().textContent()).toContain(PAYLOADS[0]);
    await page.locator('.search-filters summary').click();
    const facets = page.locator('fieldset.search-facet');
    expect(await facets.count()).toBe(4);
    // With the query: a value the results have (its count is not zero) narrows them.
    const matching = facets.nth(2).locator('label').filter({ hasNotText: '(0)' }).first();
    await matching.locator('input').check();
    await expect.poll(() => page.locator('[role=status]').textContent()).toMatch(/^\d+ results?$/);
    await check('query and industry filter');
    await matching.locator('input').uncheck();

    // Without a query, each facet's values one by one.
    await page.fill('#search-q', '');
    await expect.poll(() => page.locator('[role=status]').textContent()).toBe('');
    for (let i = 0; i < 4; i++) {
      const label = facets.nth(i).locator('label').first();
      const value = (await label.locator('span').first().textContent()) ?? '';
      // Segment values are our labels; manager, industry and region are spreadsheet text.
      if (i > 0) expect(value, `facet ${i}`).toContain(PAYLOADS[0]);
      await label.locator('input').check();
      await expect.poll(() => page.locator('[role=status]').textContent()).toMatch(/^\d+ results?$/);
      await expect.poll(() => page.locator('.search-result').count()).toBeGreaterThan(0);
      await check(`filter "${value}"`);
      await label.locator('input').uncheck();
      await expect.poll(() => page.locator('[role=status]').textContent()).toBe('');
    }
    expect(problems).toEqual([]);
    await page.close();
  });
});
