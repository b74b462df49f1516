/**
 * The output of the domain core: everything docs/RULES.md describes, built once per build by
 * `computePortfolio(datasets, { today })` and only read by views, pages and exports.
 *
 * Conventions (stable — extend, never rename):
 * - Money fields are JS numbers rounded to 2 decimals. Internally every sum is done in integer
 *   cents, so a total always equals the sum of its parts to the cent.
 * - Attractiveness / strength are rounded half-up to 4 decimals.
 * - Rates and shares are fractions (0.85 = 85 %), not rounded.
 * - `null` means "unknown / not applicable" (no data row, division by zero, unscored).
 * - Dates are `YYYY-MM-DD` text, periods canonical text (`2026`, `2026-Q3`, `2026-07`).
 * - Everything is plain data except `Portfolio.accountIndex` (a Map for O(1) look-ups).
 */
import type {
  Account,
  AccountStatus,
  Action,
  Commitment,
  Contact,
  DmuRole,
  DossierCategory,
  DossierEntry,
  Kpi,
  Objective,
  ObjectiveKind,
  ObjectiveStatus,
  OfferingStatus,
  Settings,
  TeamMember,
} from '../schema/index.ts';
import type { Segment, SupplierPosition } from '../schema/concepts.ts';

export type { Segment, SupplierPosition };
export type Severity = 'error' | 'warning' | 'info';

// ---------------------------------------------------------------------------------------
// Per account and period
// ---------------------------------------------------------------------------------------

/** Identification and selection matrix for one account in one period (docs/RULES.md#segments). */
export interface SegmentResult {
  period: string;
  /** Weighted mean over the scored attractiveness criteria, 4 decimals; null when unscored. */
  attractiveness: number | null;
  /** Weighted mean over the scored strength criteria, 4 decimals; null when unscored. */
  strength: number | null;
  /** null when unscored. */
  segment: Segment | null;
  unscored: boolean;
  /** Share (0–1) of each matrix's total criteria weight that was scored. */
  attractiveness_coverage: number;
  strength_coverage: number;
}

/** Supplier positioning matrix (the client's view of us) for one period. */
export interface PositionResult {
  period: string;
  risk: number;
  spend: number;
  position: SupplierPosition;
}

/** Profit of one account in one period (or a sum over periods). Money, 2 decimals. */
export interface Profit {
  revenue_goods: number;
  revenue_services: number;
  revenue_ip: number;
  /** goods + services + ip */
  revenue: number;
  cogs: number;
  service_cost: number;
  acquisition_cost: number;
  knowledge_cost: number;
  relationship_cost: number;
  /** cogs + service + acquisition + knowledge + relationship */
  cost: number;
  /** revenue − cost */
  operating_profit: number;
  /** tax_rate × max(0, operating_profit), per period (a sum of per-period taxes in sums). */
  tax: number;
  /** operating_profit − tax */
  nopat: number;
}

/** One row per period in which the account has any scores, positioning, financials or KPIs. */
export interface AccountPeriod {
  period: string;
  /** Always present; `unscored: true` with null A/S/segment when the account was not (fully) scored. */
  segment: SegmentResult;
  /** null when there is no positioning row for the period. */
  position: PositionResult | null;
  /**
   * The period's financials row; when it has none but finer rows lie inside it (quarters of a
   * year), their sum. null when neither exists.
   */
  profit: Profit | null;
  /** Financial periods `profit` comes from: [period] for its own row, the finer ones for a sum. */
  profit_periods: string[];
  kpis: KpiResult[];
}

/** A change of segment between two consecutive scored periods. */
export interface SegmentMove {
  from_period: string;
  to_period: string;
  from: Segment;
  to: Segment;
}

/** Sums over the "last 12 months" window (see `Window`). */
export interface Last12Months {
  /** Financial periods that were counted for this account (finest grain wins, see window rule). */
  periods: string[];
  profit: Profit;
}

export interface KpiResult {
  period: string;
  metric: string;
  value: number;
  unit: string | null;
  target: number | null;
  benchmark: number | null;
  /** value − target / value − benchmark (direction-neutral: the UI knows if higher is better). */
  vs_target: number | null;
  vs_benchmark: number | null;
  /** value / target, value / benchmark; null when missing or 0. */
  target_ratio: number | null;
  benchmark_ratio: number | null;
  client_visible: boolean;
  /** The source row. */
  row: Kpi;
}

// ---------------------------------------------------------------------------------------
// Value dossier
// ---------------------------------------------------------------------------------------

export interface DossierTotals {
  count: number;
  cost: number;
  client_value: number;
  /** Client value of rows the client confirmed (validated = yes). */
  validated_value: number;
  /** client_value / cost; null when cost is 0. */
  value_cost_ratio: number | null;
}

export interface DossierCategoryTotals extends DossierTotals {
  category: DossierCategory;
}

export interface DossierSummary {
  totals: DossierTotals;
  /** Only categories with at least one entry, in DOSSIER_CATEGORIES order. */
  by_category: DossierCategoryTotals[];
  /** `history` entries, oldest first (the relationship story; `since` is on the account). */
  history: DossierEntry[];
  /** Every entry, oldest first (ties by entry_id). */
  timeline: DossierEntry[];
}

// ---------------------------------------------------------------------------------------
// Commitments
// ---------------------------------------------------------------------------------------

/** open = not done and due ≥ today; overdue = not done and due < today. */
export type CommitmentState = 'open' | 'overdue' | 'done_on_time' | 'done_late';

export interface CommitmentResult {
  state: CommitmentState;
  /** Not done (overdue included). */
  is_open: boolean;
  /** Days past due for overdue ones, days late for done_late ones, else 0. */
  days_late: number;
  row: Commitment;
}

export interface CommitmentStats {
  total: number;
  /** Not done, overdue included. */
  open: number;
  overdue: number;
  done_on_time: number;
  done_late: number;
  /**
   * done_on_time / (done_on_time + done_late + overdue): an overdue promise can no longer be
   * kept on time, so it counts as missed. null when that denominator is 0.
   */
  on_time_rate: number | null;
}

export interface OwnerCommitments {
  owner_id: string;
  stats: CommitmentStats;
}

// ---------------------------------------------------------------------------------------
// Voice of the Customer
// ---------------------------------------------------------------------------------------

export interface QuestionMean {
  question: string;
  answers: number;
  mean: number;
}

export interface SurveyResult {
  survey_id: string;
  account_id: string;
  date: string;
  invited: number;
  /** Distinct respondents with at least one answer. */
  respondents: number;
  /** respondents / invited, not capped (respondents > invited is reported as a finding). */
  response_rate: number;
  answers: number;
  /** Mean of every answer in the survey; null when there are no answers. */
  mean: number | null;
  questions: QuestionMean[];
  /** Change of `mean` since the account's previous survey with answers; null for the first. */
  mean_change: number | null;
}

/** Portfolio-wide VoC per calendar year of the survey date. */
export interface VocTrendPoint {
  year: number;
  surveys: number;
  invited: number;
  respondents: number;
  response_rate: number | null;
  answers: number;
  mean: number | null;
}

export interface AccountVoc {
  /** Oldest first. */
  surveys: SurveyResult[];
  latest_mean: number | null;
  /** latest mean − first mean over the account's surveys with answers. */
  trend: number | null;
}

// ---------------------------------------------------------------------------------------
// Contacts
// ---------------------------------------------------------------------------------------

export interface DmuCoverage {
  role: DmuRole | 'unassigned';
  people: number;
  /** Σ influence·attitude / Σ influence over people with both; null when none. */
  weighted_attitude: number | null;
}

export interface ContactSummary {
  people: number;
  /** Roles present, in DMU_ROLES order, then `unassigned`. */
  by_role: DmuCoverage[];
  /** DMU roles with nobody in them. */
  missing_roles: DmuRole[];
  weighted_attitude: number | null;
  /** Contacts no one can reach (ranked like the portfolio hand-over list). */
  handover: HandoverItem[];
}

export interface HandoverItem {
  contact_id: string;
  account_id: string;
  name: string;
  title: string | null;
  dmu_role: DmuRole | null;
  influence: number | null;
  owner_id: string | null;
  reason: 'unreachable' | 'no_owner';
  /** The source row (holds internal notes: internal pages only). */
  row: Contact;
}

// ---------------------------------------------------------------------------------------
// Workload and pay
// ---------------------------------------------------------------------------------------

/** The weights of the load model (see WORKLOAD_MODEL in workload.ts). */
export interface WorkloadModel {
  /** Plain-language description shown on the team page. */
  description: string;
  /** A weight per load factor, plus a base load every counted account carries. */
  weights: Record<'base' | LoadFactor, number>;
  /** Distance (km) that counts as factor 1, the cap of the distance factor. */
  distance_reference_km: number;
  distance_cap: number;
  /** Contacts count that counts as factor 1, the cap of the contacts factor. */
  contacts_reference: number;
  contacts_cap: number;
  /** Cap of potential / median potential. */
  potential_cap: number;
  /** Load points a professionalism-3 manager without support carries at 100 %. */
  base_capacity: number;
  /** Capacity multiplier per professionalism point away from 3. */
  professionalism_step: number;
  support_bonus: number;
  /** load/capacity above → overloaded, below → underloaded. */
  over_threshold: number;
  under_threshold: number;
  /** Statuses whose accounts carry load. */
  counted_statuses: readonly AccountStatus[];
}

/** What makes an account heavier to manage, each weighted in the workload model. */
export type LoadFactor =
  'potential' | 'distance' | 'decentralisation' | 'contacts' | 'competition' | 'fulfilment';

/** Factors (before weights) and the resulting load of one account. */
export interface AccountLoad {
  account_id: string;
  kam_id: string;
  counted: boolean;
  factors: Record<LoadFactor, number>;
  load: number;
}

export interface ManagerLoad {
  member_id: string;
  name: string | null;
  accounts: number;
  load: number;
  capacity: number;
  /** load / capacity */
  utilisation: number;
  status: 'over' | 'under' | 'ok';
  /** Heaviest first. */
  account_loads: AccountLoad[];
}

export interface PayRow {
  member_id: string;
  period: string;
  base_pay: number;
  variable_max: number;
  variable_paid: number | null;
  /** base_pay / (base_pay + variable_max); null when both are 0. */
  base_share: number | null;
  over_cap: boolean;
}

export interface BonusAccount {
  account_id: string;
  /** Not lost by the end of the current period. */
  stayed: boolean;
  revenue_then: number | null;
  revenue_now: number | null;
  /** stayed and revenue_now ≥ revenue_then (missing revenue fails). */
  pass: boolean;
}

export interface BonusTest {
  period: string | null;
  /** The same period a year earlier; the group is the accounts that were key then. */
  base_period: string | null;
  accounts: BonusAccount[];
  /** Every account passed; null when the group is empty (no test possible). */
  pass: boolean | null;
}

// ---------------------------------------------------------------------------------------
// Portfolio-level analyses
// ---------------------------------------------------------------------------------------

export interface WhalePoint {
  rank: number;
  account_id: string;
  nopat: number;
  cumulative: number;
  /** cumulative / total NOPAT; null when total ≤ 0. */
  cumulative_share: number | null;
}

export interface WhaleCurve {
  /** Accounts with financials in the window, NOPAT descending (ties by account_id). */
  points: WhalePoint[];
  total_nopat: number;
  /** Highest cumulative share and the rank (1-based) where it is reached. */
  peak_share: number | null;
  peak_rank: number | null;
  /** Share of accounts (0–1) at the peak. */
  peak_accounts_share: number | null;
  /** First rank of a loss-making account (where the curve starts falling); null when none. */
  decline_from_rank: number | null;
  /** Rank where the curve is back at 100 % (the last point); null when empty. */
  back_to_total_rank: number | null;
}

export interface SegmentTotals {
  segment: Segment | 'unscored';
  accounts: number;
  /** Current period money (null-financials accounts count 0). */
  revenue: number;
  operating_profit: number;
  nopat: number;
  /** Last-12-months money. */
  revenue_12m: number;
  nopat_12m: number;
}

export interface RetentionResult {
  /** The rate used for CLV: the setting, else the measured one; null when not measurable. */
  rate: number | null;
  source: 'setting' | 'measured' | 'none';
  measured_rate: number | null;
  /** Accounts active at the window start, and those of them not lost within the window. */
  base_accounts: number;
  retained_accounts: number;
  lost_account_ids: string[];
}

export interface TenureBucket {
  /** 0 = first year of the relationship, 1 = second … (years since `since` at period start). */
  tenure_year: number;
  /** Accounts with at least one counted financial period in this year of tenure. */
  accounts: number;
  revenue: number;
  /** Operating profit. */
  profit: number;
  /** Cash flow proxy = NOPAT (no capex / working-capital data in the workbook). */
  cash_flow: number;
  /** cash_flow / accounts */
  cash_flow_per_account: number | null;
}

export interface Reinvestment {
  /** Key in the current period and tenure < NEW_KEY_TENURE_YEARS at the current period end. */
  new_key_account_ids: string[];
  /** Σ positive last-12-months NOPAT of those accounts. */
  extra_cash_flow: number;
  share: number;
  /** share × extra_cash_flow */
  suggested: number;
}

/** The 12-month window ending at the current period's end (see profit.ts for the rule). */
export interface Window {
  start: string;
  end: string;
}

/**
 * What each finding code carries: the values its message names. The message itself is the
 * reader's (src/i18n `findings`, one template per code whose `{placeholders}` are these keys).
 */
export interface FindingParams {
  no_current_period: Record<string, never>;
  current_period_not_scored: { period: string };
  unscored: {
    account_id: string;
    period: string;
    attractiveness_coverage: number;
    strength_coverage: number;
  };
  scores_without_financials: { account_id: string; period: string };
  key_without_dossier: { account_id: string };
  key_account_unprofitable: { account_id: string; nopat_12m: number };
  lost_without_date: { account_id: string };
  contact_never_contacted: ContactFindingParams;
  contact_stale: ContactFindingParams & { last_contact: string };
  respondents_exceed_invited: SurveyFindingParams & { respondents: number; invited: number };
  survey_without_answers: SurveyFindingParams;
  base_pay_over_cap: { member_id: string; period: string; base_share: number; cap: number };
}

interface ContactFindingParams {
  contact_id: string;
  name: string;
  account_id: string;
}

interface SurveyFindingParams {
  survey_id: string;
  account_id: string;
}

/** Stable machine code of a finding, e.g. `unscored`. */
export type FindingCode = keyof FindingParams;

/** One finding of one code: where it applies and the params its message needs. */
export interface FindingOf<C extends FindingCode> {
  code: C;
  severity: Severity;
  account_id?: string;
  member_id?: string;
  period?: string;
  params: FindingParams[C];
}

/** Any finding; narrowing on `code` gives its params' shape. */
export type Finding = { [C in FindingCode]: FindingOf<C> }[FindingCode];

// ---------------------------------------------------------------------------------------
// Account and portfolio
// ---------------------------------------------------------------------------------------

export interface AccountResult {
  account_id: string;
  name: string;
  kam_id: string;
  status: AccountStatus;
  /** The source row (holds internal notes: build client pages from a whitelist, never this). */
  account: Account;
  /** Every period with data for this account, oldest first. */
  periods: AccountPeriod[];
  /** The entry of the current period; an empty unscored entry when the account has no data then. */
  current: AccountPeriod;
  /** Segment in each scored period, oldest first (unscored periods left out). */
  segment_history: { period: string; segment: Segment }[];
  /** Segment changes between consecutive scored periods. */
  moves: SegmentMove[];
  /** Positions per period, oldest first. */
  positions: PositionResult[];
  /** null when the account has no financials in the window. */
  last12m: Last12Months | null;
  /** last-12-months revenue / wallet; null without wallet (or wallet 0) or window revenue. */
  share_of_wallet: number | null;
  /** m·r/(1+d−r); null when m or r is unknown or the account is lost. Money. */
  clv: number | null;
  /** Whole years from `since` to the current period end (0 when since is later). */
  tenure_years: number;
  dossier: DossierSummary;
  commitments: CommitmentResult[];
  commitment_stats: CommitmentStats;
  contacts: ContactSummary;
  voc: AccountVoc;
  workload: AccountLoad;
  /** The portfolio findings about this account. */
  findings: Finding[];
  /** The account plan: objectives with progress and state, and their actions. */
  plan: AccountPlan;
  whitespace: AccountWhitespace;
  /** Early-warning signals in code order; [] for lost accounts and prospects. */
  signals: Signal[];
  /** null for lost accounts and prospects. */
  health: Health | null;
}

export interface Portfolio {
  /** As-of date for commitments and contacts (KAM_TODAY or the build date). */
  today: string;
  /** settings.current_period, else the latest scored period; null with no data at all. */
  current_period: string | null;
  /** Every period in scores, positioning, financials and KPIs, oldest first. */
  periods: string[];
  /** The 12-month window ending at the current period's end; null without a current period. */
  window: Window | null;
  settings: Settings;
  team: TeamMember[];
  /** Every account (lost and prospects included), in input order. */
  accounts: AccountResult[];
  /** O(1) look-up by account_id. Not JSON-serialisable. */
  accountIndex: ReadonlyMap<string, AccountResult>;

  /** Current-period totals per segment (key, developing, maintained, opportunistic, unscored). */
  segment_totals: SegmentTotals[];
  whale: WhaleCurve;
  /** Σ|NOPAT of loss makers| / Σ NOPAT of profitable ones (12 months); null when no profit. */
  cross_subsidy_index: number | null;
  /** Key in the current period with negative last-12-months NOPAT. */
  unprofitable_key_account_ids: string[];

  retention: RetentionResult;
  tenure: TenureBucket[];
  reinvestment: Reinvestment;

  commitments: {
    stats: CommitmentStats;
    by_owner: OwnerCommitments[];
    /** Every overdue commitment, most overdue first. */
    overdue: CommitmentResult[];
  };
  voc: {
    surveys: SurveyResult[];
    trend: VocTrendPoint[];
  };
  /** Portfolio hand-over list: influence descending (unknown last), then account, name. */
  handover: HandoverItem[];
  workload: {
    model: WorkloadModel;
    managers: ManagerLoad[];
  };
  pay: {
    cap: number;
    rows: PayRow[];
    bonus: BonusTest;
  };
  findings: Finding[];
  plans: {
    /** Every objective of every account, in account order then plan order. */
    objectives: ObjectiveResult[];
    by_state: Record<ObjectiveState, number>;
    /** Every overdue action, most overdue first (then action_id). */
    overdue_actions: ActionResult[];
    /** Overdue actions grouped by owner (owner_id order). */
    overdue_actions_by_owner: { owner_id: string; actions: ActionResult[] }[];
  };
  whitespace: WhitespaceGrid;
  early_warning: {
    /** The scored period immediately before the current one (segment/position signals compare it). */
    previous_period: string | null;
    /** Active accounts with at least one signal: most signals first, then account_id. */
    accounts: EarlyWarningAccount[];
    /** Active accounts per health colour. */
    health: Record<Health, number>;
  };
}

// ---------------------------------------------------------------------------------------
// Account plans, whitespace and early-warning signals
// ---------------------------------------------------------------------------------------

/** The first that applies: dropped, achieved, overdue, at_risk, on_track. */
export type ObjectiveState = 'dropped' | 'achieved' | 'overdue' | 'at_risk' | 'on_track';
export const OBJECTIVE_STATES: readonly ObjectiveState[] = [
  'overdue',
  'at_risk',
  'on_track',
  'achieved',
  'dropped',
];

export interface ActionResult {
  action_id: string;
  objective_id: string;
  /** The objective's account. */
  account_id: string;
  title: string;
  owner_id: string;
  due: string;
  done_on: string | null;
  /** Not done and due < today (due today is not overdue). */
  overdue: boolean;
  /** today − due in days when overdue, else 0. */
  days_overdue: number;
  row: Action;
}

export interface ObjectiveResult {
  objective_id: string;
  account_id: string;
  title: string;
  kind: ObjectiveKind;
  metric: string | null;
  baseline: number | null;
  target: number;
  /** The written `current`, else the measured one (see `current_source`), else null. */
  current: number | null;
  /** `given` = written in the sheet; `measured` = computed for its kind; null = none. */
  current_source: 'given' | 'measured' | null;
  /** (current − baseline)/(target − baseline) or current/target; 4 decimals; may be < 0 or > 1. */
  progress: number | null;
  due: string;
  owner_id: string | null;
  status: ObjectiveStatus;
  state: ObjectiveState;
  client_visible: boolean;
  /** Due date order (then action_id). */
  actions: ActionResult[];
  overdue_actions: number;
  /** The source row (holds internal notes: internal pages only). */
  row: Objective;
}

export interface AccountPlan {
  /** In state order (overdue, at_risk, on_track, achieved, dropped), then due, then id. */
  objectives: ObjectiveResult[];
  by_state: Record<ObjectiveState, number>;
  overdue_actions: number;
}

export interface OfferingCell {
  offering: string;
  /** null = the whole client (blank unit). */
  unit: string | null;
  status: OfferingStatus;
  annual_value: number | null;
}

export interface AccountWhitespace {
  /** Every offerings row of the account, by offering then unit (blank unit first). */
  rows: OfferingCell[];
  bought: OfferingCell[];
  pipeline: OfferingCell[];
  opportunity: OfferingCell[];
  /** Σ annual_value per status (blank = 0). */
  bought_value: number;
  pipeline_value: number;
  /** Σ annual_value of the opportunity rows; 0 without any. */
  whitespace_value: number;
}

/** One account × offering cell of the portfolio grid (all units of that offering). */
export interface WhitespaceGridCell {
  offering: string;
  /** The most advanced status over its units: bought, then pipeline, opportunity, not_relevant. */
  status: OfferingStatus;
  /** Σ annual_value over its units. */
  value: number;
  units: OfferingCell[];
}

export interface WhitespaceGridRow {
  account_id: string;
  /** Offering → cell; offerings without a row for this account are absent. */
  cells: Record<string, WhitespaceGridCell>;
  whitespace_value: number;
}

export interface OfferingTotals {
  offering: string;
  /** Accounts (not rows) with that status in any unit. */
  bought: number;
  pipeline: number;
  opportunity: number;
  not_relevant: number;
  bought_value: number;
  pipeline_value: number;
  whitespace_value: number;
}

export interface WhitespaceGrid {
  /** Every offering named in the data, sorted. */
  offerings: string[];
  /** Accounts with at least one offerings row, whitespace value descending, then account_id. */
  rows: WhitespaceGridRow[];
  totals: OfferingTotals[];
  whitespace_value: number;
}

export type SignalCode =
  | 'voc_drop'
  | 'revenue_drop'
  | 'overdue_commitment'
  | 'champion_unreachable'
  | 'no_recent_contact'
  | 'segment_down'
  | 'position_down'
  | 'loss_making_key';

export const SIGNAL_CODES: readonly SignalCode[] = [
  'champion_unreachable',
  'loss_making_key',
  'no_recent_contact',
  'overdue_commitment',
  'position_down',
  'revenue_drop',
  'segment_down',
  'voc_drop',
];

/** Each signal carries the numbers that raised it, so a page can state the reason. */
export type Signal =
  | {
      code: 'voc_drop';
      latest_survey_id: string;
      latest_date: string;
      latest_mean: number;
      previous_survey_id: string;
      previous_date: string;
      previous_mean: number;
      /** previous_mean − latest_mean */
      drop: number;
      threshold: number;
    }
  | {
      code: 'revenue_drop';
      /** Revenue over the last 12 months. */
      revenue: number;
      /** Revenue over the 12 months before. */
      previous: number;
      /** (previous − revenue) / previous, 4 decimals. */
      drop: number;
      threshold: number;
    }
  | {
      code: 'overdue_commitment';
      /** Open commitments more than `threshold` days past due, most overdue first. */
      commitments: { commitment_id: string; description: string; due: string; days_overdue: number }[];
      max_days_overdue: number;
      threshold: number;
    }
  | {
      code: 'champion_unreachable';
      contacts: { contact_id: string; name: string; attitude: number; influence: number }[];
    }
  | {
      code: 'no_recent_contact';
      /** The latest last_contact of the account's contacts. */
      last_contact: string;
      days_since: number;
      threshold: number;
    }
  | {
      code: 'segment_down';
      from_period: string;
      to_period: string;
      from: Segment;
      to: Segment;
    }
  | {
      code: 'position_down';
      from_period: string;
      to_period: string;
      from: SupplierPosition;
      to: SupplierPosition;
    }
  | {
      code: 'loss_making_key';
      /** NOPAT over the last 12 months (negative). */
      nopat: number;
    };

/** green = no signal, amber = one, red = two or more; null for lost accounts and prospects. */
export type Health = 'green' | 'amber' | 'red';

export interface EarlyWarningAccount {
  account_id: string;
  health: Health;
  signals: Signal[];
}
