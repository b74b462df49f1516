/** Findings in the reader's language: the domain gives a code and params, the UI a template. */
import type { Finding, Severity } from '../domain/types.ts';
import { formatMessage } from '../domain/findings.ts';
import type { Messages } from '../i18n/index.ts';
import type { Locale } from '../i18n/format.ts';

export function findingText(f: Finding, t: Messages, locale: Locale): string {
  if (locale === 'en') return f.message;
  const template = (t.findings as Record<string, string>)[f.code];
  return template ? formatMessage(template, f.params) : f.message;
}

const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

export interface FindingGroup {
  code: string;
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
