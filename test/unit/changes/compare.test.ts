/** The pure comparison of two build snapshots, and the dashboard's summary of it. */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  compareBuilds,
  compareRows,
  summarizeChanges,
  summaryLine,
  type BuildSnapshot,
  type RowDigests,
} from '../../../src/views/changes.ts';
import type { AccountExportRow } from '../../../src/views/exports.ts';
import { messages } from '../../../src/i18n/index.ts';
import { formatters } from '../../../src/i18n/format.ts';

const row = (account_id: string, over: Partial<AccountExportRow> = {}): AccountExportRow => ({
  account_id,
  name: `Account ${account_id}`,
  kam_id: 'M1',
  status: 'active',
  period: '2026-Q2',
  attractiveness: 6,
  strength: 7,
  segment: 'key',
  supplier_position: 'partner',
  revenue: 1000,
  operating_profit: 100,
  nopat: 80,
  share_of_wallet: null,
  clv: null,
  open_commitments: 0,
  overdue_commitments: 0,
  dossier_client_value: 0,
  industry: null,
  region: null,
  health: 'green',
  signals: [],
  whitespace_value: 0,
  ...over,
});

/** Rows written as { key: digest } for short tests. */
const digests = (rows: Record<string, string>): RowDigests => ({
  keys: Object.keys(rows),
  digests: Object.values(rows),
});

const snap = (
  builtAt: string,
  accounts: AccountExportRow[],
  rows: Record<string, Record<string, string>> = {},
): BuildSnapshot => ({
  version: 1,
  builtAt,
  accounts,
  rows: Object.fromEntries(Object.entries(rows).map(([name, r]) => [name, digests(r)])),
});

describe('compareBuilds', () => {
  it('without an earlier snapshot there is nothing to compare: since null, empty lists', () => {
    expect(compareBuilds(null, snap('2026-10-14T10:42:00.000Z', [row('A')]))).toEqual({
      since: null,
      accounts: [],
      rows: {},
    });
  });

  it('lists added, removed and changed accounts with every differing field, by id', () => {
    const before = snap('2026-10-14T10:42:00.000Z', [
      row('B'),
      row('A'),
      row('C', { segment: 'developing' }),
    ]);
    const now = snap('2026-10-15T09:00:00.000Z', [
      row('A', { kam_id: 'M2' }),
      row('C', { segment: 'key', revenue: 1200, region: 'North' }),
      row('D'),
    ]);
    const c = compareBuilds(before, now);
    expect(c.since).toBe('2026-10-14T10:42:00.000Z');
    expect(c.accounts).toEqual([
      { account_id: 'A', name: 'Account A', change: 'changed', fields: { kam_id: { from: 'M1', to: 'M2' } } },
      { account_id: 'B', name: 'Account B', change: 'removed', fields: {} },
      {
        account_id: 'C',
        name: 'Account C',
        change: 'changed',
        fields: {
          segment: { from: 'developing', to: 'key' },
          revenue: { from: 1000, to: 1200 },
          region: { from: null, to: 'North' },
        },
      },
      { account_id: 'D', name: 'Account D', change: 'added', fields: {} },
    ]);
  });

  it('counts rows added, removed and changed per dataset and leaves out unchanged datasets', () => {
    const before = snap('t0', [], { financials: { a: '1', b: '2', c: '3' }, team: { m: 'x' } });
    const now = snap('t1', [], {
      financials: { a: '1', b: '9', d: '4' },
      team: { m: 'x' },
      scores: { s: '1' },
    });
    expect(compareBuilds(before, now).rows).toEqual({
      financials: { added: 1, removed: 1, changed: 1 },
      scores: { added: 1, removed: 0, changed: 0 },
    });
  });

  it('row keys that name object properties are ordinary keys', () => {
    const before = JSON.parse('{"toString":"1","__proto__":"2"}') as Record<string, string>;
    expect(compareRows(digests(before), digests({ constructor: '1' }))).toEqual({
      added: 1,
      removed: 2,
      changed: 0,
    });
  });

  it('a snapshot compared with itself has no changes (property)', () => {
    const acc = fc.record({
      id: fc.string({ minLength: 1, maxLength: 4 }),
      revenue: fc.option(fc.integer({ min: -1e6, max: 1e6 }).map((c) => c / 100)),
      kam: fc.constantFrom('M1', 'M2'),
    });
    fc.assert(
      fc.property(
        fc.uniqueArray(acc, { selector: (a) => a.id }),
        fc.dictionary(fc.string(), fc.string()),
        (list, rows) => {
          const s = snap(
            't',
            list.map((a) => row(a.id, { revenue: a.revenue, kam_id: a.kam })),
            { x: rows },
          );
          const c = compareBuilds(s, structuredClone(s));
          expect(c.accounts).toEqual([]);
          expect(c.rows).toEqual({});
        },
      ),
    );
  });

  it('row counts add up: kept + changed + removed = before, kept + changed + added = now (property)', () => {
    fc.assert(
      fc.property(
        fc.dictionary(fc.string({ maxLength: 3 }), fc.constantFrom('1', '2')),
        fc.dictionary(fc.string({ maxLength: 3 }), fc.constantFrom('1', '2')),
        (before, now) => {
          const c = compareRows(digests(before), digests(now));
          const kept = Object.keys(now).filter((k) => k in before && before[k] === now[k]).length;
          expect(kept + c.changed + c.removed).toBe(Object.keys(before).length);
          expect(kept + c.changed + c.added).toBe(Object.keys(now).length);
        },
      ),
    );
  });
});

describe('the dashboard summary', () => {
  const changes = compareBuilds(
    snap(
      '2026-10-14T10:42:00.000Z',
      [row('A', { segment: 'developing' }), row('B', { segment: 'maintained' }), row('C')],
      {
        financials: Object.fromEntries(Array.from({ length: 30 }, (_, i) => [`k${i}`, 'x'])),
      },
    ),
    snap('2026-10-15T08:00:00.000Z', [row('A'), row('B'), row('C'), row('D')], {
      financials: Object.fromEntries(Array.from({ length: 30 }, (_, i) => [`k${i}`, i < 21 ? 'y' : 'x'])),
    }),
  );

  it('counts accounts per changed field, new and removed accounts, rows per dataset', () => {
    expect(summarizeChanges(changes)).toEqual({
      fields: [{ field: 'segment', accounts: 2 }],
      added: 1,
      removed: 0,
      rows: [{ dataset: 'financials', rows: 21 }],
    });
  });

  it('reads naturally in English and Russian, with each language’s plurals', () => {
    expect(summaryLine(changes, messages('en'), formatters('en', 'USD'))).toBe(
      'Since the build of 14 Oct 2026 10:42 UTC: 2 accounts changed segment, 1 new account, 21 financial rows changed.',
    );
    const ru = summaryLine(changes, messages('ru'), formatters('ru', 'RUB'));
    expect(ru).toContain('изменения «сегмент»: 2 клиента');
    expect(ru).toContain('1 новый клиент');
    // 21 takes the singular in Russian ("21 строка"), which a "1 vs many" rule gets wrong.
    expect(ru).toContain('финансы: изменена 21 строка');
  });
});
