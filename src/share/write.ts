/**
 * Writes the client bundles: `<dir>/<token>/index.html` for every account, lost and
 * prospects included, and the internal `<dir>/index.csv` that maps accounts to links. Each
 * bundle is rendered once; with `previewDir` the same HTML is also written there as
 * `share-preview/<account>/index.html`, the internal portal's preview copy.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Portfolio } from '../domain/types.ts';
import { toCsv, type CsvColumn } from '../views/csv.ts';
import { BUNDLE_FILE, indexLink, type ShareLink, type ShareLinks } from './links.ts';
import { renderBundle } from './render.ts';
import { clientView } from './view.ts';

export { BUNDLE_FILE };
export const SHARE_INDEX_FILE = 'index.csv';

/** How many bundles are written at once: enough to keep the disk busy, few open files. */
const CONCURRENCY = 32;

interface IndexRow {
  account_id: string;
  name: string;
  kam_id: string;
  manager_name: string | null;
  link: string;
}

const INDEX_COLUMNS: CsvColumn<IndexRow>[] = [
  { header: 'account_id', value: 'account_id' },
  { header: 'name', value: 'name' },
  { header: 'kam_id', value: 'kam_id' },
  { header: 'manager_name', value: 'manager_name' },
  { header: 'link', value: 'link' },
];

export async function writeShareBundles(
  portfolio: Portfolio,
  dir: string,
  opts: { links: ShareLinks; previewDir?: string },
): Promise<number> {
  const locale = portfolio.settings.locale;
  const managers = new Map(portfolio.team.map((t) => [t.member_id, t.name]));
  const accounts = portfolio.accounts;
  const linkOf = (id: string): ShareLink => {
    const link = opts.links.get(id);
    if (!link) throw new Error(`writeShareBundles: no share link for account ${JSON.stringify(id)}`);
    return link;
  };

  await mkdir(dir, { recursive: true });
  for (let i = 0; i < accounts.length; i += CONCURRENCY) {
    await Promise.all(
      accounts.slice(i, i + CONCURRENCY).map(async (a) => {
        const link = linkOf(a.account_id);
        const view = clientView(portfolio, a.account_id, { generatedOn: portfolio.today });
        const doc = renderBundle(view, locale);
        await writeIn(join(dir, link.path), doc);
        if (opts.previewDir) await writeIn(join(opts.previewDir, link.preview, BUNDLE_FILE), doc);
      }),
    );
  }
  const index: IndexRow[] = accounts.map((a) => ({
    account_id: a.account_id,
    name: a.name,
    kam_id: a.kam_id,
    manager_name: managers.get(a.kam_id) ?? null,
    link: indexLink(linkOf(a.account_id)),
  }));
  await writeFile(join(dir, SHARE_INDEX_FILE), toCsv(INDEX_COLUMNS, index));
  return accounts.length;
}

async function writeIn(file: string, content: string): Promise<void> {
  await mkdir(join(file, '..'), { recursive: true });
  await writeFile(file, content);
}
