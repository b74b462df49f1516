/**
 * Identification and selection matrix (docs/RULES.md#segments): attractiveness A and strength S as weighted
 * means of the scored criteria, the four segments, and each account's path across periods.
 */
import type { Criterion, MatrixName, Score } from '../schema/index.ts';
import { roundHalfUp } from './money.ts';
import type { Segment, SegmentMove, SegmentResult } from './types.ts';

export interface SegmentThresholds {
  attractiveness: number;
  strength: number;
}

/** Criteria looked up by id, and each matrix's total weight, built once per portfolio. */
export interface CriteriaIndex {
  byId: ReadonlyMap<string, Criterion>;
  totalWeight: Readonly<Record<MatrixName, number>>;
}

export function indexCriteria(criteria: readonly Criterion[]): CriteriaIndex {
  const byId = new Map<string, Criterion>();
  const totalWeight = { attractiveness: 0, strength: 0 };
  for (const c of criteria) {
    byId.set(c.criterion_id, c);
    totalWeight[c.matrix] += c.weight;
  }
  return { byId, totalWeight };
}

/** A threshold value counts as high. */
export function classifySegment(a: number, s: number, t: SegmentThresholds): Segment {
  const highA = a >= t.attractiveness;
  const highS = s >= t.strength;
  if (highA) return highS ? 'key' : 'developing';
  return highS ? 'maintained' : 'opportunistic';
}

// Weights are user decimals (0.1 + 0.2 …): compare "at least half" with a relative tolerance
// so exactly half never fails on binary noise.
const HALF_TOLERANCE = 1e-9;

function coverageOk(scored: number, total: number): boolean {
  return total > 0 && scored * 2 >= total * (1 - HALF_TOLERANCE);
}

/** A, S and the segment of one account in one period from its score rows. */
export function segmentFor(
  period: string,
  scores: readonly Score[],
  criteria: CriteriaIndex,
  t: SegmentThresholds,
): SegmentResult {
  const weight = { attractiveness: 0, strength: 0 };
  const weighted = { attractiveness: 0, strength: 0 };
  for (const s of scores) {
    const c = criteria.byId.get(s.criterion_id);
    if (!c) continue; // a dangling criterion is an ingestion error; never let it count here
    weight[c.matrix] += c.weight;
    weighted[c.matrix] += c.weight * s.score;
  }
  const totalA = criteria.totalWeight.attractiveness;
  const totalS = criteria.totalWeight.strength;
  const coverage = {
    attractiveness: totalA > 0 ? Math.min(1, weight.attractiveness / totalA) : 0,
    strength: totalS > 0 ? Math.min(1, weight.strength / totalS) : 0,
  };
  const unscored = !(coverageOk(weight.attractiveness, totalA) && coverageOk(weight.strength, totalS));
  if (unscored) {
    return {
      period,
      attractiveness: null,
      strength: null,
      segment: null,
      unscored: true,
      attractiveness_coverage: coverage.attractiveness,
      strength_coverage: coverage.strength,
    };
  }
  // Rounded before the threshold comparison, as docs/RULES.md#segments says.
  const a = roundHalfUp(weighted.attractiveness / weight.attractiveness, 4);
  const s = roundHalfUp(weighted.strength / weight.strength, 4);
  return {
    period,
    attractiveness: a,
    strength: s,
    segment: classifySegment(a, s, t),
    unscored: false,
    attractiveness_coverage: coverage.attractiveness,
    strength_coverage: coverage.strength,
  };
}

/**
 * Segment history and moves from results already ordered by period. Unscored periods are
 * skipped, so a move compares consecutive *scored* periods.
 */
export function trajectory(results: readonly SegmentResult[]): {
  history: { period: string; segment: Segment }[];
  moves: SegmentMove[];
} {
  const history: { period: string; segment: Segment }[] = [];
  const moves: SegmentMove[] = [];
  for (const r of results) {
    if (r.segment === null) continue;
    const prev = history[history.length - 1];
    if (prev && prev.segment !== r.segment) {
      moves.push({ from_period: prev.period, to_period: r.period, from: prev.segment, to: r.segment });
    }
    history.push({ period: r.period, segment: r.segment });
  }
  return { history, moves };
}
