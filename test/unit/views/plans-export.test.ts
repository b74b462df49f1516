/** health, signals and whitespace_value in the accounts export; plans.json. */
import { describe, expect, it } from 'vitest';
import { computePortfolio } from '../../../src/domain/portfolio.ts';
import { accountsCsv, accountsExport, plansExport } from '../../../src/views/exports.ts';
import {
  account,
  action,
  commitment,
  criterion,
  datasets,
  financial,
  objective,
  offering,
  scores,
} from '../domain/factories.ts';

const TODAY = '2026-11-27';
const p = computePortfolio(
  datasets({
    criteria: [criterion('a1', 'attractiveness'), criterion('s1', 'strength')],
    accounts: [account('A'), account('B'), account('L', { status: 'lost', lost_on: '2026-05-01' })],
    scores: ['A', 'B', 'L'].flatMap((id) => scores(id, '2026-Q3', { a1: 8, s1: 8 })),
    financials: [
      financial('A', '2026-Q3', { revenue_goods: 100, cogs: 200 }),
      financial('L', '2026-Q3', { revenue_goods: 100, cogs: 200 }),
    ],
    commitments: [commitment('K1', 'A', '2026-01-01'), commitment('K2', 'L', '2026-01-01')],
    offerings: [
      offering('A', 'Valves', 'opportunity', { annual_value: 1200.5 }),
      offering('A', 'Pumps', 'opportunity', { unit: 'Plant 2', annual_value: 300 }),
      offering('A', 'Seals', 'bought', { annual_value: 999 }),
    ],
    objectives: [
      objective('O1', 'A', { kind: 'growth', baseline: 10, target: 20, current: 12, due: '2027-03-31' }),
      objective('O2', 'B', { kind: 'retention', target: 1, due: '2026-06-30' }),
    ],
    actions: [
      action('X1', 'O1', '2026-11-26', { owner_id: 'k2' }),
      action('X2', 'O1', '2026-11-27', { done_on: '2026-11-20' }),
    ],
  }),
  { today: TODAY },
);

describe('accounts export: health, signals, whitespace', () => {
  const rows = accountsExport(p);
  it('has the sorted signal codes, health and whitespace value per account', () => {
    expect(rows.map((r) => [r.account_id, r.health, r.signals, r.whitespace_value])).toEqual([
      ['A', 'red', ['loss_making_key', 'overdue_commitment'], 1500.5],
      ['B', 'green', [], 0],
      ['L', null, [], 0],
    ]);
  });
  it('writes them to the CSV, signals as one space-separated cell', () => {
    const lines = accountsCsv(p).slice(1).split('\r\n');
    const head = lines[0]!.split(',');
    const cell = (i: number, col: string) => lines[i]!.split(',')[head.indexOf(col)];
    expect(head.slice(-3)).toEqual(['health', 'whitespace_value', 'signals']);
    expect([cell(1, 'health'), cell(1, 'whitespace_value'), cell(1, 'signals')]).toEqual([
      'red',
      '1500.5',
      'loss_making_key overdue_commitment',
    ]);
    expect([cell(3, 'health'), cell(3, 'signals')]).toEqual(['', '']);
  });
});

describe('plans.json', () => {
  it('has one record per objective with its actions', () => {
    expect(plansExport(p)).toEqual([
      {
        objective_id: 'O1',
        account_id: 'A',
        title: 'Objective O1',
        kind: 'growth',
        baseline: 10,
        target: 20,
        current: 12,
        progress: 0.2,
        due: '2027-03-31',
        state: 'at_risk',
        actions: [
          {
            action_id: 'X1',
            title: 'Action X1',
            owner_id: 'k2',
            due: '2026-11-26',
            done_on: null,
            overdue: true,
          },
          {
            action_id: 'X2',
            title: 'Action X2',
            owner_id: 'k1',
            due: '2026-11-27',
            done_on: '2026-11-20',
            overdue: false,
          },
        ],
      },
      {
        objective_id: 'O2',
        account_id: 'B',
        title: 'Objective O2',
        kind: 'retention',
        baseline: null,
        target: 1,
        current: null,
        progress: null,
        due: '2026-06-30',
        state: 'overdue',
        actions: [],
      },
    ]);
  });
  it('carries no internal notes or other source-row fields', () => {
    const json = JSON.stringify(plansExport(p));
    expect(json).not.toContain('internal_notes');
    expect(json).not.toContain('client_visible');
  });
});
