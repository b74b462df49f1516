/** Account plans: measured current, progress, state order and overdue actions. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  isActionOverdue,
  objectiveCurrent,
  objectiveProgress,
  objectiveState,
} from '../../../src/domain/plans.ts';
import { computePortfolio } from '../../../src/domain/portfolio.ts';
import {
  account,
  action,
  answer,
  criterion,
  datasets,
  financial,
  objective,
  scores,
  survey,
} from './factories.ts';

const TODAY = '2026-11-27';
const noMeasures = { share_of_wallet: null, nopat_12m: null, latest_survey_mean: null };

describe('objective current', () => {
  const m = { share_of_wallet: 0.3, nopat_12m: -1200.5, latest_survey_mean: 7.25 };
  it('measures share of wallet, profitability and satisfaction when blank', () => {
    expect(objectiveCurrent({ kind: 'share_of_wallet', current: undefined }, m)).toEqual({
      current: 0.3,
      source: 'measured',
    });
    expect(objectiveCurrent({ kind: 'profitability', current: undefined }, m).current).toBe(-1200.5);
    expect(objectiveCurrent({ kind: 'satisfaction', current: undefined }, m).current).toBe(7.25);
  });
  it('a written current always wins, even 0', () => {
    expect(objectiveCurrent({ kind: 'satisfaction', current: 0 }, m)).toEqual({
      current: 0,
      source: 'given',
    });
  });
  it('other kinds and missing measures give no current', () => {
    for (const kind of ['retention', 'growth', 'relationship', 'other'] as const) {
      expect(objectiveCurrent({ kind, current: undefined }, m)).toEqual({ current: null, source: null });
    }
    expect(objectiveCurrent({ kind: 'share_of_wallet', current: undefined }, noMeasures).current).toBeNull();
  });
});

describe('objective progress', () => {
  it('is (current − baseline) / (target − baseline), or current / target without a baseline', () => {
    expect(objectiveProgress(30, 50, 20)).toBe(0.3333);
    expect(objectiveProgress(30, 40, null)).toBe(0.75);
    expect(objectiveProgress(10, 50, 20)).toBe(-0.3333);
    expect(objectiveProgress(80, 50, 20)).toBe(2);
    // Falling targets (cut cost from 100 to 60): 80 is half way.
    expect(objectiveProgress(80, 60, 100)).toBe(0.5);
  });
  it('is null without current, when target = baseline, or target 0 without a baseline', () => {
    expect(objectiveProgress(null, 50, 20)).toBeNull();
    expect(objectiveProgress(30, 20, 20)).toBeNull();
    expect(objectiveProgress(30, 0, null)).toBeNull();
  });
  const num = fc.integer({ min: -1_000_000, max: 1_000_000 }).map((n) => n / 100);
  it('property: baseline gives 0, target gives 1, and it is rounded to 4 decimals', () => {
    fc.assert(
      fc.property(num, num, num, (b, t, c) => {
        fc.pre(t !== b);
        expect(objectiveProgress(b, t, b)).toBe(0);
        expect(objectiveProgress(t, t, b)).toBe(1);
        const p = objectiveProgress(c, t, b)!;
        expect(Math.round(p * 10_000) / 10_000).toBe(p);
        expect(Math.abs(p - (c - b) / (t - b))).toBeLessThanOrEqual(0.00005 + 1e-9);
      }),
    );
  });
  it('property: moving current towards the target never lowers progress', () => {
    fc.assert(
      fc.property(num, num, num, num, (b, t, c1, c2) => {
        fc.pre(t !== b);
        const dir = Math.sign(t - b);
        const [lo, hi] = dir * c1 <= dir * c2 ? [c1, c2] : [c2, c1];
        expect(objectiveProgress(lo, t, b)!).toBeLessThanOrEqual(objectiveProgress(hi, t, b)!);
      }),
    );
  });
  it('property: no baseline is baseline 0', () => {
    fc.assert(
      fc.property(num, num, (t, c) => {
        expect(objectiveProgress(c, t, null)).toBe(objectiveProgress(c, t, 0));
      }),
    );
  });
});

describe('objective state', () => {
  const open = { status: 'open' as const, due: '2027-01-31' };
  const late = [{ overdue: true }];
  it('goes dropped, achieved, overdue, at_risk, on_track: the first that applies', () => {
    expect(objectiveState({ status: 'dropped', due: '2026-01-01' }, 1.5, late, TODAY)).toBe('dropped');
    expect(objectiveState({ status: 'done', due: '2026-01-01' }, 0.1, late, TODAY)).toBe('achieved');
    expect(objectiveState({ status: 'open', due: '2026-01-01' }, 1, late, TODAY)).toBe('achieved');
    expect(objectiveState({ status: 'open', due: '2026-11-26' }, 0.9999, late, TODAY)).toBe('overdue');
    expect(objectiveState(open, 0.5, late, TODAY)).toBe('at_risk');
    expect(objectiveState(open, 0.5, [{ overdue: false }], TODAY)).toBe('on_track');
    expect(objectiveState(open, null, [], TODAY)).toBe('on_track');
  });
  it('due today is not overdue; progress 0.9999 is not achieved', () => {
    expect(objectiveState({ status: 'open', due: TODAY }, 0.9999, [], TODAY)).toBe('on_track');
  });
  it('an action is overdue when not done and due < today, whatever its objective', () => {
    expect(isActionOverdue({ due: '2026-11-26', done_on: undefined }, TODAY)).toBe(true);
    expect(isActionOverdue({ due: TODAY, done_on: undefined }, TODAY)).toBe(false);
    expect(isActionOverdue({ due: '2026-01-01', done_on: '2026-11-27' }, TODAY)).toBe(false);
  });
});

describe('plans in the portfolio', () => {
  const data = datasets({
    criteria: [criterion('a1', 'attractiveness'), criterion('s1', 'strength')],
    accounts: [account('A', { wallet: 1000 }), account('B')],
    scores: [...scores('A', '2026-Q3', { a1: 8, s1: 8 }), ...scores('B', '2026-Q3', { a1: 8, s1: 8 })],
    financials: ['2025-Q4', '2026-Q1', '2026-Q2', '2026-Q3'].map((p) =>
      financial('A', p, { revenue_goods: 100, cogs: 50 }),
    ),
    surveys: [
      survey('S1', 'A', '2026-03-01', 3),
      survey('S2', 'A', '2026-09-01', 3),
      survey('S3', 'A', '2026-10-01', 3),
    ],
    feedback: [answer('S1', 'r', 'q', 9), answer('S2', 'r', 'q', 6), answer('S2', 'r2', 'q', 7)],
    objectives: [
      objective('O1', 'A', { kind: 'share_of_wallet', baseline: 0.2, target: 0.6 }),
      objective('O2', 'A', { kind: 'profitability', target: 320 }),
      objective('O3', 'A', { kind: 'satisfaction', baseline: 6, target: 8, due: '2026-11-26' }),
      objective('O4', 'B', { kind: 'share_of_wallet', target: 0.5, current: 0.1 }),
      objective('O5', 'B', { kind: 'growth', target: 10 }),
    ],
    actions: [
      action('X1', 'O1', '2026-11-01'),
      action('X2', 'O1', '2026-12-01'),
      action('X3', 'O5', '2026-10-01', { owner_id: 'k2' }),
      action('X4', 'O5', '2026-10-01', { done_on: '2026-10-05' }),
    ],
  });
  const p = computePortfolio(data, { today: TODAY });
  const byId = new Map(p.plans.objectives.map((o) => [o.objective_id, o]));

  it('measures blank currents from the account', () => {
    // 400 revenue / 1000 wallet; NOPAT 4 × (50 − 10 tax) = 160; latest survey with answers = S2 (6.5).
    expect(byId.get('O1')).toMatchObject({
      current: 0.4,
      progress: 0.5,
      state: 'at_risk',
      overdue_actions: 1,
    });
    expect(byId.get('O2')).toMatchObject({ current: 160, progress: 0.5, current_source: 'measured' });
    expect(byId.get('O3')).toMatchObject({ current: 6.5, progress: 0.25, state: 'overdue' });
    expect(byId.get('O4')).toMatchObject({ current: 0.1, current_source: 'given', progress: 0.2 });
    expect(byId.get('O5')).toMatchObject({ current: null, progress: null, state: 'at_risk' });
  });
  it('lists overdue actions portfolio-wide, most overdue first, and by owner', () => {
    expect(p.plans.overdue_actions.map((a) => [a.action_id, a.days_overdue, a.account_id])).toEqual([
      ['X3', 57, 'B'],
      ['X1', 26, 'A'],
    ]);
    expect(p.plans.overdue_actions_by_owner.map((g) => [g.owner_id, g.actions.length])).toEqual([
      ['k1', 1],
      ['k2', 1],
    ]);
    expect(p.plans.by_state).toEqual({ overdue: 1, at_risk: 2, on_track: 2, achieved: 0, dropped: 0 });
  });
  it('orders an account plan by state, then due date', () => {
    expect(p.accountIndex.get('A')!.plan.objectives.map((o) => o.objective_id)).toEqual(['O3', 'O1', 'O2']);
  });
});
