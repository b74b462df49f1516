/**
 * Retention, customer lifetime value, profit and cash flow by tenure, and the suggested
 * reinvestment from new key accounts (docs/RULES.md#lifetime-value; source article idea 6).
 */
import type { Account, Financial } from '../schema/index.ts';
import { fromCents, roundHalfUp, toCents, type Cents } from './money.ts';
import { periodInfo, selectFinestNonOverlapping, wholeYears } from './periods.ts';
import type { ProfitCents } from './profit.ts';
import type { Reinvestment, RetentionResult, TenureBucket, Window } from './types.ts';

/** Date the account was lost, or undefined when it is not lost (or lost at an unknown date). */
function lostOn(a: Account): string | undefined {
  return a.status === 'lost' ? a.lost_on : undefined;
}

/**
 * Measured retention: of the accounts active at the window start — since ≤ start, not a
 * prospect, not lost before the start — the share not lost within the window. A lost account
 * without `lost_on` cannot be placed in time and is left out of the base (a finding says so).
 */
export function measureRetention(
  accounts: readonly Account[],
  window: Window | null,
  setting: number | undefined,
): RetentionResult {
  let base = 0;
  const lost: string[] = [];
  if (window) {
    for (const a of accounts) {
      if (a.status === 'prospect' || a.since > window.start) continue;
      if (a.status === 'lost' && a.lost_on === undefined) continue;
      const on = lostOn(a);
      if (on !== undefined && on < window.start) continue;
      base += 1;
      if (on !== undefined && on <= window.end) lost.push(a.account_id);
    }
  }
  const measured = base > 0 ? (base - lost.length) / base : null;
  const rate = setting ?? measured;
  return {
    rate,
    source: setting !== undefined ? 'setting' : measured !== null ? 'measured' : 'none',
    measured_rate: measured,
    base_accounts: base,
    retained_accounts: base - lost.length,
    lost_account_ids: lost,
  };
}

/** True when the account is not lost by `date` (a lost account without a date counts as lost). */
export function stillActiveOn(a: Account, date: string): boolean {
  if (a.status !== 'lost') return true;
  return a.lost_on !== undefined && a.lost_on > date;
}

/**
 * CLV = m · r / (1 + d − r), in cents rounded half-up. null when m or r is unknown, or the
 * denominator is not positive (r ≥ 1 + d makes the series diverge).
 */
export function clvCents(m: Cents | null, r: number | null, d: number): Cents | null {
  if (m === null || r === null) return null;
  const denom = 1 + d - r;
  if (denom <= 0) return null;
  return toCents((fromCents(m) * r) / denom);
}

/**
 * Profit (operating profit) and cash flow (NOPAT, the only cash proxy the workbook has) by
 * year of tenure: each counted financial period goes to the tenure year it starts in (whole
 * years since `since`; periods before `since` count as year 0). Periods are de-duplicated per
 * account with the finest-grain rule, so a year and its quarters are not counted twice.
 */
export function tenureBuckets(
  accounts: readonly Account[],
  financialsByAccount: ReadonlyMap<string, Financial[]>,
  profitOf: (row: Financial) => ProfitCents,
): TenureBucket[] {
  const buckets = new Map<number, { accounts: Set<string>; revenue: Cents; profit: Cents; cash: Cents }>();
  for (const a of accounts) {
    const rows = financialsByAccount.get(a.account_id);
    if (!rows) continue;
    for (const row of selectFinestNonOverlapping(rows)) {
      const p = periodInfo(row.period);
      if (!p) continue;
      const year = wholeYears(a.since, p.start);
      let b = buckets.get(year);
      if (!b) {
        b = { accounts: new Set(), revenue: 0, profit: 0, cash: 0 };
        buckets.set(year, b);
      }
      const pc = profitOf(row);
      b.accounts.add(a.account_id);
      b.revenue += pc.revenue;
      b.profit += pc.operating_profit;
      b.cash += pc.nopat;
    }
  }
  return [...buckets.entries()]
    .sort((x, y) => x[0] - y[0])
    .map(([year, b]) => ({
      tenure_year: year,
      accounts: b.accounts.size,
      revenue: fromCents(b.revenue),
      profit: fromCents(b.profit),
      cash_flow: fromCents(b.cash),
      cash_flow_per_account: b.accounts.size > 0 ? roundHalfUp(fromCents(b.cash) / b.accounts.size, 2) : null,
    }));
}

/** An account is a *new* key account when key now and its tenure is below this many years. */
export const NEW_KEY_TENURE_YEARS = 2;

/**
 * Suggested reinvestment = reinvestment_share × the extra cash flow of new key accounts, where
 * extra cash flow = Σ of their positive last-12-months NOPAT (a loss is no cash to reinvest).
 */
export function reinvestment(
  candidates: readonly { account_id: string; tenure_years: number; isKey: boolean; nopat12m: Cents | null }[],
  share: number,
): Reinvestment {
  const ids: string[] = [];
  let extra = 0;
  for (const c of candidates) {
    if (!c.isKey || c.tenure_years >= NEW_KEY_TENURE_YEARS) continue;
    ids.push(c.account_id);
    if (c.nopat12m !== null && c.nopat12m > 0) extra += c.nopat12m;
  }
  return {
    new_key_account_ids: ids,
    extra_cash_flow: fromCents(extra),
    share,
    suggested: fromCents(toCents(fromCents(extra) * share)),
  };
}
