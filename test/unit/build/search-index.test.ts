/**
 * What a rebuild compares to decide whether the previous search index still holds: exactly
 * what Pagefind reads of a page (its language, title and body minus the ignored parts).
 */
import { describe, expect, it } from 'vitest';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { indexSearch, searchableMarkup } from '../../../src/build/search-index.ts';

const page = (body: string, lang = 'en', title = 'Acme') =>
  `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><title>${title}</title></head>` +
  `<body><nav>menu</nav><main><article data-pagefind-body>${body}</article><footer>built 10:00</footer></main></body></html>`;

describe('searchableMarkup', () => {
  const base = page(
    '<h1>Acme Ltd</h1><section data-pagefind-ignore><p>Revenue <b>1,000</b></p><img src="x.png"></section>' +
      '<p>Contact: <span data-pagefind-meta="contact">Ann</span><br></p>' +
      '<div data-pagefind-ignore><div><span>NOPAT 90</span></div></div><input data-pagefind-ignore>',
  );

  it('ignores what Pagefind ignores: figures in ignored parts, the frame around the body', () => {
    const figures = base.replace('1,000', '1,500').replace('NOPAT 90', 'NOPAT 95');
    const frame = base.replace('menu', 'Menu').replace('built 10:00', 'built 11:00');
    expect(searchableMarkup(figures)).toBe(searchableMarkup(base));
    expect(searchableMarkup(frame)).toBe(searchableMarkup(base));
  });

  it('sees every change to searchable text, attributes, language and title', () => {
    for (const changed of [
      base.replace('Acme Ltd', 'Acme Limited'),
      base.replace('>Ann<', '>Anna<'),
      base.replace('data-pagefind-meta="contact"', 'data-pagefind-meta="person"'),
      base.replace('lang="en"', 'lang="ru"'),
      base.replace('<title>Acme</title>', '<title>Acme 2</title>'),
    ])
      expect(searchableMarkup(changed)).not.toBe(searchableMarkup(base));
  });

  it('takes markup it cannot follow whole, so any change then counts', () => {
    const broken = page('<div><p>Open <span data-pagefind-ignore>1</span>');
    expect(searchableMarkup(broken)).toBe(broken);
  });
});

describe('indexSearch', () => {
  it('reuses the published index only while the searchable text is unchanged', async () => {
    const tmp = await mkdtemp(join(tmpdir(), 'kam-search-'));
    try {
      const state = join(tmp, 'state');
      let runs = 0;
      const build = async (name: string, html: string) => {
        const site = join(tmp, name);
        await mkdir(join(site, 'accounts/A1'), { recursive: true });
        await writeFile(join(site, 'accounts/A1/index.html'), html);
        const index = async (dir: string) => {
          runs++;
          await mkdir(join(dir, 'pagefind'), { recursive: true });
          await writeFile(join(dir, 'pagefind/index.txt'), `index of ${name}`);
          return 1;
        };
        const r = await indexSearch({
          site,
          target: site,
          stateDir: state,
          index,
          version: 'v1',
          log: process.stderr,
        });
        await r.save();
        return { ...r, text: await readFile(join(site, 'pagefind/index.txt'), 'utf8') };
      };
      const base = page('<h1>Acme</h1><p data-pagefind-ignore>1,000</p>');
      expect((await build('one', base)).reused).toBe(false);
      const figures = await build('two', base.replace('1,000', '2,000'));
      expect(figures).toMatchObject({ reused: true, pages: 1, text: 'index of one' });
      const renamed = await build('three', base.replace('Acme', 'Acme Ltd'));
      expect(renamed).toMatchObject({ reused: false, text: 'index of three' });
      expect(runs).toBe(2);
    } finally {
      await rm(tmp, { recursive: true, force: true });
    }
  });
});
