/** The internal account page's view of an account's client bundle: its link and a preview. */
import type { Portfolio } from '../domain/types.ts';
import { bundleLink } from '../share/write.ts';
import { clientView } from '../share/view.ts';
import { renderBundle } from '../share/render.ts';

const root = process.cwd();

export function bundlePreview(p: Portfolio, accountId: string): { link: string; html: string } {
  const view = clientView(p, accountId, { generatedOn: p.today });
  return {
    link: bundleLink(accountId, { root, env: process.env }),
    html: renderBundle(view, p.settings.locale),
  };
}
