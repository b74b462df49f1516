/** Early-warning signals at their thresholds, and health, through the whole portfolio step. */
import { describe, expect, it } from 'vitest';
import { computePortfolio } from '../../../src/domain/portfolio.ts';
import { isSegmentDown, revenueDropSignal, vocDropSignal } from '../../../src/domain/signals.ts';
import { surveyResult } from '../../../src/domain/voc.ts';
import type { Datasets } from '../../../src/schema/index.ts';
import {
  account,
  answer,
  commitment,
  contact,
  criterion,
  datasets,
  financial,
  positioning,
  scores,
  survey,
} from './factories.ts';

const TODAY = '2026-11-27';
const Q = ['2024-Q4', '2025-Q1', '2025-Q2', '2025-Q3', '2025-Q4', '2026-Q1', '2026-Q2', '2026-Q3'];

/** One active account "A", key in 2026-Q2 and 2026-Q3 unless overridden. */
function run(over: Partial<Omit<Datasets, 'settings'>> = {}, settings = {}) {
  const data = datasets({
    settings,
    criteria: [criterion('a1', 'attractiveness'), criterion('s1', 'strength')],
    accounts: [account('A')],
    scores: [...scores('A', '2026-Q2', { a1: 8, s1: 8 }), ...scores('A', '2026-Q3', { a1: 8, s1: 8 })],
    ...over,
  });
  const p = computePortfolio(data, { today: TODAY });
  return p.accountIndex.get('A')!;
}
const codes = (a: { signals: { code: string }[] }) => a.signals.map((s) => s.code);

describe('voc_drop', () => {
  const s = (id: string, date: string, ...values: number[]) =>
    surveyResult(
      survey(id, 'A', date, 5),
      values.map((v, i) => answer(id, `r${i}`, 'q', v)),
    );
  it('fires when the latest mean is at least the threshold below the previous one', () => {
    expect(vocDropSignal([s('S1', '2026-01-01', 8), s('S2', '2026-06-01', 7)], 1)).toMatchObject({
      code: 'voc_drop',
      previous_mean: 8,
      latest_mean: 7,
      drop: 1,
    });
    // Means of several answers: 7.1 − 6.1 is 0.9999999999999991 in binary, still a drop of 1.
    expect(vocDropSignal([s('S1', '2026-01-01', 7.1), s('S2', '2026-06-01', 6.1)], 1)).not.toBeNull();
    expect(vocDropSignal([s('S1', '2026-01-01', 8), s('S2', '2026-06-01', 7.0001)], 1)).toBeNull();
  });
  it('compares the latest surveys that have feedback, by date', () => {
    const list = [
      s('S3', '2026-09-01'),
      s('S2', '2026-06-01', 5),
      s('S1', '2026-01-01', 9),
      s('S0', '2025-01-01', 2),
    ];
    expect(vocDropSignal(list, 1)).toMatchObject({
      latest_survey_id: 'S2',
      previous_survey_id: 'S1',
      drop: 4,
    });
    expect(vocDropSignal([s('S1', '2026-01-01', 9)], 1)).toBeNull();
  });
});

describe('revenue_drop', () => {
  it('fires at exactly the threshold share, not just below it', () => {
    expect(revenueDropSignal(85, 100, 0.15)).toEqual({
      code: 'revenue_drop',
      revenue: 85,
      previous: 100,
      drop: 0.15,
      threshold: 0.15,
    });
    expect(revenueDropSignal(1_292_000, 1_520_000, 0.15)).not.toBeNull();
    expect(revenueDropSignal(85.01, 100, 0.15)).toBeNull();
    expect(revenueDropSignal(10, 0, 0.15)).toBeNull();
  });
  const fin = (periods: string[], last: number) =>
    periods.map((p) =>
      financial('A', p, { revenue_goods: p.startsWith('2026') || p === '2025-Q4' ? last : 100 }),
    );
  it('needs both spans fully covered by financials', () => {
    // Last 12 months (2025-Q4…2026-Q3) 4 × 80 against 4 × 100 before: a 20 % drop.
    const a = run({ financials: fin(Q, 80) });
    expect(a.signals.find((x) => x.code === 'revenue_drop')).toMatchObject({
      revenue: 320,
      previous: 400,
      drop: 0.2,
    });
    // The earlier span misses 2024-Q4: no signal.
    expect(codes(run({ financials: fin(Q.slice(1), 80) }))).not.toContain('revenue_drop');
    // The current span misses a quarter: no signal.
    expect(
      codes(
        run({
          financials: fin(
            Q.filter((p) => p !== '2026-Q1'),
            0,
          ),
        }),
      ),
    ).not.toContain('revenue_drop');
  });
  it('a year row covers its 12 months', () => {
    const rows = [
      financial('A', '2025', { revenue_goods: 400 }),
      ...['2026-Q1', '2026-Q2', '2026-Q3'].map((p) => financial('A', p, { revenue_goods: 50 })),
    ];
    // Current period 2025-Q4 → spans 2025 (covered by the year row) and 2024 (missing).
    const data = {
      financials: rows,
      scores: [...scores('A', '2025-Q3', { a1: 8, s1: 8 }), ...scores('A', '2025-Q4', { a1: 8, s1: 8 })],
    };
    expect(codes(run(data, { current_period: '2025-Q4' }))).not.toContain('revenue_drop');
    const withYear = [...rows, financial('A', '2024', { revenue_goods: 600 })];
    expect(codes(run({ ...data, financials: withYear }, { current_period: '2025-Q4' }))).toContain(
      'revenue_drop',
    );
  });
});

describe('overdue_commitment', () => {
  it('fires when today − due is more than the setting, and names the commitments', () => {
    const at = (days: number) => {
      const d = new Date(Date.UTC(2026, 10, 27 - days)).toISOString().slice(0, 10);
      return run({
        commitments: [
          commitment('K1', 'A', d),
          commitment('K2', 'A', '2026-01-01', { done_on: '2026-11-01' }),
        ],
      });
    };
    expect(codes(at(30))).not.toContain('overdue_commitment');
    expect(at(31).signals).toContainEqual({
      code: 'overdue_commitment',
      commitments: [{ commitment_id: 'K1', description: 'K1', due: '2026-10-27', days_overdue: 31 }],
      max_days_overdue: 31,
      threshold: 30,
    });
  });
  it('follows signal_overdue_days', () => {
    const a = run({ commitments: [commitment('K1', 'A', '2026-11-20')] }, { signal_overdue_days: 6 });
    expect(codes(a)).toContain('overdue_commitment');
  });
});

describe('champion_unreachable', () => {
  const one = (over: Parameters<typeof contact>[2]) =>
    codes(run({ contacts: [contact('C1', 'A', { last_contact: TODAY, ...over })] }));
  it('fires for attitude ≥ +1 and influence ≥ 4 when unreachable', () => {
    expect(one({ attitude: 1, influence: 4, reachable: false })).toEqual(['champion_unreachable']);
    expect(one({ attitude: 2, influence: 5, reachable: false })).toEqual(['champion_unreachable']);
  });
  it('not for attitude 0, influence 3, a reachable champion, or unknown attitude', () => {
    expect(one({ attitude: 0, influence: 5, reachable: false })).toEqual([]);
    expect(one({ attitude: 2, influence: 3, reachable: false })).toEqual([]);
    expect(one({ attitude: 2, influence: 5, reachable: true })).toEqual([]);
    expect(one({ influence: 5, reachable: false })).toEqual([]);
  });
});

describe('no_recent_contact', () => {
  const last = (...dates: (string | undefined)[]) =>
    run({ contacts: dates.map((d, i) => contact(`C${i}`, 'A', d ? { last_contact: d } : {})) });
  it('fires when the latest contact is more than the setting ago', () => {
    expect(codes(last('2026-08-29'))).toEqual([]); // 90 days
    expect(last('2026-08-28', '2026-01-01').signals).toEqual([
      { code: 'no_recent_contact', last_contact: '2026-08-28', days_since: 91, threshold: 90 },
    ]);
  });
  it('is silent when no contact carries a date', () => {
    expect(codes(last(undefined, undefined))).toEqual([]);
    expect(codes(run())).toEqual([]);
  });
});

describe('segment_down and position_down', () => {
  it('key → anything, developing or maintained → opportunistic', () => {
    expect(isSegmentDown('key', 'developing')).toBe(true);
    expect(isSegmentDown('key', 'opportunistic')).toBe(true);
    expect(isSegmentDown('developing', 'opportunistic')).toBe(true);
    expect(isSegmentDown('maintained', 'opportunistic')).toBe(true);
    expect(isSegmentDown('developing', 'maintained')).toBe(false);
    expect(isSegmentDown('opportunistic', 'opportunistic')).toBe(false);
    expect(isSegmentDown('maintained', 'key')).toBe(false);
  });
  it('compares the current period with the scored period just before it', () => {
    const s = [
      ...scores('A', '2026-Q1', { a1: 2, s1: 2 }),
      ...scores('A', '2026-Q2', { a1: 8, s1: 8 }),
      ...scores('A', '2026-Q3', { a1: 8, s1: 2 }),
    ];
    expect(run({ scores: s }).signals).toEqual([
      { code: 'segment_down', from_period: '2026-Q2', to_period: '2026-Q3', from: 'key', to: 'developing' },
    ]);
  });
  it('no signal when either period is unscored or missing', () => {
    const onlyNow = scores('A', '2026-Q3', { a1: 2, s1: 2 });
    const other = scores('B', '2026-Q2', { a1: 8, s1: 8 });
    expect(codes(run({ accounts: [account('A'), account('B')], scores: [...onlyNow, ...other] }))).toEqual(
      [],
    );
    const unscoredNow = [...scores('A', '2026-Q2', { a1: 8, s1: 8 }), ...scores('A', '2026-Q3', { a1: 2 })];
    expect(codes(run({ scores: unscoredNow }))).toEqual([]);
  });
  it('position_down from partner to any other position', () => {
    const pos = (r: number, s: number) => [
      positioning('A', '2026-Q2', 8, 8),
      positioning('A', '2026-Q3', r, s),
    ];
    expect(run({ positioning: pos(8, 2) }).signals).toEqual([
      { code: 'position_down', from_period: '2026-Q2', to_period: '2026-Q3', from: 'partner', to: 'desired' },
    ]);
    expect(codes(run({ positioning: pos(8, 8) }))).toEqual([]);
    expect(codes(run({ positioning: [positioning('A', '2026-Q3', 1, 1)] }))).toEqual([]);
  });
});

describe('loss_making_key', () => {
  it('a key account with negative NOPAT over the last 12 months', () => {
    const loss = [financial('A', '2026-Q3', { revenue_goods: 100, cogs: 150 })];
    expect(run({ financials: loss }).signals).toEqual([{ code: 'loss_making_key', nopat: -50 }]);
    const even = [financial('A', '2026-Q3', { revenue_goods: 100, cogs: 100 })];
    expect(codes(run({ financials: even }))).toEqual([]);
    const notKey = scores('A', '2026-Q3', { a1: 8, s1: 2 });
    expect(
      codes(run({ financials: loss, scores: [...scores('A', '2026-Q2', { a1: 8, s1: 2 }), ...notKey] })),
    ).toEqual([]);
  });
});

describe('health', () => {
  const late = [commitment('K1', 'A', '2026-01-01')];
  const loss = [financial('A', '2026-Q3', { revenue_goods: 100, cogs: 150 })];
  it('green with no signal, amber with one, red with two or more', () => {
    expect(run().health).toBe('green');
    expect(run({ commitments: late }).health).toBe('amber');
    expect(run({ commitments: late, financials: loss })).toMatchObject({
      health: 'red',
      signals: [{ code: 'loss_making_key' }, { code: 'overdue_commitment' }],
    });
  });
  it('null with no signals for lost accounts and prospects', () => {
    for (const status of ['lost', 'prospect'] as const) {
      const a = run({
        accounts: [account('A', { status, lost_on: '2026-01-01' })],
        commitments: late,
        financials: loss,
      });
      expect(a).toMatchObject({ health: null, signals: [] });
    }
  });
  it('the portfolio lists warned accounts, most signals first, and counts colours', () => {
    const data = datasets({
      criteria: [criterion('a1', 'attractiveness'), criterion('s1', 'strength')],
      accounts: [account('A'), account('B'), account('C'), account('D', { status: 'prospect' })],
      scores: ['A', 'B', 'C'].flatMap((id) => scores(id, '2026-Q3', { a1: 8, s1: 8 })),
      commitments: [commitment('K1', 'A', '2026-01-01'), commitment('K2', 'B', '2026-01-01')],
      financials: [financial('B', '2026-Q3', { revenue_goods: 1, cogs: 2 })],
    });
    const p = computePortfolio(data, { today: TODAY });
    expect(p.early_warning.accounts.map((a) => [a.account_id, a.health])).toEqual([
      ['B', 'red'],
      ['A', 'amber'],
    ]);
    expect(p.early_warning.health).toEqual({ green: 1, amber: 1, red: 1 });
    expect(p.early_warning.previous_period).toBeNull();
  });
});
