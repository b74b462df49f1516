/**
 * What one account page shows beyond the AccountResult: the criterion-by-criterion scores
 * behind its segment, its people, its path across both matrices and its P&L waterfall.
 * Rows are grouped by account once per dataset array (memoised), so every page is O(its rows).
 */
import type { AccountResult, Portfolio, Profit } from '../domain/types.ts';
import type { Contact, Criterion, Datasets, Score } from '../schema/index.ts';
import { comparePeriods } from '../schema/period.ts';

const groups = new WeakMap<readonly unknown[], Map<string, unknown[]>>();

/** Rows of one account, grouping the whole array once. */
export function rowsOf<T extends { account_id: string }>(rows: readonly T[], accountId: string): T[] {
  let g = groups.get(rows) as Map<string, T[]> | undefined;
  if (!g) {
    g = new Map();
    for (const r of rows) {
      const list = g.get(r.account_id);
      if (list) list.push(r);
      else g.set(r.account_id, [r]);
    }
    groups.set(rows, g as Map<string, unknown[]>);
  }
  return g.get(accountId) ?? [];
}

export interface CriterionLine {
  criterion: Criterion;
  current: number | null;
  previous: number | null;
  change: number | null;
  comment: string | null;
}

export interface CriteriaTable {
  period: string | null;
  previousPeriod: string | null;
  attractiveness: CriterionLine[];
  strength: CriterionLine[];
}

/** Scores per criterion in the current and the previous scored period. */
export function criteriaTable(data: Datasets, a: AccountResult, period: string | null): CriteriaTable {
  const scores = rowsOf(data.scores, a.account_id);
  const periods = [...new Set(scores.map((s) => s.period))].sort(comparePeriods);
  const currentIdx = period ? periods.indexOf(period) : periods.length - 1;
  const previousPeriod = currentIdx > 0 ? (periods[currentIdx - 1] ?? null) : null;
  const byKey = new Map<string, Score>();
  for (const s of scores) byKey.set(`${s.period}\u0000${s.criterion_id}`, s);
  const line = (c: Criterion): CriterionLine => {
    const cur = period ? byKey.get(`${period}\u0000${c.criterion_id}`) : undefined;
    const prev = previousPeriod ? byKey.get(`${previousPeriod}\u0000${c.criterion_id}`) : undefined;
    return {
      criterion: c,
      current: cur?.score ?? null,
      previous: prev?.score ?? null,
      change: cur && prev ? Math.round((cur.score - prev.score) * 100) / 100 : null,
      comment: cur?.comment ?? null,
    };
  };
  return {
    period,
    previousPeriod,
    attractiveness: data.criteria.filter((c) => c.matrix === 'attractiveness').map(line),
    strength: data.criteria.filter((c) => c.matrix === 'strength').map(line),
  };
}

/** The account's people, most influential first. */
export function contactsOf(data: Datasets, accountId: string): Contact[] {
  return [...rowsOf(data.contacts, accountId)].sort(
    (x, y) => (y.influence ?? 0) - (x.influence ?? 0) || x.name.localeCompare(y.name),
  );
}

export interface WaterfallStep {
  key:
    | 'revenue_goods'
    | 'revenue_services'
    | 'revenue_ip'
    | 'cogs'
    | 'service_cost'
    | 'acquisition_cost'
    | 'knowledge_cost'
    | 'relationship_cost'
    | 'tax'
    | 'revenue'
    | 'operating_profit'
    | 'nopat';
  amount: number;
  /** Running total before and after this step; totals start at 0. */
  from: number;
  to: number;
  total: boolean;
}

/** Revenue parts up, every cost down, tax down: from revenue to NOPAT. */
export function waterfall(p: Profit): WaterfallStep[] {
  const steps: WaterfallStep[] = [];
  let run = 0;
  const move = (key: WaterfallStep['key'], amount: number) => {
    steps.push({ key, amount, from: run, to: run + amount, total: false });
    run += amount;
  };
  const total = (key: WaterfallStep['key']) =>
    steps.push({ key, amount: run, from: 0, to: run, total: true });
  move('revenue_goods', p.revenue_goods);
  move('revenue_services', p.revenue_services);
  move('revenue_ip', p.revenue_ip);
  total('revenue');
  move('cogs', -p.cogs);
  move('service_cost', -p.service_cost);
  move('acquisition_cost', -p.acquisition_cost);
  move('knowledge_cost', -p.knowledge_cost);
  move('relationship_cost', -p.relationship_cost);
  total('operating_profit');
  move('tax', -p.tax);
  // Close on the core's NOPAT so cent rounding never shows a gap.
  steps.push({ key: 'nopat', amount: p.nopat, from: 0, to: p.nopat, total: true });
  return steps;
}

export interface PathPoint {
  period: string;
  x: number;
  y: number;
}

/** The account's positions on the selection matrix (x = strength, y = attractiveness), oldest first. */
export function selectionPath(a: AccountResult): PathPoint[] {
  return a.periods.flatMap((p) =>
    p.segment.strength !== null && p.segment.attractiveness !== null
      ? [{ period: p.period, x: p.segment.strength, y: p.segment.attractiveness }]
      : [],
  );
}

/** The account's positions on the supplier positioning matrix (x = spend, y = risk). */
export function positioningPath(a: AccountResult): PathPoint[] {
  return a.positions.map((p) => ({ period: p.period, x: p.spend, y: p.risk }));
}

/** Revenue and NOPAT per period with financials, for the trend chart. */
export function profitTrend(a: AccountResult): { period: string; revenue: number; nopat: number }[] {
  return a.periods.flatMap((p) =>
    p.profit ? [{ period: p.period, revenue: p.profit.revenue, nopat: p.profit.nopat }] : [],
  );
}

export function thresholdsOf(p: Portfolio) {
  const s = p.settings;
  return {
    attractiveness: s.attractiveness_threshold,
    strength: s.strength_threshold,
    risk: s.risk_threshold,
    spend: s.spend_threshold,
  };
}
