/**
 * Contacts (article idea 7): who is in each client's decision-making unit and how
 * they feel about us, and the people the owner cannot reach, to hand over to a teammate.
 */
import { DMU_ROLES, type Contact, type DmuRole } from '../schema/index.ts';
import type { ContactSummary, DmuCoverage, HandoverItem } from './types.ts';

function weightedAttitude(people: readonly Contact[]): number | null {
  let w = 0;
  let sum = 0;
  for (const c of people) {
    if (c.influence === undefined || c.attitude === undefined) continue;
    w += c.influence;
    sum += c.influence * c.attitude;
  }
  return w > 0 ? sum / w : null;
}

/** Influence descending (unknown last), then account, name and id for a stable order. */
export function compareHandover(a: HandoverItem, b: HandoverItem): number {
  const ia = a.influence ?? -Infinity;
  const ib = b.influence ?? -Infinity;
  if (ia !== ib) return ib - ia;
  for (const k of ['account_id', 'name', 'contact_id'] as const) {
    if (a[k] !== b[k]) return a[k] < b[k] ? -1 : 1;
  }
  return 0;
}

/** Reachable = no, or nobody owns the contact → hand over. */
export function handoverItem(c: Contact): HandoverItem | null {
  const noOwner = c.owner_id === undefined || c.owner_id === '';
  if (c.reachable && !noOwner) return null;
  return {
    contact_id: c.contact_id,
    account_id: c.account_id,
    name: c.name,
    title: c.title ?? null,
    dmu_role: c.dmu_role ?? null,
    influence: c.influence ?? null,
    owner_id: noOwner ? null : (c.owner_id ?? null),
    reason: noOwner ? 'no_owner' : 'unreachable',
    row: c,
  };
}

export function contactSummary(people: readonly Contact[]): ContactSummary {
  const byRole = new Map<DmuRole | 'unassigned', Contact[]>();
  const handover: HandoverItem[] = [];
  for (const c of people) {
    const role = c.dmu_role ?? 'unassigned';
    const list = byRole.get(role);
    if (list) list.push(c);
    else byRole.set(role, [c]);
    const h = handoverItem(c);
    if (h) handover.push(h);
  }
  const roles: (DmuRole | 'unassigned')[] = [...DMU_ROLES, 'unassigned'];
  const coverage: DmuCoverage[] = roles.flatMap((role) => {
    const list = byRole.get(role);
    return list ? [{ role, people: list.length, weighted_attitude: weightedAttitude(list) }] : [];
  });
  return {
    people: people.length,
    by_role: coverage,
    missing_roles: DMU_ROLES.filter((r) => !byRole.has(r)),
    weighted_attitude: weightedAttitude(people),
    handover: handover.sort(compareHandover),
  };
}
