/**
 * Account plans: objectives with their measured progress and state, and the actions under
 * them. Each rule is its own small function so tests can pin its boundaries.
 */
import type { Action, Objective } from '../schema/index.ts';
import { compareText } from './collections.ts';
import { daysBetween } from './commitments.ts';
import { roundHalfUp } from './money.ts';
import {
  OBJECTIVE_STATES,
  type AccountPlan,
  type ActionResult,
  type ObjectiveResult,
  type ObjectiveState,
} from './types.ts';

/** What the account already measures, for objectives whose `current` is blank. */
export interface Measures {
  /** Share of wallet now; null without wallet. */
  share_of_wallet: number | null;
  /** NOPAT over the last 12 months; null without financials in the window. */
  nopat_12m: number | null;
  /** Mean of the latest survey with feedback. */
  latest_survey_mean: number | null;
}

/** A written `current` always wins; otherwise only three kinds can be measured. */
export function objectiveCurrent(
  o: Pick<Objective, 'kind' | 'current'>,
  m: Measures,
): { current: number | null; source: ObjectiveResult['current_source'] } {
  if (o.current !== undefined) return { current: o.current, source: 'given' };
  let v: number | null = null;
  if (o.kind === 'share_of_wallet') v = m.share_of_wallet;
  else if (o.kind === 'profitability') v = m.nopat_12m;
  else if (o.kind === 'satisfaction') v = m.latest_survey_mean;
  return v === null ? { current: null, source: null } : { current: v, source: 'measured' };
}

/**
 * (current − baseline) / (target − baseline), or current / target without a baseline; null
 * without a current or when the denominator is 0. Rounded to 4 decimals, never clamped.
 */
export function objectiveProgress(
  current: number | null,
  target: number,
  baseline: number | null,
): number | null {
  if (current === null) return null;
  const from = baseline ?? 0;
  if (target === from) return null;
  return roundHalfUp((current - from) / (target - from), 4);
}

export function isActionOverdue(a: Pick<Action, 'done_on' | 'due'>, today: string): boolean {
  return a.done_on === undefined && a.due < today;
}

export function actionResult(a: Action, accountId: string, today: string): ActionResult {
  const overdue = isActionOverdue(a, today);
  return {
    action_id: a.action_id,
    objective_id: a.objective_id,
    account_id: accountId,
    title: a.title,
    owner_id: a.owner_id,
    due: a.due,
    done_on: a.done_on ?? null,
    overdue,
    days_overdue: overdue ? daysBetween(a.due, today) : 0,
    row: a,
  };
}

/** The first that applies: dropped, achieved, overdue, at_risk, on_track. */
export function objectiveState(
  o: Pick<Objective, 'status' | 'due'>,
  progress: number | null,
  actions: readonly Pick<ActionResult, 'overdue'>[],
  today: string,
): ObjectiveState {
  if (o.status === 'dropped') return 'dropped';
  if (o.status === 'done' || (progress !== null && progress >= 1)) return 'achieved';
  if (o.due < today) return 'overdue';
  if (actions.some((a) => a.overdue)) return 'at_risk';
  return 'on_track';
}

const byDue = (a: { due: string }, b: { due: string }) => compareText(a.due, b.due);

export function objectiveResult(
  o: Objective,
  actions: readonly Action[],
  measures: Measures,
  today: string,
): ObjectiveResult {
  const { current, source } = objectiveCurrent(o, measures);
  const baseline = o.baseline ?? null;
  const progress = objectiveProgress(current, o.target, baseline);
  const acts = actions
    .map((a) => actionResult(a, o.account_id, today))
    .sort((a, b) => byDue(a, b) || compareText(a.action_id, b.action_id));
  return {
    objective_id: o.objective_id,
    account_id: o.account_id,
    title: o.title,
    kind: o.kind,
    metric: o.metric ?? null,
    baseline,
    target: o.target,
    current,
    current_source: source,
    progress,
    due: o.due,
    owner_id: o.owner_id ?? null,
    status: o.status,
    state: objectiveState(o, progress, acts, today),
    client_visible: o.client_visible,
    actions: acts,
    overdue_actions: acts.filter((a) => a.overdue).length,
    row: o,
  };
}

export function emptyStateCounts(): Record<ObjectiveState, number> {
  return { overdue: 0, at_risk: 0, on_track: 0, achieved: 0, dropped: 0 };
}

const STATE_RANK = new Map(OBJECTIVE_STATES.map((s, i) => [s, i]));

export function compareObjectives(a: ObjectiveResult, b: ObjectiveResult): number {
  return (
    (STATE_RANK.get(a.state) ?? 0) - (STATE_RANK.get(b.state) ?? 0) ||
    byDue(a, b) ||
    compareText(a.objective_id, b.objective_id)
  );
}

export function accountPlan(
  objectives: readonly Objective[],
  actionsByObjective: ReadonlyMap<string, readonly Action[]>,
  measures: Measures,
  today: string,
): AccountPlan {
  const results = objectives
    .map((o) => objectiveResult(o, actionsByObjective.get(o.objective_id) ?? [], measures, today))
    .sort(compareObjectives);
  const by_state = emptyStateCounts();
  let overdue = 0;
  for (const r of results) {
    by_state[r.state] += 1;
    overdue += r.overdue_actions;
  }
  return { objectives: results, by_state, overdue_actions: overdue };
}

/** Most overdue first, then action_id. */
export function compareOverdueActions(a: ActionResult, b: ActionResult): number {
  return b.days_overdue - a.days_overdue || compareText(a.action_id, b.action_id);
}
