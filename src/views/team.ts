/** Team views: one row per member with workload, pay check and commitments. */
import type { ManagerLoad, OwnerCommitments, PayRow, Portfolio, HandoverItem } from '../domain/types.ts';
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
