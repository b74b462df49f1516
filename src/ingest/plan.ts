/**
 * What the reader needs to know about each dataset, derived once from the zod schemas in
 * src/schema: columns with their kind, coercer, required-ness, aliases and references.
 */
import type { z } from 'zod';
import {
  DATASET_NAMES,
  DATASETS,
  columnMeta,
  isRequired,
  type ColumnMeta,
  type DatasetName,
} from '../schema/index.ts';
import { coercerFor, type Coercer } from './cells.ts';
import { acceptsOf, blankOf, type Accepts } from './fast.ts';
import { normalizeName } from './match.ts';

export interface ColumnInfo {
  name: string;
  meta: ColumnMeta;
  type: z.ZodType;
  required: boolean;
  coerce: Coercer;
  /** True when zod would take the coerced value as it is (see fast.ts); undefined: always ask zod. */
  accepts?: Accepts;
  /** What a blank cell becomes: ok with the default (or undefined), or not ok (required). */
  blank: { ok: boolean; value: unknown };
  /** The dataset and column this value must resolve to. */
  ref?: { dataset: DatasetName; column: string };
}

export interface DatasetInfo {
  name: DatasetName;
  schema: z.ZodObject;
  columns: ColumnInfo[];
  /** Normalised English name or Russian alias → column. */
  byAlias: Map<string, ColumnInfo>;
  key: readonly string[];
}

export function columnInfo(name: string, type: z.ZodType): ColumnInfo {
  const meta = columnMeta(type);
  const info: ColumnInfo = {
    name,
    meta,
    type,
    required: isRequired(type),
    coerce: coercerFor(meta),
    blank: blankOf(type),
  };
  const accepts = acceptsOf(type);
  if (accepts) info.accepts = accepts;
  if (meta.ref) {
    const [dataset, column] = meta.ref.split('.') as [DatasetName, string];
    info.ref = { dataset, column };
  }
  return info;
}

function buildInfo(name: DatasetName): DatasetInfo {
  const def = DATASETS[name];
  const schema = def.schema as unknown as z.ZodObject;
  const columns = Object.entries(schema.shape).map(([col, type]) => columnInfo(col, type as z.ZodType));
  const byAlias = new Map<string, ColumnInfo>();
  for (const c of columns) {
    for (const alias of [c.name, ...c.meta.ru]) byAlias.set(normalizeName(alias), c);
  }
  return { name, schema, columns, byAlias, key: def.key };
}

const INFO = new Map<DatasetName, DatasetInfo>(DATASET_NAMES.map((n) => [n, buildInfo(n)]));

export function datasetInfo(name: DatasetName): DatasetInfo {
  return INFO.get(name)!;
}

/** `dataset.column` pairs some other column refers to: their values are collected while reading. */
export const REF_TARGETS: ReadonlySet<string> = new Set(
  [...INFO.values()].flatMap((d) =>
    d.columns.flatMap((c) => (c.ref ? [`${c.ref.dataset}.${c.ref.column}`] : [])),
  ),
);
