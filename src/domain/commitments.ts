/**
 * Commitments (docs/RULES.md#commitments): every promise and whether it was kept, as of "today".
 * Due today is not overdue; done on the due date is on time.
 */
import type { Commitment } from '../schema/index.ts';
import type { CommitmentResult, CommitmentState, CommitmentStats } from './types.ts';

export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

export function classifyCommitment(row: Commitment, today: string): CommitmentResult {
  let state: CommitmentState;
  let late = 0;
  if (row.done_on !== undefined) {
    state = row.done_on <= row.due ? 'done_on_time' : 'done_late';
    if (state === 'done_late') late = daysBetween(row.due, row.done_on);
  } else if (row.due < today) {
    state = 'overdue';
    late = daysBetween(row.due, today);
  } else {
    state = 'open';
  }
  return { state, is_open: row.done_on === undefined, days_late: late, row };
}

export function emptyStats(): CommitmentStats {
  return { total: 0, open: 0, overdue: 0, done_on_time: 0, done_late: 0, on_time_rate: null };
}

/** Adds one result to running stats (on_time_rate is set by `finishStats`). */
export function countCommitment(s: CommitmentStats, c: CommitmentResult): void {
  s.total += 1;
  if (c.is_open) s.open += 1;
  if (c.state === 'overdue') s.overdue += 1;
  else if (c.state === 'done_on_time') s.done_on_time += 1;
  else if (c.state === 'done_late') s.done_late += 1;
}

/** on-time rate = on time / (on time + late + overdue): an overdue promise is already missed. */
export function finishStats(s: CommitmentStats): CommitmentStats {
  const judged = s.done_on_time + s.done_late + s.overdue;
  s.on_time_rate = judged > 0 ? s.done_on_time / judged : null;
  return s;
}

export function commitmentStats(results: readonly CommitmentResult[]): CommitmentStats {
  const s = emptyStats();
  for (const c of results) countCommitment(s, c);
  return finishStats(s);
}
