/**
 * Periods are `YYYY`, `YYYY-Qn` or `YYYY-MM` (docs/RULES.md#periods). They are ordered by their end date;
 * periods of different granularity can coexist in one portfolio.
 */
import { PERIOD_PATTERN } from './concepts.ts';

export type PeriodGrain = 'year' | 'quarter' | 'month';

export interface PeriodInfo {
  /** Canonical text: 2026, 2026-Q3, 2026-07. */
  id: string;
  grain: PeriodGrain;
  year: number;
  /** First and last calendar day, `YYYY-MM-DD`. */
  start: string;
  end: string;
}

/** Parse canonical period text; undefined when it is not a period. */
export function parsePeriod(text: string): PeriodInfo | undefined {
  const m = PERIOD_PATTERN.exec(text.trim().toUpperCase());
  if (!m) return undefined;
  const year = Number(m[1]);
  if (m[2]) {
    const q = Number(m[2]);
    return {
      id: `${year}-Q${q}`,
      grain: 'quarter',
      year,
      start: ymd(year, q * 3 - 2, 1),
      end: ymd(year, q * 3, daysInMonth(year, q * 3)),
    };
  }
  if (m[3]) {
    const month = Number(m[3]);
    return {
      id: `${year}-${m[3]}`,
      grain: 'month',
      year,
      start: ymd(year, month, 1),
      end: ymd(year, month, daysInMonth(year, month)),
    };
  }
  return { id: String(year), grain: 'year', year, start: ymd(year, 1, 1), end: ymd(year, 12, 31) };
}

/** Order periods by end date, then by start date (a quarter before the year that ends with it). */
export function comparePeriods(a: string, b: string): number {
  const pa = parsePeriod(a);
  const pb = parsePeriod(b);
  if (!pa || !pb) return a < b ? -1 : a > b ? 1 : 0;
  if (pa.end !== pb.end) return pa.end < pb.end ? -1 : 1;
  if (pa.start !== pb.start) return pa.start > pb.start ? -1 : 1;
  return 0;
}

/** The same period one year earlier (2026-Q2 → 2025-Q2). */
export function yearEarlier(period: string): string | undefined {
  const p = parsePeriod(period);
  if (!p) return undefined;
  return String(p.year - 1) + p.id.slice(4);
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function ymd(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
