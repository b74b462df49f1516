/**
 * The vocabulary every layer shares, defined once: the four segments of the selection matrix,
 * the four supplier positions of the positioning matrix, the portal languages and the text of
 * a period. Schemas, the domain, the views, the playbooks and the tools import these lists and
 * derive their types from them, so adding or renaming a value is one edit here (and its words
 * in src/i18n).
 */

/** Selection-matrix segments (docs/RULES.md#segments), in the order pages list them. */
export const SEGMENTS = ['key', 'developing', 'maintained', 'opportunistic'] as const;
export type Segment = (typeof SEGMENTS)[number];

/** Supplier positions (docs/RULES.md#supplier-position), in the order pages list them. */
export const POSITIONS = ['partner', 'managed', 'desired', 'independent'] as const;
export type SupplierPosition = (typeof POSITIONS)[number];

/** Languages of the portal, the data messages, the playbooks and the client bundles. */
export const LOCALES = ['en', 'ru'] as const;
export type Locale = (typeof LOCALES)[number];

/**
 * Canonical period text: `YYYY`, `YYYY-Qn` or `YYYY-MM` (docs/RULES.md#periods). The groups
 * are the year, the quarter and the month. No `g` flag: `test` and `exec` keep no state.
 */
export const PERIOD_PATTERN = /^(\d{4})(?:-Q([1-4])|-(0[1-9]|1[0-2]))?$/;
