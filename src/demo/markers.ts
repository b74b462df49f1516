/**
 * Leak-test markers. Every internal-only text the demo generator writes carries one of these
 * bracketed tokens, so a test can scan the client bundles (dist-share/) for anything that
 * must never reach a client:
 *
 * - accounts.internal_notes        "… [INTERNAL-NOTE-A007]"
 * - scores.comment                 "… [SCORE-COMMENT-A007-2026-Q3-attr_pays]"
 * - contacts.internal_notes        "… [CONTACT-NOTE-C0123]"
 * - dossier rows client_visible=no  title ends "[HIDDEN-DOSSIER-D0456]"
 * - commitments client_visible=no   description ends "[HIDDEN-COMMITMENT-K0042]"
 * - feedback.comment (survey data never goes to a client) "… [FEEDBACK-COMMENT-S003-C0123]"
 *
 * KPI rows have no free text that fits a marker, so the hidden KPIs use metric names that
 * only ever appear hidden (HIDDEN_KPI_METRICS); every other metric is always client_visible.
 */

export const MARKER_KINDS = [
  'INTERNAL-NOTE',
  'SCORE-COMMENT',
  'CONTACT-NOTE',
  'HIDDEN-DOSSIER',
  'HIDDEN-COMMITMENT',
  'FEEDBACK-COMMENT',
] as const;

export type MarkerKind = (typeof MARKER_KINDS)[number];

/** Matches any marker token; test a text with `INTERNAL_MARKER.test(text)`. */
export const INTERNAL_MARKER =
  /\[(INTERNAL-NOTE|SCORE-COMMENT|CONTACT-NOTE|HIDDEN-DOSSIER|HIDDEN-COMMITMENT|FEEDBACK-COMMENT)-[^\]]+\]/;

/** Metric names of the KPI rows that are never client_visible. */
export const HIDDEN_KPI_METRICS = ['Internal margin index', 'Cost-to-serve index'] as const;

export function marker(kind: MarkerKind, ...parts: string[]): string {
  return `[${kind}-${parts.join('-')}]`;
}

/** Every marker token in a text (e.g. a bundle's HTML), in order of appearance. */
export function findMarkers(text: string): string[] {
  return text.match(new RegExp(INTERNAL_MARKER.source, 'g')) ?? [];
}
