/**
 * Which accounts moved between two periods: segment (selection matrix) and supplier position
 * (positioning matrix), plus the accounts that entered or left a matrix (scored now but not
 * before, or the other way round). One computation serves the dashboard and both matrix pages.
 */
import { previousPeriod } from './periods.ts';
import type { AccountResult, Portfolio } from './types.ts';

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
