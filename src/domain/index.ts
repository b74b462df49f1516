/** Public API of the domain core. */
export * from './types.ts';
export { computePortfolio } from './portfolio.ts';
export { resolveToday } from './today.ts';
export { WORKLOAD_MODEL } from './workload.ts';
export { NEW_KEY_TENURE_YEARS } from './retention.ts';
export { FINDING_CODES, FINDING_SEVERITY, type FindingCode, type FindingParams } from './findings.ts';
export { classifySegment } from './segmentation.ts';
export { classifyPosition } from './positioning.ts';
export { roundHalfUp, toCents, fromCents } from './money.ts';
export { objectiveProgress, objectiveState, isActionOverdue } from './plans.ts';
export { isSegmentDown } from './signals.ts';
