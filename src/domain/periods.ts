/**
 * Period helpers for the domain: a memoised parser, the 12-month window and the rule that
 * keeps a year and its quarters (or a quarter and its months) from being counted twice.
 */
import { parsePeriod, yearEarlier, type PeriodGrain, type PeriodInfo } from '../schema/index.ts';
import type { Portfolio, Window } from './types.ts';

const cache = new Map<string, PeriodInfo | null>();

/** parsePeriod, memoised: the benchmark parses the same few period ids millions of times. */
export function periodInfo(id: string): PeriodInfo | undefined {
  let p = cache.get(id);
  if (p === undefined) {
    p = parsePeriod(id) ?? null;
    cache.set(id, p);
  }
  return p ?? undefined;
}

/**
 * comparePeriods on the memoised parse: by end date, then the longer period last (a quarter
 * before the year that ends with it); unknown text sorts by its characters.
 */
export function comparePeriodIds(a: string, b: string): number {
  if (a === b) return 0;
  const pa = periodInfo(a);
  const pb = periodInfo(b);
  if (!pa || !pb) return a < b ? -1 : 1;
  if (pa.end !== pb.end) return pa.end < pb.end ? -1 : 1;
  if (pa.start !== pb.start) return pa.start > pb.start ? -1 : 1;
  return 0;
}

/** Add whole days to a `YYYY-MM-DD` date. */
export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Subtract whole months; the day is clamped to the target month's length. */
export function addMonths(date: string, months: number): string {
  const [y, m, day] = date.split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) + months;
  const ny = Math.floor(total / 12);
  const nm = total - ny * 12 + 1;
  const last = new Date(Date.UTC(ny, nm, 0)).getUTCDate();
  return `${String(ny).padStart(4, '0')}-${String(nm).padStart(2, '0')}-${String(Math.min(day, last)).padStart(2, '0')}`;
}

/**
 * Last 12 months ending at the current period's end:
 * start = (end − 12 months) + 1 day, so the window of 2026-Q2 is 2025-07-01 … 2026-06-30.
 */
export function last12Months(currentPeriod: string): Window | null {
  const p = periodInfo(currentPeriod);
  if (!p) return null;
  return { start: addDays(addMonths(p.end, -12), 1), end: p.end };
}

/** A period lies in the window when it starts on/after its start and ends on/before its end. */
export function inWindow(period: string, w: Window): boolean {
  const p = periodInfo(period);
  return !!p && p.start >= w.start && p.end <= w.end;
}

const GRAIN_RANK: Record<PeriodGrain, number> = { month: 0, quarter: 1, year: 2 };

/**
 * Keep rows so that no two overlap in time, preferring the finest grain: months first, then
 * quarters, then years; a coarser row counts only where no finer row already covers part of
 * it. Example: 2025 and 2025-Q1…Q4 → the quarters; 2025-Q1 and 2025-01…03 → the months.
 * Rows are one account's rows, so the list is short and the pairwise check is cheap.
 */
export function selectFinestNonOverlapping<T extends { period: string }>(rows: readonly T[]): T[] {
  const parsed: { row: T; p: PeriodInfo }[] = [];
  for (const row of rows) {
    const p = periodInfo(row.period);
    if (p) parsed.push({ row, p });
  }
  parsed.sort(
    (x, y) =>
      GRAIN_RANK[x.p.grain] - GRAIN_RANK[y.p.grain] ||
      (x.p.start < y.p.start ? -1 : x.p.start > y.p.start ? 1 : 0),
  );
  const kept: { row: T; p: PeriodInfo }[] = [];
  for (const c of parsed) {
    if (kept.some((k) => k.p.start <= c.p.end && c.p.start <= k.p.end)) continue;
    kept.push(c);
  }
  kept.sort((x, y) => (x.p.start < y.p.start ? -1 : x.p.start > y.p.start ? 1 : 0));
  return kept.map((k) => k.row);
}

/** Whole years from `from` to `to` (birthday rule); 0 when `to` is earlier. */
export function wholeYears(from: string, to: string): number {
  const fy = Number(from.slice(0, 4));
  const ty = Number(to.slice(0, 4));
  let years = ty - fy;
  if (to.slice(5) < from.slice(5)) years -= 1;
  return Math.max(0, years);
}

/**
 * "The 12 months before": the last-12-months window of the same period a year earlier, so it
 * follows the same rule as `last12Months`.
 */
export function previous12Months(currentPeriod: string): Window | null {
  const before = yearEarlier(currentPeriod);
  return before === undefined ? null : last12Months(before);
}

/** Month index (year·12 + month − 1) of a `YYYY-MM-DD` date. */
function monthIndex(date: string): number {
  return Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)) - 1;
}

/**
 * A span "has data" when the periods cover every month of it (a year row covers 12 months,
 * a quarter 3). The periods are the ones counted for the span (finest grain, inside it).
 */
export function coversEveryMonth(periods: readonly string[], w: Window): boolean {
  const first = monthIndex(w.start);
  const last = monthIndex(w.end);
  const covered = new Set<number>();
  for (const id of periods) {
    const p = periodInfo(id);
    if (!p) continue;
    for (let m = monthIndex(p.start); m <= monthIndex(p.end); m++) covered.add(m);
  }
  for (let m = first; m <= last; m++) if (!covered.has(m)) return false;
  return true;
}

/** The period before `period` of the same grain among the portfolio's periods. */
export function previousPeriod(p: Pick<Portfolio, 'periods'>, period: string | null): string | null {
  const info = period ? periodInfo(period) : undefined;
  if (!info) return null;
  const same = p.periods.filter((x) => periodInfo(x)?.grain === info.grain);
  const i = same.indexOf(info.id);
  return i > 0 ? (same[i - 1] ?? null) : null;
}
