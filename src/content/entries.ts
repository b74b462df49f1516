/**
 * How the validated datasets are cut into content-layer entries: small ones. The datasets
 * themselves reach the pages in the build context through `loadPortal()` (see context.ts).
 */
import type { Account, Compensation, Datasets, TeamMember } from '../schema/index.ts';

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

export function accountEntries(data: Datasets): Map<string, AccountEntry> {
  return new Map(data.accounts.map((account) => [account.account_id, { account }]));
}

export function splitByMember(data: Datasets): Map<string, MemberEntry> {
  const out = new Map<string, MemberEntry>();
  for (const member of data.team) out.set(member.member_id, { member, compensation: [] });
  for (const c of data.compensation) out.get(c.member_id)?.compensation.push(c);
  return out;
}
