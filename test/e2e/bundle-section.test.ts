/**
 * The account page's client-bundle section in Chromium: the copy button appears with
 * JavaScript, works from the keyboard, puts the link shown (the one in dist-share/index.csv)
 * on the clipboard and announces "Copied" in a live region; the preview link opens the
 * bundle's preview copy; the section fits a phone.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, BrowserContext } from 'playwright-core';
import { launch } from '../../scripts/lib/chromium.ts';
import { serve } from '../../scripts/lib/serve.ts';
import { slug } from '../../src/lib/paths.ts';
import { SHARE_DIR, SITE_DIR } from '../support/paths.ts';

let browser: Browser;
let server: Awaited<ReturnType<typeof serve>>;
let firstId: string;
let firstLink: string;

beforeAll(async () => {
  const [, first] = (await readFile(join(SHARE_DIR, 'index.csv'), 'utf8'))
    .replace(/^\uFEFF/, '')
    .split('\r\n');
  // The first columns are plain ids in the demo; the link is the last column.
  const cells = (first ?? '').split(',');
  firstId = cells[0]!;
  firstLink = cells.at(-1)!;
  server = await serve(SITE_DIR);
  browser = await launch();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function context(width: number): Promise<BrowserContext> {
  const ctx = await browser.newContext({ viewport: { width, height: 900 } });
  await ctx.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
  return ctx;
}

describe('client bundle section of the account page', () => {
  for (const width of [1440, 390]) {
    it(`copies the link from the keyboard and announces it at ${width} px`, async () => {
      const ctx = await context(width);
      try {
        const page = await ctx.newPage();
        const problems: string[] = [];
        page.on('pageerror', (e) => problems.push(e.message));
        await page.goto(`${server.url}/accounts/${slug(firstId)}/`, { waitUntil: 'networkidle' });
        const section = page.locator('section.client-bundle');
        const button = section.getByRole('button', { name: 'Copy link' });
        await expect.poll(() => button.isVisible()).toBe(true);
        expect((await section.locator('[data-bundle-link]').textContent())?.trim()).toBe(firstLink);

        await button.focus();
        await page.keyboard.press('Enter');
        const status = section.getByRole('status');
        await expect.poll(() => status.textContent()).toBe('Copied');
        expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(firstLink);

        // Nothing in the section is wider than the screen.
        const box = await section.evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth }));
        expect(box.scroll).toBeLessThanOrEqual(box.client);
        if (process.env['KAM_SHOTS_DIR'])
          await section.screenshot({
            path: join(process.env['KAM_SHOTS_DIR'], `bundle-section-${width}.png`),
          });
        expect(problems).toEqual([]);
      } finally {
        await ctx.close();
      }
    });
  }

  it('opens the preview copy of the bundle', async () => {
    const ctx = await context(1440);
    try {
      const page = await ctx.newPage();
      await page.goto(`${server.url}/accounts/${slug(firstId)}/`, { waitUntil: 'networkidle' });
      const [preview] = await Promise.all([
        ctx.waitForEvent('page'),
        page.locator('[data-bundle-preview]').click(),
      ]);
      await preview!.waitForLoadState('load');
      expect(new URL(preview!.url()).pathname).toBe(`/share-preview/${slug(firstId)}/`);
      const name = (await page.locator('h1').first().textContent())?.trim() ?? '';
      expect(await preview!.locator('h1 .client').textContent()).toBe(name);
    } finally {
      await ctx.close();
    }
  });
});
