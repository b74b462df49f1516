/**
 * Every client bundle's link, derived once per build from the share secret. The build entry
 * resolves the secret, computes these links and hands them to the pages in the build context
 * (src/content/context.ts); the share phase writes the bundles under the same tokens. So no
 * page render reads the secret, and the page shows exactly the link written to
 * dist-share/index.csv.
 */
import type { Portfolio } from '../domain/types.ts';
import { slug } from '../lib/paths.ts';
import { shareToken } from './token.ts';

export const BUNDLE_FILE = 'index.html';
/** Folder of the internal portal that holds a preview copy of every bundle. */
export const PREVIEW_DIR = 'share-preview';

export interface ShareLink {
  token: string;
  /** The bundle relative to the published share folder: `<token>/index.html`. */
  path: string;
  /** The full public link when `share_base_url` is set, else null. */
  url: string | null;
  /** The preview copy's folder in the portal: `share-preview/<slug>/` (holds index.html). */
  preview: string;
}

export type ShareLinks = ReadonlyMap<string, ShareLink>;

/** `base` joined with `path`, with exactly one slash between them. */
export function joinUrl(base: string, path: string): string {
  return `${base.replace(/\/+$/, '')}/${path.replace(/^\/+/, '')}`;
}

export function shareLinks(portfolio: Portfolio, secret: string): ShareLinks {
  const base = portfolio.settings.share_base_url ?? null;
  return new Map(
    portfolio.accounts.map((a) => {
      const token = shareToken(a.account_id, secret);
      const path = `${token}/${BUNDLE_FILE}`;
      return [
        a.account_id,
        {
          token,
          path,
          url: base ? joinUrl(base, path) : null,
          preview: `${PREVIEW_DIR}/${slug(a.account_id)}/`,
        },
      ];
    }),
  );
}

/** The link as the account manager sends it (index.csv, account page): the full address when known. */
export function indexLink(link: ShareLink): string {
  return link.url ?? link.path;
}
