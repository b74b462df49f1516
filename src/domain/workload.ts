/**
 * Workload norms (article idea 8) — the ONE place the load model lives.
 *
 * Each account a manager runs (active and prospect; lost ones carry no load) adds
 *   load = base + Σ weight × factor
 * with factors, each roughly 0…1 for a typical account:
 *   potential        = potential / median potential of the portfolio (capped); unknown = 1
 *   distance         = distance_km / reference km (capped); unknown = 0
 *   decentralisation = (5 − purchase_centralization) / 4; unknown = 0.5
 *   contacts         = number of contacts / reference (capped)
 *   competition      = (competition − 1) / 4; unknown = 0.5
 *   fulfilment       = 1 − on-time rate of the account's commitments; none judged = 0
 * A manager's capacity = base capacity (30 points: about ten typical accounts) × (1 + step × (professionalism − 3)) × (1 + support
 * bonus when support staff take the administration off them). Utilisation = load / capacity;
 * above `over_threshold` is overloaded, below `under_threshold` underloaded.
 */
import type { Account, TeamMember } from '../schema/index.ts';
import { roundHalfUp } from './money.ts';
import type { AccountLoad, ManagerLoad, WorkloadModel } from './types.ts';

export const WORKLOAD_MODEL: WorkloadModel = {
  description:
    'Each active or prospect account adds 1 point, plus: up to 3 points for its potential ' +
    '(1 point at the portfolio median), 0.5 per 500 km of distance (at most 1), up to 0.5 the ' +
    'less centralised its purchasing, 0.5 per 5 contacts to keep (at most 1.5), up to 0.5 for ' +
    'strong competition, and up to 1 point for missed or overdue commitments. A manager of ' +
    'professionalism 3 without support staff carries 30 points (about ten typical accounts) at 100 %; each professionalism ' +
    'point above or below 3 changes that by 15 %, and support staff add 25 %. Above 110 % is ' +
    'overloaded, below 60 % underloaded.',
  weights: {
    base: 1,
    potential: 1,
    distance: 0.5,
    decentralisation: 0.5,
    contacts: 0.5,
    competition: 0.5,
    fulfilment: 1,
  },
  distance_reference_km: 500,
  distance_cap: 2,
  contacts_reference: 5,
  contacts_cap: 3,
  potential_cap: 3,
  base_capacity: 30,
  professionalism_step: 0.15,
  support_bonus: 0.25,
  over_threshold: 1.1,
  under_threshold: 0.6,
  counted_statuses: ['active', 'prospect'],
};

/** Median of the known positive potentials: the currency-free yardstick for "potential". */
export function medianPotential(accounts: readonly Account[]): number | null {
  const values = accounts
    .map((a) => a.potential)
    .filter((p): p is number => p !== undefined && p > 0)
    .sort((a, b) => a - b);
  if (values.length === 0) return null;
  const mid = values.length >> 1;
  return values.length % 2
    ? (values[mid] as number)
    : ((values[mid - 1] as number) + (values[mid] as number)) / 2;
}

export function accountLoad(
  a: Account,
  contacts: number,
  onTimeRate: number | null,
  median: number | null,
  m: WorkloadModel = WORKLOAD_MODEL,
): AccountLoad {
  const factors = {
    potential:
      a.potential === undefined || median === null ? 1 : Math.min(m.potential_cap, a.potential / median),
    distance:
      a.distance_km === undefined ? 0 : Math.min(m.distance_cap, a.distance_km / m.distance_reference_km),
    decentralisation: a.purchase_centralization === undefined ? 0.5 : (5 - a.purchase_centralization) / 4,
    contacts: Math.min(m.contacts_cap, contacts / m.contacts_reference),
    competition: a.competition === undefined ? 0.5 : (a.competition - 1) / 4,
    fulfilment: onTimeRate === null ? 0 : 1 - onTimeRate,
  };
  const counted = m.counted_statuses.includes(a.status ?? 'active');
  let load = m.weights.base;
  for (const k of Object.keys(factors) as (keyof typeof factors)[]) load += m.weights[k] * factors[k];
  return {
    account_id: a.account_id,
    kam_id: a.kam_id,
    counted,
    factors,
    load: counted ? roundHalfUp(load, 4) : 0,
  };
}

export function capacity(member: TeamMember | undefined, m: WorkloadModel = WORKLOAD_MODEL): number {
  const prof = member?.professionalism ?? 3;
  const support = member?.has_support_staff ? 1 + m.support_bonus : 1;
  return m.base_capacity * (1 + m.professionalism_step * (prof - 3)) * support;
}

/**
 * One row per manager: every kam_id in use plus team members with role kam (a KAM without
 * accounts shows as underloaded). Team order first, then ids not in the team.
 */
export function managerLoads(
  team: readonly TeamMember[],
  loads: readonly AccountLoad[],
  m: WorkloadModel = WORKLOAD_MODEL,
): ManagerLoad[] {
  const byManager = new Map<string, AccountLoad[]>();
  for (const t of team) if (t.role === 'kam') byManager.set(t.member_id, []);
  for (const l of loads) {
    const list = byManager.get(l.kam_id);
    if (list) list.push(l);
    else byManager.set(l.kam_id, [l]);
  }
  const teamById = new Map(team.map((t) => [t.member_id, t]));
  const order = new Map(team.map((t, i) => [t.member_id, i]));
  return [...byManager.entries()]
    .sort((a, b) => (order.get(a[0]) ?? Infinity) - (order.get(b[0]) ?? Infinity) || (a[0] < b[0] ? -1 : 1))
    .map(([id, list]) => {
      const member = teamById.get(id);
      const counted = list.filter((l) => l.counted);
      const load = roundHalfUp(
        counted.reduce((s, l) => s + l.load, 0),
        4,
      );
      const cap = capacity(member, m);
      const utilisation = cap > 0 ? load / cap : 0;
      return {
        member_id: id,
        name: member?.name ?? null,
        accounts: counted.length,
        load,
        capacity: roundHalfUp(cap, 4),
        utilisation,
        status: utilisation > m.over_threshold ? 'over' : utilisation < m.under_threshold ? 'under' : 'ok',
        account_loads: [...counted].sort((x, y) => y.load - x.load || (x.account_id < y.account_id ? -1 : 1)),
      } satisfies ManagerLoad;
    });
}
