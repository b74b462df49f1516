/**
 * The worked example (worked-example.ts), computed by hand. Window of the current period
 * 2026-Q2 = 2025-07-01 … 2026-06-30, so 2025-Q2 financials are outside it.
 */
import { describe, expect, it } from 'vitest';
import { computePortfolio } from '../../../src/domain/portfolio.ts';
import { en } from '../../../src/i18n/en.ts';
import { formatters } from '../../../src/i18n/format.ts';
import { findingText } from '../../../src/views/findings.ts';
import { example, TODAY } from './worked-example.ts';

const p = computePortfolio(example, { today: TODAY });
const acc = (id: string) => {
  const a = p.accountIndex.get(id);
  if (!a) throw new Error(`no account ${id}`);
  return a;
};
const period = (id: string, per: string) => acc(id).periods.find((x) => x.period === per);

describe('worked example: segmentation', () => {
  it('picks the latest scored period and its 12-month window', () => {
    expect(p.current_period).toBe('2026-Q2');
    expect(p.window).toEqual({ start: '2025-07-01', end: '2026-06-30' });
    expect(p.periods).toEqual(['2025-Q2', '2025-Q3', '2025-Q4', '2026-Q2']);
  });

  it('computes A and S as weighted means (A1 weighs 2, A2 1; S1, S2 1 each)', () => {
    // a1 2026-Q2: A = (8·2 + 5)/3 = 7, S = (6 + 4)/2 = 5 → S at the threshold counts high → key
    expect(acc('a1').current.segment).toMatchObject({ attractiveness: 7, strength: 5, segment: 'key' });
    // a1 2025-Q2: A = (7·2 + 4)/3 = 6, S = 5 → key
    expect(period('a1', '2025-Q2')?.segment.segment).toBe('key');
    // a2 2026-Q2: A = (6·2 + 3)/3 = 5 (threshold) → high; S = 7.5 → key
    expect(acc('a2').current.segment).toMatchObject({ attractiveness: 5, strength: 7.5, segment: 'key' });
    // a3 2026-Q2: A = 2, S = 8 → maintained
    expect(acc('a3').current.segment).toMatchObject({
      attractiveness: 2,
      strength: 8,
      segment: 'maintained',
    });
    // a4 2026-Q2: A1 only (2/3 of the weight), S1 only (exactly half) → still scored: A = 7, S = 4
    expect(acc('a4').current.segment).toMatchObject({
      attractiveness: 7,
      strength: 4,
      segment: 'developing',
    });
    // a4 2025-Q2: A2 only (1/3 < half), no strength → unscored
    expect(period('a4', '2025-Q2')?.segment).toMatchObject({
      unscored: true,
      attractiveness: null,
      segment: null,
    });
  });

  it('records moves between periods', () => {
    // a2 2025-Q2: A = 7, S = 2.5 → developing → key; a3: key (A = S = 6) → maintained
    expect(acc('a2').moves).toEqual([
      { from_period: '2025-Q2', to_period: '2026-Q2', from: 'developing', to: 'key' },
    ]);
    expect(acc('a3').moves).toEqual([
      { from_period: '2025-Q2', to_period: '2026-Q2', from: 'key', to: 'maintained' },
    ]);
    expect(acc('a1').moves).toEqual([]);
    expect(acc('a1').segment_history.map((h) => h.segment)).toEqual(['key', 'key']);
  });

  it('places supplier positions (threshold 5 counts high)', () => {
    expect(period('a1', '2025-Q2')?.position?.position).toBe('independent'); // 2, 2
    expect(acc('a1').current.position?.position).toBe('partner'); // 7, 6
    expect(acc('a2').current.position?.position).toBe('managed'); // 3, 5
    expect(acc('a3').current.position?.position).toBe('desired'); // 5, 2
    expect(acc('a4').current.position).toBeNull();
  });
});

describe('worked example: profit', () => {
  it('computes a1 2026-Q2 to the cent', () => {
    // revenue 100,000.10 + 20,000.20 + 5,000.30 = 125,000.60
    // cost 60,000.05 + 10,000 + 1,000 + 2,000.55 + 3,000 = 76,000.60 → op 49,000.00
    // tax 0.2 × 49,000 = 9,800 → NOPAT 39,200
    expect(acc('a1').current.profit).toMatchObject({
      revenue: 125_000.6,
      cost: 76_000.6,
      operating_profit: 49_000,
      tax: 9_800,
      nopat: 39_200,
    });
  });

  it('charges no tax on a loss and leaves money null without a financials row', () => {
    // a2: 30,000 − (25,000 + 6,000 + 1,500.25) = −2,500.25, tax 0
    expect(acc('a2').current.profit).toMatchObject({ operating_profit: -2_500.25, tax: 0, nopat: -2_500.25 });
    expect(acc('a3').current.profit).toBeNull();
    expect(acc('a4').current.profit).toBeNull();
  });

  it('sums the last 12 months', () => {
    // a1: 2025-Q4 op 10,000.05 − 0.10 = 9,999.95, tax 1,999.99, NOPAT 7,999.96; + 2026-Q2 39,200
    expect(acc('a1').last12m).toMatchObject({
      periods: ['2025-Q4', '2026-Q2'],
      profit: { nopat: 47_199.96, revenue: 135_000.65 },
    });
    // a3: 2025-Q3 op 50,000 − 43,333.33 = 6,666.67; tax 1,333.334 → 1,333.33; NOPAT 5,333.34
    expect(acc('a3').last12m?.profit).toMatchObject({
      operating_profit: 6_666.67,
      tax: 1_333.33,
      nopat: 5_333.34,
    });
    expect(acc('a4').last12m).toBeNull();
    // share of wallet: 135,000.65 / 500,000
    expect(acc('a1').share_of_wallet).toBeCloseTo(0.2700013, 10);
  });

  it('draws the whale curve and the cross-subsidy index', () => {
    // ranked: a1 47,199.96; a3 5,333.34; a2 −2,500.25 → total 50,033.05
    expect(p.whale.points.map((x) => [x.account_id, x.cumulative])).toEqual([
      ['a1', 47_199.96],
      ['a3', 52_533.3],
      ['a2', 50_033.05],
    ]);
    expect(p.whale.total_nopat).toBe(50_033.05);
    expect(p.whale.peak_rank).toBe(2);
    expect(p.whale.peak_share).toBeCloseTo(52_533.3 / 50_033.05, 12);
    expect(p.whale.decline_from_rank).toBe(3);
    expect(p.whale.back_to_total_rank).toBe(3);
    expect(p.whale.points.at(-1)?.cumulative_share).toBe(1);
    // Σ|losses| / Σ profits = 2,500.25 / 52,533.30
    expect(p.cross_subsidy_index).toBeCloseTo(2_500.25 / 52_533.3, 12);
    expect(p.unprofitable_key_account_ids).toEqual(['a2']);
  });

  it('totals segments for the current period', () => {
    const key = p.segment_totals.find((s) => s.segment === 'key');
    // a1 + a2: revenue 155,000.60, op 46,499.75, NOPAT 36,699.75; 12 m: 165,000.65 and 44,699.71
    expect(key).toEqual({
      segment: 'key',
      accounts: 2,
      revenue: 155_000.6,
      operating_profit: 46_499.75,
      nopat: 36_699.75,
      revenue_12m: 165_000.65,
      nopat_12m: 44_699.71,
    });
    expect(p.segment_totals.find((s) => s.segment === 'maintained')).toMatchObject({
      accounts: 1,
      nopat: 0,
      nopat_12m: 5_333.34,
    });
    expect(p.segment_totals.reduce((n, s) => n + s.accounts, 0)).toBe(4);
  });
});

describe('worked example: retention, CLV, tenure', () => {
  it('measures retention over the window', () => {
    // active on 2025-07-01: a1, a2 (since 2025-03-01), a3 (lost 2026-02-10, inside the window);
    // a4 is a prospect → r = 2/3
    expect(p.retention).toMatchObject({
      source: 'measured',
      base_accounts: 3,
      retained_accounts: 2,
      lost_account_ids: ['a3'],
    });
    expect(p.retention.rate).toBeCloseTo(2 / 3, 12);
  });

  it('computes CLV = m·r/(1+d−r) to the cent', () => {
    // r/(1 + 0.1 − r) = (2/3)/(13/30) = 20/13
    expect(acc('a1').clv).toBe(72_615.32); // 47,199.96 × 20/13 = 72,615.323…
    expect(acc('a2').clv).toBe(-3_846.54); // −2,500.25 × 20/13 = −3,846.538…
    // a3 was lost on 2026-02-10: a lost client has no future to value, whatever its past NOPAT
    // (5,333.34 × 20/13 would have been 8,205.14).
    expect(acc('a3').clv).toBeNull();
    expect(acc('a4').clv).toBeNull();
  });

  it('groups profit and cash flow by tenure year and suggests a reinvestment', () => {
    // tenure at 2026-06-30: a1 (2024-09-01) 1, a2 1, a3 8, a4 0
    expect(['a1', 'a2', 'a3', 'a4'].map((id) => acc(id).tenure_years)).toEqual([1, 1, 8, 0]);
    expect(p.tenure).toEqual([
      {
        tenure_year: 0,
        accounts: 1,
        revenue: 90_000,
        profit: 40_000,
        cash_flow: 32_000,
        cash_flow_per_account: 32_000,
      },
      // a1 2025-Q4 + 2026-Q2, a2 2026-Q2
      {
        tenure_year: 1,
        accounts: 2,
        revenue: 165_000.65,
        profit: 56_499.7,
        cash_flow: 44_699.71,
        cash_flow_per_account: 22_349.86,
      },
      {
        tenure_year: 6,
        accounts: 1,
        revenue: 40_000,
        profit: 10_000,
        cash_flow: 8_000,
        cash_flow_per_account: 8_000,
      },
      {
        tenure_year: 7,
        accounts: 1,
        revenue: 50_000,
        profit: 6_666.67,
        cash_flow: 5_333.34,
        cash_flow_per_account: 5_333.34,
      },
    ]);
    // new key accounts: a1, a2 (key, tenure < 2); extra cash flow = 47,199.96 (a2's loss adds nothing)
    expect(p.reinvestment).toEqual({
      new_key_account_ids: ['a1', 'a2'],
      extra_cash_flow: 47_199.96,
      share: 0.1,
      suggested: 4_720,
    });
  });
});

describe('worked example: dossier, commitments, VoC, contacts', () => {
  it('totals the dossier per category', () => {
    const d = acc('a1').dossier;
    // cost 1,000.10 + 500 + 0 + 0.20 = 1,500.30; value 5,000.20 + 1,500 + 0.10 = 6,500.30; validated 5,000.30
    expect(d.totals).toMatchObject({
      count: 4,
      cost: 1_500.3,
      client_value: 6_500.3,
      validated_value: 5_000.3,
    });
    expect(d.totals.value_cost_ratio).toBeCloseTo(6_500.3 / 1_500.3, 12);
    expect(
      d.by_category.map((c) => [c.category, c.count, c.cost, c.client_value, c.validated_value]),
    ).toEqual([
      ['investment', 2, 1_000.3, 5_000.3, 5_000.3],
      ['training', 1, 500, 1_500, 0],
      ['history', 1, 0, 0, 0],
    ]);
    expect(d.by_category[2]?.value_cost_ratio).toBeNull();
    expect(d.timeline.map((e) => e.entry_id)).toEqual(['e3', 'e2', 'e1', 'e4']);
    expect(d.history.map((e) => e.entry_id)).toEqual(['e3']);
  });

  it('compares KPIs with target and benchmark', () => {
    const k = acc('a1').current.kpis[0];
    expect(k?.vs_target).toBeCloseTo(0.01, 12);
    expect(k?.vs_benchmark).toBeCloseTo(0.06, 12);
  });

  it('classifies commitments as of 2026-07-15', () => {
    // c1 done on the due date → on time; c2 two days late; c3 due yesterday → overdue;
    // c4 due today → open, not overdue; c5 due later → open
    expect(acc('a1').commitments.map((c) => c.state)).toEqual(['done_on_time', 'done_late', 'overdue']);
    expect(acc('a2').commitments.map((c) => c.state)).toEqual(['open']);
    expect(acc('a1').commitment_stats).toEqual({
      total: 3,
      open: 1,
      overdue: 1,
      done_on_time: 1,
      done_late: 1,
      on_time_rate: 1 / 3,
    });
    expect(acc('a2').commitment_stats.on_time_rate).toBeNull();
    // k1: c1 on time, c2 late, c4 open → 1/2; k2: c3 overdue, c5 open → 0
    expect(p.commitments.by_owner.map((o) => [o.owner_id, o.stats.on_time_rate])).toEqual([
      ['k1', 0.5],
      ['k2', 0],
    ]);
    expect(p.commitments.stats).toMatchObject({ total: 5, open: 3, overdue: 1 });
    expect(p.commitments.overdue.map((c) => [c.row.commitment_id, c.days_late])).toEqual([['c3', 1]]);
  });

  it('computes survey response rates, means and trends', () => {
    const [s1, s2] = acc('a1').voc.surveys;
    // s1: 2 respondents of 4 invited; q1 (8, 10) → 9, q2 6; overall (8 + 6 + 10)/3 = 8
    expect(s1).toMatchObject({ respondents: 2, response_rate: 0.5, mean: 8, mean_change: null });
    expect(s1?.questions).toEqual([
      { question: 'q1', answers: 2, mean: 9 },
      { question: 'q2', answers: 1, mean: 6 },
    ]);
    // s2: 3 respondents but 2 invited → 1.5 (a finding); mean 9, +1
    expect(s2).toMatchObject({ respondents: 3, response_rate: 1.5, mean: 9, mean_change: 1 });
    expect(acc('a1').voc.trend).toBe(1);
    expect(p.voc.trend.map((t) => [t.year, t.response_rate, t.mean])).toEqual([
      [2025, 0.5, 8],
      [2026, 1.5, 9],
    ]);
  });

  it('covers the decision unit and lists people to hand over', () => {
    const c = acc('a1').contacts;
    // (5·2 + 3·(−1) + 1·1) / (5 + 3 + 1) = 8/9
    expect(c.weighted_attitude).toBeCloseTo(8 / 9, 12);
    expect(c.by_role.map((r) => [r.role, r.people])).toEqual([
      ['decision_maker', 1],
      ['buyer', 1],
      ['user', 1],
    ]);
    expect(p.handover.map((h) => [h.contact_id, h.reason])).toEqual([
      ['p2', 'unreachable'],
      ['p3', 'no_owner'],
    ]);
  });
});

describe('worked example: pay, workload, findings', () => {
  it('checks the base pay cap and the bonus test', () => {
    // k1: 7,000 / 10,000 = 0.7 = cap → fine; k2: 0.8 > 0.7
    expect(p.pay.rows.map((r) => [r.member_id, r.base_share, r.over_cap])).toEqual([
      ['k1', 0.7, false],
      ['k2', 0.8, true],
    ]);
    // key in 2025-Q2: a1 (stayed, 125,000.60 ≥ 90,000 → pass) and a3 (lost → fail)
    expect(p.pay.bonus).toEqual({
      period: '2026-Q2',
      base_period: '2025-Q2',
      pass: false,
      accounts: [
        { account_id: 'a1', stayed: true, revenue_then: 90_000, revenue_now: 125_000.6, pass: true },
        { account_id: 'a3', stayed: false, revenue_then: 40_000, revenue_now: null, pass: false },
      ],
    });
  });

  it('loads managers by the documented model', () => {
    // a1: 1 + potential 1 + centralisation 0.5·0.5 + contacts 0.5·3/5 + competition 0.5·0.5 + fulfilment 1·(1 − 1/3)
    expect(acc('a1').workload.load).toBeCloseTo(1 + 1 + 0.25 + 0.3 + 0.25 + 2 / 3, 4);
    // a2: 1 + 1 + 0.25 + 0.5·1/5 + 0.25 + 0 = 2.6
    expect(acc('a2').workload.load).toBe(2.6);
    const k1 = p.workload.managers.find((m) => m.member_id === 'k1');
    expect(k1?.load).toBeCloseTo(3.4667 + 2.6, 4);
    expect(k1?.capacity).toBe(30);
    expect(k1?.status).toBe('under');
    // k2: only a4 counts (a3 is lost); capacity 30 × (1 + 0.15·2) × 1.25 = 48.75
    expect(p.workload.managers.find((m) => m.member_id === 'k2')).toMatchObject({
      accounts: 1,
      capacity: 48.75,
    });
  });

  it('reports the data-quality findings', () => {
    const codes = p.findings.map((f) => `${f.code}:${f.account_id ?? f.member_id}:${f.period ?? ''}`).sort();
    expect(codes).toEqual(
      [
        'base_pay_over_cap:k2:2026-Q2',
        'contact_never_contacted:a1:',
        'contact_stale:a1:',
        'key_account_unprofitable:a2:',
        'key_without_dossier:a2:',
        'respondents_exceed_invited:a1:',
        'scores_without_financials:a2:2025-Q2',
        'scores_without_financials:a3:2026-Q2',
        'scores_without_financials:a4:2025-Q2',
        'scores_without_financials:a4:2026-Q2',
        'unscored:a4:2025-Q2',
      ].sort(),
    );
    const unscored = p.findings.find((f) => f.code === 'unscored');
    expect(unscored).toMatchObject({ severity: 'warning', params: { account_id: 'a4', period: '2025-Q2' } });
    expect(findingText(unscored!, en, formatters('en', 'USD'))).toContain('33.3%');
    expect(
      acc('a2')
        .findings.map((f) => f.code)
        .sort(),
    ).toEqual(['key_account_unprofitable', 'key_without_dossier', 'scores_without_financials']);
  });
});
