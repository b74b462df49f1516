import type { APIRoute } from 'astro';
import { loadPortal } from '../../content/portal.ts';
import { plansExport } from '../../views/exports.ts';

export const GET: APIRoute = async () => {
  const { portfolio } = await loadPortal();
  return new Response(JSON.stringify(plansExport(portfolio), null, 2), {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
};
