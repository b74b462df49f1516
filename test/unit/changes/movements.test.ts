/** Accounts that moved between the previous and the current period (domain, pure). */
import { describe, expect, it } from 'vitest';
import { computePortfolio } from '../../../src/domain/index.ts';
import { accountPeriodChange, periodMovements } from '../../../src/domain/movements.ts';
import { previousPeriod } from '../../../src/domain/periods.ts';
import {
  account,
  answer,
  commitment,
  datasets,
  financial,
  member,
  positioning,
  scores,
  survey,
} from '../domain/factories.ts';

// Thresholds 5: A ≥ 5 and S ≥ 5 → key; A ≥ 5, S < 5 → developing; A < 5, S ≥ 5 → maintained.
const data = datasets({
  team: [member('k1')],
  accounts: ['a', 'b', 'c', 'd', 'e'].map((id) => account(id, { name: `Acc ${id.toUpperCase()}` })),
  scores: [
    ...scores('a', '2026-Q1', { a1: 8, s1: 8 }), // key → developing
    ...scores('a', '2026-Q2', { a1: 8, s1: 2 }),
    ...scores('b', '2026-Q1', { a1: 8, s1: 8 }), // key → key: not listed
    ...scores('b', '2026-Q2', { a1: 9, s1: 9 }),
    ...scores('c', '2026-Q2', { a1: 2, s1: 8 }), // scored only now
    ...scores('d', '2026-Q1', { a1: 2, s1: 8 }), // no longer scored
    ...scores('e', '2025-Q4', { a1: 8, s1: 8 }), // not in either period: not listed
  ],
  positioning: [
    positioning('a', '2026-Q1', 8, 8),
    positioning('a', '2026-Q2', 8, 2),
    positioning('b', '2026-Q2', 2, 2),
  ],
  financials: [
    financial('a', '2026-Q1', { revenue_goods: 1000 }),
    financial('a', '2026-Q2', { revenue_goods: 1500 }),
  ],
  commitments: [
    commitment('late-old', 'a', '2026-02-01'), // overdue since before the previous period ended
    commitment('late-new', 'a', '2026-05-10'), // fell overdue in the current period
    commitment('done', 'a', '2026-05-10', { done_on: '2026-05-09' }),
  ],
  surveys: [survey('s1', 'a', '2025-12-01', 5), survey('s2', 'a', '2026-06-01', 5)],
  feedback: [answer('s1', 'r1', 'q', 6), answer('s2', 'r1', 'q', 8)],
});
const p = computePortfolio(data, { today: '2026-11-27' });

describe('periodMovements', () => {
  it('compares the current period with the previous one of the same grain', () => {
    expect(p.current_period).toBe('2026-Q2');
    expect(previousPeriod(p, '2026-Q2')).toBe('2026-Q1');
    const m = periodMovements(p);
    expect(m.before).toBe('2026-Q1');
    expect(m.selection).toEqual([
      { account_id: 'a', name: 'Acc A', change: 'moved', from: 'key', to: 'developing' },
      { account_id: 'c', name: 'Acc C', change: 'entered', from: null, to: 'maintained' },
      { account_id: 'd', name: 'Acc D', change: 'left', from: 'maintained', to: null },
    ]);
    expect(m.positioning.map((x) => `${x.account_id}:${x.change}:${x.from}→${x.to}`)).toEqual([
      'a:moved:partner→desired',
      'b:entered:null→independent',
    ]);
  });

  it('lists nothing without an earlier period', () => {
    const m = periodMovements(p, '2025-Q4');
    expect(m).toEqual({ period: '2025-Q4', before: null, selection: [], positioning: [] });
  });
});

describe('accountPeriodChange', () => {
  it('gathers an account’s changes since the previous period', () => {
    const c = accountPeriodChange(p, p.accountIndex.get('a')!);
    expect(c.segment).toEqual({ from: 'key', to: 'developing' });
    expect(c.position).toEqual({ from: 'partner', to: 'desired' });
    expect(c.strength).toEqual({ from: 8, to: 2 });
    expect(c.revenue).toEqual({ from: 1000, to: 1500 });
    expect(c.new_overdue.map((x) => x.row.commitment_id)).toEqual(['late-new']);
    expect(c.voc).toEqual({ from: 6, to: 8, date: '2026-06-01' });
  });
});
