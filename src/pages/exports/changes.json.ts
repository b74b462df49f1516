import type { APIRoute } from 'astro';
import { loadPortal } from '../../content/portal.ts';
import { noChanges } from '../../views/changes.ts';

// Under `astro dev` there is no build to compare with: the empty comparison, as for a first build.
export const GET: APIRoute = async () => {
  const { changes } = await loadPortal();
  return new Response(JSON.stringify(changes ?? noChanges(), null, 2), {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
};
