/**
 * Digests of data. `digest` (SHA-256) names what a build may reuse (page cache keys); the short
 * row digests tell a changed row from an unchanged one, made once per list of rows, since the
 * build snapshot ("what changed since the previous build") and the page keys both need one per
 * row, over hundreds of thousands of rows.
 */
import { createHash } from 'node:crypto';

/** One digest of any JSON-like values (Maps and Sets as entry lists). */
export function digest(...parts: unknown[]): string {
  const hash = createHash('sha256');
  for (const part of parts) {
    // Lists of strings (the rows) go in as they are: no second round of JSON escaping.
    if (Array.isArray(part) && part.every((x) => typeof x === 'string')) {
      hash.update(part.join('\u001e'));
    } else hash.update(JSON.stringify(part, replacer) ?? 'undefined');
    hash.update('\0');
  }
  return hash.digest('base64url');
}

function replacer(_key: string, value: unknown): unknown {
  if (value instanceof Map) return { map: [...value] };
  if (value instanceof Set) return { set: [...value] };
  return value;
}

/**
 * A 53-bit hash of a text (cyrb53): enough to tell a changed row from an unchanged one, and
 * several times cheaper than a cryptographic hash per row.
 */
export function textDigest(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
}

/** The digest of a value's JSON. */
export function valueDigest(value: unknown): string {
  return textDigest(JSON.stringify(value) ?? '');
}

const made = new WeakMap<readonly unknown[], string[]>();

/** One digest per row, in the rows' order; the same list of rows is digested once. */
export function rowDigestsOf(rows: readonly unknown[]): string[] {
  let digests = made.get(rows);
  if (!digests) {
    digests = rows.map(valueDigest);
    made.set(rows, digests);
  }
  return digests;
}
