/** Dashboard figures: this period against the previous one, and the segment × position grid. */
import type { Portfolio, Segment, SupplierPosition } from '../domain/types.ts';
import { fromCents, toCents } from '../domain/money.ts';
import { shownSegment } from './accounts.ts';

export interface PeriodTotals {
  period: string | null;
  revenue: number | null;
  nopat: number | null;
}

// Kept here for the pages that import it from the dashboard view; it lives in the domain.
export { previousPeriod } from '../domain/periods.ts';

export function periodTotals(p: Portfolio, period: string | null): PeriodTotals {
  if (!period) return { period, revenue: null, nopat: null };
  let revenue = 0;
  let nopat = 0;
  let any = false;
  for (const a of p.accounts) {
    const ap = a.periods.find((x) => x.period === period);
    if (!ap?.profit) continue;
    any = true;
    revenue += toCents(ap.profit.revenue);
    nopat += toCents(ap.profit.nopat);
  }
  return any
    ? { period, revenue: fromCents(revenue), nopat: fromCents(nopat) }
    : { period, revenue: null, nopat: null };
}

export type GridSegment = Segment | 'unscored' | 'lost';
export type GridPosition = SupplierPosition | 'none';

/**
 * Accounts per segment and supplier position in the current period; lost accounts have a row
 * of their own, apart from the unscored ones.
 */
export function segmentPositionGrid(p: Portfolio): Map<GridSegment, Map<GridPosition, number>> {
  const grid = new Map<GridSegment, Map<GridPosition, number>>();
  for (const a of p.accounts) {
    const s: GridSegment = shownSegment(a);
    const pos: GridPosition = a.current.position?.position ?? 'none';
    const row = grid.get(s) ?? new Map<GridPosition, number>();
    row.set(pos, (row.get(pos) ?? 0) + 1);
    grid.set(s, row);
  }
  return grid;
}

export function change(now: number | null, before: number | null): number | null {
  if (now == null || before == null || before === 0) return null;
  return (now - before) / Math.abs(before);
}

export interface WhaleSeriesPoint {
  rank: number;
  label: string;
  share: number;
}

/**
 * The whale curve for a chart: cumulative share of NOPAT by account rank, thinned to at most
 * `max` points on big portfolios (keeping the first, the peak and the last) so pages stay light.
 */
export function whaleSeries(p: Portfolio, max = 120): WhaleSeriesPoint[] {
  const pts = p.whale.points.filter((x) => x.cumulative_share !== null);
  const keep = new Set<number>([0, pts.length - 1]);
  const peak = p.whale.peak_rank;
  if (peak) keep.add(peak - 1);
  const step = Math.max(1, Math.ceil(pts.length / max));
  for (let i = 0; i < pts.length; i += step) keep.add(i);
  return [...keep]
    .filter((i) => i >= 0 && i < pts.length)
    .sort((a, b) => a - b)
    .map((i) => {
      const x = pts[i]!;
      return {
        rank: x.rank,
        label: p.accountIndex.get(x.account_id)?.name ?? x.account_id,
        share: x.cumulative_share!,
      };
    });
}

/** The whale curve as the dashboard and the portfolio page draw it, with its summary figures. */
export interface WhaleView {
  series: WhaleSeriesPoint[];
  peak_share: number | null;
  peak_rank: number | null;
  /** Accounts on the curve. */
  accounts: number;
  total_nopat: number;
  cross_subsidy_index: number | null;
}

export function whaleView(p: Portfolio): WhaleView {
  const w = p.whale;
  return {
    series: whaleSeries(p),
    peak_share: w.peak_share,
    peak_rank: w.peak_rank,
    accounts: w.points.length,
    total_nopat: w.total_nopat,
    cross_subsidy_index: p.cross_subsidy_index,
  };
}
