/** Portfolio profitability views: CLV distribution buckets. */
import type { Portfolio } from '../domain/types.ts';

export interface ClvBucket {
  from: number;
  to: number;
  accounts: number;
}

/** CLV of accounts with a known CLV, in `n` equal-width buckets between min and max. */
export function clvDistribution(p: Portfolio, n = 8): ClvBucket[] {
  const values = p.accounts.map((a) => a.clv).filter((v): v is number => v !== null);
  if (!values.length) return [];
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  const width = hi > lo ? (hi - lo) / n : 1;
  const buckets: ClvBucket[] = Array.from({ length: hi > lo ? n : 1 }, (_, i) => ({
    from: lo + i * width,
    to: lo + (i + 1) * width,
    accounts: 0,
  }));
  for (const v of values) {
    const i = Math.min(buckets.length - 1, Math.floor((v - lo) / width));
    buckets[i]!.accounts += 1;
  }
  return buckets;
}
