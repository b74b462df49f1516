/**
 * The validated input of the domain core: every dataset as plain JSON-safe records.
 * Dates are calendar dates as `YYYY-MM-DD` text and periods are canonical period text, so
 * records survive the content-layer data store and never shift with the time zone.
 */
import type {
  Account,
  Action,
  Commitment,
  Compensation,
  Contact,
  Criterion,
  DossierEntry,
  Feedback,
  Financial,
  Kpi,
  Objective,
  Offering,
  Positioning,
  Score,
  Survey,
  TeamMember,
} from './datasets.ts';
import type { Settings } from './settings.ts';
import { DATASET_NAMES, type DatasetName } from './datasets.ts';

export interface Datasets {
  settings: Settings;
  /** Settings keys the workbook set explicitly (others are defaults). */
  settingsGiven: readonly string[];
  team: TeamMember[];
  accounts: Account[];
  /** From the workbook, or the defaults when it has no criteria sheet. */
  criteria: Criterion[];
  scores: Score[];
  positioning: Positioning[];
  financials: Financial[];
  dossier: DossierEntry[];
  kpis: Kpi[];
  contacts: Contact[];
  commitments: Commitment[];
  surveys: Survey[];
  feedback: Feedback[];
  compensation: Compensation[];
  objectives: Objective[];
  actions: Action[];
  offerings: Offering[];
}

/** The datasets that hold rows: everything but the settings. */
export type RowDatasets = Omit<Datasets, 'settings' | 'settingsGiven'>;

/** An empty list per dataset (settings included), to start collecting rows into. */
export function emptyLists<T>(): Record<DatasetName, T[]> {
  return Object.fromEntries(DATASET_NAMES.map((n) => [n, []])) as unknown as Record<DatasetName, T[]>;
}

export * from './datasets.ts';
export * from './settings.ts';
export * from './period.ts';
export { defaultCriteria } from './defaults.ts';
export { enumLabels, SHORT_FORMS } from './labels.ts';
export { columnMeta, columnRegistry, isRequired, type CellKind, type ColumnMeta } from './columns.ts';
