import type { APIRoute, GetStaticPaths } from 'astro';
import { loadPortal } from '../../../content/portal.ts';
import { slug } from '../../../lib/paths.ts';
import { accountSources } from '../../../views/provenance.ts';

export const getStaticPaths = (async () => {
  const { portfolio } = await loadPortal();
  return portfolio.accounts.map((a) => ({
    params: { id: slug(a.account_id) },
    props: { accountId: a.account_id },
  }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props }) => {
  const { portfolio, data, origins } = await loadPortal();
  const a = portfolio.accountIndex.get((props as { accountId: string }).accountId)!;
  return new Response(JSON.stringify(accountSources(data, origins, a, portfolio.current_period), null, 2), {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
};
