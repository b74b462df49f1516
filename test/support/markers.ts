/**
 * Leak-test markers. Test fixtures put one of these bracketed tokens into every internal-only
 * text, so a test can scan the client bundles (dist-share/) for anything that must never
 * reach a client. The demo data itself carries none: `withLeakMarkers` adds them to a copy.
 *
 * - accounts.internal_notes            "… [INTERNAL-NOTE-A007]"
 * - scores.comment                     "… [SCORE-COMMENT-A007-2026-Q3-attr_pays]"
 * - contacts.internal_notes            "… [CONTACT-NOTE-C0123]"
 * - dossier rows client_visible=no      title ends "[HIDDEN-DOSSIER-D0456]"
 * - commitments client_visible=no       description ends "[HIDDEN-COMMITMENT-K0042]"
 * - feedback.comment                   "… [FEEDBACK-COMMENT-S003-C0123]"
 * - kpis client_visible=no              metric ends "[HIDDEN-KPI-A007-2026-Q3]"
 * - objectives client_visible=no (or profitability) title ends "[HIDDEN-OBJECTIVE-O012]"
 * - objectives.internal_notes          "… [OBJECTIVE-NOTE-O012]"
 * - actions.title                      "… [ACTION-X0031]"
 * - offerings.offering / unit          "… [OFFERING-A007]", "… [UNIT-A007]"
 */
import type { Datasets } from '../../src/schema/index.ts';

export const MARKER_KINDS = [
  'INTERNAL-NOTE',
  'SCORE-COMMENT',
  'CONTACT-NOTE',
  'HIDDEN-DOSSIER',
  'HIDDEN-COMMITMENT',
  'FEEDBACK-COMMENT',
  'HIDDEN-KPI',
  'HIDDEN-OBJECTIVE',
  'OBJECTIVE-NOTE',
  'ACTION',
  'OFFERING',
  'UNIT',
] as const;

export type MarkerKind = (typeof MARKER_KINDS)[number];

/** Matches any marker token; test a text with `INTERNAL_MARKER.test(text)`. */
export const INTERNAL_MARKER = new RegExp(`\\[(${MARKER_KINDS.join('|')})-[^\\]]+\\]`);

/** Metric names of the fixture's KPI rows that are never client_visible. */
export const HIDDEN_KPI_METRICS = ['Internal margin index', 'Cost-to-serve index'] as const;

export function marker(kind: MarkerKind, ...parts: string[]): string {
  return `[${kind}-${parts.join('-')}]`;
}

/** Every marker token in a text (e.g. a bundle's HTML), in order of appearance. */
export function findMarkers(text: string): string[] {
  return text.match(new RegExp(INTERNAL_MARKER.source, 'g')) ?? [];
}

const tag = (text: string | undefined, m: string) => (text ? `${text} ${m}` : m);

/**
 * A copy of validated data with a marker in every internal-only text: the way to leak-test
 * real-looking data (the demo) that is written for people, not for scanners.
 */
export function withLeakMarkers(data: Datasets): Datasets {
  const d = structuredClone(data);
  for (const a of d.accounts) a.internal_notes = tag(a.internal_notes, marker('INTERNAL-NOTE', a.account_id));
  for (const s of d.scores)
    s.comment = tag(s.comment, marker('SCORE-COMMENT', s.account_id, s.period, s.criterion_id));
  for (const c of d.contacts) c.internal_notes = tag(c.internal_notes, marker('CONTACT-NOTE', c.contact_id));
  for (const e of d.dossier)
    if (!e.client_visible) e.title = tag(e.title, marker('HIDDEN-DOSSIER', e.entry_id));
  for (const c of d.commitments)
    if (!c.client_visible) c.description = tag(c.description, marker('HIDDEN-COMMITMENT', c.commitment_id));
  for (const f of d.feedback)
    f.comment = tag(f.comment, marker('FEEDBACK-COMMENT', f.survey_id, f.respondent));
  for (const k of d.kpis)
    if (!k.client_visible) k.metric = tag(k.metric, marker('HIDDEN-KPI', k.account_id, k.period));
  for (const o of d.objectives) {
    if (!o.client_visible || o.kind === 'profitability')
      o.title = tag(o.title, marker('HIDDEN-OBJECTIVE', o.objective_id));
    o.internal_notes = tag(o.internal_notes, marker('OBJECTIVE-NOTE', o.objective_id));
  }
  for (const a of d.actions) a.title = tag(a.title, marker('ACTION', a.action_id));
  for (const o of d.offerings) {
    o.offering = tag(o.offering, marker('OFFERING', o.account_id));
    o.unit = tag(o.unit, marker('UNIT', o.account_id));
  }
  return d;
}
