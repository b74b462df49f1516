/**
 * The per-account routes (`/accounts/<id>/` and its printable review): one page per entry of
 * the `accounts` collection, the id made URL-safe, the account id handed to the page.
 */
import { getCollection } from 'astro:content';
import { slug } from '../lib/paths.ts';

export async function accountPaths() {
  const accounts = await getCollection('accounts');
  return accounts.map((e) => ({ params: { id: slug(e.id) }, props: { accountId: e.id } }));
}
