/**
 * Rebuilds copy the pages whose inputs did not change (views/page-keys.ts). A copied page must
 * be exactly the page a fresh build would render: a portfolio is built, one workbook cell
 * changes (one account's revenue), and the rebuild — with the first build's caches — is
 * compared file by file with a fresh build of the changed data that compares with the same
 * previous build. The rebuild must also have copied pages rather than rendered them all, and
 * taken over the previous search index (it must equal the one a fresh build makes).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cp, mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { globSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { stripVTControlCharacters } from 'node:util';
import { join } from 'node:path';
import { buildEnv } from '../support/paths.ts';
import { runScript } from '../support/run.ts';
import { generatePortfolio } from '../../tools/demo/generate.ts';
import { writePortfolioFiles } from '../../tools/demo/write.ts';
import { changeOneWorkbook } from '../../tools/bench/warm.ts';

const ACCOUNTS = 12;
const QUARTERS = 6;
let tmp = '';
const at = (...p: string[]) => join(tmp, ...p);

function build(name: string, cache: string, state: string) {
  return runScript(
    'scripts/build.ts',
    buildEnv({
      KAM_DATA_DIR: at('data'),
      KAM_OUT_DIR: at(name),
      KAM_SHARE_DIR: at(`${name}-share`),
      KAM_CACHE_DIR: at(cache),
      KAM_STATE_DIR: at(state),
      KAM_VERBOSE: '1',
    }),
  );
}

/** The site's pages and exports (the search index is rebuilt whole every time). */
const files = (dir: string) =>
  globSync('**/*.{html,json,csv}', { cwd: dir }).filter((f) => !f.startsWith('pagefind/'));
/** The data-quality page says when the data was read: the one line two builds never share. */
const normalise = (text: string) => text.replace(/\d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC/g, '<time> UTC');

describe('a rebuild after one changed cell', () => {
  let changed = '';
  let restored: string[] = [];
  let log = '';
  beforeAll(async () => {
    tmp = await mkdtemp(join(tmpdir(), 'kam-rebuild-'));
    await mkdir(at('data'));
    writePortfolioFiles(generatePortfolio({ accounts: ACCOUNTS, quarters: QUARTERS }), at('data'), {
      format: 'xlsx',
    });
    const first = await build('first', 'cache', 'state');
    expect(first.code, first.stderr).toBe(0);
    // The fresh build compares with the same previous build as the rebuild does.
    await cp(at('state'), at('state-fresh'), { recursive: true });
    changed = changeOneWorkbook(at('data'), ACCOUNTS, QUARTERS);
    const again = await build('again', 'cache', 'state');
    expect(again.code, again.stderr).toBe(0);
    // Astro colours its log when it decides the terminal can show colours (CI can).
    log = stripVTControlCharacters(`${again.stdout}${again.stderr}`);
    restored = [...log.matchAll(/(\/\S+) \(restored\)/g)].map((m) => m[1]!);
    const fresh = await build('fresh', 'cache-fresh', 'state-fresh');
    expect(fresh.code, fresh.stderr).toBe(0);
  }, 240_000);
  afterAll(async () => {
    if (tmp) await rm(tmp, { recursive: true, force: true });
  });

  it('copies the pages of the accounts that did not change', () => {
    expect(changed).toMatch(/^financials-/);
    // Three keyed paths per account (page, review, sources export); one account changed.
    const perAccount = new Map<string, number>();
    for (const path of restored) {
      const id = /^\/(?:accounts|exports\/sources)\/([^/.]+)/.exec(path)?.[1];
      if (id) perAccount.set(id, (perAccount.get(id) ?? 0) + 1);
    }
    expect([...perAccount.values()]).toEqual(Array(ACCOUNTS - 1).fill(3));
  });

  it('keeps the previous search index: a revenue figure is not searchable text', () => {
    expect(log).toMatch(/searchable text unchanged: previous index kept/);
  });

  it('publishes exactly what a fresh build of the changed data publishes, search index included', async () => {
    const again = files(at('again')).sort();
    expect(again).toEqual(files(at('fresh')).sort());
    expect(again.length).toBeGreaterThan(3 * ACCOUNTS);
    const differ: string[] = [];
    for (const f of again) {
      const [a, b] = await Promise.all([readFile(at('again', f)), readFile(at('fresh', f))]);
      if (!a.equals(b) && normalise(a.toString('utf8')) !== normalise(b.toString('utf8'))) differ.push(f);
    }
    expect(differ).toEqual([]);
  });
});
