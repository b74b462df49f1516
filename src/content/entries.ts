/**
 * How the validated datasets are cut into content-layer entries: small ones. The datasets
 * themselves reach the pages through `loadPortal()` (see source.ts for why).
 */
import type { Account, Compensation, Datasets, TeamMember } from '../schema/index.ts';
import type { FileSummary, IngestResult, Problem } from '../ingest/index.ts';

/**
 * One account: its row only. The rows of the other datasets are not copied into the content
 * layer (Astro would serialise them all into the build); pages get them from `loadPortal()`.
 */
export interface AccountEntry extends Record<string, unknown> {
  account: Account;
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

export function accountEntries(data: Datasets): Map<string, AccountEntry> {
  return new Map(data.accounts.map((account) => [account.account_id, { account }]));
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
  return {
    ok: result.ok,
    problems: result.problems.filter((p) => p.severity === 'error'),
    checkedAt: new Date().toISOString(),
  };
}
