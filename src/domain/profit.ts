/**
 * Profitability (docs/RULES.md#profit): revenue split, costs to serve, operating profit, tax and NOPAT per
 * account and period; sums over the last 12 months; the whale curve and the cross-subsidy
 * index. All arithmetic is in integer cents (see money.ts).
 *
 * Window rule ("last 12 months"): a financial period counts when it starts on/after
 * (current period end − 12 months + 1 day) and ends on/before the current period end. Within
 * one account, the finest grain wins where periods overlap (months over quarters over years,
 * see `selectFinestNonOverlapping`), so a year and its quarters are never counted twice.
 */
import type { Financial } from '../schema/index.ts';
import { fromCents, mulCents, toCents, type Cents } from './money.ts';
import { inWindow, selectFinestNonOverlapping } from './periods.ts';
import type { Profit, WhaleCurve, WhalePoint, Window } from './types.ts';

const REVENUE_FIELDS = ['revenue_goods', 'revenue_services', 'revenue_ip'] as const;
const COST_FIELDS = [
  'cogs',
  'service_cost',
  'acquisition_cost',
  'knowledge_cost',
  'relationship_cost',
] as const;
const PROFIT_FIELDS = [
  ...REVENUE_FIELDS,
  'revenue',
  ...COST_FIELDS,
  'cost',
  'operating_profit',
  'tax',
  'nopat',
] as const satisfies readonly (keyof Profit)[];

/** Profit with every amount in cents. */
export type ProfitCents = Record<keyof Profit, Cents>;

export function zeroProfit(): ProfitCents {
  const z = {} as ProfitCents;
  for (const f of PROFIT_FIELDS) z[f] = 0;
  return z;
}

/** One financials row → profit. Tax is rounded to the cent, so NOPAT = op − tax exactly. */
export function profitCents(row: Financial, taxRate: number): ProfitCents {
  const p = zeroProfit();
  for (const f of REVENUE_FIELDS) {
    p[f] = toCents(row[f]);
    p.revenue += p[f];
  }
  for (const f of COST_FIELDS) {
    p[f] = toCents(row[f]);
    p.cost += p[f];
  }
  p.operating_profit = p.revenue - p.cost;
  p.tax = mulCents(Math.max(0, p.operating_profit), taxRate);
  p.nopat = p.operating_profit - p.tax;
  return p;
}

/** Field-wise sum; a sum's tax is the sum of the periods' taxes. */
export function addProfit(into: ProfitCents, add: ProfitCents): ProfitCents {
  for (const f of PROFIT_FIELDS) into[f] += add[f];
  return into;
}

export function toProfit(c: ProfitCents): Profit {
  const out = {} as Profit;
  for (const f of PROFIT_FIELDS) out[f] = fromCents(c[f]);
  return out;
}

/**
 * One account's financial rows counted in the window (finest grain wins), with their sum;
 * null when none falls inside.
 */
export function windowProfit(
  rows: readonly Financial[],
  window: Window,
  profitOf: (row: Financial) => ProfitCents,
): { periods: string[]; profit: ProfitCents } | null {
  const inside = selectFinestNonOverlapping(rows.filter((r) => inWindow(r.period, window)));
  if (inside.length === 0) return null;
  const total = zeroProfit();
  for (const r of inside) addProfit(total, profitOf(r));
  return { periods: inside.map((r) => r.period), profit: total };
}

/**
 * Whale curve: accounts by NOPAT, highest first (ties by id), cumulative NOPAT as a share of
 * the total. The curve rises through the profitable accounts, is flat through break-even ones
 * and falls back to 100 % at the last account.
 */
export function whaleCurve(items: readonly { account_id: string; nopat: Cents }[]): WhaleCurve {
  const sorted = [...items].sort(
    (a, b) => b.nopat - a.nopat || (a.account_id < b.account_id ? -1 : a.account_id > b.account_id ? 1 : 0),
  );
  let total = 0;
  for (const i of sorted) total += i.nopat;
  const points: WhalePoint[] = [];
  let cumulative = 0;
  let peak = -Infinity;
  let peakRank: number | null = null;
  let declineFrom: number | null = null;
  sorted.forEach((item, i) => {
    cumulative += item.nopat;
    const rank = i + 1;
    points.push({
      rank,
      account_id: item.account_id,
      nopat: fromCents(item.nopat),
      cumulative: fromCents(cumulative),
      cumulative_share: total > 0 ? cumulative / total : null,
    });
    if (cumulative > peak) {
      peak = cumulative;
      peakRank = rank;
    }
    if (declineFrom === null && item.nopat < 0) declineFrom = rank;
  });
  const n = sorted.length;
  return {
    points,
    total_nopat: fromCents(total),
    peak_share: total > 0 && n > 0 ? peak / total : null,
    peak_rank: peakRank,
    peak_accounts_share: peakRank !== null && n > 0 ? peakRank / n : null,
    decline_from_rank: declineFrom,
    back_to_total_rank: n > 0 ? n : null,
  };
}

/**
 * Storbacka's cross-subsidy index: Σ|NOPAT of loss makers| / Σ NOPAT of profitable accounts.
 * 0 when nobody loses money; null when losses exist but nothing is profitable (unbounded).
 */
export function crossSubsidyIndex(nopats: Iterable<Cents>): number | null {
  let losses = 0;
  let profits = 0;
  for (const n of nopats) {
    if (n < 0) losses -= n;
    else profits += n;
  }
  if (profits === 0) return losses === 0 ? 0 : null;
  return losses / profits;
}
