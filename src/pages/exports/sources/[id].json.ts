import type { APIRoute, GetStaticPaths } from 'astro';
import { loadPortal } from '../../../content/portal.ts';
import { accountSources } from '../../../views/provenance.ts';
import { accountPaths } from '../../../content/routes.ts';

export const getStaticPaths = accountPaths satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props }) => {
  const { portfolio, data, origins } = await loadPortal();
  const a = portfolio.accountIndex.get((props as { accountId: string }).accountId)!;
  return new Response(JSON.stringify(accountSources(data, origins, a, portfolio.current_period), null, 2), {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
};
