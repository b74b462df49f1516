/** Edge rules of docs/RULES.md and the decisions documented in the domain modules. */
import { describe, expect, it } from 'vitest';
import { roundHalfUp, toCents } from '../../../src/domain/money.ts';
import { last12Months, selectFinestNonOverlapping } from '../../../src/domain/periods.ts';
import { computePortfolio } from '../../../src/domain/portfolio.ts';
import { indexCriteria, segmentFor } from '../../../src/domain/segmentation.ts';
import { resolveToday } from '../../../src/domain/today.ts';
import { account, criterion, datasets, financial, scores } from './factories.ts';

const T = { attractiveness: 5, strength: 5 };

describe('money and rounding', () => {
  it('rounds half up (away from zero) despite binary noise', () => {
    expect(toCents(1.005)).toBe(101);
    expect(toCents(-1.005)).toBe(-101);
    expect(toCents(0.1 + 0.2)).toBe(30);
    expect(roundHalfUp(4.99995, 4)).toBe(5);
    expect(roundHalfUp(2.00005, 4)).toBe(2.0001);
  });
});

describe('segmentation rules', () => {
  const crit = indexCriteria([
    criterion('a1', 'attractiveness'),
    criterion('a2', 'attractiveness'),
    criterion('s1', 'strength'),
  ]);
  const seg = (a1: number, a2: number, s1: number) =>
    segmentFor('2026', scores('x', '2026', { a1, a2, s1 }), crit, T);

  it('rounds A and S to 4 decimals before comparing with the threshold', () => {
    // (4.9999 + 5) / 2 = 4.99995 → 5.0000 → high
    expect(seg(4.9999, 5, 5)).toMatchObject({ attractiveness: 5, segment: 'key' });
    // (4.9999 + 4.9999) / 2 = 4.9999 → low
    expect(seg(4.9999, 4.9999, 5)).toMatchObject({ attractiveness: 4.9999, segment: 'maintained' });
  });

  it('exactly half the weight is enough, even with decimal weights', () => {
    const c = indexCriteria([
      criterion('a1', 'attractiveness', 0.1),
      criterion('a2', 'attractiveness', 0.2),
      criterion('a3', 'attractiveness', 0.3),
      criterion('s1', 'strength', 0.3),
      criterion('s2', 'strength', 0.3),
    ]);
    expect(segmentFor('2026', scores('x', '2026', { a3: 6, s1: 6 }), c, T).unscored).toBe(false);
    expect(segmentFor('2026', scores('x', '2026', { a2: 6, s1: 6 }), c, T).unscored).toBe(true);
  });

  it('is unscored when a matrix has no criteria at all', () => {
    const c = indexCriteria([criterion('a1', 'attractiveness')]);
    expect(segmentFor('2026', scores('x', '2026', { a1: 9 }), c, T).unscored).toBe(true);
  });
});

describe('the 12-month window', () => {
  it('ends at the current period end for any grain', () => {
    expect(last12Months('2026')).toEqual({ start: '2026-01-01', end: '2026-12-31' });
    expect(last12Months('2026-Q1')).toEqual({ start: '2025-04-01', end: '2026-03-31' });
    expect(last12Months('2024-02')).toEqual({ start: '2023-03-01', end: '2024-02-29' });
  });

  it('prefers the finest grain so a year and its parts are not counted twice', () => {
    const rows = ['2025', '2025-Q1', '2025-Q2', '2025-01', '2025-02'].map((period) => ({ period }));
    expect(selectFinestNonOverlapping(rows).map((r) => r.period)).toEqual(['2025-01', '2025-02', '2025-Q2']);
  });

  it('sums a yearly current period from quarterly rows, and a year row never doubles them', () => {
    const data = datasets({
      accounts: [account('a')],
      scores: scores('a', '2025', { a1: 6, s1: 6 }),
      financials: [
        financial('a', '2025', { revenue_goods: 999 }),
        ...['Q1', 'Q2', 'Q3', 'Q4'].map((q) => financial('a', `2025-${q}`, { revenue_goods: 100.1 })),
      ],
    });
    const p = computePortfolio(data, { today: '2026-01-15' });
    const a = p.accounts[0];
    expect(p.current_period).toBe('2025');
    expect(a?.last12m?.periods).toEqual(['2025-Q1', '2025-Q2', '2025-Q3', '2025-Q4']);
    expect(a?.last12m?.profit.revenue).toBe(400.4);
    // the period's own row wins for the period view
    expect(a?.current.profit?.revenue).toBe(999);
    expect(a?.current.profit_periods).toEqual(['2025']);
  });

  it('falls back to the sum of finer rows when the current period has no row of its own', () => {
    const data = datasets({
      accounts: [account('a')],
      scores: scores('a', '2025', { a1: 6, s1: 6 }),
      financials: [
        financial('a', '2025-Q1', { revenue_goods: 10 }),
        financial('a', '2025-Q3', { revenue_goods: 5.55 }),
      ],
    });
    const a = computePortfolio(data, { today: '2026-01-15' }).accounts[0];
    expect(a?.current.profit?.revenue).toBe(15.55);
    expect(a?.current.profit_periods).toEqual(['2025-Q1', '2025-Q3']);
  });
});

describe('portfolio rules', () => {
  it('takes current_period from the settings, else the latest scored period by end date', () => {
    const base = {
      accounts: [account('a')],
      scores: [...scores('a', '2026-Q1', { a1: 5, s1: 5 }), ...scores('a', '2025', { a1: 5, s1: 5 })],
    };
    expect(computePortfolio(datasets(base), { today: '2026-05-01' }).current_period).toBe('2026-Q1');
    const set = computePortfolio(datasets({ ...base, settings: { current_period: '2025' } }), {
      today: '2026-05-01',
    });
    expect(set.current_period).toBe('2025');
    const none = computePortfolio(datasets({ accounts: [account('a')] }), { today: '2026-05-01' });
    expect(none.current_period).toBeNull();
    expect(none.findings.map((f) => f.code)).toContain('no_current_period');
  });

  it('uses the retention_rate setting when given, and skips lost accounts without a date', () => {
    const data = datasets({
      accounts: [account('a'), account('b', { status: 'lost' })],
      scores: scores('a', '2026', { a1: 5, s1: 5 }),
      financials: [financial('a', '2026', { revenue_goods: 1000 })],
      settings: { retention_rate: 0.5, discount_rate: 0 },
    });
    const p = computePortfolio(data, { today: '2026-12-31' });
    expect(p.retention).toMatchObject({ rate: 0.5, source: 'setting', measured_rate: 1, base_accounts: 1 });
    // m = 1000 − 20 % tax = 800; CLV = 800 · 0.5 / (1 + 0 − 0.5) = 800
    expect(p.accounts[0]?.clv).toBe(800);
    expect(p.findings.find((f) => f.code === 'lost_without_date')?.account_id).toBe('b');
  });

  it('flags active accounts left unscored in the current period, not lost ones', () => {
    const data = datasets({
      accounts: [account('a'), account('b'), account('c', { status: 'lost', lost_on: '2025-01-01' })],
      scores: scores('a', '2026', { a1: 5, s1: 5 }),
    });
    const p = computePortfolio(data, { today: '2026-12-31' });
    expect(p.findings.filter((f) => f.code === 'unscored').map((f) => f.account_id)).toEqual(['b']);
    expect(p.accounts[1]?.current).toMatchObject({ period: '2026', segment: { unscored: true } });
  });
});

describe('resolveToday', () => {
  it('uses KAM_TODAY, else the UTC date of now', () => {
    expect(resolveToday({ KAM_TODAY: '2026-03-01' })).toBe('2026-03-01');
    expect(resolveToday({}, new Date('2026-05-31T23:30:00-05:00'))).toBe('2026-06-01');
    expect(() => resolveToday({ KAM_TODAY: '2026-02-30' })).toThrow(/KAM_TODAY/);
  });
});
