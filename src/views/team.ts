/** Team views: one row per member with workload, pay check and commitments. */
import type {
  CommitmentResult,
  CommitmentState,
  ManagerLoad,
  OwnerCommitments,
  PayRow,
  Portfolio,
  HandoverItem,
} from '../domain/types.ts';
import type { Locale } from '../schema/concepts.ts';
import type { TeamMember } from '../schema/index.ts';
import { comparePeriods } from '../schema/period.ts';

export interface MemberView {
  member: TeamMember;
  load: ManagerLoad | null;
  commitments: OwnerCommitments | null;
  /** Pay rows, oldest first. */
  pay: PayRow[];
  latestPay: PayRow | null;
  accountIds: string[];
  /** Contacts this member owns but cannot reach. */
  handover: HandoverItem[];
}

const memo = new WeakMap<Portfolio, Map<string, MemberView>>();

export function memberViews(p: Portfolio): Map<string, MemberView> {
  const cached = memo.get(p);
  if (cached) return cached;
  const loads = new Map(p.workload.managers.map((m) => [m.member_id, m]));
  const owners = new Map(p.commitments.by_owner.map((o) => [o.owner_id, o]));
  const out = new Map<string, MemberView>();
  for (const member of p.team) {
    out.set(member.member_id, {
      member,
      load: loads.get(member.member_id) ?? null,
      commitments: owners.get(member.member_id) ?? null,
      pay: [],
      latestPay: null,
      accountIds: [],
      handover: [],
    });
  }
  for (const r of p.pay.rows) out.get(r.member_id)?.pay.push(r);
  for (const a of p.accounts) out.get(a.kam_id)?.accountIds.push(a.account_id);
  for (const h of p.handover) if (h.owner_id) out.get(h.owner_id)?.handover.push(h);
  for (const v of out.values()) {
    v.pay.sort((a, b) => comparePeriods(a.period, b.period));
    v.latestPay = v.pay.at(-1) ?? null;
  }
  memo.set(p, out);
  return out;
}

/** Workload bars run to 150 % of capacity, with a tick at 100 %. */
export const LOAD_SCALE = 1.5;

/** What the commitment and hand-over tables need besides the rows: names and the reader's language. */
export interface TableNamesInput {
  portfolio: Portfolio;
  fmt: { locale: Locale };
  memberName(id: string): string;
}

export interface Option {
  value: string;
  label: string;
}

export interface CommitmentTableView {
  rows: { commitment: CommitmentResult; account_name: string; owner_name: string }[];
  /** Filter options: the states present (in state order) and the owners (by name). */
  states: CommitmentState[];
  owners: Option[];
}

export interface HandoverTableView {
  rows: { item: HandoverItem; account_name: string; owner_name: string | null }[];
  reasons: HandoverItem['reason'][];
  owners: Option[];
}

const COMMITMENT_STATE_ORDER: readonly CommitmentState[] = ['open', 'overdue', 'done_on_time', 'done_late'];
const HANDOVER_REASON_ORDER: readonly HandoverItem['reason'][] = ['unreachable', 'no_owner'];

function names({ portfolio, fmt, memberName }: TableNamesInput) {
  const collator = new Intl.Collator(fmt.locale);
  return {
    account: (id: string) => portfolio.accountIndex.get(id)?.name ?? id,
    /** Each owner once, sorted by name. */
    owners: (ids: readonly (string | null)[]): Option[] =>
      [...new Set(ids.filter((x): x is string => Boolean(x)))]
        .map((m) => ({ value: m, label: memberName(m) }))
        .sort((a, b) => collator.compare(a.label, b.label)),
  };
}

/** Commitments as the account, team and member pages list them. */
export function commitmentTable(
  input: TableNamesInput,
  commitments: readonly CommitmentResult[],
): CommitmentTableView {
  const n = names(input);
  return {
    rows: commitments.map((c) => ({
      commitment: c,
      account_name: n.account(c.row.account_id),
      owner_name: input.memberName(c.row.owner_id),
    })),
    states: COMMITMENT_STATE_ORDER.filter((s) => commitments.some((c) => c.state === s)),
    owners: n.owners(commitments.map((c) => c.row.owner_id)),
  };
}

/** Contacts to hand over, as the team and member pages list them. */
export function handoverTable(input: TableNamesInput, handover: readonly HandoverItem[]): HandoverTableView {
  const n = names(input);
  return {
    rows: handover.map((h) => ({
      item: h,
      account_name: n.account(h.account_id),
      owner_name: h.owner_id ? input.memberName(h.owner_id) : null,
    })),
    reasons: HANDOVER_REASON_ORDER.filter((r) => handover.some((h) => h.reason === r)),
    owners: n.owners(handover.map((h) => h.owner_id)),
  };
}
