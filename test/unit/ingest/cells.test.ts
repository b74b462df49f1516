import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { columnMeta, DATASETS } from '../../../src/schema/index.ts';
import {
  CellError,
  coercerFor,
  parseDateText,
  parseNumber,
  parsePeriodText,
  serialToDate,
  type RawCell,
} from '../../../src/ingest/cells.ts';

const coerce = (dataset: keyof typeof DATASETS, column: string, cell: RawCell) => {
  const shape = DATASETS[dataset].schema.shape as Record<string, Parameters<typeof columnMeta>[0]>;
  return coercerFor(columnMeta(shape[column]!))(cell);
};
const failure = (v: unknown) => (v instanceof CellError ? v.message : `no error: ${String(v)}`);

describe('numbers (precise rule)', () => {
  it.each([
    ['1234.56', 1234.56],
    ['1 234,56', 1234.56],
    ['1,234.56', 1234.56],
    ['1.234,56', 1234.56],
    ['7,5', 7.5],
    ['1,234', 1.234],
    ['1\u00a0234', 1234],
    ['1\u202f234,5', 1234.5],
    ["1'234'567.5", 1234567.5],
    ['1’234', 1234],
    ['1,234,567', 1234567],
    ['1.234.567', 1234567],
    ['12%', 0.12],
    ['50 %', 0.5],
    ['12,5%', 0.125],
    ['-3', -3],
    ['−3,5', -3.5],
    ['+4', 4],
    ['.5', 0.5],
    ['1e3', 1000],
    ['₽1 000', 1000],
    ['1 000 ₽', 1000],
    ['1 000 руб.', 1000],
    ['1 000 руб', 1000],
    ['250 р.', 250],
    ['$12', 12],
    ['-$12.50', -12.5],
    ['$-12', -12],
    ['€ 5', 5],
    ['£5', 5],
    ['¥500', 500],
    ['USD 1,234.50', 1234.5],
    ['1 234,50 EUR', 1234.5],
    ['12 rub', 12],
    ['  42  ', 42],
  ])('%j → %d', (text, expected) => {
    expect(parseNumber(text)).toBeCloseTo(expected, 10);
  });

  it.each([
    'abc',
    '12abc',
    '1 23',
    '1 2345',
    '1,2,3',
    '1.2.3',
    '1.234.56',
    '12 QQQ',
    '$$12',
    '--5',
    '12%%',
    '',
    '1,5.3,2',
    '(12)',
    '12-',
    '1 234 5',
  ])('%j is not a number', (text) => {
    expect(parseNumber(text)).toBeUndefined();
  });

  it('reads back any number formatted with any grouping, decimal sign and currency', () => {
    const groupings = ['', ' ', '\u00a0', '\u202f', "'", ',', '.'];
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 999_999_999_999 }),
        fc.stringMatching(/^\d{0,4}$/),
        fc.constantFrom(...groupings),
        fc.constantFrom('.', ','),
        fc.constantFrom('', '$', '₽ ', 'EUR '),
        fc.constantFrom('', ' ₽', ' руб.', ' USD', '€'),
        fc.boolean(),
        (int, frac, group, decimal, prefix, suffix, negative) => {
          fc.pre(group !== decimal);
          fc.pre(prefix === '' || suffix === '');
          const grouped = String(int).replace(/\B(?=(\d{3})+(?!\d))/g, group);
          const separators = group === '' ? 0 : grouped.split(group).length - 1;
          // A single `,` or `.` grouping with no decimals reads as a decimal sign by the rule.
          fc.pre(!((group === ',' || group === '.') && frac === '' && separators === 1));
          const text = `${negative ? '-' : ''}${prefix}${grouped}${frac ? decimal + frac : ''}${suffix}`;
          const expected = (negative ? -1 : 1) * Number(`${int}.${frac || '0'}`);
          expect(parseNumber(text)).toBe(expected);
        },
      ),
      { numRuns: 2000 },
    );
  });
});

describe('dates', () => {
  it.each([
    ['2026-01-15', '2026-01-15'],
    ['2026-1-5', '2026-01-05'],
    ['15.01.2026', '2026-01-15'],
    ['5.1.2026', '2026-01-05'],
    ['10/11/2026', '2026-11-10'],
    ['2026-01-15 10:30', '2026-01-15'],
    ['2026-01-15T23:59:59Z', '2026-01-15'],
    ['46037', '2026-01-15'],
    ['29.02.2024', '2024-02-29'],
  ])('%j → %s', (text, expected) => {
    expect(parseDateText(text)).toBe(expected);
  });

  it.each(['31.02.2026', '2026-13-01', '01/15/2026', '29.02.2025', 'tomorrow', '2026/01/15x'])(
    '%j is not a date',
    (text) => {
      expect(parseDateText(text)).toBeUndefined();
    },
  );

  it('turns Excel serials into calendar dates, with the 1900 leap-year quirk', () => {
    expect(serialToDate(1)).toBe('1900-01-01');
    expect(serialToDate(59)).toBe('1900-02-28');
    expect(serialToDate(60)).toBeUndefined();
    expect(serialToDate(61)).toBe('1900-03-01');
    expect(serialToDate(46037)).toBe('2026-01-15');
    expect(serialToDate(46037.999)).toBe('2026-01-15');
    expect(serialToDate(0)).toBeUndefined();
  });
});

describe('periods', () => {
  it.each([
    ['2026', '2026'],
    ['2026-Q3', '2026-Q3'],
    ['2026-q3', '2026-Q3'],
    ['2026 Q3', '2026-Q3'],
    ['Q3 2026', '2026-Q3'],
    ['2026-07', '2026-07'],
    ['2026-7', '2026-07'],
    ['07.2026', '2026-07'],
    ['2026-07-15', '2026-07'],
    ['15.07.2026', '2026-07'],
  ])('%j → %s', (text, expected) => {
    expect(parsePeriodText(text)).toBe(expected);
  });

  it.each(['2026-Q5', '2026-13', '12345', 'next year', '26'])('%j is not a period', (text) => {
    expect(parsePeriodText(text)).toBeUndefined();
  });

  it('reads a number 1900–2100 as a year and a date cell as its month', () => {
    expect(coerce('scores', 'period', 2026)).toBe('2026');
    expect(coerce('scores', 'period', { serial: 46037 })).toBe('2026-01');
    expect(failure(coerce('scores', 'period', 1899))).toBe(
      '1899 is not a period (use YYYY, YYYY-Qn or YYYY-MM)',
    );
    expect(failure(coerce('scores', 'period', 2026.5))).toMatch(/is not a period/);
  });
});

describe('cell kinds', () => {
  it('text and ids: trimmed; numeric cells without .0 or binary noise', () => {
    expect(coerce('accounts', 'account_id', 1001)).toBe('1001');
    expect(coerce('accounts', 'account_id', 0.1 + 0.2)).toBe('0.3');
    expect(coerce('accounts', 'name', '  Acme <b>Ltd</b>  ')).toBe('Acme <b>Ltd</b>');
    expect(coerce('accounts', 'name', '   ')).toBeUndefined();
    expect(coerce('accounts', 'internal_notes', { serial: 46037 })).toBe('2026-01-15');
  });

  it('dates: date cells, Excel serial numbers and text', () => {
    expect(coerce('accounts', 'since', { serial: 46037 })).toBe('2026-01-15');
    expect(coerce('accounts', 'since', 46037)).toBe('2026-01-15');
    expect(coerce('accounts', 'since', '15.01.2026')).toBe('2026-01-15');
    expect(failure(coerce('accounts', 'since', 'soon'))).toBe(
      '"soon" is not a date (use YYYY-MM-DD, DD.MM.YYYY or DD/MM/YYYY)',
    );
    expect(failure(coerce('accounts', 'since', true))).toBe(
      'TRUE is not a date (use YYYY-MM-DD, DD.MM.YYYY or DD/MM/YYYY)',
    );
  });

  it('numbers and money: numeric cells as they are, text by the number rule', () => {
    expect(coerce('financials', 'cogs', 12.5)).toBe(12.5);
    expect(coerce('financials', 'cogs', '1 234,5 ₽')).toBe(1234.5);
    expect(coerce('financials', 'cogs', '')).toBeUndefined();
    expect(failure(coerce('financials', 'cogs', 'n/a'))).toBe('"n/a" is not a number');
    expect(failure(coerce('financials', 'cogs', false))).toBe('FALSE is not a number');
  });

  it.each([
    ['yes', true],
    ['No', false],
    ['TRUE', true],
    ['false', false],
    ['1', true],
    ['0', false],
    ['да', true],
    ['Нет', false],
    ['y', true],
    ['N', false],
    ['x', true],
    ['X', true],
    [1, true],
    [0, false],
    [true, true],
  ] as const)('bool %j → %s', (cell, expected) => {
    expect(coerce('dossier', 'validated', cell)).toBe(expected);
  });

  it('bool: blank is the column default (left to the schema), anything else is an error', () => {
    expect(coerce('contacts', 'reachable', '')).toBeUndefined();
    expect(coerce('contacts', 'reachable', undefined)).toBeUndefined();
    expect(failure(coerce('contacts', 'reachable', 'maybe'))).toBe(
      '"maybe" is not yes or no (use yes/no, true/false, 1/0, да/нет, y/n or x)',
    );
    expect(failure(coerce('contacts', 'reachable', 2))).toBe('2 is not yes or no (use 1 or 0)');
  });

  it.each([
    ['team', 'role', 'KAM', 'kam'],
    ['team', 'role', 'Team Member', 'team_member'],
    ['team', 'role', 'team-member', 'team_member'],
    ['team', 'role', 'член команды', 'team_member'],
    ['team', 'role', 'Руководитель', 'manager'],
    ['accounts', 'status', 'потерян', 'lost'],
    ['criteria', 'matrix', 'Сила', 'strength'],
    ['dossier', 'category', 'Safety Stock', 'safety_stock'],
    ['dossier', 'category', 'резервный запас', 'safety_stock'],
    ['contacts', 'dmu_role', 'лицо, принимающее решение', 'decision_maker'],
    ['contacts', 'dmu_role', 'Лицо принимающее решение', 'decision_maker'],
  ] as const)('enum %s.%s %j → %s', (ds, col, cell, expected) => {
    expect(coerce(ds, col, cell)).toBe(expected);
  });

  it('enum: anything else lists the allowed values', () => {
    expect(failure(coerce('team', 'role', 'boss'))).toBe(
      '"boss" is not one of: kam, team_member, support, manager',
    );
  });

  it('an Excel error is an error in every kind', () => {
    for (const [ds, col] of [
      ['accounts', 'name'],
      ['accounts', 'since'],
      ['scores', 'score'],
      ['scores', 'period'],
      ['dossier', 'validated'],
      ['team', 'role'],
    ] as const) {
      expect(failure(coerce(ds, col, { error: '#N/A' }))).toBe('Excel error #N/A');
    }
  });
});
