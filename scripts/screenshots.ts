/**
 * Screenshots of a built portal for the README and for looking at pages the way a user does:
 *   npm exec -- node scripts/screenshots.ts [--site dist] [--out docs/screenshots] [--prefix en] [--width 1440] [path …]
 * Each path is shot at desktop width (--width, default 1440: a common laptop) and, with --phone,
 * at phone width (390). --open SELECTOR opens the matching <details> first; --element SELECTOR
 * shoots only that element; --name NAME names the image instead of the path (one path).
 */
import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { launch } from './lib/chromium.ts';
import { serve } from './lib/serve.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    site: { type: 'string', default: 'dist' },
    out: { type: 'string', default: 'docs/screenshots' },
    prefix: { type: 'string', default: '' },
    phone: { type: 'boolean', default: false },
    width: { type: 'string', default: '1440' },
    /** Instead of one full-page image, this many viewport-high slices (for reading details). */
    tiles: { type: 'string', default: '0' },
    open: { type: 'string' },
    element: { type: 'string' },
    name: { type: 'string' },
  },
});

const paths = positionals.length ? positionals : ['/'];
const desktopWidth = Number(values.width);
if (!Number.isInteger(desktopWidth) || desktopWidth < 320)
  throw new Error(`--width: expected a width in pixels, got ${values.width}`);
const server = await serve(resolve(values.site));
const browser = await launch();
await mkdir(values.out, { recursive: true });
try {
  const sizes: [string, number, number][] = [['desktop', desktopWidth, 900]];
  if (values.phone) sizes.push(['phone', 390, 844]);
  for (const [label, width, height] of sizes) {
    const page = await browser.newPage({ viewport: { width, height }, deviceScaleFactor: 1 });
    for (const path of paths) {
      await page.goto(server.url + path, { waitUntil: 'networkidle' });
      if (values.open) {
        await page.$$eval(values.open, (els) => els.forEach((el) => el.setAttribute('open', '')));
      }
      const name =
        (values.name ?? (path.replace(/^\/|\/$/g, '').replace(/[^a-z0-9]+/gi, '-') || 'dashboard')) +
        (label === 'phone' ? '-phone' : '');
      const file = resolve(values.out, `${values.prefix ? `${values.prefix}-` : ''}${name}.png`);
      const tiles = Number(values.tiles);
      if (values.element) {
        await page.locator(values.element).first().screenshot({ path: file });
        console.log(file);
        continue;
      }
      if (!tiles) {
        await page.screenshot({ path: file, fullPage: true });
        console.log(file);
        continue;
      }
      for (let i = 0; i < tiles; i++) {
        const tile = file.replace(/\.png$/, `-${i + 1}.png`);
        await page.screenshot({ path: tile, fullPage: true, clip: { x: 0, y: i * height, width, height } });
        console.log(tile);
      }
    }
    await page.close();
  }
} finally {
  await browser.close();
  await server.close();
}
