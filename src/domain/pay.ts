/**
 * Pay (article idea 9): the base share of possible pay against the cap, and the
 * key-account retention bonus test.
 */
import type { Compensation } from '../schema/index.ts';
import type { BonusAccount, BonusTest, PayRow } from './types.ts';

export function payRow(c: Compensation, cap: number): PayRow {
  const total = c.base_pay + c.variable_max;
  const share = total > 0 ? c.base_pay / total : null;
  return {
    member_id: c.member_id,
    period: c.period,
    base_pay: c.base_pay,
    variable_max: c.variable_max,
    variable_paid: c.variable_paid ?? null,
    base_share: share,
    over_cap: share !== null && share > cap,
  };
}

/**
 * The group is the accounts that were key in the same period a year earlier. Each passes when
 * it stayed (not lost by the current period's end) and its revenue now ≥ its revenue then;
 * missing revenue on either side fails (nothing proves it bought no less).
 */
export function bonusTest(
  period: string | null,
  basePeriod: string | null,
  group: readonly Omit<BonusAccount, 'pass'>[],
): BonusTest {
  const accounts = group.map((g) => ({
    ...g,
    pass: g.stayed && g.revenue_now !== null && g.revenue_then !== null && g.revenue_now >= g.revenue_then,
  }));
  return {
    period,
    base_period: basePeriod,
    accounts,
    pass: accounts.length === 0 ? null : accounts.every((a) => a.pass),
  };
}
