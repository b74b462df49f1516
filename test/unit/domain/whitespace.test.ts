/** Whitespace per account and the portfolio grid of accounts × offerings. */
import { describe, expect, it } from 'vitest';
import { computePortfolio } from '../../../src/domain/portfolio.ts';
import { accountWhitespace } from '../../../src/domain/whitespace.ts';
import { account, datasets, offering } from './factories.ts';

describe('whitespace', () => {
  it('splits an account into bought, pipeline and opportunity; whitespace = Σ opportunity value', () => {
    const w = accountWhitespace([
      offering('A', 'Valves', 'opportunity', { unit: 'Plant 2', annual_value: 0.1 }),
      offering('A', 'Valves', 'bought', { annual_value: 500 }),
      offering('A', 'Pumps', 'opportunity', { annual_value: 0.2 }),
      offering('A', 'Seals', 'opportunity'),
      offering('A', 'Audit', 'pipeline', { annual_value: 70 }),
      offering('A', 'Training', 'not_relevant', { annual_value: 9 }),
    ]);
    expect(w.whitespace_value).toBe(0.3); // in cents: never 0.30000000000000004
    expect(w.bought_value).toBe(500);
    expect(w.pipeline_value).toBe(70);
    expect(w.opportunity.map((c) => [c.offering, c.unit])).toEqual([
      ['Pumps', null],
      ['Seals', null],
      ['Valves', 'Plant 2'],
    ]);
    expect(w.rows.map((c) => `${c.offering}/${c.unit ?? ''}`)).toEqual([
      'Audit/',
      'Pumps/',
      'Seals/',
      'Training/',
      'Valves/',
      'Valves/Plant 2',
    ]);
  });
  it('is 0 without opportunities', () => {
    expect(accountWhitespace([]).whitespace_value).toBe(0);
    expect(accountWhitespace([offering('A', 'X', 'bought', { annual_value: 5 })]).whitespace_value).toBe(0);
  });
  it('builds the accounts × offerings grid with the most advanced status per cell', () => {
    const p = computePortfolio(
      datasets({
        accounts: [account('A'), account('B'), account('C')],
        offerings: [
          offering('A', 'Valves', 'opportunity', { unit: 'Plant 2', annual_value: 100 }),
          offering('A', 'Valves', 'bought', { annual_value: 50 }),
          offering('B', 'Pumps', 'opportunity', { annual_value: 300 }),
          offering('B', 'Valves', 'not_relevant'),
        ],
      }),
      { today: '2026-11-27' },
    );
    const g = p.whitespace;
    expect(g.offerings).toEqual(['Pumps', 'Valves']);
    expect(g.rows.map((r) => [r.account_id, r.whitespace_value, Object.keys(r.cells)])).toEqual([
      ['B', 300, ['Pumps', 'Valves']],
      ['A', 100, ['Valves']],
    ]);
    expect(g.rows[1]!.cells['Valves']).toMatchObject({ status: 'bought', value: 150 });
    expect(g.totals).toEqual([
      {
        offering: 'Pumps',
        bought: 0,
        pipeline: 0,
        opportunity: 1,
        not_relevant: 0,
        bought_value: 0,
        pipeline_value: 0,
        whitespace_value: 300,
      },
      {
        offering: 'Valves',
        bought: 1,
        pipeline: 0,
        opportunity: 1,
        not_relevant: 1,
        bought_value: 50,
        pipeline_value: 0,
        whitespace_value: 100,
      },
    ]);
    expect(g.whitespace_value).toBe(400);
    expect(p.accountIndex.get('C')!.whitespace.whitespace_value).toBe(0);
  });
});
