/**
 * What changed between two builds, pure: the account records of `accounts.json` compared
 * field by field, and each dataset's rows compared through a per-row digest keyed by the
 * dataset's key columns (added / removed / changed counts). The build writes the snapshots
 * (src/build/snapshot.ts); this module only compares them and shapes the result for pages.
 */
import { accountPeriodChange, type AccountPeriodChange } from '../domain/movements.ts';
import type { AccountResult, Portfolio } from '../domain/types.ts';
import type { AccountExportRow } from './exports.ts';
import type { Messages } from '../i18n/index.ts';
import type { Formatters } from '../i18n/format.ts';

/** What a build keeps for the next one to compare with. */
export interface BuildSnapshot {
  version: 1;
  /** ISO time of the build. */
  builtAt: string;
  accounts: AccountExportRow[];
  rows: Record<string, RowDigests>;
}

/**
 * One dataset's rows: each row's key (its key columns' values) and, at the same index, a digest
 * of its values. Parallel arrays, not an object keyed by row: they load and compare faster at
 * hundreds of thousands of rows.
 */
export interface RowDigests {
  keys: string[];
  digests: string[];
}

export type AccountChangeKind = 'added' | 'removed' | 'changed';

export interface FieldChange {
  from: unknown;
  to: unknown;
}

export interface AccountChange {
  account_id: string;
  name: string;
  change: AccountChangeKind;
  /** The fields that differ (changed accounts only; added and removed ones carry none). */
  fields: Record<string, FieldChange>;
}

export interface RowCounts {
  added: number;
  removed: number;
  changed: number;
}

/** The published comparison (`exports/changes.json`). */
export interface BuildChanges {
  /** When the build compared with ran; null for the first build (nothing to compare with). */
  since: string | null;
  accounts: AccountChange[];
  /** Datasets whose rows differ; datasets with no difference are left out. */
  rows: Record<string, RowCounts>;
}

export function noChanges(): BuildChanges {
  return { since: null, accounts: [], rows: {} };
}

/** Field values are JSON (numbers, strings, null, the sorted `signals` list): equal as JSON. */
function same(a: unknown, b: unknown): boolean {
  if (a === b || (Number.isNaN(a) && Number.isNaN(b))) return true;
  return typeof a === 'object' && typeof b === 'object' && JSON.stringify(a) === JSON.stringify(b);
}

/** Every field of either record whose value differs, in the record's field order. */
export function fieldChanges(from: object, to: object): Record<string, FieldChange> {
  const out: Record<string, FieldChange> = {};
  const a = from as Record<string, unknown>;
  const b = to as Record<string, unknown>;
  for (const f of new Set([...Object.keys(b), ...Object.keys(a)])) {
    const x = a[f] ?? null;
    const y = b[f] ?? null;
    if (!same(x, y)) out[f] = { from: x, to: y };
  }
  return out;
}

function byId(a: AccountChange, b: AccountChange): number {
  return a.account_id < b.account_id ? -1 : a.account_id > b.account_id ? 1 : 0;
}

export function compareRows(before?: RowDigests, now?: RowDigests): RowCounts {
  const old = new Map<string, string>();
  if (before) for (let i = 0; i < before.keys.length; i++) old.set(before.keys[i]!, before.digests[i]!);
  const counts: RowCounts = { added: 0, removed: 0, changed: 0 };
  let kept = 0;
  const keys = now?.keys ?? [];
  for (let i = 0; i < keys.length; i++) {
    const digest = old.get(keys[i]!);
    if (digest === undefined) counts.added++;
    else {
      kept++;
      if (digest !== now!.digests[i]) counts.changed++;
    }
  }
  counts.removed = old.size - kept;
  return counts;
}

/** The changes from `before` (the latest earlier snapshot, if any) to `now`. */
export function compareBuilds(before: BuildSnapshot | null, now: BuildSnapshot): BuildChanges {
  if (!before) return noChanges();
  const old = new Map(before.accounts.map((a) => [a.account_id, a]));
  const seen = new Set<string>();
  const accounts: AccountChange[] = [];
  for (const a of now.accounts) {
    seen.add(a.account_id);
    const prev = old.get(a.account_id);
    if (!prev) {
      accounts.push({ account_id: a.account_id, name: a.name, change: 'added', fields: {} });
      continue;
    }
    const fields = fieldChanges(prev, a);
    if (Object.keys(fields).length)
      accounts.push({ account_id: a.account_id, name: a.name, change: 'changed', fields });
  }
  for (const a of before.accounts)
    if (!seen.has(a.account_id))
      accounts.push({ account_id: a.account_id, name: a.name, change: 'removed', fields: {} });
  accounts.sort(byId);

  const rows: Record<string, RowCounts> = {};
  const names = [...new Set([...Object.keys(now.rows), ...Object.keys(before.rows)])].sort();
  for (const name of names) {
    const c = compareRows(before.rows[name], now.rows[name]);
    if (c.added || c.removed || c.changed) rows[name] = c;
  }
  return { since: before.builtAt, accounts, rows };
}

export interface ChangesSummary {
  /** Changed accounts per field (segment, supplier_position, kam_id …), fields in record order. */
  fields: { field: string; accounts: number }[];
  added: number;
  removed: number;
  /** Changed rows (added + removed + changed) per dataset. */
  rows: { dataset: string; rows: number }[];
}

/** Counts for the one-line summary on the dashboard. */
export function summarizeChanges(c: BuildChanges): ChangesSummary {
  const perField = new Map<string, number>();
  let added = 0;
  let removed = 0;
  for (const a of c.accounts) {
    if (a.change === 'added') added++;
    else if (a.change === 'removed') removed++;
    else for (const f of Object.keys(a.fields)) perField.set(f, (perField.get(f) ?? 0) + 1);
  }
  return {
    fields: [...perField].map(([field, accounts]) => ({ field, accounts })),
    added,
    removed,
    rows: Object.entries(c.rows).map(([dataset, n]) => ({ dataset, rows: n.added + n.removed + n.changed })),
  };
}

interface FieldContext {
  t: Messages;
  fmt: Formatters;
  memberName(id: string): string;
}

const MONEY = new Set([
  'revenue',
  'operating_profit',
  'nopat',
  'clv',
  'dossier_client_value',
  'whitespace_value',
]);

/** An accounts.json value as the pages show it (labels, money, scores); '—' for none. */
export function fieldText(field: string, value: unknown, { t, fmt, memberName }: FieldContext): string {
  if (value === null || value === undefined || value === '') return '—';
  if (field === 'segment') return t.segment[value as keyof typeof t.segment] ?? String(value);
  if (field === 'supplier_position') return t.position[value as keyof typeof t.position] ?? String(value);
  if (field === 'status') return t.status[value as keyof typeof t.status] ?? String(value);
  if (field === 'kam_id') return `${memberName(String(value))} (${String(value)})`;
  if (field === 'period') return fmt.period(String(value));
  if (field === 'health') return t.signals.health[value as keyof typeof t.signals.health] ?? String(value);
  if (field === 'signals' && Array.isArray(value))
    return value.length
      ? value.map((c) => t.signals.label[c as keyof typeof t.signals.label] ?? String(c)).join(', ')
      : '—';
  if (typeof value !== 'number') return String(value);
  if (MONEY.has(field)) return fmt.money(value);
  if (field === 'attractiveness' || field === 'strength') return fmt.score(value);
  if (field === 'share_of_wallet') return fmt.percent(value, 1);
  return fmt.number(value);
}

/** The dashboard's line on the build's changes: the summary, or why there is none. */
export function buildSummary(c: BuildChanges | undefined, t: Messages, fmt: Formatters): string {
  if (!c) return t.changes.devOnly;
  return c.since ? summaryLine(c, t, fmt) : t.changes.firstBuild;
}

/** The dashboard's one-line summary: "Since the build of …: 2 accounts changed segment, …". */
export function summaryLine(c: BuildChanges, t: Messages, fmt: Formatters): string {
  const s = summarizeChanges(c);
  const parts = [
    ...s.fields
      .filter((f) => SUMMARY_FIELDS.has(f.field))
      .map((f) => t.changes.summaryField(f.accounts, t.changes.fields[f.field] ?? f.field)),
    ...(s.added ? [t.changes.summaryAdded(s.added)] : []),
    ...(s.removed ? [t.changes.summaryRemoved(s.removed)] : []),
    ...s.rows.map((r) => t.changes.summaryRows(r.rows, t.changes.datasets[r.dataset] ?? r.dataset)),
  ];
  const head = t.changes.sinceBuild(buildTime(c.since, fmt));
  return parts.length ? `${head}: ${parts.join(', ')}.` : `${head}: ${t.changes.nothing}`;
}

/** The fields the dashboard line names; the /changes/ page lists every field. */
const SUMMARY_FIELDS = new Set(['segment', 'supplier_position', 'kam_id', 'status', 'name']);

/** "14 Oct 2026 10:42 UTC" in the portal's language. */
export function buildTime(iso: string | null, fmt: Formatters): string {
  return iso ? `${fmt.date(iso.slice(0, 10))} ${iso.slice(11, 16)} UTC` : '—';
}

/** An account's changes as its page shows them: since the previous period and since the previous build. */
export interface AccountChangesView {
  period: AccountPeriodChange;
  /** What changed since the build compared with; null without one or when the account did not change. */
  sinceBuild: {
    /** When that build ran, formatted. */
    time: string;
    added: boolean;
    fields: { label: string; from: string; to: string }[];
  } | null;
}

export function accountChanges(
  input: FieldContext & { portfolio: Portfolio; changes: BuildChanges | undefined },
  a: AccountResult,
): AccountChangesView {
  const { portfolio, changes, t, fmt } = input;
  const since = changes?.since ? changes.accounts.find((x) => x.account_id === a.account_id) : undefined;
  return {
    period: accountPeriodChange(portfolio, a),
    sinceBuild: since
      ? {
          time: buildTime(changes?.since ?? null, fmt),
          added: since.change === 'added',
          fields: Object.entries(since.fields).map(([field, v]) => ({
            label: t.changes.fields[field] ?? field,
            from: fieldText(field, v.from, input),
            to: fieldText(field, v.to, input),
          })),
        }
      : null,
  };
}
