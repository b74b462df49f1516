/**
 * The per-account routes (`/accounts/<id>/`, its printable review, its sources export): one
 * path per entry of the `accounts` collection, the id made URL-safe, the account id handed to
 * the page, and the cache key that lets a rebuild copy the page when nothing it shows changed
 * (views/page-keys.ts).
 */
import { getCollection } from 'astro:content';
import { slug } from '../lib/paths.ts';
import { loadPortal } from './portal.ts';
import { accountKey } from '../views/page-keys.ts';

export async function accountPaths() {
  const [accounts, portal] = await Promise.all([getCollection('accounts'), loadPortal()]);
  return accounts.map((e) => ({
    params: { id: slug(e.id) },
    props: { accountId: e.id },
    cacheKey: accountKey(portal, e.id),
  }));
}
