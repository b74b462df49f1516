/**
 * Early-warning signals for active accounts and the health colour they add up to. Each rule
 * is one function returning its signal (with the numbers that raised it) or null, so every
 * threshold can be tested at its boundary. The account's figures come from the steps that
 * already computed them (commitments, VoC, contacts, segments, last-12-months profit).
 */
import type { Contact, Settings } from '../schema/index.ts';
import { compareText } from './collections.ts';
import { daysBetween } from './commitments.ts';
import { roundHalfUp, toCents } from './money.ts';
import type {
  CommitmentResult,
  Health,
  Segment,
  Signal,
  SignalCode,
  SupplierPosition,
  SurveyResult,
} from './types.ts';

type SignalOf<C extends SignalCode> = Extract<Signal, { code: C }>;

/** Means are averages of many answers: compare at 9 decimals so 7.1 − 6.1 counts as 1.0. */
const near = (x: number) => roundHalfUp(x, 9);

/** Latest survey (by date) with feedback against the one before it. */
export function vocDropSignal(
  surveys: readonly SurveyResult[],
  threshold: number,
): SignalOf<'voc_drop'> | null {
  const answered = surveys
    .filter((s) => s.mean !== null)
    .sort((a, b) => compareText(a.date, b.date) || compareText(a.survey_id, b.survey_id));
  const latest = answered[answered.length - 1];
  const previous = answered[answered.length - 2];
  if (!latest || !previous || latest.mean === null || previous.mean === null) return null;
  const drop = near(previous.mean - latest.mean);
  if (drop < threshold) return null;
  return {
    code: 'voc_drop',
    latest_survey_id: latest.survey_id,
    latest_date: latest.date,
    latest_mean: latest.mean,
    previous_survey_id: previous.survey_id,
    previous_date: previous.date,
    previous_mean: previous.mean,
    drop,
    threshold,
  };
}

/** Revenue in both spans, or null when either span lacks data (see `coversEveryMonth`). */
export function revenueDropSignal(
  revenue: number | null,
  previous: number | null,
  threshold: number,
): SignalOf<'revenue_drop'> | null {
  if (revenue === null || previous === null) return null;
  const now = toCents(revenue);
  const before = toCents(previous);
  if (before <= 0) return null;
  // Integer cents: a drop of exactly the threshold share compares equal and fires.
  const drop = (before - now) / before;
  if (drop < threshold) return null;
  return { code: 'revenue_drop', revenue, previous, drop: roundHalfUp(drop, 4), threshold };
}

export function overdueCommitmentSignal(
  commitments: readonly CommitmentResult[],
  thresholdDays: number,
): SignalOf<'overdue_commitment'> | null {
  const late = commitments
    .filter((c) => c.state === 'overdue' && c.days_late > thresholdDays)
    .sort((a, b) => b.days_late - a.days_late || compareText(a.row.commitment_id, b.row.commitment_id));
  if (late.length === 0) return null;
  return {
    code: 'overdue_commitment',
    commitments: late.map((c) => ({
      commitment_id: c.row.commitment_id,
      description: c.row.description,
      due: c.row.due,
      days_overdue: c.days_late,
    })),
    max_days_overdue: late[0]!.days_late,
    threshold: thresholdDays,
  };
}

/** A champion (attitude ≥ +1) with influence ≥ 4 whom the owner cannot reach. */
export function championUnreachableSignal(
  contacts: readonly Contact[],
): SignalOf<'champion_unreachable'> | null {
  const lost = contacts
    .filter((c) => !c.reachable && (c.attitude ?? -Infinity) >= 1 && (c.influence ?? -Infinity) >= 4)
    .sort((a, b) => compareText(a.contact_id, b.contact_id));
  if (lost.length === 0) return null;
  return {
    code: 'champion_unreachable',
    contacts: lost.map((c) => ({
      contact_id: c.contact_id,
      name: c.name,
      attitude: c.attitude!,
      influence: c.influence!,
    })),
  };
}

/** Nobody contacted within `thresholdDays` days; silent when no contact carries a date. */
export function noRecentContactSignal(
  contacts: readonly Contact[],
  today: string,
  thresholdDays: number,
): SignalOf<'no_recent_contact'> | null {
  let latest: string | null = null;
  for (const c of contacts) {
    if (c.last_contact !== undefined && (latest === null || c.last_contact > latest)) latest = c.last_contact;
  }
  if (latest === null) return null;
  const days = daysBetween(latest, today);
  if (days <= thresholdDays) return null;
  return { code: 'no_recent_contact', last_contact: latest, days_since: days, threshold: thresholdDays };
}

/** Key → anything else, or developing / maintained → opportunistic. */
export function isSegmentDown(from: Segment, to: Segment): boolean {
  if (from === 'key') return to !== 'key';
  return (from === 'developing' || from === 'maintained') && to === 'opportunistic';
}

export function segmentDownSignal(
  from: { period: string; segment: Segment | null } | null,
  to: { period: string; segment: Segment | null } | null,
): SignalOf<'segment_down'> | null {
  if (!from || !to || from.segment === null || to.segment === null) return null;
  if (!isSegmentDown(from.segment, to.segment)) return null;
  return {
    code: 'segment_down',
    from_period: from.period,
    to_period: to.period,
    from: from.segment,
    to: to.segment,
  };
}

export function positionDownSignal(
  from: { period: string; position: SupplierPosition } | null,
  to: { period: string; position: SupplierPosition } | null,
): SignalOf<'position_down'> | null {
  if (!from || !to || from.position !== 'partner' || to.position === 'partner') return null;
  return {
    code: 'position_down',
    from_period: from.period,
    to_period: to.period,
    from: from.position,
    to: to.position,
  };
}

export function lossMakingKeySignal(
  segment: Segment | null,
  nopat12m: number | null,
): SignalOf<'loss_making_key'> | null {
  if (segment !== 'key' || nopat12m === null || nopat12m >= 0) return null;
  return { code: 'loss_making_key', nopat: nopat12m };
}

/** What one account's signals are computed from. */
export interface SignalInput {
  status: 'active' | 'lost' | 'prospect';
  today: string;
  surveys: readonly SurveyResult[];
  /** Revenue over the last 12 months and the 12 months before; null when a span lacks data. */
  revenue_12m: number | null;
  revenue_prev_12m: number | null;
  commitments: readonly CommitmentResult[];
  contacts: readonly Contact[];
  previous: { period: string; segment: Segment | null; position: SupplierPosition | null } | null;
  current: { period: string; segment: Segment | null; position: SupplierPosition | null } | null;
  nopat_12m: number | null;
}

export type SignalSettings = Pick<
  Settings,
  'signal_voc_drop' | 'signal_revenue_drop' | 'signal_overdue_days' | 'signal_contact_days'
>;

const withPosition = (p: SignalInput['previous']) =>
  p && p.position ? { period: p.period, position: p.position } : null;

/** Every signal that applies, in code order; [] for lost accounts and prospects. */
export function accountSignals(x: SignalInput, s: SignalSettings): Signal[] {
  if (x.status !== 'active') return [];
  const found: (Signal | null)[] = [
    championUnreachableSignal(x.contacts),
    lossMakingKeySignal(x.current?.segment ?? null, x.nopat_12m),
    noRecentContactSignal(x.contacts, x.today, s.signal_contact_days),
    overdueCommitmentSignal(x.commitments, s.signal_overdue_days),
    positionDownSignal(withPosition(x.previous), withPosition(x.current)),
    revenueDropSignal(x.revenue_12m, x.revenue_prev_12m, s.signal_revenue_drop),
    segmentDownSignal(x.previous, x.current),
    vocDropSignal(x.surveys, s.signal_voc_drop),
  ];
  return found.filter((f): f is Signal => f !== null);
}

export function health(status: SignalInput['status'], signals: readonly Signal[]): Health | null {
  if (status !== 'active') return null;
  return signals.length === 0 ? 'green' : signals.length === 1 ? 'amber' : 'red';
}
