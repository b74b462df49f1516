/**
 * Machine-readable exports (docs/RULES.md#exports), pure: the lead writes them to `dist/exports/`.
 * Money is already 2-decimal and A/S 4-decimal in the Portfolio; exports only pick fields.
 */
import type { AccountStatus } from '../schema/index.ts';
import type {
  Health,
  ObjectiveState,
  Portfolio,
  Segment,
  SegmentResult,
  SignalCode,
  SupplierPosition,
} from '../domain/types.ts';
import type { ObjectiveKind } from '../schema/index.ts';
import { toCsv, type CsvColumn } from './csv.ts';

/** A segment as the exports write it: consumers get a string they can group by, never null. */
export type ExportSegment = Segment | 'unscored';

/** A and S stay null for an unscored period; the segment says so in words. */
export function exportSegment(r: SegmentResult): ExportSegment {
  return r.segment ?? 'unscored';
}

export interface AccountExportRow {
  account_id: string;
  name: string;
  kam_id: string;
  status: AccountStatus;
  /** The current period (null when the portfolio has none). */
  period: string | null;
  attractiveness: number | null;
  strength: number | null;
  /** "unscored" when too few criteria were scored (or none at all, e.g. a lost account): never null. */
  segment: ExportSegment;
  supplier_position: SupplierPosition | null;
  revenue: number | null;
  operating_profit: number | null;
  nopat: number | null;
  share_of_wallet: number | null;
  clv: number | null;
  open_commitments: number;
  overdue_commitments: number;
  /** Σ client_value of all the account's dossier rows. */
  dossier_client_value: number;
  industry: string | null;
  region: string | null;
  /** green / amber / red by the number of signals; null for lost accounts and prospects. */
  health: Health | null;
  /** Signal codes, sorted; [] when none (always for lost accounts and prospects). */
  signals: SignalCode[];
  /** Σ annual_value of the account's opportunity offerings; 0 without any. */
  whitespace_value: number;
}

/** One record per account — every account, lost and prospects included — for the current period. */
export function accountsExport(p: Portfolio): AccountExportRow[] {
  return p.accounts.map((a) => {
    const cur = a.current;
    return {
      account_id: a.account_id,
      name: a.name,
      kam_id: a.kam_id,
      status: a.status,
      period: p.current_period,
      attractiveness: cur.segment.attractiveness,
      strength: cur.segment.strength,
      segment: exportSegment(cur.segment),
      supplier_position: cur.position?.position ?? null,
      revenue: cur.profit?.revenue ?? null,
      operating_profit: cur.profit?.operating_profit ?? null,
      nopat: cur.profit?.nopat ?? null,
      share_of_wallet: a.share_of_wallet,
      clv: a.clv,
      open_commitments: a.commitment_stats.open,
      overdue_commitments: a.commitment_stats.overdue,
      dossier_client_value: a.dossier.totals.client_value,
      industry: a.account.industry ?? null,
      region: a.account.region ?? null,
      health: a.health,
      signals: a.signals.map((x) => x.code).sort(),
      whitespace_value: a.whitespace.whitespace_value,
    };
  });
}

const ACCOUNT_FIELDS = [
  'account_id',
  'name',
  'kam_id',
  'status',
  'period',
  'attractiveness',
  'strength',
  'segment',
  'supplier_position',
  'revenue',
  'operating_profit',
  'nopat',
  'share_of_wallet',
  'clv',
  'open_commitments',
  'overdue_commitments',
  'dossier_client_value',
  'industry',
  'region',
  'health',
  'whitespace_value',
] as const satisfies readonly (keyof AccountExportRow)[];

export const ACCOUNT_CSV_COLUMNS: CsvColumn<AccountExportRow>[] = [
  ...ACCOUNT_FIELDS.map((f): CsvColumn<AccountExportRow> => ({ header: f, value: f })),
  // One cell: the sorted codes separated by spaces (codes never contain one).
  { header: 'signals', value: (r) => r.signals.join(' ') },
];

export function accountsCsv(p: Portfolio): string {
  return toCsv(ACCOUNT_CSV_COLUMNS, accountsExport(p));
}

export interface HistoryExportEntry {
  account_id: string;
  name: string;
  /** Every period with at least one score row for the account, oldest first. */
  periods: {
    period: string;
    attractiveness: number | null;
    strength: number | null;
    segment: ExportSegment;
  }[];
}

/** Per account, per period: attractiveness, strength and segment (A and S null, segment "unscored" when too few criteria were scored). */
export function historyExport(p: Portfolio): HistoryExportEntry[] {
  return p.accounts.map((a) => ({
    account_id: a.account_id,
    name: a.name,
    periods: a.periods
      .filter((ap) => ap.segment.attractiveness_coverage > 0 || ap.segment.strength_coverage > 0)
      .map((ap) => ({
        period: ap.period,
        attractiveness: ap.segment.attractiveness,
        strength: ap.segment.strength,
        segment: exportSegment(ap.segment),
      })),
  }));
}

export interface PlanExportAction {
  action_id: string;
  title: string;
  owner_id: string;
  due: string;
  done_on: string | null;
  overdue: boolean;
}

export interface PlanExportRow {
  objective_id: string;
  account_id: string;
  title: string;
  kind: ObjectiveKind;
  baseline: number | null;
  target: number;
  /** Given in the sheet or measured (share of wallet, profitability, satisfaction). */
  current: number | null;
  progress: number | null;
  due: string;
  state: ObjectiveState;
  actions: PlanExportAction[];
}

/** One record per objective, in account order, each with its actions (internal: never shared). */
export function plansExport(p: Portfolio): PlanExportRow[] {
  return p.plans.objectives.map((o) => ({
    objective_id: o.objective_id,
    account_id: o.account_id,
    title: o.title,
    kind: o.kind,
    baseline: o.baseline,
    target: o.target,
    current: o.current,
    progress: o.progress,
    due: o.due,
    state: o.state,
    actions: o.actions.map((a) => ({
      action_id: a.action_id,
      title: a.title,
      owner_id: a.owner_id,
      due: a.due,
      done_on: a.done_on,
      overdue: a.overdue,
    })),
  }));
}

export { toCsv, type CsvColumn } from './csv.ts';
