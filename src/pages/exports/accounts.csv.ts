import type { APIRoute } from 'astro';
import { loadPortal } from '../../content/portal.ts';
import { accountsCsv } from '../../views/exports.ts';

export const GET: APIRoute = async () => {
  const { portfolio } = await loadPortal();
  return new Response(accountsCsv(portfolio), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
};
