/**
 * Writes the client bundles (SPEC §5): `<dir>/<token>/index.html` for every account, lost
 * and prospects included, and the internal `<dir>/index.csv` that maps accounts to links.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Portfolio } from '../domain/types.ts';
import { toCsv, type CsvColumn } from '../views/csv.ts';
import { renderBundle } from './render.ts';
import { resolveShareSecret, type SecretSource } from './secret.ts';
import { shareToken } from './token.ts';
import { clientView } from './view.ts';

export const BUNDLE_FILE = 'index.html';
export const SHARE_INDEX_FILE = 'index.csv';

/** How many bundles are written at once: enough to keep the disk busy, few open files. */
const CONCURRENCY = 32;

/** The bundle's path relative to the share folder: `<token>/index.html`. */
export function bundleLink(accountId: string, source: SecretSource): string {
  return `${shareToken(accountId, resolveShareSecret(source))}/${BUNDLE_FILE}`;
}

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
  opts: { root: string; env: NodeJS.ProcessEnv },
): Promise<number> {
  const secret = resolveShareSecret(opts);
  const locale = portfolio.settings.locale;
  const managers = new Map(portfolio.team.map((t) => [t.member_id, t.name]));
  const accounts = portfolio.accounts;
  const tokens = accounts.map((a) => shareToken(a.account_id, secret));

  await mkdir(dir, { recursive: true });
  for (let i = 0; i < accounts.length; i += CONCURRENCY) {
    await Promise.all(
      accounts.slice(i, i + CONCURRENCY).map(async (a, j) => {
        const view = clientView(portfolio, a.account_id, { generatedOn: portfolio.today });
        const folder = join(dir, tokens[i + j] as string);
        await mkdir(folder, { recursive: true });
        await writeFile(join(folder, BUNDLE_FILE), renderBundle(view, locale));
      }),
    );
  }
  const index: IndexRow[] = accounts.map((a, i) => ({
    account_id: a.account_id,
    name: a.name,
    kam_id: a.kam_id,
    manager_name: managers.get(a.kam_id) ?? null,
    link: `${tokens[i]}/${BUNDLE_FILE}`,
  }));
  await writeFile(join(dir, SHARE_INDEX_FILE), toCsv(INDEX_COLUMNS, index));
  return accounts.length;
}
