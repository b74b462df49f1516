/**
 * Data-quality findings the analysis reveals. Each has a stable `code`, an English message
 * template and named params, so the UI can translate by code (`{name}` placeholders).
 * Ingestion problems (missing columns, dangling references, role warnings) are not here.
 */
import type { Finding, Severity } from './types.ts';

export const FINDINGS = {
  no_current_period: {
    severity: 'warning',
    message: 'No current period: there are no scores and no current_period setting.',
  },
  current_period_not_scored: {
    severity: 'warning',
    message: 'The current period {period} has no scores.',
  },
  unscored: {
    severity: 'warning',
    message:
      'Account {account_id} is unscored in {period}: criteria scored cover {attractiveness_coverage} of the attractiveness weight and {strength_coverage} of the strength weight (at least half of each is needed).',
  },
  scores_without_financials: {
    severity: 'warning',
    message: 'Account {account_id} has scores but no financials in {period}.',
  },
  key_without_dossier: {
    severity: 'warning',
    message: 'Key account {account_id} has no value dossier entry.',
  },
  key_account_unprofitable: {
    severity: 'warning',
    message: 'Key account {account_id} loses money: NOPAT over the last 12 months is {nopat_12m}.',
  },
  lost_without_date: {
    severity: 'info',
    message: 'Account {account_id} is lost but has no lost_on date; it is left out of the retention rate.',
  },
  contact_never_contacted: {
    severity: 'info',
    message: 'Contact {contact_id} ({name}) of account {account_id} has never been contacted.',
  },
  contact_stale: {
    severity: 'info',
    message:
      'Contact {contact_id} ({name}) of account {account_id} was last contacted on {last_contact}, over a year ago.',
  },
  respondents_exceed_invited: {
    severity: 'warning',
    message:
      'Survey {survey_id} of account {account_id} has {respondents} respondents but only {invited} invited.',
  },
  survey_without_answers: {
    severity: 'info',
    message: 'Survey {survey_id} of account {account_id} has no answers.',
  },
  base_pay_over_cap: {
    severity: 'warning',
    message: 'Base pay of {member_id} in {period} is {base_share} of possible pay, above the cap of {cap}.',
  },
} as const satisfies Record<string, { severity: Severity; message: string }>;

export type FindingCode = keyof typeof FINDINGS;
type Params = Finding['params'];

/** Fills `{name}` placeholders; fractions named like shares are shown as percentages. */
export function formatMessage(template: string, params: Params): string {
  return template.replace(/\{(\w+)\}/g, (_, key: string) => {
    const v = params[key];
    if (v === undefined || v === null) return '—';
    if (typeof v === 'number' && /coverage|share|cap|rate/.test(key)) return `${Math.round(v * 1000) / 10}%`;
    return String(v);
  });
}

export function finding(
  code: FindingCode,
  params: Params,
  where: { account_id?: string; member_id?: string; period?: string } = {},
): Finding {
  const def = FINDINGS[code];
  return { code, severity: def.severity, ...where, message: formatMessage(def.message, params), params };
}
