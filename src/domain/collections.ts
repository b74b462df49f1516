/**
 * Small helpers to build look-ups once, so every per-account access is O(1). One-level grouping
 * is the platform's `Map.groupBy`.
 */

export function indexBy<T>(rows: readonly T[], key: (row: T) => string): Map<string, T> {
  const out = new Map<string, T>();
  for (const row of rows) out.set(key(row), row);
  return out;
}

/** `${a}\u0000${b}`: a composite key that no id can collide with. */
export function pairKey(a: string, b: string): string {
  return `${a}\u0000${b}`;
}

export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Two-level grouping (e.g. account → period → rows) without building composite string keys. */
export function groupBy2<T>(
  rows: readonly T[],
  outer: (row: T) => string,
  inner: (row: T) => string,
): Map<string, Map<string, T[]>> {
  const out = new Map<string, Map<string, T[]>>();
  for (const row of rows) {
    const o = outer(row);
    let m = out.get(o);
    if (!m) out.set(o, (m = new Map()));
    const i = inner(row);
    const list = m.get(i);
    if (list) list.push(row);
    else m.set(i, [row]);
  }
  return out;
}
