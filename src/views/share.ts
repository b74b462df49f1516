/** The internal account page's client-bundle section: the bundle's link and what to check before sending it. */
import type { Portfolio } from '../domain/types.ts';
import type { ShareLink, ShareLinks } from '../share/links.ts';
import { visibleCommitments, type ClientCommitment } from '../share/view.ts';

export interface BundleSection {
  /** Null under `astro dev`: only `npm run build` writes bundles and derives their links. */
  link: ShareLink | null;
  /** Overdue commitments the client will see in the bundle. */
  overdue: ClientCommitment[];
}

export function bundleSection(p: Portfolio, accountId: string, links: ShareLinks | undefined): BundleSection {
  const acc = p.accountIndex.get(accountId);
  if (!acc) throw new Error(`bundleSection: unknown account ${JSON.stringify(accountId)}`);
  return {
    link: links?.get(accountId) ?? null,
    overdue: visibleCommitments(acc).commitments.filter((c) => c.state === 'overdue'),
  };
}
