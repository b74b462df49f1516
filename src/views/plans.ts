/**
 * View models of the plan, whitespace and early-warning pages: pure functions from the
 * portfolio (and the reader's strings and formatters) to what the components render. Every
 * string here is text; the components escape it like any other.
 */
import type {
  AccountResult,
  ActionResult,
  Health,
  ObjectiveResult,
  ObjectiveState,
  Portfolio,
  Signal,
} from '../domain/types.ts';
import { OBJECTIVE_STATES } from '../domain/types.ts';
import type { OfferingStatus } from '../schema/index.ts';
import type { Formatters } from '../i18n/format.ts';
import type { Messages } from '../i18n/index.ts';
import { healthLabel, signalLabel, signalSentence } from './signals.ts';

/** Bar width in percent (0–100) and the written share; progress itself may be < 0 or > 1. */
export function progressBar(progress: number | null, fmt: Formatters): { width: number; text: string } {
  if (progress === null) return { width: 0, text: '—' };
  const width = Math.round(Math.min(1, Math.max(0, progress)) * 1000) / 10;
  return { width, text: fmt.percent(progress) };
}

/** Values of an objective in its own unit: money for profitability, shares as percent. */
export function objectiveValue(o: Pick<ObjectiveResult, 'kind'>, v: number | null, fmt: Formatters): string {
  if (v === null) return '—';
  if (o.kind === 'profitability') return fmt.money(v);
  if (o.kind === 'share_of_wallet') return fmt.percent(v);
  return fmt.number(v, Number.isInteger(v) ? 0 : 2);
}

export interface ActionView {
  action_id: string;
  title: string;
  owner_id: string;
  account_id: string;
  objective_id: string;
  due: string;
  /** "done 3 Nov 2026", "12 days overdue" or "" for an open action not yet due. */
  status: string;
  tone: 'done' | 'overdue' | 'open';
}

export function actionView(a: ActionResult, t: Messages, fmt: Formatters): ActionView {
  const tone = a.done_on !== null ? 'done' : a.overdue ? 'overdue' : 'open';
  const status =
    a.done_on !== null
      ? t.planPages.doneOn(fmt.date(a.done_on))
      : a.overdue
        ? t.planPages.daysOverdue(a.days_overdue)
        : t.planPages.open;
  return {
    action_id: a.action_id,
    title: a.title,
    owner_id: a.owner_id,
    account_id: a.account_id,
    objective_id: a.objective_id,
    due: a.due,
    status,
    tone,
  };
}

export interface ObjectiveView {
  objective_id: string;
  account_id: string;
  title: string;
  kind: string;
  metric: string | null;
  state: ObjectiveState;
  stateLabel: string;
  bar: { width: number; text: string };
  baseline: string;
  current: string;
  /** Whether `current` was measured from the data rather than written in the sheet. */
  measured: boolean;
  target: string;
  due: string;
  owner_id: string | null;
  actions: ActionView[];
  overdue_actions: number;
}

export function objectiveView(o: ObjectiveResult, t: Messages, fmt: Formatters): ObjectiveView {
  return {
    objective_id: o.objective_id,
    account_id: o.account_id,
    title: o.title,
    kind: t.plan.kind[o.kind],
    metric: o.metric,
    state: o.state,
    stateLabel: t.plan.state[o.state],
    bar: progressBar(o.progress, fmt),
    baseline: objectiveValue(o, o.baseline, fmt),
    current: objectiveValue(o, o.current, fmt),
    measured: o.current_source === 'measured',
    target: objectiveValue(o, o.target, fmt),
    due: o.due,
    owner_id: o.owner_id,
    actions: o.actions.map((a) => actionView(a, t, fmt)),
    overdue_actions: o.overdue_actions,
  };
}

export interface NamedActionView extends ActionView {
  owner_name: string;
}

/** An objective with the names of its owner and its actions' owners, as cards and tables show it. */
export interface NamedObjectiveView extends ObjectiveView {
  owner_name: string | null;
  actions: NamedActionView[];
}

export function namedObjective<T extends ObjectiveView>(
  o: T,
  memberName: MemberNames,
): T & NamedObjectiveView {
  return {
    ...o,
    owner_name: o.owner_id ? memberName(o.owner_id) : null,
    actions: o.actions.map((a) => ({ ...a, owner_name: memberName(a.owner_id) })),
  };
}

/** "2 overdue · 1 at risk · 3 on track" for the non-zero states, in state order. */
export function stateSummary(byState: Record<ObjectiveState, number>, t: Messages): string {
  return OBJECTIVE_STATES.filter((s) => byState[s] > 0)
    .map((s) => `${t.plan.state[s]}: ${byState[s]}`)
    .join(' · ');
}

export interface SignalView {
  code: Signal['code'];
  label: string;
  sentence: string;
}

export const signalViews = (signals: readonly Signal[], t: Messages, fmt: Formatters): SignalView[] =>
  signals.map((s) => ({ code: s.code, label: signalLabel(s, t), sentence: signalSentence(s, t, fmt) }));

export interface HealthView {
  /** CSS tone: green, amber, red, or none for accounts that are not tracked. */
  tone: Health | 'none';
  label: string;
}

export const healthView = (h: Health | null, t: Messages): HealthView => ({
  tone: h ?? 'none',
  label: healthLabel(h, t),
});

// ---------------------------------------------------------------------------------------
// Whitespace
// ---------------------------------------------------------------------------------------

export const OFFERING_STATUSES: readonly OfferingStatus[] = [
  'bought',
  'pipeline',
  'opportunity',
  'not_relevant',
];

export interface WhitespaceCellView {
  status: OfferingStatus | null;
  label: string;
  /** Σ annual value of its units, formatted; '' for cells without a value. */
  value: string;
  raw: number;
  /** Units spelled out when the offering is split by business unit. */
  units: string;
}

export interface WhitespaceRowView {
  account_id: string;
  name: string;
  whitespace_value: number;
  cells: WhitespaceCellView[];
}

/** The accounts × offerings grid, largest whitespace first (the order the core gives). */
export function whitespaceRows(
  p: Portfolio,
  t: Messages,
  fmt: Formatters,
): { offerings: string[]; rows: WhitespaceRowView[] } {
  const g = p.whitespace;
  return {
    offerings: g.offerings,
    rows: g.rows.map((r) => ({
      account_id: r.account_id,
      name: p.accountIndex.get(r.account_id)?.name ?? r.account_id,
      whitespace_value: r.whitespace_value,
      cells: g.offerings.map((o): WhitespaceCellView => {
        const c = r.cells[o];
        if (!c) return { status: null, label: t.planPages.noRow, value: '', raw: 0, units: '' };
        const split = c.units.length > 1 || c.units.some((u) => u.unit !== null);
        return {
          status: c.status,
          label: t.plan.offeringStatus[c.status],
          value: c.value ? fmt.money(c.value, { compact: true }) : '',
          raw: c.value,
          units: split
            ? c.units
                .map((u) => `${u.unit ?? t.planPages.wholeClient}: ${t.plan.offeringStatus[u.status]}`)
                .join('; ')
            : '',
        };
      }),
    })),
  };
}

// ---------------------------------------------------------------------------------------
// Portfolio lists
// ---------------------------------------------------------------------------------------

const HEALTH_RANK: Record<Health, number> = { red: 0, amber: 1, green: 2 };

export interface WarningView {
  account_id: string;
  name: string;
  kam_id: string;
  health: HealthView;
  signals: SignalView[];
}

/** Accounts with early warnings: red first, then most signals, then name. */
export function earlyWarnings(p: Portfolio, t: Messages, fmt: Formatters): WarningView[] {
  const collator = new Intl.Collator(fmt.locale);
  return p.early_warning.accounts
    .map((w) => ({ w, a: p.accountIndex.get(w.account_id)! }))
    .sort(
      (x, y) =>
        HEALTH_RANK[x.w.health] - HEALTH_RANK[y.w.health] ||
        y.w.signals.length - x.w.signals.length ||
        collator.compare(x.a.name, y.a.name) ||
        collator.compare(x.w.account_id, y.w.account_id),
    )
    .map(({ w, a }) => ({
      account_id: w.account_id,
      name: a.name,
      kam_id: a.kam_id,
      health: healthView(w.health, t),
      signals: signalViews(w.signals, t, fmt),
    }));
}

/** Member names by id, for "manager" and "owner" columns. */
export type MemberNames = (id: string) => string;

/** What the plan views need besides the portfolio: the reader's strings, formatter and names. */
export interface PlanViewInput {
  portfolio: Portfolio;
  t: Messages;
  fmt: Formatters;
  memberName: MemberNames;
}

/** The account plan on the account page: its objectives and the count per state. */
export interface PlanSectionView {
  objectives: NamedObjectiveView[];
  /** `stateSummary` of the plan; '' without objectives. */
  summary: string;
}

export function planSection(
  { t, fmt, memberName }: Omit<PlanViewInput, 'portfolio'>,
  a: AccountResult,
): PlanSectionView {
  const objectives = a.plan.objectives.map((o) => namedObjective(objectiveView(o, t, fmt), memberName));
  return { objectives, summary: objectives.length > 0 ? stateSummary(a.plan.by_state, t) : '' };
}

export interface EarlyWarningsView {
  /** The first `limit` accounts with early warnings, worst first, each with its manager's name. */
  items: (WarningView & { kam_name: string })[];
  /** All accounts with early warnings. */
  total: number;
  red: number;
  amber: number;
}

/** The dashboard's early-warning list: it stays light on a large portfolio, the count says how many more. */
export function earlyWarningsSection(
  { portfolio: p, t, fmt, memberName }: PlanViewInput,
  limit = 50,
): EarlyWarningsView {
  const all = earlyWarnings(p, t, fmt);
  return {
    items: all.slice(0, limit).map((w) => ({ ...w, kam_name: memberName(w.kam_id) })),
    total: all.length,
    red: p.early_warning.health.red,
    amber: p.early_warning.health.amber,
  };
}

export interface StateGroup {
  state: ObjectiveState;
  label: string;
  objectives: (ObjectiveView & { account_name: string })[];
}

/** Every objective of the portfolio grouped by state, in state order (empty states kept). */
export function objectivesByState(p: Portfolio, t: Messages, fmt: Formatters): StateGroup[] {
  const groups = new Map<ObjectiveState, StateGroup>(
    OBJECTIVE_STATES.map((s) => [s, { state: s, label: t.plan.state[s], objectives: [] }]),
  );
  for (const o of p.plans.objectives) {
    groups.get(o.state)!.objectives.push({
      ...objectiveView(o, t, fmt),
      account_name: p.accountIndex.get(o.account_id)?.name ?? o.account_id,
    });
  }
  return [...groups.values()];
}

export interface ActionLine extends ActionView {
  account_name: string;
  objective_title: string;
}

function objectiveTitles(p: Portfolio): Map<string, string> {
  return new Map(p.plans.objectives.map((o) => [o.objective_id, o.title]));
}

function line(
  p: Portfolio,
  titles: Map<string, string>,
  a: ActionResult,
  t: Messages,
  fmt: Formatters,
): ActionLine {
  return {
    ...actionView(a, t, fmt),
    account_name: p.accountIndex.get(a.account_id)?.name ?? a.account_id,
    objective_title: titles.get(a.objective_id) ?? a.objective_id,
  };
}

/** Overdue actions per owner (the core's owner order), most overdue first within each. */
export function overdueActionsByOwner(
  p: Portfolio,
  t: Messages,
  fmt: Formatters,
): { owner_id: string; actions: ActionLine[] }[] {
  const titles = objectiveTitles(p);
  return p.plans.overdue_actions_by_owner.map((g) => ({
    owner_id: g.owner_id,
    actions: g.actions.map((a) => line(p, titles, a, t, fmt)),
  }));
}

/** A member's actions: open ones first (by due date), then done ones (latest first). */
export function memberActions(p: Portfolio, memberId: string, t: Messages, fmt: Formatters): ActionLine[] {
  const titles = objectiveTitles(p);
  const mine = p.plans.objectives.flatMap((o) => o.actions.filter((a) => a.owner_id === memberId));
  const open = mine
    .filter((a) => a.done_on === null)
    .sort((a, b) => cmp(a.due, b.due) || cmp(a.action_id, b.action_id));
  const done = mine
    .filter((a) => a.done_on !== null)
    .sort((a, b) => cmp(b.done_on!, a.done_on!) || cmp(a.action_id, b.action_id));
  return [...open, ...done].map((a) => line(p, titles, a, t, fmt));
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Objectives not yet met whose state calls for attention (overdue, then at risk). */
export function objectivesAtRisk(p: Portfolio): ObjectiveResult[] {
  return p.plans.objectives
    .filter((o) => o.state === 'overdue' || o.state === 'at_risk')
    .sort(
      (a, b) =>
        OBJECTIVE_STATES.indexOf(a.state) - OBJECTIVE_STATES.indexOf(b.state) ||
        cmp(a.due, b.due) ||
        cmp(a.objective_id, b.objective_id),
    );
}

// ---------------------------------------------------------------------------------------
// The printable account review
// ---------------------------------------------------------------------------------------

export interface ReviewView {
  /** Segment per scored period, oldest first: "2025-Q4: Key client". */
  segmentPath: { period: string; segment: string; tone: string }[];
  profit: { label: string; value: string; strong?: boolean }[];
  profitPeriods: string;
  objectives: ObjectiveView[];
  signals: SignalView[];
  health: HealthView;
  commitments: { description: string; due: string; state: string; tone: string; owner_id: string }[];
  surveys: { date: string; mean: string; change: string; respondents: string }[];
}

/** Everything the quarterly review prints, already in words and formatted numbers. */
export function reviewView(a: AccountResult, t: Messages, fmt: Formatters): ReviewView {
  const pr = a.last12m?.profit ?? null;
  const profit = pr
    ? [
        { label: t.common.revenue, value: fmt.money(pr.revenue) },
        { label: t.planPages.cost, value: fmt.money(pr.cost) },
        { label: t.planPages.operatingProfit, value: fmt.money(pr.operating_profit) },
        { label: t.common.nopat, value: fmt.money(pr.nopat), strong: true },
      ]
    : [];
  return {
    segmentPath: a.segment_history.map((h) => ({
      period: fmt.period(h.period),
      segment: t.segment[h.segment],
      tone: h.segment,
    })),
    profit,
    profitPeriods: a.last12m?.periods.map((x) => fmt.period(x)).join(', ') ?? '',
    objectives: a.plan.objectives.map((o) => objectiveView(o, t, fmt)),
    signals: signalViews(a.signals, t, fmt),
    health: healthView(a.health, t),
    // Open promises first (most overdue on top), then the last few kept.
    commitments: [
      ...a.commitments.filter((c) => c.is_open).sort((x, y) => y.days_late - x.days_late),
      ...a.commitments
        .filter((c) => !c.is_open)
        .sort((x, y) => cmp(y.row.done_on ?? '', x.row.done_on ?? ''))
        .slice(0, 5),
    ].map((c) => ({
      description: c.row.description,
      due: fmt.date(c.row.due),
      state: t.commitmentState[c.state],
      tone: c.state,
      owner_id: c.row.owner_id,
    })),
    surveys: a.voc.surveys.map((s) => ({
      date: fmt.date(s.date),
      mean: fmt.number(s.mean, 1),
      change: s.mean_change == null ? '' : `${s.mean_change > 0 ? '+' : ''}${fmt.number(s.mean_change, 1)}`,
      respondents: t.voc.responses(s.respondents, s.invited, fmt.percent(s.response_rate)),
    })),
  };
}
