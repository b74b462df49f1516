import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { DATASET_NAMES, type CellKind } from '../../../src/schema/index.ts';
import { CellError, type RawCell } from '../../../src/ingest/cells.ts';
import { acceptsOf } from '../../../src/ingest/fast.ts';
import { datasetInfo, type ColumnInfo } from '../../../src/ingest/plan.ts';
import { Problems } from '../../../src/ingest/problems.ts';
import { emptyRows, newSeenValues, validateSheet } from '../../../src/ingest/validate.ts';

// Raw cells whose coercion is either the value itself or an error: valid, boundary and wrong ones.
const POOL: Record<CellKind, RawCell[]> = {
  id: [undefined, '', 'a1', 'A 2', 7],
  text: [undefined, '', 'x', 'Иван', 12.5],
  number: [undefined, 0, -1, 0.5, 1, 5, 10, 10.5, 11, 1e9, '3,5', 'n/a', true],
  integer: [undefined, 0, 1, 2.5, 3, 5, 6, -2, -3, 1e20],
  money: [undefined, 0, -5, 1234.56, '1 000 ₽'],
  date: [undefined, '2026-01-15', 46037, 'soon'],
  bool: [undefined, true, false, 'да', 'maybe'],
  period: [undefined, '2026', '2026-Q3', 2026, '2026-Q5'],
  enum: [undefined, 'bogus'],
};

function pool(col: ColumnInfo): RawCell[] {
  return col.meta.kind === 'enum' ? [...POOL.enum, ...(col.meta.values ?? [])] : POOL[col.meta.kind];
}

describe('the fast path gives exactly what zod gives', () => {
  it.each(DATASET_NAMES)('%s', (name) => {
    const info = datasetInfo(name);
    const columns = info.columns;
    fc.assert(
      fc.property(
        fc.array(fc.tuple(...columns.map((c) => fc.constantFrom(...pool(c)))), {
          minLength: 1,
          maxLength: 20,
        }),
        (rows) => {
          const out = emptyRows();
          validateSheet(
            info,
            { name, rows: [columns.map((c) => c.name), ...rows], hidden: false },
            { file: 'f', sheet: name, order: 0 },
            new Problems(),
            out,
            newSeenValues(),
          );
          const expected: { row: number; rec: unknown }[] = [];
          rows.forEach((cells, i) => {
            if (cells.every((c) => c === undefined || c === '')) return;
            const rec: Record<string, unknown> = {};
            for (const [k, col] of columns.entries()) {
              const v = col.coerce(cells[k]);
              if (v instanceof CellError) return;
              if (v !== undefined) rec[col.name] = v;
            }
            const res = info.schema.safeParse(rec);
            if (res.success) expected.push({ row: i + 2, rec: res.data });
          });
          const actual = out.records.map((rec, i) => ({ row: out.rows[i], rec }));
          expect(JSON.stringify(actual)).toBe(JSON.stringify(expected));
          expect(actual).toEqual(expected);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('derives no test from a definition it does not understand', () => {
    expect(acceptsOf(z.string().regex(/^[A-Z]{3}$/))).toBeUndefined();
    expect(acceptsOf(z.number().multipleOf(5))).toBeUndefined();
    expect(acceptsOf(z.union([z.string(), z.number()]))).toBeUndefined();
    const score = acceptsOf(z.number().int().min(1).max(5).default(3))!;
    expect([1, 5, 3].map(score)).toEqual([true, true, true]);
    expect([0, 6, 2.5, Number.NaN, '3'].map(score)).toEqual([false, false, false, false, false]);
    expect(acceptsOf(z.number().gt(0))!(0)).toBe(false);
  });
});
