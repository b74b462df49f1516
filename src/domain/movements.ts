/**
 * Which accounts moved between two periods: segment (selection matrix) and supplier position
 * (positioning matrix), plus the accounts that entered or left a matrix (scored now but not
 * before, or the other way round). One computation serves the dashboard and both matrix pages.
 */
import { periodInfo, previousPeriod } from './periods.ts';
import type { AccountResult, CommitmentResult, Portfolio } from './types.ts';

export type MatrixKind = 'selection' | 'positioning';

/** `moved`: in the matrix both times, elsewhere now; `entered`: only now; `left`: only before. */
export type MoveChange = 'moved' | 'entered' | 'left';

export interface AccountMove {
  account_id: string;
  name: string;
  change: MoveChange;
  /** Segment or supplier position in the earlier period; null when not in the matrix then. */
  from: string | null;
  to: string | null;
}

export interface PeriodMovements {
  period: string | null;
  /** The period compared with; null when there is none (then every list is empty). */
  before: string | null;
  selection: AccountMove[];
  positioning: AccountMove[];
}

function place(a: AccountResult, period: string, kind: MatrixKind): string | null {
  const ap = a.periods.find((x) => x.period === period);
  if (!ap) return null;
  return kind === 'selection' ? ap.segment.segment : (ap.position?.position ?? null);
}

const ORDER: Record<MoveChange, number> = { moved: 0, entered: 1, left: 2 };

function movesOf(p: Portfolio, period: string, before: string, kind: MatrixKind): AccountMove[] {
  const out: AccountMove[] = [];
  for (const a of p.accounts) {
    const to = place(a, period, kind);
    const from = place(a, before, kind);
    if (to === from) continue;
    const change: MoveChange = from === null ? 'entered' : to === null ? 'left' : 'moved';
    out.push({ account_id: a.account_id, name: a.name, change, from, to });
  }
  // Moves first, then entries, then exits; by name within each, so the lists read steadily.
  return out.sort(
    (x, y) =>
      ORDER[x.change] - ORDER[y.change] ||
      x.name.localeCompare(y.name) ||
      (x.account_id < y.account_id ? -1 : x.account_id > y.account_id ? 1 : 0),
  );
}

/**
 * Accounts whose segment or supplier position differs between `before` (by default the
 * previous period of the same grain) and `period` (by default the current one).
 */
export function periodMovements(
  p: Portfolio,
  period: string | null = p.current_period,
  before: string | null = previousPeriod(p, period),
): PeriodMovements {
  if (!period || !before) return { period, before, selection: [], positioning: [] };
  return {
    period,
    before,
    selection: movesOf(p, period, before, 'selection'),
    positioning: movesOf(p, period, before, 'positioning'),
  };
}

export interface Change<T> {
  from: T | null;
  to: T | null;
}

/** One account between the previous period and the current one, for its page. */
export interface AccountPeriodChange {
  period: string | null;
  before: string | null;
  segment: Change<string>;
  position: Change<string>;
  attractiveness: Change<number>;
  strength: Change<number>;
  revenue: Change<number>;
  nopat: Change<number>;
  /** Overdue now, due after the previous period ended: they fell overdue since then. */
  new_overdue: CommitmentResult[];
  /** Mean answer of the latest survey against the survey before it; null without two surveys. */
  voc: (Change<number> & { date: string }) | null;
}

export function accountPeriodChange(
  p: Portfolio,
  a: AccountResult,
  period: string | null = p.current_period,
  before: string | null = previousPeriod(p, period),
): AccountPeriodChange {
  const at = (x: string | null) => (x ? a.periods.find((ap) => ap.period === x) : undefined);
  const now = at(period);
  const then = at(before);
  const prevEnd = before ? periodInfo(before)?.end : undefined;
  const latest = a.voc.surveys.findLast((s) => s.mean !== null);
  return {
    period,
    before,
    segment: { from: then?.segment.segment ?? null, to: now?.segment.segment ?? null },
    position: { from: then?.position?.position ?? null, to: now?.position?.position ?? null },
    attractiveness: { from: then?.segment.attractiveness ?? null, to: now?.segment.attractiveness ?? null },
    strength: { from: then?.segment.strength ?? null, to: now?.segment.strength ?? null },
    revenue: { from: then?.profit?.revenue ?? null, to: now?.profit?.revenue ?? null },
    nopat: { from: then?.profit?.nopat ?? null, to: now?.profit?.nopat ?? null },
    new_overdue: prevEnd
      ? a.commitments.filter((c) => c.state === 'overdue' && c.row.due > prevEnd)
      : a.commitments.filter((c) => c.state === 'overdue'),
    voc:
      latest && latest.mean !== null && latest.mean_change !== null
        ? { from: latest.mean - latest.mean_change, to: latest.mean, date: latest.date }
        : null,
  };
}
