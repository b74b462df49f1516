/**
 * Points of the two portfolio matrices for a period, with the previous position of each
 * account for movement arrows, and the accounts listed per quadrant (the text alternative).
 */
import type { AccountResult, Portfolio, Segment, SupplierPosition } from '../domain/types.ts';
import type { MatrixKind } from '../domain/movements.ts';
import { classifyPosition } from '../domain/positioning.ts';
import { classifySegment } from '../domain/segmentation.ts';
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
  /** The quadrant in the period the arrow starts from, when the account had one. */
  fromQuadrant: string | null;
}

type Kind = MatrixKind;

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
      fromQuadrant: then?.cls ?? null,
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

type Quadrants<T> = readonly [T, T, T, T];

// Read off the classifiers (y, x: 1 is high, 0 low against a threshold of ½) so a drawing can
// never put a segment or a position in another quadrant than the rule does.
const readQuadrants = <T>(classify: (y: number, x: number) => T): Quadrants<T> => [
  classify(1, 0),
  classify(1, 1),
  classify(0, 0),
  classify(0, 1),
];
const SELECTION_QUADRANTS = readQuadrants((y, x) =>
  classifySegment(y, x, { attractiveness: 0.5, strength: 0.5 }),
);
const POSITIONING_QUADRANTS = readQuadrants((y, x) => classifyPosition(y, x, { risk: 0.5, spend: 0.5 }));

/** The classes of a matrix by quadrant: top-left, top-right, bottom-left, bottom-right. */
export function matrixQuadrants(kind: 'selection'): Quadrants<Segment>;
export function matrixQuadrants(kind: 'positioning'): Quadrants<SupplierPosition>;
export function matrixQuadrants(kind: Kind): Quadrants<Segment | SupplierPosition>;
export function matrixQuadrants(kind: Kind): Quadrants<Segment | SupplierPosition> {
  return kind === 'selection' ? SELECTION_QUADRANTS : POSITIONING_QUADRANTS;
}

/** The quadrants' names in a drawing's order. */
export function quadrantNames<T extends string>(
  quadrants: Quadrants<T>,
  name: (cls: T) => string,
): [string, string, string, string] {
  return [name(quadrants[0]), name(quadrants[1]), name(quadrants[2]), name(quadrants[3])];
}

export interface MatrixQuadrantList {
  cls: Segment | SupplierPosition;
  /** Its accounts, largest first. */
  points: MatrixPointView[];
}

/** A whole-portfolio matrix for one period, as the matrix pages and the dashboard draw it. */
export interface MatrixPageView {
  kind: Kind;
  period: string | null;
  /** The periods that have this matrix, oldest first (the period switcher). */
  periods: string[];
  /** The period the arrows start from. */
  before: string | null;
  points: MatrixPointView[];
  /** Accounts with an arrow. */
  moved: number;
  /** Of those, the accounts that moved into another quadrant (the period change list counts these). */
  crossed: number;
  /** Accounts the chart cannot place: lost ones counted apart from those merely unscored. */
  unplaced: { open: number; lost: number };
  xThreshold: number;
  yThreshold: number;
  /** Classes by quadrant: top-left, top-right, bottom-left, bottom-right. */
  quadrants: Quadrants<Segment | SupplierPosition>;
  /** The accounts per quadrant, the top-right (best) first, then top-left, bottom-right, bottom-left. */
  lists: MatrixQuadrantList[];
}

export function matrixPage(p: Portfolio, kind: Kind, period: string | null): MatrixPageView {
  const th = p.settings;
  const points = matrixPoints(p, kind, period);
  const groups = byQuadrant(points);
  const placed = new Set(points.map((pt) => pt.id));
  const missing = p.accounts.filter((a) => !placed.has(a.account_id));
  const lost = missing.filter((a) => a.status === 'lost').length;
  const q = matrixQuadrants(kind);
  return {
    kind,
    period,
    periods: matrixPeriods(p, kind),
    before: previousPeriod(p, period),
    points,
    moved: points.filter((pt) => pt.from).length,
    crossed: points.filter((pt) => pt.from && pt.fromQuadrant !== pt.quadrant).length,
    unplaced: { open: missing.length - lost, lost },
    xThreshold: kind === 'selection' ? th.strength_threshold : th.spend_threshold,
    yThreshold: kind === 'selection' ? th.attractiveness_threshold : th.risk_threshold,
    quadrants: q,
    lists: [q[1], q[0], q[3], q[2]].map((cls) => ({ cls, points: groups.get(cls) ?? [] })),
  };
}
