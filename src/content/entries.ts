/**
 * How the validated datasets are cut into content-layer entries and put back together.
 * Both directions live here so they cannot drift apart.
 */
import type {
  Account,
  Commitment,
  Compensation,
  Contact,
  Datasets,
  DossierEntry,
  Feedback,
  Financial,
  Kpi,
  Positioning,
  Score,
  Survey,
  TeamMember,
} from '../schema/index.ts';
import type { FileSummary, IngestResult, Problem } from '../ingest/index.ts';

/** Every row that belongs to one account. */
export interface AccountEntry extends Record<string, unknown> {
  account: Account;
  scores: Score[];
  positioning: Positioning[];
  financials: Financial[];
  dossier: DossierEntry[];
  kpis: Kpi[];
  contacts: Contact[];
  commitments: Commitment[];
  surveys: Survey[];
  feedback: Feedback[];
}

export interface MemberEntry extends Record<string, unknown> {
  member: TeamMember;
  compensation: Compensation[];
}

/** Portfolio-wide input: settings, criteria, and where the data came from. */
export interface PortfolioInputEntry extends Record<string, unknown> {
  settings: Datasets['settings'];
  settingsGiven: string[];
  criteria: Datasets['criteria'];
  files: FileSummary[];
  warnings: Problem[];
  readAt: string;
}

/** The last attempt to read the data (in dev it may have failed while older data is shown). */
export interface InputStatusEntry extends Record<string, unknown> {
  ok: boolean;
  problems: Problem[];
  checkedAt: string;
}

/** Datasets whose rows carry an account_id (feedback reaches its account through its survey). */
type PerAccount = 'scores' | 'positioning' | 'financials' | 'dossier' | 'kpis' | 'contacts' | 'commitments' | 'surveys';
const PER_ACCOUNT: readonly PerAccount[] = [
  'scores',
  'positioning',
  'financials',
  'dossier',
  'kpis',
  'contacts',
  'commitments',
  'surveys',
];

export function splitByAccount(data: Datasets): Map<string, AccountEntry> {
  const out = new Map<string, AccountEntry>();
  for (const account of data.accounts) {
    out.set(account.account_id, {
      account,
      scores: [],
      positioning: [],
      financials: [],
      dossier: [],
      kpis: [],
      contacts: [],
      commitments: [],
      surveys: [],
      feedback: [],
    });
  }
  for (const key of PER_ACCOUNT) {
    for (const row of data[key] as { account_id: string }[]) (out.get(row.account_id)?.[key] as unknown[] | undefined)?.push(row);
  }
  // Feedback belongs to an account through its survey.
  const surveyAccount = new Map(data.surveys.map((s) => [s.survey_id, s.account_id]));
  for (const f of data.feedback) {
    const id = surveyAccount.get(f.survey_id);
    if (id) out.get(id)?.feedback.push(f);
  }
  return out;
}

export function splitByMember(data: Datasets): Map<string, MemberEntry> {
  const out = new Map<string, MemberEntry>();
  for (const member of data.team) out.set(member.member_id, { member, compensation: [] });
  for (const c of data.compensation) out.get(c.member_id)?.compensation.push(c);
  return out;
}

export function portfolioInput(data: Datasets, result: IngestResult): PortfolioInputEntry {
  return {
    settings: data.settings,
    settingsGiven: [...data.settingsGiven],
    criteria: data.criteria,
    files: result.files,
    warnings: result.problems.filter((p) => p.severity === 'warning'),
    readAt: new Date().toISOString(),
  };
}

export function inputStatus(result: IngestResult): InputStatusEntry {
  return { ok: result.ok, problems: result.problems.filter((p) => p.severity === 'error'), checkedAt: new Date().toISOString() };
}

/** Put the entries back together into the datasets the domain core takes. */
export function joinDatasets(
  input: PortfolioInputEntry,
  accounts: readonly AccountEntry[],
  members: readonly MemberEntry[],
): Datasets {
  const data: Datasets = {
    settings: input.settings,
    settingsGiven: input.settingsGiven,
    criteria: input.criteria,
    team: members.map((m) => m.member),
    compensation: members.flatMap((m) => m.compensation),
    accounts: accounts.map((a) => a.account),
    scores: [],
    positioning: [],
    financials: [],
    dossier: [],
    kpis: [],
    contacts: [],
    commitments: [],
    surveys: [],
    feedback: [],
  };
  for (const a of accounts) {
    for (const key of PER_ACCOUNT) (data[key] as unknown[]).push(...(a[key] as unknown[]));
    data.feedback.push(...a.feedback);
  }
  return data;
}
