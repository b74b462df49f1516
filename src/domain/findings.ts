/**
 * Data-quality findings the analysis reveals. Each has a stable `code`, an English message
 * template and named params, so the UI can translate by code (`{name}` placeholders).
 * Ingestion problems (missing columns, dangling references, role warnings) are not here.
 */
import type { Account, Contact, Settings } from '../schema/index.ts';
import type { AccountResult, Finding, PayRow, Severity, SurveyResult } from './types.ts';

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

/** What the findings pass reads: the inputs and the results the portfolio steps computed. */
export interface FindingsInput {
  accounts: readonly Account[];
  settings: Settings;
  currentPeriod: string | null;
  scoredPeriods: ReadonlySet<string>;
  /** Contacts last reached before this date are stale. */
  yearAgo: string;
  /** One per account, in `accounts` order. */
  results: readonly AccountResult[];
  /** Each account's surveys in input order, in `accounts` order. */
  surveys: readonly (readonly SurveyResult[])[];
  contactsByAccount: ReadonlyMap<string, readonly Contact[]>;
  isScored: (accountId: string, period: string) => boolean;
  hasFinancialsIn: (accountId: string, period: string) => boolean;
  payRows: readonly PayRow[];
}

/**
 * Every portfolio finding, derived from the computed results: the period, then lost accounts
 * without a date, then each account's periods, contacts and surveys, then key accounts, then pay.
 */
export function portfolioFindings(input: FindingsInput): Finding[] {
  return [
    ...periodFindings(input),
    ...input.accounts.flatMap((a) =>
      a.status === 'lost' && a.lost_on === undefined
        ? [finding('lost_without_date', { account_id: a.account_id }, { account_id: a.account_id })]
        : [],
    ),
    ...input.results.flatMap((acc, i) => [
      ...accountPeriodFindings(input, acc),
      ...contactFindings(input, acc),
      ...surveyFindings(input.surveys[i] ?? []),
    ]),
    ...input.results.flatMap(keyAccountFindings),
    ...payFindings(input.payRows, input.settings.base_pay_cap),
  ];
}

function periodFindings({ currentPeriod, settings, scoredPeriods }: FindingsInput): Finding[] {
  if (currentPeriod === null) return [finding('no_current_period', {})];
  if (settings.current_period !== undefined && !scoredPeriods.has(currentPeriod)) {
    return [finding('current_period_not_scored', { period: currentPeriod }, { period: currentPeriod })];
  }
  return [];
}

function accountPeriodFindings(input: FindingsInput, acc: AccountResult): Finding[] {
  const { currentPeriod } = input;
  const id = acc.account_id;
  const { periods, current } = acc;
  const list = periods.includes(current) || currentPeriod === null ? periods : [...periods, current];
  return list.flatMap((p) => {
    const out: Finding[] = [];
    const where = { account_id: id, period: p.period };
    const scored = input.isScored(id, p.period);
    const expected = p.period === currentPeriod && acc.account.status !== 'lost';
    if (p.segment.unscored && (scored || expected)) {
      const params = {
        account_id: id,
        period: p.period,
        attractiveness_coverage: p.segment.attractiveness_coverage,
        strength_coverage: p.segment.strength_coverage,
      };
      out.push(finding('unscored', params, where));
    }
    if (scored && !input.hasFinancialsIn(id, p.period)) {
      out.push(finding('scores_without_financials', { account_id: id, period: p.period }, where));
    }
    return out;
  });
}

function contactFindings(input: FindingsInput, acc: AccountResult): Finding[] {
  const id = acc.account_id;
  if (acc.account.status === 'lost') return [];
  return (input.contactsByAccount.get(id) ?? []).flatMap((c) => {
    const params = {
      contact_id: c.contact_id,
      name: c.name,
      account_id: id,
      last_contact: c.last_contact ?? null,
    };
    if (c.last_contact === undefined) return [finding('contact_never_contacted', params, { account_id: id })];
    if (c.last_contact < input.yearAgo) return [finding('contact_stale', params, { account_id: id })];
    return [];
  });
}

function surveyFindings(surveys: readonly SurveyResult[]): Finding[] {
  return surveys.flatMap((r) => {
    const params = {
      survey_id: r.survey_id,
      account_id: r.account_id,
      respondents: r.respondents,
      invited: r.invited,
    };
    const where = { account_id: r.account_id };
    return [
      ...(r.respondents > r.invited ? [finding('respondents_exceed_invited', params, where)] : []),
      ...(r.answers === 0 ? [finding('survey_without_answers', params, where)] : []),
    ];
  });
}

function keyAccountFindings(acc: AccountResult): Finding[] {
  if (acc.current.segment.segment !== 'key') return [];
  const where = { account_id: acc.account_id };
  const nopat = acc.last12m?.profit.nopat;
  return [
    ...(nopat !== undefined && nopat < 0
      ? [finding('key_account_unprofitable', { account_id: acc.account_id, nopat_12m: nopat }, where)]
      : []),
    ...(acc.dossier.totals.count === 0
      ? [finding('key_without_dossier', { account_id: acc.account_id }, where)]
      : []),
  ];
}

function payFindings(rows: readonly PayRow[], cap: number): Finding[] {
  return rows.flatMap((r) =>
    r.over_cap
      ? [
          finding(
            'base_pay_over_cap',
            { member_id: r.member_id, period: r.period, base_share: r.base_share, cap },
            { member_id: r.member_id, period: r.period },
          ),
        ]
      : [],
  );
}
