/**
 * Cache keys for Astro's incremental build: a page whose key and code are both unchanged since
 * the previous build is copied from it instead of rendered again (see README, "Rebuilds").
 *
 * A key is a digest of everything a page can show, taken from its inputs rather than from its
 * rendered output, so it is cheap:
 * - the account's own rows in every dataset, with where each row sits in its file (the page
 *   lists its sources), and the account's computed results;
 * - every row that belongs to no account (settings, team, criteria, pay…) and the portfolio's
 *   own figures an account page shows (period, thresholds, retention): a change there
 *   re-renders every page, which is the safe side;
 * - what the layout shows (its `pageFrame`: files read and their rows, the latest read's problems);
 * - the account's changes since the previous build and its client-bundle link.
 * The code of the page is Astro's part: it hashes each page's module graph itself.
 * A missed input would leave a stale page; the rebuild test compares a rebuilt site with a
 * fresh one page by page.
 */
import type { BuildContext } from '../content/context.ts';
import type { DatasetName } from '../schema/index.ts';
import { thresholdsOf } from './account.ts';
import { digest, rowDigestsOf } from '../lib/digest.ts';
import { pageFrame } from './frame.ts';

interface Keyed {
  /** Digest of the rows that belong to no account, the layout's inputs and portfolio figures. */
  shared: string;
  /** Per account: digest of its rows (with their places in the files). */
  rows: Map<string, string>;
}

const keyed = new WeakMap<BuildContext, Keyed>();

function keysOf(ctx: BuildContext): Keyed {
  const known = keyed.get(ctx);
  if (known) return known;
  // Each row as its digest (shared with the build snapshot) and its place (file, sheet, row):
  // short strings, so this stays small and quick at thousands of accounts.
  const perAccount = new Map<string, string[]>();
  const shared: string[] = [];
  for (const [name, rows] of Object.entries(ctx.data) as [DatasetName, unknown][]) {
    if (!Array.isArray(rows)) {
      shared.push(name, JSON.stringify(rows));
      continue;
    }
    const origin = ctx.origins[name];
    const digests = rowDigestsOf(rows);
    rows.forEach((row: Record<string, unknown>, i) => {
      const src = origin?.sources[i];
      const text = `${name}\u001f${digests[i]}\u001f${src?.file}\u001f${src?.sheet}\u001f${origin?.rows[i]}`;
      const id = row['account_id'];
      if (typeof id !== 'string') {
        shared.push(text);
        return;
      }
      let list = perAccount.get(id);
      if (!list) perAccount.set(id, (list = []));
      list.push(text);
    });
  }
  const p = ctx.portfolio;
  const result: Keyed = {
    shared: digest(shared, ctx.locale, ctx.today, pageFrame(ctx), [
      p.current_period,
      p.periods,
      p.window,
      thresholdsOf(p),
      p.retention,
    ]),
    rows: new Map([...perAccount].map(([id, list]) => [id, digest(list)])),
  };
  keyed.set(ctx, result);
  return result;
}

/** The key of every page of one account (its page, its review, its sources export). */
export function accountKey(ctx: BuildContext, accountId: string): string {
  const { shared, rows } = keysOf(ctx);
  const a = ctx.portfolio.accountIndex.get(accountId);
  const since = ctx.changes?.since ? ctx.changes.accounts.find((x) => x.account_id === accountId) : undefined;
  return digest(
    shared,
    rows.get(accountId) ?? null,
    a ?? null,
    since ? [ctx.changes?.since, since] : null,
    ctx.shareLinks?.get(accountId) ?? null,
  );
}

/**
 * The key of a page that renders only the frame and the view models it is given (a matrix
 * page): their digest, with the portal's language.
 */
export function viewKey(ctx: BuildContext, ...views: unknown[]): string {
  return digest(ctx.locale, pageFrame(ctx), ...views);
}
