/**
 * Builds the Portfolio once from validated datasets, as a sequence of named steps that each take
 * what they need and return their results; the findings are derived afterwards from those results
 * (`portfolioFindings`). Every dataset is indexed up front (Maps by account id or account+period),
 * so each per-account step is O(1) look-ups plus the account's own rows — no joins that scan other
 * accounts.
 */
import { yearEarlier, type Account, type Datasets, type Financial, type Settings } from '../schema/index.ts';
import { SEGMENTS } from '../schema/concepts.ts';
import { compareText, groupBy2 } from './collections.ts';
import {
  classifyCommitment,
  commitmentStats,
  countCommitment,
  emptyStats,
  finishStats,
} from './commitments.ts';
import { compareHandover, contactSummary } from './contacts.ts';
import { dossierSummary, kpiResult } from './dossier.ts';
import { portfolioFindings } from './findings.ts';
import { fromCents, type Cents } from './money.ts';
import { bonusTest, payRow } from './pay.ts';
import {
  addMonths,
  comparePeriodIds,
  coversEveryMonth,
  last12Months,
  periodInfo,
  previous12Months,
  wholeYears,
} from './periods.ts';
import { accountPlan, compareOverdueActions, emptyStateCounts } from './plans.ts';
import { positionFor } from './positioning.ts';
import {
  crossSubsidyIndex,
  profitCents,
  toProfit,
  whaleCurve,
  windowProfit,
  type ProfitCents,
} from './profit.ts';
import { clvCents, measureRetention, reinvestment, stillActiveOn, tenureBuckets } from './retention.ts';
import { indexCriteria, segmentFor, trajectory } from './segmentation.ts';
import type {
  AccountPeriod,
  AccountResult,
  ActionResult,
  BonusAccount,
  CommitmentStats,
  EarlyWarningAccount,
  Health,
  Portfolio,
  Segment,
  SegmentTotals,
  SurveyResult,
  Window,
} from './types.ts';
import { accountSignals, health } from './signals.ts';
import { accountVoc, surveyResult, vocTrend } from './voc.ts';
import { accountWhitespace, whitespaceGrid } from './whitespace.ts';
import { accountLoad, managerLoads, medianPotential, WORKLOAD_MODEL } from './workload.ts';

const SEGMENT_ORDER: (Segment | 'unscored')[] = [...SEGMENTS, 'unscored'];

/** The latest period by end date, or null. */
function latest(periods: Iterable<string>): string | null {
  let best: string | null = null;
  for (const p of periods) if (best === null || comparePeriodIds(p, best) > 0) best = p;
  return best;
}

function periodRange(period: string): Window | null {
  const p = periodInfo(period);
  return p ? { start: p.start, end: p.end } : null;
}

export function computePortfolio(data: Datasets, opts: { today: string }): Portfolio {
  const { settings } = data;
  const today = opts.today;
  const ix = indexRows(data);
  const when = resolvePeriods(settings, ix.scoredPeriods, today);
  const retention = measureRetention(data.accounts, when.window, settings.retention_rate);
  const perAccount = accountResults(data, ix, when, retention);
  const accounts = perAccount.map((s) => s.result);
  const accountIndex = new Map(accounts.map((a) => [a.account_id, a]));
  const profit = profitAndWhale(ix, when, perAccount);
  const team = teamLoadAndPay(data, ix, when, accounts);
  const findings = portfolioFindings({
    accounts: data.accounts,
    settings,
    currentPeriod: when.currentPeriod,
    scoredPeriods: ix.scoredPeriods,
    yearAgo: when.yearAgo,
    results: accounts,
    surveys: perAccount.map((s) => s.surveys),
    contactsByAccount: ix.contactsByAccount,
    isScored: (id, period) => rowsAt(ix.scoresByAP, id, period) !== undefined,
    hasFinancialsIn: (id, period) => hasFinancialsOverlapping(ix, id, period),
    payRows: team.pay.rows,
  });
  // Each account lists the portfolio findings about it.
  for (const f of findings) if (f.account_id !== undefined) accountIndex.get(f.account_id)?.findings.push(f);

  return {
    today,
    current_period: when.currentPeriod,
    periods: [...ix.allPeriods].sort(comparePeriodIds),
    window: when.window,
    settings,
    team: data.team,
    accounts,
    accountIndex,
    ...profit,
    ...retentionAndClv(data, ix, retention, perAccount),
    ...commitmentsVocHandover(perAccount),
    workload: team.workload,
    pay: { cap: settings.base_pay_cap, ...team.pay },
    findings,
    ...plansWhitespaceSignals(accounts, when.previousPeriod),
  };
}

// ---- step: look-ups, built once: account → period → rows ----

type ByAP<T> = Map<string, Map<string, T[]>>;
type Index = ReturnType<typeof indexRows>;

const rowsAt = <T>(m: ByAP<T>, accountId: string, period: string): T[] | undefined =>
  m.get(accountId)?.get(period);

function indexRows(data: Datasets) {
  const byAccount = (r: { account_id: string }) => r.account_id;
  const byPeriod = (r: { period: string }) => r.period;
  const scoresByAP = groupBy2(data.scores, byAccount, byPeriod);
  const positionsByAP = groupBy2(data.positioning, byAccount, byPeriod);
  const financialsByAP = groupBy2(data.financials, byAccount, byPeriod);
  const kpisByAP = groupBy2(data.kpis, byAccount, byPeriod);

  // Periods with any data, per account and overall; scored periods overall.
  const periodsByAccount = new Map<string, Set<string>>();
  const allPeriods = new Set<string>();
  const scoredPeriods = new Set<string>();
  for (const m of [scoresByAP, positionsByAP, financialsByAP, kpisByAP] as ByAP<unknown>[]) {
    for (const [accountId, perPeriod] of m) {
      let set = periodsByAccount.get(accountId);
      if (!set) periodsByAccount.set(accountId, (set = new Set()));
      for (const period of perPeriod.keys()) {
        set.add(period);
        allPeriods.add(period);
        if (m === scoresByAP) scoredPeriods.add(period);
      }
    }
  }

  // Each financials row is turned into cents once.
  const profitCache = new Map<Financial, ProfitCents>();
  const profitOf = (row: Financial): ProfitCents => {
    let p = profitCache.get(row);
    if (!p) profitCache.set(row, (p = profitCents(row, data.settings.tax_rate)));
    return p;
  };

  return {
    scoresByAP,
    positionsByAP,
    financialsByAP,
    kpisByAP,
    financialsByAccount: Map.groupBy(data.financials, byAccount),
    dossierByAccount: Map.groupBy(data.dossier, byAccount),
    contactsByAccount: Map.groupBy(data.contacts, byAccount),
    commitmentsByAccount: Map.groupBy(data.commitments, byAccount),
    surveysByAccount: Map.groupBy(data.surveys, byAccount),
    feedbackBySurvey: Map.groupBy(data.feedback, (r) => r.survey_id),
    objectivesByAccount: Map.groupBy(data.objectives, byAccount),
    actionsByObjective: Map.groupBy(data.actions, (r) => r.objective_id),
    offeringsByAccount: Map.groupBy(data.offerings, byAccount),
    periodsByAccount,
    allPeriods,
    scoredPeriods,
    profitOf,
  };
}

// ---- step: current period and window ----

type Periods = ReturnType<typeof resolvePeriods>;

function resolvePeriods(settings: Settings, scoredPeriods: Set<string>, today: string) {
  const currentPeriod = settings.current_period ?? latest(scoredPeriods);
  // Segment and position signals compare the current period with the scored one just before it.
  const previousPeriod =
    currentPeriod === null
      ? null
      : latest([...scoredPeriods].filter((p) => comparePeriodIds(p, currentPeriod) < 0));
  return {
    currentPeriod,
    window: currentPeriod ? last12Months(currentPeriod) : null,
    windowBefore: currentPeriod ? previous12Months(currentPeriod) : null,
    previousPeriod,
    asOf: (currentPeriod && periodInfo(currentPeriod)?.end) || today,
    today,
    yearAgo: addMonths(today, -12),
  };
}

/** Money of one account in one period: its own row, else the sum of finer rows inside it. */
function periodProfit(
  ix: Index,
  accountId: string,
  period: string,
): { periods: string[]; profit: ProfitCents } | null {
  const own = rowsAt(ix.financialsByAP, accountId, period)?.[0];
  if (own) return { periods: [period], profit: ix.profitOf(own) };
  const range = periodRange(period);
  const rows = ix.financialsByAccount.get(accountId);
  return range && rows ? windowProfit(rows, range, ix.profitOf) : null;
}

function hasFinancialsOverlapping(ix: Index, accountId: string, period: string): boolean {
  const range = periodRange(period);
  if (!range) return false;
  return (ix.financialsByAccount.get(accountId) ?? []).some((r) => {
    const q = periodInfo(r.period);
    return !!q && q.start <= range.end && range.start <= q.end;
  });
}

// ---- step: per account ----

interface AccountStep {
  result: AccountResult;
  /** Money over the last 12 months, in cents; null without a window or rows in it. */
  w12: ProfitCents | null;
  /** The account's surveys in input order. */
  surveys: SurveyResult[];
}

function accountResults(
  data: Datasets,
  ix: Index,
  when: Periods,
  retention: Portfolio['retention'],
): AccountStep[] {
  const { settings } = data;
  const segT = { attractiveness: settings.attractiveness_threshold, strength: settings.strength_threshold };
  const posT = { risk: settings.risk_threshold, spend: settings.spend_threshold };
  const criteria = indexCriteria(data.criteria);
  const median = medianPotential(data.accounts);
  const { currentPeriod, window, windowBefore, previousPeriod, today } = when;

  function buildPeriod(accountId: string, period: string): AccountPeriod {
    const pos = rowsAt(ix.positionsByAP, accountId, period)?.[0];
    const money = periodProfit(ix, accountId, period);
    return {
      period,
      segment: segmentFor(period, rowsAt(ix.scoresByAP, accountId, period) ?? [], criteria, segT),
      position: pos ? positionFor(pos, posT) : null,
      profit: money ? toProfit(money.profit) : null,
      profit_periods: money?.periods ?? [],
      kpis: (rowsAt(ix.kpisByAP, accountId, period) ?? []).map(kpiResult),
    };
  }

  return data.accounts.map((a: Account): AccountStep => {
    const id = a.account_id;
    const periodIds = [...(ix.periodsByAccount.get(id) ?? [])].sort(comparePeriodIds);
    const periods = periodIds.map((p) => buildPeriod(id, p));
    const current =
      (currentPeriod !== null && periods.find((p) => p.period === currentPeriod)) ||
      buildPeriod(id, currentPeriod ?? '');

    const { history, moves } = trajectory(periods.map((p) => p.segment));
    const financials = ix.financialsByAccount.get(id) ?? [];
    const w12 = window ? windowProfit(financials, window, ix.profitOf) : null;
    // A lost client has no future cash flow to value.
    const clv =
      a.status === 'lost'
        ? null
        : clvCents(w12 ? w12.profit.nopat : null, retention.rate, settings.discount_rate);

    const commitments = (ix.commitmentsByAccount.get(id) ?? []).map((c) => classifyCommitment(c, today));
    const cStats = commitmentStats(commitments);
    const people = ix.contactsByAccount.get(id) ?? [];
    const surveys = (ix.surveysByAccount.get(id) ?? []).map((s) =>
      surveyResult(s, ix.feedbackBySurvey.get(s.survey_id) ?? []),
    );

    const wallet = a.wallet;
    const share_of_wallet =
      w12 && wallet !== undefined && wallet > 0 ? fromCents(w12.profit.revenue) / wallet : null;
    const nopat12 = w12 ? fromCents(w12.profit.nopat) : null;
    const voc = accountVoc(surveys);
    const plan = accountPlan(
      ix.objectivesByAccount.get(id) ?? [],
      ix.actionsByObjective,
      { share_of_wallet, nopat_12m: nopat12, latest_survey_mean: voc.latest_mean },
      today,
    );
    // Revenue over a span counts only when the account's rows cover every month of it.
    const spanRevenue = (w: Window | null, got: typeof w12) =>
      w && got && coversEveryMonth(got.periods, w) ? fromCents(got.profit.revenue) : null;
    const status = a.status ?? 'active';
    const atPeriod = (p: AccountPeriod | undefined) =>
      p ? { period: p.period, segment: p.segment.segment, position: p.position?.position ?? null } : null;
    const signals = accountSignals(
      {
        status,
        today,
        surveys,
        revenue_12m: status === 'active' ? spanRevenue(window, w12) : null,
        revenue_prev_12m:
          status === 'active' && windowBefore
            ? spanRevenue(windowBefore, windowProfit(financials, windowBefore, ix.profitOf))
            : null,
        commitments,
        contacts: people,
        previous: atPeriod(periods.find((p) => p.period === previousPeriod)),
        current: currentPeriod === null ? null : atPeriod(current),
        nopat_12m: nopat12,
      },
      settings,
    );
    const result: AccountResult = {
      account_id: id,
      name: a.name,
      kam_id: a.kam_id,
      status: a.status ?? 'active',
      account: a,
      periods,
      current,
      segment_history: history,
      moves,
      positions: periods.flatMap((p) => (p.position ? [p.position] : [])),
      last12m: w12 ? { periods: w12.periods, profit: toProfit(w12.profit) } : null,
      share_of_wallet,
      clv: clv === null ? null : fromCents(clv),
      tenure_years: wholeYears(a.since, when.asOf),
      dossier: dossierSummary(ix.dossierByAccount.get(id) ?? []),
      commitments,
      commitment_stats: cStats,
      contacts: contactSummary(people),
      voc,
      workload: accountLoad(a, people.length, cStats.on_time_rate, median),
      findings: [],
      plan,
      whitespace: accountWhitespace(ix.offeringsByAccount.get(id) ?? []),
      signals,
      health: health(status, signals),
    };
    return { result, w12: w12?.profit ?? null, surveys };
  });
}

const isKeyNow = (a: AccountResult) => a.current.segment.segment === 'key';

// ---- step: profitability by segment, whale curve ----

function profitAndWhale(ix: Index, when: Periods, perAccount: AccountStep[]) {
  const { currentPeriod } = when;
  const segmentTotals = new Map<
    Segment | 'unscored',
    { n: number; rev: Cents; op: Cents; nopat: Cents; rev12: Cents; nopat12: Cents }
  >();
  for (const s of SEGMENT_ORDER)
    segmentTotals.set(s, { n: 0, rev: 0, op: 0, nopat: 0, rev12: 0, nopat12: 0 });
  const whaleItems: { account_id: string; nopat: Cents }[] = [];
  const unprofitableKey: string[] = [];
  for (const { result: acc, w12 } of perAccount) {
    const t = segmentTotals.get(acc.current.segment.segment ?? 'unscored');
    const money = currentPeriod ? periodProfit(ix, acc.account_id, currentPeriod) : null;
    if (t) {
      t.n += 1;
      if (money) {
        t.rev += money.profit.revenue;
        t.op += money.profit.operating_profit;
        t.nopat += money.profit.nopat;
      }
    }
    if (w12 !== null) {
      whaleItems.push({ account_id: acc.account_id, nopat: w12.nopat });
      if (t) {
        t.nopat12 += w12.nopat;
        t.rev12 += w12.revenue;
      }
      if (isKeyNow(acc) && w12.nopat < 0) unprofitableKey.push(acc.account_id);
    }
  }
  const segment_totals: SegmentTotals[] = SEGMENT_ORDER.map((segment) => {
    const t = segmentTotals.get(segment) ?? { n: 0, rev: 0, op: 0, nopat: 0, rev12: 0, nopat12: 0 };
    return {
      segment,
      accounts: t.n,
      revenue: fromCents(t.rev),
      operating_profit: fromCents(t.op),
      nopat: fromCents(t.nopat),
      revenue_12m: fromCents(t.rev12),
      nopat_12m: fromCents(t.nopat12),
    };
  });
  return {
    segment_totals,
    whale: whaleCurve(whaleItems),
    cross_subsidy_index: crossSubsidyIndex(whaleItems.map((w) => w.nopat)),
    unprofitable_key_account_ids: unprofitableKey,
  };
}

// ---- step: retention, tenure, reinvestment ----

function retentionAndClv(
  data: Datasets,
  ix: Index,
  retention: Portfolio['retention'],
  perAccount: AccountStep[],
): Pick<Portfolio, 'retention' | 'tenure' | 'reinvestment'> {
  return {
    retention,
    tenure: tenureBuckets(data.accounts, ix.financialsByAccount, ix.profitOf),
    reinvestment: reinvestment(
      perAccount.map(({ result: acc, w12 }) => ({
        account_id: acc.account_id,
        tenure_years: acc.tenure_years,
        isKey: isKeyNow(acc),
        nopat12m: w12?.nopat ?? null,
      })),
      data.settings.reinvestment_share,
    ),
  };
}

// ---- step: commitments, voice of the customer, hand-over ----

function commitmentsVocHandover(
  perAccount: AccountStep[],
): Pick<Portfolio, 'commitments' | 'voc' | 'handover'> {
  const accounts = perAccount.map((s) => s.result);
  const ownerStats = new Map<string, CommitmentStats>();
  const all = accounts.flatMap((a) => a.commitments);
  for (const c of all) {
    let s = ownerStats.get(c.row.owner_id);
    if (!s) ownerStats.set(c.row.owner_id, (s = emptyStats()));
    countCommitment(s, c);
  }
  const allSurveys = perAccount.flatMap((s) => s.surveys);
  return {
    commitments: {
      stats: commitmentStats(all),
      by_owner: [...ownerStats.entries()]
        .sort((a, b) => compareText(a[0], b[0]))
        .map(([owner_id, stats]) => ({ owner_id, stats: finishStats(stats) })),
      overdue: all
        .filter((c) => c.state === 'overdue')
        .sort((a, b) => b.days_late - a.days_late || compareText(a.row.commitment_id, b.row.commitment_id)),
    },
    voc: {
      surveys: [...allSurveys].sort(
        (a, b) => compareText(a.date, b.date) || compareText(a.survey_id, b.survey_id),
      ),
      trend: vocTrend(allSurveys),
    },
    handover: accounts.flatMap((a) => a.contacts.handover).sort(compareHandover),
  };
}

// ---- step: team load, pay rows and the bonus test ----

function teamLoadAndPay(data: Datasets, ix: Index, when: Periods, accounts: AccountResult[]) {
  const { currentPeriod } = when;
  const cap = data.settings.base_pay_cap;
  const rows = data.compensation
    .map((c) => payRow(c, cap))
    .sort((x, y) => compareText(x.member_id, y.member_id) || comparePeriodIds(x.period, y.period));

  // The bonus test follows the accounts that were key a year earlier.
  const basePeriod = currentPeriod ? (yearEarlier(currentPeriod) ?? null) : null;
  const bonusGroup: Omit<BonusAccount, 'pass'>[] = [];
  if (currentPeriod && basePeriod) {
    for (const acc of accounts) {
      const then = acc.periods.find((p) => p.period === basePeriod);
      if (then?.segment.segment !== 'key') continue;
      const revThen = periodProfit(ix, acc.account_id, basePeriod);
      const revNow = periodProfit(ix, acc.account_id, currentPeriod);
      bonusGroup.push({
        account_id: acc.account_id,
        stayed: stillActiveOn(acc.account, when.asOf),
        revenue_then: revThen ? fromCents(revThen.profit.revenue) : null,
        revenue_now: revNow ? fromCents(revNow.profit.revenue) : null,
      });
    }
  }
  return {
    workload: {
      model: WORKLOAD_MODEL,
      managers: managerLoads(
        data.team,
        accounts.map((a) => a.workload),
      ),
    },
    pay: { rows, bonus: bonusTest(currentPeriod, basePeriod, bonusGroup) },
  };
}

// ---- step: plans, whitespace, early warning ----

function plansWhitespaceSignals(
  accounts: AccountResult[],
  previousPeriod: string | null,
): Pick<Portfolio, 'plans' | 'whitespace' | 'early_warning'> {
  const planCounts = emptyStateCounts();
  const overdueActions: ActionResult[] = [];
  const warned: EarlyWarningAccount[] = [];
  const healthCounts: Record<Health, number> = { green: 0, amber: 0, red: 0 };
  for (const acc of accounts) {
    for (const o of acc.plan.objectives) {
      planCounts[o.state] += 1;
      for (const act of o.actions) if (act.overdue) overdueActions.push(act);
    }
    if (acc.health !== null) healthCounts[acc.health] += 1;
    if (acc.health !== null && acc.signals.length > 0) {
      warned.push({ account_id: acc.account_id, health: acc.health, signals: acc.signals });
    }
  }
  overdueActions.sort(compareOverdueActions);
  const actionsByOwner = Map.groupBy(overdueActions, (x) => x.owner_id);
  return {
    plans: {
      objectives: accounts.flatMap((a) => a.plan.objectives),
      by_state: planCounts,
      overdue_actions: overdueActions,
      overdue_actions_by_owner: [...actionsByOwner.entries()]
        .sort((x, y) => compareText(x[0], y[0]))
        .map(([owner_id, actions]) => ({ owner_id, actions })),
    },
    whitespace: whitespaceGrid(accounts),
    early_warning: {
      previous_period: previousPeriod,
      accounts: warned.sort(
        (x, y) => y.signals.length - x.signals.length || compareText(x.account_id, y.account_id),
      ),
      health: healthCounts,
    },
  };
}
