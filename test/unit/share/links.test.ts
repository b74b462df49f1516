import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { computePortfolio } from '../../../src/domain/portfolio.ts';
import { settingsSchema } from '../../../src/schema/index.ts';
import { joinUrl, PREVIEW_DIR, shareLinks } from '../../../src/share/links.ts';
import { shareToken } from '../../../src/share/token.ts';
import { writeShareBundles } from '../../../src/share/write.ts';
import { bundleSection } from '../../../src/views/share.ts';
import { fixtureDatasets, fixturePortfolio, TODAY } from './fixture.ts';

const SECRET = 'links-test-secret-0123456789';

function withBaseUrl(url: string) {
  const data = fixtureDatasets();
  data.settings = settingsSchema.parse({ ...data.settings, share_base_url: url });
  return computePortfolio(data, { today: TODAY });
}

describe('share_base_url setting', () => {
  it('takes a web address and refuses anything else', () => {
    const parse = (v: string) => settingsSchema.safeParse({ share_base_url: v }).success;
    expect(parse('https://dossier.example.com/')).toBe(true);
    expect(parse('http://intranet/share')).toBe(true);
    expect(parse('dossier.example.com')).toBe(false);
    expect(parse('javascript:alert(1)')).toBe(false);
    expect(parse('https://dossier.example.com/?x=1')).toBe(false);
  });
});

describe('shareLinks', () => {
  it('derives one token per account and a path under it; no full link without a base address', () => {
    const p = fixturePortfolio();
    const links = shareLinks(p, SECRET);
    expect([...links.keys()]).toEqual(p.accounts.map((a) => a.account_id));
    const a = links.get('A001');
    expect(a).toEqual({
      token: shareToken('A001', SECRET),
      path: `${shareToken('A001', SECRET)}/index.html`,
      url: null,
      preview: `${PREVIEW_DIR}/A001/`,
    });
  });

  it('joins the base address with exactly one slash', () => {
    const token = shareToken('A001', SECRET);
    for (const base of [
      'https://x.example/dossier',
      'https://x.example/dossier/',
      'https://x.example/dossier//',
    ]) {
      expect(shareLinks(withBaseUrl(base), SECRET).get('A001')?.url).toBe(
        `https://x.example/dossier/${token}/index.html`,
      );
    }
    expect(joinUrl('https://x.example', '/a/b')).toBe('https://x.example/a/b');
  });
});

describe('writeShareBundles', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'kam-links-'));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('writes each bundle once more as the portal preview, and index.csv carries the links shown', async () => {
    const p = withBaseUrl('https://dossier.example.com/');
    const links = shareLinks(p, SECRET);
    const share = join(dir, 'share');
    const portal = join(dir, 'portal');
    expect(await writeShareBundles(p, share, { links, previewDir: portal })).toBe(p.accounts.length);

    const csv = (await readFile(join(share, 'index.csv'), 'utf8')).trim().split('\r\n');
    expect(csv[0]).toBe('account_id,name,kam_id,manager_name,link');
    for (const a of p.accounts) {
      const link = links.get(a.account_id)!;
      const bundle = await readFile(join(share, link.path), 'utf8');
      expect(await readFile(join(portal, link.preview, 'index.html'), 'utf8')).toBe(bundle);
      expect(csv.find((l) => l.startsWith(`${a.account_id},`))?.endsWith(`,${link.url}`)).toBe(true);
    }
    // Only previews reach the portal folder; the secret reaches neither folder.
    expect(await readdir(portal)).toEqual([PREVIEW_DIR]);
    for (const root of [share, portal]) {
      for (const f of await readdir(root, { recursive: true })) {
        if (!f.endsWith('.html') && !f.endsWith('.csv')) continue;
        expect(await readFile(join(root, f), 'utf8')).not.toContain(SECRET);
      }
    }
  });

  it('lists the relative path when no base address is set', async () => {
    const p = fixturePortfolio();
    const links = shareLinks(p, SECRET);
    await writeShareBundles(p, dir, { links });
    const csv = await readFile(join(dir, 'index.csv'), 'utf8');
    expect(csv).toContain(`A001,Northwind Metals,M01,Anna Kuznetsova,${links.get('A001')?.path}`);
  });
});

describe('bundleSection', () => {
  it('names the overdue commitments the client will see, and only those', () => {
    const p = fixturePortfolio();
    const links = shareLinks(p, SECRET);
    const a001 = bundleSection(p, 'A001', links);
    expect(a001.link).toBe(links.get('A001'));
    expect(a001.overdue.map((c) => c.description)).toEqual(['Vibration survey of line 3']);
    // A002 has an overdue commitment too, but it is not visible to the client.
    expect(p.accountIndex.get('A002')?.commitments.some((c) => c.state === 'overdue')).toBe(true);
    expect(bundleSection(p, 'A002', links).overdue).toEqual([]);
  });

  it('has no link when no build published any (the development server)', () => {
    expect(bundleSection(fixturePortfolio(), 'A001', undefined).link).toBeNull();
  });
});
