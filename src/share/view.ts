/**
 * The client-safe view model of one account's value dossier bundle (docs/RULES.md#client-bundles).
 *
 * Built from a whitelist: every field below is copied one by one from the portfolio, never by
 * spreading a row, so a column added to a dataset later cannot reach a client by accident.
 * The renderer receives only this model. What is deliberately absent: scores, segment,
 * supplier position, profit, CLV, internal notes, contacts, surveys, other clients, and
 * anything that points into the internal portal.
 */
import type { AccountResult, CommitmentState, ObjectiveState, Portfolio } from '../domain/types.ts';
import { fromCents, toCents } from '../domain/money.ts';
import {
  comparePeriods,
  DOSSIER_CATEGORIES,
  type DossierCategory,
  type DossierEntry,
} from '../schema/index.ts';

export interface ClientDossierEntry {
  date: string;
  category: DossierCategory;
  title: string;
  description: string | null;
  /** The row's `cost`: what it cost us, shown to the client as our investment. */
  our_investment: number;
  client_value: number;
  validated: boolean;
  evidence: string | null;
}

export interface ClientValueTotals {
  /** Entries that carry money (a cost or a client value). */
  count: number;
  our_investment: number;
  client_value: number;
  /** Client value of the entries the client has confirmed. */
  validated_value: number;
}

export interface ClientCategoryTotals extends ClientValueTotals {
  category: DossierCategory;
}

export interface ClientKpi {
  metric: string;
  period: string;
  value: number;
  unit: string | null;
  target: number | null;
  benchmark: number | null;
}

export interface ClientCommitment {
  description: string;
  made_on: string | null;
  due: string;
  done_on: string | null;
  state: CommitmentState;
}

export interface ClientCommitmentSummary {
  total: number;
  done_on_time: number;
  done_late: number;
  open: number;
  overdue: number;
}

/** An objective of the joint plan: what the client may see of it, nothing more. */
export interface ClientObjective {
  title: string;
  metric: string | null;
  target: number;
  due: string;
  state: ObjectiveState;
}

export interface ClientView {
  /** Our company (settings.company_name); null when the workbook does not name it. */
  company_name: string | null;
  client_name: string;
  /** The reporting period; null when the data has none. */
  period: string | null;
  /** Date the bundle was produced (YYYY-MM-DD). */
  generated_on: string;
  /** Start of the relationship (YYYY-MM-DD). */
  since: string;
  /** The account's client-safe description. */
  description: string | null;
  /** ISO 4217 code of every money value below. */
  currency: string;
  /** Value delivered, over the visible entries that carry money; categories in DOSSIER_CATEGORIES order. */
  value_totals: ClientValueTotals;
  value_by_category: ClientCategoryTotals[];
  /** Visible dossier entries except `history`, oldest first. */
  entries: ClientDossierEntry[];
  /** Visible `history` entries, oldest first: the relationship timeline after `since`. */
  timeline: ClientDossierEntry[];
  /** Visible KPIs, grouped by metric (first appearance), periods oldest first. */
  kpis: ClientKpi[];
  /** Visible commitments by due date. */
  commitments: ClientCommitment[];
  commitment_summary: ClientCommitmentSummary;
  /** Objectives marked client_visible (never profitability ones), by due date. */
  joint_plan: ClientObjective[];
}

export function clientView(
  portfolio: Portfolio,
  accountId: string,
  opts: { generatedOn: string },
): ClientView {
  const acc = portfolio.accountIndex.get(accountId);
  if (!acc) throw new Error(`clientView: unknown account ${JSON.stringify(accountId)}`);

  const visible = acc.dossier.timeline.filter((e) => e.client_visible).map(entry);
  const withMoney = visible.filter((e) => e.our_investment !== 0 || e.client_value !== 0);

  return {
    company_name: portfolio.settings.company_name ?? null,
    client_name: acc.name,
    period: portfolio.current_period,
    generated_on: opts.generatedOn,
    since: acc.account.since,
    description: acc.account.description ?? null,
    currency: portfolio.settings.currency,
    value_totals: totals(withMoney),
    value_by_category: DOSSIER_CATEGORIES.flatMap((category) => {
      const rows = withMoney.filter((e) => e.category === category);
      return rows.length ? [{ category, ...totals(rows) }] : [];
    }),
    entries: visible.filter((e) => e.category !== 'history'),
    timeline: visible.filter((e) => e.category === 'history'),
    kpis: visibleKpis(acc),
    ...visibleCommitments(acc),
    joint_plan: jointPlan(acc),
  };
}

function entry(e: DossierEntry): ClientDossierEntry {
  return {
    date: e.date,
    category: e.category,
    title: e.title,
    description: e.description ?? null,
    our_investment: e.cost ?? 0,
    client_value: e.client_value ?? 0,
    validated: e.validated,
    evidence: e.evidence ?? null,
  };
}

/** Sums in cents, so the total shown equals the sum of the lines shown. */
function totals(rows: readonly ClientDossierEntry[]): ClientValueTotals {
  let cost = 0;
  let value = 0;
  let validated = 0;
  for (const r of rows) {
    cost += toCents(r.our_investment);
    value += toCents(r.client_value);
    if (r.validated) validated += toCents(r.client_value);
  }
  return {
    count: rows.length,
    our_investment: fromCents(cost),
    client_value: fromCents(value),
    validated_value: fromCents(validated),
  };
}

function visibleKpis(acc: AccountResult): ClientKpi[] {
  const seen = new Set<string>();
  const out: ClientKpi[] = [];
  // `current` may be an entry of its own when the account has no data in the current period.
  for (const k of [...acc.periods.flatMap((p) => p.kpis), ...acc.current.kpis]) {
    const key = JSON.stringify([k.period, k.metric]);
    if (!k.client_visible || seen.has(key)) continue;
    seen.add(key);
    out.push({
      metric: k.metric,
      period: k.period,
      value: k.value,
      unit: k.unit,
      target: k.target,
      benchmark: k.benchmark,
    });
  }
  const order = new Map<string, number>();
  for (const k of out) if (!order.has(k.metric)) order.set(k.metric, order.size);
  return out.sort(
    (a, b) => (order.get(a.metric) ?? 0) - (order.get(b.metric) ?? 0) || comparePeriods(a.period, b.period),
  );
}

/** The commitments the bundle shows, by due date; the account page warns about overdue ones. */
export function visibleCommitments(
  acc: AccountResult,
): Pick<ClientView, 'commitments' | 'commitment_summary'> {
  const list: ClientCommitment[] = acc.commitments
    .filter((c) => c.row.client_visible)
    .map((c) => ({
      description: c.row.description,
      made_on: c.row.made_on ?? null,
      due: c.row.due,
      done_on: c.row.done_on ?? null,
      state: c.state,
    }))
    .sort((a, b) => (a.due < b.due ? -1 : a.due > b.due ? 1 : 0));
  const count = (s: CommitmentState) => list.filter((c) => c.state === s).length;
  return {
    commitments: list,
    commitment_summary: {
      total: list.length,
      done_on_time: count('done_on_time'),
      done_late: count('done_late'),
      open: count('open'),
      overdue: count('overdue'),
    },
  };
}

/** Profitability objectives carry internal figures: never shared, whatever the sheet says. */
function jointPlan(acc: AccountResult): ClientObjective[] {
  return acc.plan.objectives
    .filter((o) => o.client_visible && o.kind !== 'profitability')
    .map((o) => ({ title: o.title, metric: o.metric, target: o.target, due: o.due, state: o.state }))
    .sort((a, b) => (a.due < b.due ? -1 : a.due > b.due ? 1 : 0));
}
