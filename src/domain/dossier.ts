/**
 * The value dossier (article idea 5): what we gave each client beyond the product, in
 * money, per category; the relationship timeline; and KPIs against target and benchmark.
 */
import { DOSSIER_CATEGORIES, type DossierCategory, type DossierEntry, type Kpi } from '../schema/index.ts';
import { fromCents, ratio, toCents, type Cents } from './money.ts';
import type { DossierSummary, DossierTotals, KpiResult } from './types.ts';

interface Acc {
  count: number;
  cost: Cents;
  value: Cents;
  validated: Cents;
}

function add(acc: Acc, e: DossierEntry): void {
  const value = toCents(e.client_value);
  acc.count += 1;
  acc.cost += toCents(e.cost);
  acc.value += value;
  if (e.validated) acc.validated += value;
}

function totals(acc: Acc): DossierTotals {
  return {
    count: acc.count,
    cost: fromCents(acc.cost),
    client_value: fromCents(acc.value),
    validated_value: fromCents(acc.validated),
    value_cost_ratio: ratio(acc.value, acc.cost),
  };
}

const empty = (): Acc => ({ count: 0, cost: 0, value: 0, validated: 0 });

function byDate(a: DossierEntry, b: DossierEntry): number {
  if (a.date !== b.date) return a.date < b.date ? -1 : 1;
  return a.entry_id < b.entry_id ? -1 : a.entry_id > b.entry_id ? 1 : 0;
}

export function dossierSummary(entries: readonly DossierEntry[]): DossierSummary {
  const all = empty();
  const perCategory = new Map<DossierCategory, Acc>();
  for (const e of entries) {
    add(all, e);
    let acc = perCategory.get(e.category);
    if (!acc) {
      acc = empty();
      perCategory.set(e.category, acc);
    }
    add(acc, e);
  }
  const timeline = [...entries].sort(byDate);
  return {
    totals: totals(all),
    by_category: DOSSIER_CATEGORIES.flatMap((category) => {
      const acc = perCategory.get(category);
      return acc ? [{ category, ...totals(acc) }] : [];
    }),
    history: timeline.filter((e) => e.category === 'history'),
    timeline,
  };
}

const diff = (v: number, ref: number | undefined): number | null => (ref === undefined ? null : v - ref);
const rel = (v: number, ref: number | undefined): number | null => (ref === undefined ? null : ratio(v, ref));

export function kpiResult(row: Kpi): KpiResult {
  return {
    period: row.period,
    metric: row.metric,
    value: row.value,
    unit: row.unit ?? null,
    target: row.target ?? null,
    benchmark: row.benchmark ?? null,
    vs_target: diff(row.value, row.target),
    vs_benchmark: diff(row.value, row.benchmark),
    target_ratio: rel(row.value, row.target),
    benchmark_ratio: rel(row.value, row.benchmark),
    client_visible: row.client_visible,
    row,
  };
}
