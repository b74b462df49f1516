/** Portfolio profitability views: CLV distribution buckets, profit per segment as shown. */
import type { Portfolio, SegmentTotals } from '../domain/types.ts';
import { fromCents, toCents } from '../domain/money.ts';
import type { ShownSegment } from './accounts.ts';

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

export interface ShownSegmentTotals extends Omit<SegmentTotals, 'segment'> {
  segment: ShownSegment;
}

/**
 * Profit per segment as the pages show it: lost accounts leave the bucket the core put them
 * in (mostly "unscored") and get a row of their own, so lost and unscored are never mixed.
 */
export function segmentTotalsShown(p: Portfolio): ShownSegmentTotals[] {
  const cents = (t: Omit<SegmentTotals, 'segment'>) => ({
    accounts: t.accounts,
    revenue: toCents(t.revenue),
    operating_profit: toCents(t.operating_profit),
    nopat: toCents(t.nopat),
    revenue_12m: toCents(t.revenue_12m),
    nopat_12m: toCents(t.nopat_12m),
  });
  type C = ReturnType<typeof cents>;
  const rows = p.segment_totals.map((s) => ({ segment: s.segment as ShownSegment, c: cents(s) }));
  const lost: C = { accounts: 0, revenue: 0, operating_profit: 0, nopat: 0, revenue_12m: 0, nopat_12m: 0 };
  for (const a of p.accounts) {
    if (a.status !== 'lost') continue;
    const from = rows.find((r) => r.segment === (a.current.segment.segment ?? 'unscored'))?.c;
    const now = a.current.profit;
    const y = a.last12m?.profit;
    const share: C = {
      accounts: 1,
      revenue: toCents(now?.revenue ?? 0),
      operating_profit: toCents(now?.operating_profit ?? 0),
      nopat: toCents(now?.nopat ?? 0),
      revenue_12m: toCents(y?.revenue ?? 0),
      nopat_12m: toCents(y?.nopat ?? 0),
    };
    for (const k of Object.keys(share) as (keyof C)[]) {
      lost[k] += share[k];
      if (from) from[k] -= share[k];
    }
  }
  const shown = lost.accounts ? [...rows, { segment: 'lost' as const, c: lost }] : rows;
  return shown.map(({ segment, c }) => ({
    segment,
    accounts: c.accounts,
    revenue: fromCents(c.revenue),
    operating_profit: fromCents(c.operating_profit),
    nopat: fromCents(c.nopat),
    revenue_12m: fromCents(c.revenue_12m),
    nopat_12m: fromCents(c.nopat_12m),
  }));
}
