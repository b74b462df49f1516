/** Test helpers shared by the demo tests: simple analyst-cell → record conversions. */
import { DATASETS, type DatasetName } from '../../../src/schema/datasets.ts';
import { columnMeta } from '../../../src/schema/columns.ts';
import type { PortfolioRows, Row } from '../../../tools/demo/generate.ts';

/** 'yes'/'no' → boolean, numbers in text columns → text; the reader does more, this is enough. */
export function toRecord(name: DatasetName, row: Row): Record<string, unknown> {
  const shape = DATASETS[name].schema.shape as Record<string, import('zod').ZodType>;
  const out: Record<string, unknown> = {};
  for (const [column, value] of Object.entries(row)) {
    const type = shape[column];
    if (!type) throw new Error(`${name}: unknown column ${column}`);
    if (value === undefined || value === '') continue;
    const kind = columnMeta(type).kind;
    if (kind === 'bool') out[column] = value === 'yes' ? true : value === 'no' ? false : value;
    else if ((kind === 'text' || kind === 'id') && typeof value === 'number') out[column] = String(value);
    else out[column] = value;
  }
  return out;
}

export interface Scored {
  a: number | null;
  s: number | null;
  segment: string | null;
}

/** A and S per account for a period with simple weighted means (docs/RULES.md#segments), without src/domain. */
export function segmentsOf(rows: PortfolioRows, period: string, threshold = 5): Map<string, Scored> {
  const crit = new Map(
    rows.criteria.map((c) => [
      String(c['criterion_id']),
      { matrix: String(c['matrix']), weight: Number(c['weight']) },
    ]),
  );
  const totals = { attractiveness: 0, strength: 0 } as Record<string, number>;
  for (const c of crit.values()) totals[c.matrix] = (totals[c.matrix] ?? 0) + c.weight;
  const acc = new Map<string, Record<string, { w: number; ws: number }>>();
  for (const r of rows.scores) {
    if (r['period'] !== period) continue;
    const c = crit.get(String(r['criterion_id']));
    if (!c) continue;
    const id = String(r['account_id']);
    const m = acc.get(id) ?? { attractiveness: { w: 0, ws: 0 }, strength: { w: 0, ws: 0 } };
    const slot = m[c.matrix] as { w: number; ws: number };
    slot.w += c.weight;
    slot.ws += c.weight * Number(r['score']);
    acc.set(id, m);
  }
  const out = new Map<string, Scored>();
  for (const [id, m] of acc) {
    const A = m['attractiveness'] as { w: number; ws: number };
    const S = m['strength'] as { w: number; ws: number };
    if (A.w * 2 < (totals['attractiveness'] ?? 0) || S.w * 2 < (totals['strength'] ?? 0)) {
      out.set(id, { a: null, s: null, segment: null });
      continue;
    }
    const a = A.ws / A.w;
    const s = S.ws / S.w;
    const segment =
      a >= threshold
        ? s >= threshold
          ? 'key'
          : 'developing'
        : s >= threshold
          ? 'maintained'
          : 'opportunistic';
    out.set(id, { a, s, segment });
  }
  return out;
}

export function positionsOf(rows: PortfolioRows, period: string, threshold = 5): Map<string, string> {
  const out = new Map<string, string>();
  for (const r of rows.positioning) {
    if (r['period'] !== period) continue;
    const risk = Number(r['risk']) >= threshold;
    const spend = Number(r['spend']) >= threshold;
    out.set(
      String(r['account_id']),
      risk ? (spend ? 'partner' : 'desired') : spend ? 'managed' : 'independent',
    );
  }
  return out;
}

export function countBy<T>(values: Iterable<T>): Map<T, number> {
  const m = new Map<T, number>();
  for (const v of values) m.set(v, (m.get(v) ?? 0) + 1);
  return m;
}
