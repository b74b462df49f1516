/** Supplier positioning matrix (docs/RULES.md#supplier-position): how the client sees us, from risk and spend. */
import type { Positioning } from '../schema/index.ts';
import type { PositionResult, SupplierPosition } from './types.ts';

export interface PositionThresholds {
  risk: number;
  spend: number;
}

/** A threshold value counts as high. */
export function classifyPosition(risk: number, spend: number, t: PositionThresholds): SupplierPosition {
  const highRisk = risk >= t.risk;
  const highSpend = spend >= t.spend;
  if (highSpend) return highRisk ? 'partner' : 'managed';
  return highRisk ? 'desired' : 'independent';
}

export function positionFor(row: Positioning, t: PositionThresholds): PositionResult {
  return {
    period: row.period,
    risk: row.risk,
    spend: row.spend,
    position: classifyPosition(row.risk, row.spend, t),
  };
}
