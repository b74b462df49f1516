/**
 * Rows of the accounts table: one per account with what a manager scans for — where it
 * sits, who owns it, what it earns over the last 12 months, and what is promised.
 */
import type { AccountResult, Portfolio, Segment, SupplierPosition } from '../domain/types.ts';
import type { AccountStatus } from '../schema/index.ts';
import type { Messages } from '../i18n/index.ts';
import type { Formatters } from '../i18n/format.ts';

export interface AccountRow {
  id: string;
  name: string;
  kam_id: string;
  status: AccountStatus;
  industry: string;
  region: string;
  segment: ShownSegment;
  position: SupplierPosition | 'none';
  attractiveness: number | null;
  strength: number | null;
  revenue_12m: number | null;
  nopat_12m: number | null;
  clv: number | null;
  open: number;
  overdue: number;
}

/** The segment a reader sees: a lost account reads as lost, never as unscored. */
export type ShownSegment = Segment | 'unscored' | 'lost';

export function shownSegment(a: AccountResult): ShownSegment {
  if (a.status === 'lost') return 'lost';
  return a.current.segment.segment ?? 'unscored';
}

/** The most recent segment an account was placed in (for "lost — last segment …"). */
export function lastSegment(a: AccountResult): Segment | null {
  return a.segment_history.at(-1)?.segment ?? null;
}

/** "Lost on 19 May 2026 — last segment Opportunistic client", or null for an account not lost. */
export function lostText(a: AccountResult, t: Messages, fmt: Formatters): string | null {
  if (a.status !== 'lost') return null;
  const last = lastSegment(a);
  const segment = last ? t.segment[last] : t.usability.neverScored;
  return a.account.lost_on
    ? t.usability.lostOn(fmt.date(a.account.lost_on), segment)
    : t.usability.lostUndated(segment);
}

export function accountRow(a: AccountResult): AccountRow {
  return {
    id: a.account_id,
    name: a.name,
    kam_id: a.kam_id,
    status: a.status,
    industry: a.account.industry ?? '',
    region: a.account.region ?? '',
    segment: shownSegment(a),
    position: a.current.position?.position ?? 'none',
    attractiveness: a.current.segment.attractiveness,
    strength: a.current.segment.strength,
    revenue_12m: a.last12m?.profit.revenue ?? null,
    nopat_12m: a.last12m?.profit.nopat ?? null,
    clv: a.clv,
    open: a.commitment_stats.open,
    overdue: a.commitment_stats.overdue,
  };
}

export function accountRows(p: Portfolio): AccountRow[] {
  return p.accounts.map(accountRow);
}

/** Distinct non-empty values of a column, sorted for a filter drop-down. */
export function distinct(
  rows: readonly AccountRow[],
  key: 'industry' | 'region' | 'kam_id',
  locale: string,
): string[] {
  const values = new Set<string>();
  for (const r of rows) if (r[key]) values.add(r[key]);
  return [...values].sort(new Intl.Collator(locale).compare);
}
