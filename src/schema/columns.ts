/**
 * Column builders: each returns a zod type for the *coerced* cell value and registers the
 * column's metadata (cell kind, Russian aliases, documentation) in one registry.
 *
 * The dataset schemas in `datasets.ts` are built only from these, so the zod schema is the
 * single source of truth for validation, the template workbook, the column docs and the
 * error messages.
 */
import { z } from 'zod';

/** How a raw spreadsheet cell is turned into a value before zod validates it. */
export type CellKind = 'id' | 'text' | 'number' | 'integer' | 'money' | 'date' | 'bool' | 'period' | 'enum';

export interface ColumnMeta {
  kind: CellKind;
  /** English documentation shown in the template README sheet and the data docs. */
  doc: string;
  /** Russian header aliases, matched like the English name. */
  ru: readonly string[];
  /** Enum values (for `enum` columns) and their accepted Russian labels. */
  values?: readonly string[];
  labelsRu?: Readonly<Record<string, string>>;
  /** `dataset.column` this value must resolve to. */
  ref?: string;
  /** Inclusive bounds, for docs and the template's validation lists. */
  min?: number;
  max?: number;
  /** Default used when the cell is blank, for docs. */
  defaultValue?: string | number | boolean;
}

export const columnRegistry = z.registry<ColumnMeta>();

interface Opts {
  ru?: readonly string[];
  ref?: string;
}

function register<T extends z.ZodType>(type: T, meta: ColumnMeta): T {
  columnRegistry.add(type, meta);
  return type;
}

function wholeNumber(o: { min?: number; max?: number }) {
  let t = z.number().int('must be a whole number');
  if (o.min !== undefined) t = t.min(o.min, `must be at least ${o.min}`);
  if (o.max !== undefined) t = t.max(o.max, `must be at most ${o.max}`);
  return t;
}

const required = {
  id: (doc: string, o: Opts = {}) =>
    register(z.string().min(1, 'must not be empty'), { kind: 'id', doc, ru: o.ru ?? [], ref: o.ref }),
  text: (doc: string, o: Opts = {}) =>
    register(z.string().min(1, 'must not be empty'), { kind: 'text', doc, ru: o.ru ?? [] }),
  date: (doc: string, o: Opts = {}) => register(z.string(), { kind: 'date', doc, ru: o.ru ?? [] }),
  period: (doc: string, o: Opts = {}) => register(z.string(), { kind: 'period', doc, ru: o.ru ?? [] }),
  number: (doc: string, o: Opts & { min?: number; max?: number; gt?: number } = {}) => {
    let t = z.number();
    if (o.min !== undefined) t = t.min(o.min, `must be at least ${o.min}`);
    if (o.max !== undefined) t = t.max(o.max, `must be at most ${o.max}`);
    if (o.gt !== undefined) t = t.gt(o.gt, `must be greater than ${o.gt}`);
    return register(t, { kind: 'number', doc, ru: o.ru ?? [], min: o.min ?? o.gt, max: o.max });
  },
  integer: (doc: string, o: Opts & { min?: number; max?: number } = {}) =>
    register(wholeNumber(o), { kind: 'integer', doc, ru: o.ru ?? [], min: o.min, max: o.max }),
  money: (doc: string, o: Opts = {}) => register(z.number(), { kind: 'money', doc, ru: o.ru ?? [] }),
  enumOf: <const V extends readonly [string, ...string[]]>(
    values: V,
    labelsRu: Record<V[number], string>,
    doc: string,
    o: Opts = {},
  ) =>
    register(z.enum(values), {
      kind: 'enum',
      doc,
      ru: o.ru ?? [],
      values,
      labelsRu,
    }),
};

const optional = {
  text: (doc: string, o: Opts = {}) => register(z.string().optional(), { kind: 'text', doc, ru: o.ru ?? [] }),
  id: (doc: string, o: Opts = {}) =>
    register(z.string().optional(), { kind: 'id', doc, ru: o.ru ?? [], ref: o.ref }),
  date: (doc: string, o: Opts = {}) => register(z.string().optional(), { kind: 'date', doc, ru: o.ru ?? [] }),
  number: (doc: string, o: Opts & { min?: number; max?: number } = {}) => {
    let t = z.number();
    if (o.min !== undefined) t = t.min(o.min, `must be at least ${o.min}`);
    if (o.max !== undefined) t = t.max(o.max, `must be at most ${o.max}`);
    return register(t.optional(), { kind: 'number', doc, ru: o.ru ?? [], min: o.min, max: o.max });
  },
  integer: (doc: string, o: Opts & { min?: number; max?: number } = {}) =>
    register(wholeNumber(o).optional(), { kind: 'integer', doc, ru: o.ru ?? [], min: o.min, max: o.max }),
  integerOr: (def: number, doc: string, o: Opts & { min?: number; max?: number } = {}) =>
    register(wholeNumber(o).default(def), {
      kind: 'integer',
      doc,
      ru: o.ru ?? [],
      min: o.min,
      max: o.max,
      defaultValue: def,
    }),
  /** Blank money is 0 (docs/RULES.md#reading-the-data). */
  money: (doc: string, o: Opts = {}) =>
    register(z.number().default(0), { kind: 'money', doc, ru: o.ru ?? [], defaultValue: 0 }),
  /** Money where blank means "not known" rather than 0 (potential, wallet). */
  moneyOrUnknown: (doc: string, o: Opts = {}) =>
    register(z.number().min(0, 'must not be negative').optional(), {
      kind: 'money',
      doc,
      ru: o.ru ?? [],
      min: 0,
    }),
  bool: (doc: string, def: boolean, o: Opts = {}) =>
    register(z.boolean().default(def), { kind: 'bool', doc, ru: o.ru ?? [], defaultValue: def }),
  enumOf: <const V extends readonly [string, ...string[]]>(
    values: V,
    labelsRu: Record<V[number], string>,
    doc: string,
    o: Opts = {},
  ) => register(z.enum(values).optional(), { kind: 'enum', doc, ru: o.ru ?? [], values, labelsRu }),
  enumOr: <const V extends readonly [string, ...string[]]>(
    values: V,
    labelsRu: Record<V[number], string>,
    def: V[number],
    doc: string,
    o: Opts = {},
  ) =>
    register(z.enum(values).default(def as never), {
      kind: 'enum',
      doc,
      ru: o.ru ?? [],
      values,
      labelsRu,
      defaultValue: def,
    }),
};

export const col = { required, optional, register };

/** The registered metadata of a column type. */
export function columnMeta(type: z.ZodType): ColumnMeta {
  const meta = columnRegistry.get(type);
  if (!meta) throw new Error('column type was not built with col.*');
  return meta;
}

/** A column is required when a blank cell (undefined) does not satisfy its type. */
export function isRequired(type: z.ZodType): boolean {
  return !type.safeParse(undefined).success;
}
