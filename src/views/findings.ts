/** Findings in the reader's language: the domain gives a code and params, the catalogue a template. */
import type { Finding, FindingCode, Portfolio, Severity } from '../domain/types.ts';
import type { Messages } from '../i18n/index.ts';
import type { Formatters } from '../i18n/format.ts';

type DisplayParams = Record<string, string | number | boolean | null | undefined>;

/** Names for the ids a finding carries (an account, a team member). */
export interface FindingNames {
  account?: (id: string) => string | undefined;
  member?: (id: string) => string | undefined;
}

/**
 * A finding's params as a reader sees them: ids become names ("Sarah Mitchell (M03)"), money,
 * shares, periods and dates go through the one formatter — never "M03" or "-71927".
 */
export function displayParams(f: Finding, fmt: Formatters, names: FindingNames = {}): DisplayParams {
  const out: DisplayParams = {};
  for (const [key, v] of Object.entries(f.params as DisplayParams)) {
    if (v === null || v === undefined || typeof v === 'boolean') {
      out[key] = v;
    } else if (typeof v === 'number') {
      if (/coverage|share|cap|rate/.test(key)) out[key] = fmt.percent(v, 1);
      else if (/nopat|revenue|cost|pay|amount|value/.test(key)) out[key] = fmt.money(v);
      else out[key] = fmt.number(v, 2);
    } else if (key === 'account_id') {
      const name = names.account?.(v);
      out[key] = name && name !== v ? `${name} (${v})` : v;
    } else if (key === 'member_id') {
      const name = names.member?.(v);
      out[key] = name && name !== v ? `${name} (${v})` : v;
    } else if (key === 'period') {
      out[key] = fmt.period(v);
    } else if (/^\d{4}-\d{2}-\d{2}$/.test(v)) {
      out[key] = fmt.date(v);
    } else {
      out[key] = v;
    }
  }
  return out;
}

/** The `{name}` placeholders of a template, in order. */
export function placeholders(template: string): string[] {
  return [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);
}

/** Fills `{name}` placeholders; a missing value reads as a dash. */
export function fillTemplate(template: string, params: DisplayParams): string {
  return template.replace(/\{(\w+)\}/g, (_, key: string) => {
    const v = params[key];
    return v === undefined || v === null ? '—' : String(v);
  });
}

/** A finding as a sentence in the catalogue's language (the data's locale). */
export function findingText(f: Finding, t: Messages, fmt: Formatters, names: FindingNames = {}): string {
  return fillTemplate(t.findings[f.code], displayParams(f, fmt, names));
}

/** The names a finding's ids are shown by: the portfolio's accounts and its team. */
export function findingNames(portfolio: Portfolio, memberName: (id: string) => string): FindingNames {
  return { account: (id) => portfolio.accountIndex.get(id)?.name, member: memberName };
}

const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

export interface FindingGroup {
  code: FindingCode;
  severity: Severity;
  items: Finding[];
}

/** Findings grouped by code, the most severe and then the largest groups first. */
export function groupFindings(findings: readonly Finding[]): FindingGroup[] {
  const groups = new Map<string, FindingGroup>();
  for (const f of findings) {
    const g = groups.get(f.code) ?? { code: f.code, severity: f.severity, items: [] };
    g.items.push(f);
    groups.set(f.code, g);
  }
  return [...groups.values()].sort(
    (a, b) =>
      RANK[a.severity] - RANK[b.severity] || b.items.length - a.items.length || a.code.localeCompare(b.code),
  );
}

/**
 * Findings that are news about the business, not faults in the spreadsheets: the data is
 * right, and someone should act (a key client losing money, pay above the cap).
 */
const ALERT_CODES: ReadonlySet<FindingCode> = new Set(['key_account_unprofitable', 'base_pay_over_cap']);

export function isBusinessAlert(f: Finding): boolean {
  return ALERT_CODES.has(f.code);
}

export function dataProblems(findings: readonly Finding[]): Finding[] {
  return findings.filter((f) => !isBusinessAlert(f));
}

export function businessAlerts(findings: readonly Finding[]): Finding[] {
  return findings.filter(isBusinessAlert);
}
