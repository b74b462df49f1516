/**
 * Routes shared by several pages, each path with the cache key that lets a rebuild copy the
 * page when nothing it shows changed (views/page-keys.ts).
 */
import { getCollection } from 'astro:content';
import { slug } from '../lib/paths.ts';
import { loadPortal } from './portal.ts';
import { accountKey, viewKey } from '../views/page-keys.ts';
import { periodMovements, type MatrixKind } from '../domain/movements.ts';
import { matrixPage, matrixPeriods } from '../views/matrix.ts';

/**
 * The per-account routes (`/accounts/<id>/`, its printable review, its sources export): one
 * path per entry of the `accounts` collection, the id made URL-safe, the account id handed to
 * the page.
 */
export async function accountPaths() {
  const [accounts, portal] = await Promise.all([getCollection('accounts'), loadPortal()]);
  return accounts.map((e) => ({
    params: { id: slug(e.id) },
    props: { accountId: e.id },
    cacheKey: accountKey(portal, e.id),
  }));
}

/**
 * One path per period of a portfolio matrix (`/matrix/<period>/`, `/positioning/<period>/`),
 * its view models as props: a period whose points and moves are unchanged (most past ones)
 * is copied by a rebuild.
 */
export async function matrixPaths(kind: MatrixKind) {
  const portal = await loadPortal();
  const { portfolio } = portal;
  return matrixPeriods(portfolio, kind).map((period) => {
    const matrix = matrixPage(portfolio, kind, period);
    const moves = periodMovements(portfolio, period);
    return { params: { period }, props: { matrix, moves }, cacheKey: viewKey(portal, matrix, moves) };
  });
}
