/**
 * A fast path around zod for the common valid row, derived from the zod definitions
 * themselves: for each column, a test that says "zod would accept this coerced value
 * unchanged", read from the column's zod checks. A column whose definition holds anything
 * not understood here gets no test, and its rows always go through zod. Any row that is
 * not plainly valid goes through zod too, so messages always come from zod.
 *
 * On ~600k score rows this saves about as much time as SheetJS takes to read the CSV.
 * test/unit/ingest/fast.test.ts checks that both paths give the same records.
 */
import type { z } from 'zod';

export type Accepts = (value: unknown) => boolean;

interface Def {
  type: string;
  innerType?: { _zod: { def: Def } };
  checks?: { _zod: { def: CheckDef } }[];
  entries?: Record<string, unknown>;
}

interface CheckDef {
  check: string;
  when?: unknown;
  minimum?: number;
  maximum?: number;
  value?: number;
  inclusive?: boolean;
  format?: string;
}

function defOf(type: { _zod: { def: unknown } }): Def {
  return type._zod.def as Def;
}

const isString: Accepts = (v) => typeof v === 'string';
const isNumber: Accepts = (v) => typeof v === 'number' && Number.isFinite(v);
const isBoolean: Accepts = (v) => typeof v === 'boolean';

// zod guards length checks with a `when` that only asks whether the value has a length,
// which the base type test already settles; any other conditional check is not understood.
const GUARDED = new Set(['min_length', 'max_length']);

function checkTest(c: CheckDef): Accepts | undefined {
  if (c.when !== undefined && !GUARDED.has(c.check)) return undefined;
  switch (c.check) {
    case 'min_length': {
      const min = c.minimum!;
      return (v) => (v as string).length >= min;
    }
    case 'max_length': {
      const max = c.maximum!;
      return (v) => (v as string).length <= max;
    }
    case 'greater_than': {
      const x = c.value!;
      return c.inclusive ? (v) => (v as number) >= x : (v) => (v as number) > x;
    }
    case 'less_than': {
      const x = c.value!;
      return c.inclusive ? (v) => (v as number) <= x : (v) => (v as number) < x;
    }
    case 'number_format':
      return c.format === 'safeint' ? (v) => Number.isSafeInteger(v) : undefined;
    default:
      return undefined;
  }
}

/** The acceptance test for a column's zod type, or undefined when it cannot be derived. */
export function acceptsOf(type: z.ZodType): Accepts | undefined {
  let def = defOf(type as unknown as { _zod: { def: unknown } });
  while ((def.type === 'optional' || def.type === 'default') && def.innerType) def = def.innerType._zod.def;
  let base: Accepts;
  if (def.type === 'string') base = isString;
  else if (def.type === 'number') base = isNumber;
  else if (def.type === 'boolean') base = isBoolean;
  else if (def.type === 'enum' && def.entries) {
    const allowed = new Set(Object.values(def.entries));
    base = (v) => typeof v === 'string' && allowed.has(v);
  } else return undefined;
  const tests: Accepts[] = [];
  for (const c of def.checks ?? []) {
    const t = checkTest(c._zod.def);
    if (!t) return undefined;
    tests.push(t);
  }
  if (tests.length === 0) return base;
  return (v) => {
    if (!base(v)) return false;
    for (let i = 0; i < tests.length; i++) if (!tests[i]!(v)) return false;
    return true;
  };
}

/** What zod makes of a blank cell: its default, undefined for optional, or not accepted. */
export function blankOf(type: z.ZodType): { ok: boolean; value: unknown } {
  const r = type.safeParse(undefined);
  return r.success ? { ok: true, value: r.data } : { ok: false, value: undefined };
}
