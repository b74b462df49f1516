/**
 * Data-quality findings the analysis reveals. Each has a stable `code`, a severity and typed
 * params (`FindingParams` in types.ts); the words are the reader's, one template per code in
 * the message catalogue (src/i18n `findings`), so the domain holds no language.
 * Ingestion problems (missing columns, dangling references, role warnings) are not here.
 */
import type { Account, Contact, Settings } from '../schema/index.ts';
import type {
  AccountResult,
  Finding,
  FindingCode,
  FindingOf,
  FindingParams,
  PayRow,
  Severity,
  SurveyResult,
} from './types.ts';

export type { FindingCode, FindingParams } from './types.ts';

/** Every finding code with its severity: the one list of codes there is. */
export const FINDING_SEVERITY: Readonly<Record<FindingCode, Severity>> = {
  no_current_period: 'warning',
  current_period_not_scored: 'warning',
  unscored: 'warning',
  scores_without_financials: 'warning',
  key_without_dossier: 'warning',
  key_account_unprofitable: 'warning',
  lost_without_date: 'info',
  contact_never_contacted: 'info',
  contact_stale: 'info',
  respondents_exceed_invited: 'warning',
  survey_without_answers: 'info',
  base_pay_over_cap: 'warning',
};

export const FINDING_CODES = Object.keys(FINDING_SEVERITY) as readonly FindingCode[];

export function finding<C extends FindingCode>(
  code: C,
  params: FindingParams[C],
  where: { account_id?: string; member_id?: string; period?: string } = {},
): FindingOf<C> {
  return { code, severity: FINDING_SEVERITY[code], ...where, params };
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
  return (input.contactsByAccount.get(id) ?? []).flatMap((c): Finding[] => {
    const params = { contact_id: c.contact_id, name: c.name, account_id: id };
    const where = { account_id: id };
    if (c.last_contact === undefined) return [finding('contact_never_contacted', params, where)];
    if (c.last_contact < input.yearAgo) {
      return [finding('contact_stale', { ...params, last_contact: c.last_contact }, where)];
    }
    return [];
  });
}

function surveyFindings(surveys: readonly SurveyResult[]): Finding[] {
  return surveys.flatMap((r) => {
    const params = { survey_id: r.survey_id, account_id: r.account_id };
    const where = { account_id: r.account_id };
    return [
      ...(r.respondents > r.invited
        ? [
            finding(
              'respondents_exceed_invited',
              { ...params, respondents: r.respondents, invited: r.invited },
              where,
            ),
          ]
        : []),
      ...(r.answers === 0 ? [finding('survey_without_answers', params, where)] : []),
    ];
  });
}

function keyAccountFindings(acc: AccountResult): Finding[] {
  if (acc.current.segment.segment !== 'key') return [];
  const where = { account_id: acc.account_id };
  const nopat = acc.last12m?.profit.nopat;
  return [
    ...(nopat != null && nopat < 0
      ? [finding('key_account_unprofitable', { account_id: acc.account_id, nopat_12m: nopat }, where)]
      : []),
    ...(acc.dossier.totals.count === 0
      ? [finding('key_without_dossier', { account_id: acc.account_id }, where)]
      : []),
  ];
}

function payFindings(rows: readonly PayRow[], cap: number): Finding[] {
  return rows.flatMap((r) =>
    // over_cap implies a base share (no share, nothing over the cap).
    r.over_cap && r.base_share !== null
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
