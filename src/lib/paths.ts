/** Site-relative URLs that respect Astro's `base`, and URL-safe slugs for spreadsheet ids. */
import { createHash } from 'node:crypto';

export function href(path: string): string {
  const base = import.meta.env.BASE_URL.replace(/\/$/, '');
  return `${base}${path.startsWith('/') ? path : `/${path}`}`;
}

/**
 * Ids come from spreadsheets and may hold any character; an id that is not already a safe
 * path segment gets a readable prefix plus a short hash, so every id maps to one stable URL.
 */
export function slug(id: string): string {
  if (/^[A-Za-z0-9][A-Za-z0-9._-]{0,80}$/.test(id)) return id;
  const readable = id
    .normalize('NFKD')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40);
  const hash = createHash('sha256').update(id).digest('hex').slice(0, 8);
  return readable ? `${readable}-${hash}` : hash;
}

export const accountHref = (id: string) => href(`/accounts/${slug(id)}/`);
export const memberHref = (id: string) => href(`/team/${slug(id)}/`);
/** An account's sources export: where each of its figures comes from (the account page loads it). */
export const sourcesHref = (id: string) => href(`/exports/sources/${slug(id)}.json`);
