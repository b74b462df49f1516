/**
 * Points of the two portfolio matrices for a period, with the previous position of each
 * account for movement arrows, and the accounts listed per quadrant (the text alternative).
 */
import type { AccountResult, Portfolio } from '../domain/types.ts';
import { previousPeriod } from './dashboard.ts';

export interface MatrixPointView {
  id: string;
  name: string;
  x: number;
  y: number;
  size: number;
  cls: string;
  from: { x: number; y: number } | null;
  quadrant: string;
}

type Kind = 'selection' | 'positioning';

function coords(a: AccountResult, period: string, kind: Kind): { x: number; y: number; cls: string } | null {
  const ap = a.periods.find((x) => x.period === period);
  if (!ap) return null;
  if (kind === 'selection') {
    const s = ap.segment;
    return s.segment && s.strength !== null && s.attractiveness !== null
      ? { x: s.strength, y: s.attractiveness, cls: s.segment }
      : null;
  }
  return ap.position ? { x: ap.position.spend, y: ap.position.risk, cls: ap.position.position } : null;
}

export function matrixPoints(
  p: Portfolio,
  kind: Kind,
  period: string | null,
  compareTo?: string | null,
): MatrixPointView[] {
  if (!period) return [];
  const before = compareTo === undefined ? previousPeriod(p, period) : compareTo;
  const out: MatrixPointView[] = [];
  for (const a of p.accounts) {
    const now = coords(a, period, kind);
    if (!now) continue;
    const then = before ? coords(a, before, kind) : null;
    const ap = a.periods.find((x) => x.period === period);
    out.push({
      id: a.account_id,
      name: a.name,
      x: now.x,
      y: now.y,
      size: Math.max(0, a.last12m?.profit.revenue ?? ap?.profit?.revenue ?? 0),
      cls: now.cls,
      from: then && (then.x !== now.x || then.y !== now.y) ? { x: then.x, y: then.y } : null,
      quadrant: now.cls,
    });
  }
  return out;
}

/** Scored periods (selection) or positioned periods, oldest first. */
export function matrixPeriods(p: Portfolio, kind: Kind): string[] {
  const seen = new Set<string>();
  for (const a of p.accounts)
    for (const ap of a.periods)
      if (kind === 'selection' ? ap.segment.segment : ap.position) seen.add(ap.period);
  return p.periods.filter((x) => seen.has(x));
}

export function byQuadrant(points: readonly MatrixPointView[]): Map<string, MatrixPointView[]> {
  const m = new Map<string, MatrixPointView[]>();
  for (const pt of points) {
    const list = m.get(pt.quadrant) ?? [];
    list.push(pt);
    m.set(pt.quadrant, list);
  }
  for (const list of m.values()) list.sort((a, b) => b.size - a.size);
  return m;
}
