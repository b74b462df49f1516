/**
 * The account page's client-bundle section against what the share phase wrote: the link on
 * the page is the one in dist-share/index.csv, the bundle is linked as a preview copy instead
 * of being embedded, the warning names the overdue commitments the client will see, and the
 * share secret reaches no output file.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseCsv } from '../../src/ingest/read.ts';
import { slug } from '../../src/lib/paths.ts';
import { shareToken } from '../../src/share/token.ts';
import { buildEnv, SHARE_DIR, SITE_DIR, TEST_SECRET } from '../support/paths.ts';
import { runScript } from '../support/run.ts';

/** account_id → link, from the internal index the share phase writes. */
async function indexLinks(shareDir: string): Promise<Map<string, string>> {
  const text = (await readFile(join(shareDir, 'index.csv'), 'utf8')).replace(/^\uFEFF/, '');
  const [header, ...rows] = parseCsv(text).rows.filter((r) => r.length > 1) as string[][];
  const id = header!.indexOf('account_id');
  const link = header!.indexOf('link');
  return new Map(rows.map((r) => [r[id]!, r[link]!]));
}

const accountPage = (site: string, id: string) =>
  readFile(join(site, 'accounts', slug(id), 'index.html'), 'utf8');

/** The text of the page's bundle link (`<code … data-bundle-link …>`), or null. */
function shownLink(page: string): string | null {
  const m = /<code\b[^>]*\bdata-bundle-link\b[^>]*>([^<]*)<\/code>/.exec(page);
  return m ? m[1]!.replace(/&amp;/g, '&').trim() : null;
}

/** Every file under `dir` that holds `needle` (bytes, so binary files count too). */
async function filesHolding(dir: string, needle: string): Promise<string[]> {
  const hits: string[] = [];
  for (const f of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!f.isFile()) continue;
    const file = join(f.parentPath, f.name);
    if ((await readFile(file)).includes(needle)) hits.push(file);
  }
  return hits;
}

describe('the demo build', () => {
  it('shows on every account page the link of dist-share/index.csv, and how to get the full link', async () => {
    const links = await indexLinks(SHARE_DIR);
    expect(links.size).toBeGreaterThan(0);
    for (const [id, link] of links) {
      const page = await accountPage(SITE_DIR, id);
      expect(shownLink(page), id).toBe(link);
      expect(link).toBe(`${shareToken(id, TEST_SECRET)}/index.html`);
      // The demo data leaves share_base_url unset: the page says which setting to add.
      expect(page.includes('data-bundle-hint'), id).toBe(true);
      expect(/<code[^>]*>share_base_url<\/code>/.test(page), id).toBe(true);
    }
  });

  it('links to a preview copy of the bundle instead of embedding it', async () => {
    const links = await indexLinks(SHARE_DIR);
    for (const [id, link] of links) {
      const page = await accountPage(SITE_DIR, id);
      expect(page.includes('srcdoc'), id).toBe(false);
      expect(page.includes('@page'), id).toBe(false); // the bundle's own stylesheet
      expect(page.includes(`href="/share-preview/${slug(id)}/"`), id).toBe(true);
      const preview = await readFile(join(SITE_DIR, 'share-preview', slug(id), 'index.html'), 'utf8');
      expect(preview).toBe(await readFile(join(SHARE_DIR, link), 'utf8'));
    }
  });

  it('puts the share secret in no output file', async () => {
    expect(await filesHolding(SITE_DIR, TEST_SECRET)).toEqual([]);
    expect(await filesHolding(SHARE_DIR, TEST_SECRET)).toEqual([]);
  });
});

describe('a build with share_base_url and overdue commitments', () => {
  let work: string;
  let out: string;
  let share: string;
  const csv = (rows: string[][]) =>
    rows.map((r) => r.map((c) => `"${c.replace(/"/g, '""')}"`).join(',')).join('\n');

  beforeAll(async () => {
    work = await mkdtemp(join(tmpdir(), 'kam-share-links-'));
    const data = join(work, 'data');
    out = join(work, 'dist');
    share = join(work, 'dist-share');
    await mkdir(data, { recursive: true });
    const files: Record<string, string[][]> = {
      'settings.csv': [
        ['key', 'value'],
        ['share_base_url', 'https://dossier.example.com/kam'],
      ],
      'team.csv': [
        ['member_id', 'name', 'role'],
        ['m1', 'Anna', 'kam'],
      ],
      'accounts.csv': [
        ['account_id', 'name', 'kam_id', 'since'],
        ['A1', 'Acme', 'm1', '2020-01-15'],
        ['A 2', 'Beta', 'm1', '2021-03-01'],
      ],
      'commitments.csv': [
        ['commitment_id', 'account_id', 'description', 'owner_id', 'due', 'done_on', 'client_visible'],
        ['K1', 'A1', 'Ship the spare pump', 'm1', '2026-10-01', '', 'yes'],
        ['K2', 'A1', 'Internal price review', 'm1', '2026-09-01', '', 'no'],
        ['K3', 'A1', 'Train the night shift', 'm1', '2027-02-01', '', 'yes'],
        ['K4', 'A 2', 'Audit line 2', 'm1', '2026-06-30', '2026-06-01', 'yes'],
        ['K5', 'A 2', 'Discount study', 'm1', '2026-06-30', '', 'no'],
      ],
    };
    for (const [name, rows] of Object.entries(files)) await writeFile(join(data, name), csv(rows));
    const r = await runScript(
      'scripts/build.ts',
      buildEnv({ KAM_DATA_DIR: data, KAM_OUT_DIR: out, KAM_SHARE_DIR: share }),
    );
    expect(r.code, r.stderr).toBe(0);
  });
  afterAll(async () => {
    await rm(work, { recursive: true, force: true });
  });

  it('shows the full link, the same as in index.csv, with no hint', async () => {
    const links = await indexLinks(share);
    for (const id of ['A1', 'A 2']) {
      const page = await accountPage(out, id);
      const full = `https://dossier.example.com/kam/${shareToken(id, TEST_SECRET)}/index.html`;
      expect(links.get(id)).toBe(full);
      expect(shownLink(page)).toBe(full);
      expect(page.includes('data-bundle-hint')).toBe(false);
      // The copy button is there for the script to reveal; no inline handler is needed.
      expect(/<button[^>]*data-copy-from="bundle-link-[^"]+"/.test(page)).toBe(true);
      expect(/\son[a-z]+=/i.test(page)).toBe(false);
    }
  });

  it('warns about the overdue commitments the client will see, and only those', async () => {
    const a1 = await accountPage(out, 'A1');
    const warning = /<div[^>]*data-bundle-overdue[^>]*>([\s\S]*?)<\/div>/.exec(a1)?.[1] ?? '';
    expect(warning).toContain('Ship the spare pump');
    expect(warning).not.toContain('Internal price review');
    expect(warning).not.toContain('Train the night shift');
    // Beta's only overdue commitment is internal: nothing to warn about.
    expect((await accountPage(out, 'A 2')).includes('data-bundle-overdue')).toBe(false);
  });

  it('puts the share secret in no output file', async () => {
    expect(await filesHolding(out, TEST_SECRET)).toEqual([]);
    expect(await filesHolding(share, TEST_SECRET)).toEqual([]);
  });
});
