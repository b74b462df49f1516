import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computePortfolio } from '../../../src/domain/portfolio.ts';
import { BOM, csvCell, neutralise, toCsv } from '../../../src/views/csv.ts';
import { accountsCsv, accountsExport, historyExport } from '../../../src/views/exports.ts';
import { account, scores } from '../domain/factories.ts';
import { example, TODAY } from '../domain/worked-example.ts';

const p = computePortfolio(example, { today: TODAY });

describe('accountsExport', () => {
  it('has one record per account for the current period, lost and prospects included', () => {
    const rows = accountsExport(p);
    expect(rows.map((r) => [r.account_id, r.status])).toEqual([
      ['a1', 'active'],
      ['a2', 'active'],
      ['a3', 'lost'],
      ['a4', 'prospect'],
    ]);
    expect(rows[0]).toMatchObject({
      account_id: 'a1',
      name: 'ACME',
      kam_id: 'k1',
      period: '2026-Q2',
      attractiveness: 7,
      strength: 5,
      segment: 'key',
      supplier_position: 'partner',
      revenue: 125_000.6,
      operating_profit: 49_000,
      nopat: 39_200,
      clv: 72_615.32,
      open_commitments: 1,
      overdue_commitments: 1,
      dossier_client_value: 6_500.3,
    });
    // a3: lost, no financials this period → null money; dossier counts all rows
    expect(rows[2]).toMatchObject({
      revenue: null,
      nopat: null,
      supplier_position: 'desired',
      dossier_client_value: 250,
      open_commitments: 1,
    });
    expect(rows[3]).toMatchObject({ supplier_position: null, clv: null, segment: 'developing' });
    // JSON numbers, not strings
    expect(JSON.parse(JSON.stringify(rows))[0].revenue).toBe(125_000.6);
  });

  it('writes the CSV with a BOM, CRLF, neutralised text and plain numbers', () => {
    const csv = accountsCsv(p);
    expect(csv.startsWith(BOM)).toBe(true);
    const lines = csv.slice(1).split('\r\n');
    expect(lines[0]?.startsWith('account_id,name,kam_id,status,period,attractiveness,strength,segment')).toBe(
      true,
    );
    expect(lines).toHaveLength(6); // header, 4 accounts, trailing empty
    expect(lines[2]).toContain(',-2500.25,'); // a negative number stays a number
    expect(lines[3]).toContain('Гамма');
    expect(lines[4]).toContain(",'=Delta,");
  });
});

describe('an account unscored in the current period', () => {
  // a2 scored only A2 (weight 1 of 3) this quarter; a5 was lost with no scores at all.
  const data = {
    ...example,
    accounts: [...example.accounts, account('a5', { kam_id: 'k1', status: 'lost', lost_on: '2026-01-10' })],
    scores: [
      ...example.scores.filter((s) => !(s.account_id === 'a2' && s.period === '2026-Q2')),
      ...scores('a2', '2026-Q2', { A2: 3, S1: 7, S2: 8 }),
    ],
  };
  const q = computePortfolio(data, { today: TODAY });

  it('exports segment "unscored" with null A and S, in JSON, CSV and history', () => {
    const rows = accountsExport(q);
    for (const id of ['a2', 'a5'])
      expect(rows.find((r) => r.account_id === id)).toMatchObject({
        attractiveness: null,
        strength: null,
        segment: 'unscored',
      });
    expect(rows.every((r) => r.segment !== null)).toBe(true);
    const csv = accountsCsv(q).slice(1).split('\r\n');
    const header = csv[0]!.split(',');
    const a2 = csv.find((l) => l.startsWith('a2,'))!.split(',');
    expect(a2[header.indexOf('segment')]).toBe('unscored');
    expect(a2[header.indexOf('attractiveness')]).toBe('');
    const history = historyExport(q).find((e) => e.account_id === 'a2')!.periods;
    expect(history.at(-1)).toEqual({
      period: '2026-Q2',
      attractiveness: null,
      strength: null,
      segment: 'unscored',
    });
  });
});

describe('historyExport', () => {
  it('lists A, S and segment per scored period', () => {
    const h = historyExport(p);
    expect(h.find((e) => e.account_id === 'a2')?.periods).toEqual([
      { period: '2025-Q2', attractiveness: 7, strength: 2.5, segment: 'developing' },
      { period: '2026-Q2', attractiveness: 5, strength: 7.5, segment: 'key' },
    ]);
    expect(h.find((e) => e.account_id === 'a4')?.periods[0]).toEqual({
      period: '2025-Q2',
      attractiveness: null,
      strength: null,
      segment: 'unscored',
    });
    expect(h).toHaveLength(4);
  });
});

describe('toCsv', () => {
  it('quotes per RFC 4180', () => {
    const csv = toCsv(
      [
        { header: 'a', value: 'a' },
        { header: 'b', value: (r: { a: string; b: number | null }) => r.b },
      ],
      [
        { a: 'x, "y"\nz', b: -1.5 },
        { a: 'plain', b: null },
      ],
    );
    expect(csv).toBe(`${BOM}a,b\r\n"x, ""y""\nz",-1.5\r\nplain,\r\n`);
  });

  it('neutralises every text cell Excel would read as a formula, never a number', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        const cell = csvCell(s);
        const unquoted = cell.startsWith('"') ? cell.slice(1, -1).replace(/""/g, '"') : cell;
        if (/^[=+\-@\t\r]/.test(s)) expect(unquoted).toBe(`'${s}`);
        else expect(unquoted).toBe(s);
        expect(/^[=+\-@\t\r]/.test(unquoted)).toBe(false);
      }),
    );
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (n) => {
        expect(Number(csvCell(n))).toBe(n === 0 ? 0 : n);
      }),
    );
    expect(neutralise('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('\tx')).toBe("'\tx");
  });
});
