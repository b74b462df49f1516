/**
 * Builds the Portfolio once from validated datasets. Every dataset is indexed up front (Maps by
 * account id or account+period), so each per-account step is O(1) look-ups plus the account's
 * own rows — no joins that scan other accounts.
 */
import { yearEarlier, type Account, type Datasets, type Financial } from '../schema/index.ts';
import { compareText, groupBy, groupBy2 } from './collections.ts';
import {
  classifyCommitment,
  commitmentStats,
  countCommitment,
  emptyStats,
  finishStats,
} from './commitments.ts';
import { compareHandover, contactSummary } from './contacts.ts';
import { dossierSummary, kpiResult } from './dossier.ts';
import { finding } from './findings.ts';
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
  CommitmentResult,
  CommitmentStats,
  EarlyWarningAccount,
  Finding,
  Health,
  HandoverItem,
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

const SEGMENT_ORDER: (Segment | 'unscored')[] = [
  'key',
  'developing',
  'maintained',
  'opportunistic',
  'unscored',
];

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
  const segT = { attractiveness: settings.attractiveness_threshold, strength: settings.strength_threshold };
  const posT = { risk: settings.risk_threshold, spend: settings.spend_threshold };
  const criteria = indexCriteria(data.criteria);
  const findings: Finding[] = [];

  // ---- look-ups, built once: account → period → rows ----
  const byAccount = (r: { account_id: string }) => r.account_id;
  const byPeriod = (r: { period: string }) => r.period;
  const scoresByAP = groupBy2(data.scores, byAccount, byPeriod);
  const positionsByAP = groupBy2(data.positioning, byAccount, byPeriod);
  const financialsByAP = groupBy2(data.financials, byAccount, byPeriod);
  const kpisByAP = groupBy2(data.kpis, byAccount, byPeriod);
  const financialsByAccount = groupBy(data.financials, byAccount);
  const dossierByAccount = groupBy(data.dossier, byAccount);
  const contactsByAccount = groupBy(data.contacts, byAccount);
  const commitmentsByAccount = groupBy(data.commitments, byAccount);
  const surveysByAccount = groupBy(data.surveys, byAccount);
  const feedbackBySurvey = groupBy(data.feedback, (r) => r.survey_id);
  const objectivesByAccount = groupBy(data.objectives, byAccount);
  const actionsByObjective = groupBy(data.actions, (r) => r.objective_id);
  const offeringsByAccount = groupBy(data.offerings, byAccount);
  const rowsAt = <T>(m: Map<string, Map<string, T[]>>, accountId: string, period: string): T[] | undefined =>
    m.get(accountId)?.get(period);

  // Periods with any data, per account and overall; scored periods overall.
  const periodsByAccount = new Map<string, Set<string>>();
  const allPeriods = new Set<string>();
  const scoredPeriods = new Set<string>();
  for (const m of [scoresByAP, positionsByAP, financialsByAP, kpisByAP] as Map<
    string,
    Map<string, unknown[]>
  >[]) {
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
    if (!p) profitCache.set(row, (p = profitCents(row, settings.tax_rate)));
    return p;
  };

  // ---- current period and window ----
  const currentPeriod = settings.current_period ?? latest(scoredPeriods);
  if (currentPeriod === null) findings.push(finding('no_current_period', {}));
  else if (settings.current_period !== undefined && !scoredPeriods.has(currentPeriod)) {
    findings.push(finding('current_period_not_scored', { period: currentPeriod }, { period: currentPeriod }));
  }
  const window = currentPeriod ? last12Months(currentPeriod) : null;
  const windowBefore = currentPeriod ? previous12Months(currentPeriod) : null;
  // Segment and position signals compare the current period with the scored one just before it.
  const previousPeriod =
    currentPeriod === null
      ? null
      : latest([...scoredPeriods].filter((p) => comparePeriodIds(p, currentPeriod) < 0));
  const asOf = (currentPeriod && periodInfo(currentPeriod)?.end) || today;
  const yearAgo = addMonths(today, -12);

  /** Money of one account in one period: its own row, else the sum of finer rows inside it. */
  function periodProfit(
    accountId: string,
    period: string,
  ): { periods: string[]; profit: ProfitCents } | null {
    const own = rowsAt(financialsByAP, accountId, period)?.[0];
    if (own) return { periods: [period], profit: profitOf(own) };
    const range = periodRange(period);
    const rows = financialsByAccount.get(accountId);
    return range && rows ? windowProfit(rows, range, profitOf) : null;
  }

  function buildPeriod(accountId: string, period: string): AccountPeriod {
    const pos = rowsAt(positionsByAP, accountId, period)?.[0];
    const money = periodProfit(accountId, period);
    return {
      period,
      segment: segmentFor(period, rowsAt(scoresByAP, accountId, period) ?? [], criteria, segT),
      position: pos ? positionFor(pos, posT) : null,
      profit: money ? toProfit(money.profit) : null,
      profit_periods: money?.periods ?? [],
      kpis: (rowsAt(kpisByAP, accountId, period) ?? []).map(kpiResult),
    };
  }

  const retention = measureRetention(data.accounts, window, settings.retention_rate);
  for (const a of data.accounts) {
    if (a.status === 'lost' && a.lost_on === undefined) {
      findings.push(finding('lost_without_date', { account_id: a.account_id }, { account_id: a.account_id }));
    }
  }

  // ---- per account ----
  const ownerStats = new Map<string, CommitmentStats>();
  const overdue: CommitmentResult[] = [];
  const allSurveys: SurveyResult[] = [];
  const handover: HandoverItem[] = [];
  const median = medianPotential(data.accounts);
  const last12ByAccount = new Map<string, ProfitCents>();

  const accounts: AccountResult[] = data.accounts.map((a) => {
    const id = a.account_id;
    const periodIds = [...(periodsByAccount.get(id) ?? [])].sort(comparePeriodIds);
    const periods = periodIds.map((p) => buildPeriod(id, p));
    const current =
      (currentPeriod !== null && periods.find((p) => p.period === currentPeriod)) ||
      buildPeriod(id, currentPeriod ?? '');

    accountPeriodFindings(a, periods, current);

    const { history, moves } = trajectory(periods.map((p) => p.segment));
    const w12 = window ? windowProfit(financialsByAccount.get(id) ?? [], window, profitOf) : null;
    if (w12) last12ByAccount.set(id, w12.profit);
    // A lost client has no future cash flow to value.
    const clv =
      a.status === 'lost'
        ? null
        : clvCents(w12 ? w12.profit.nopat : null, retention.rate, settings.discount_rate);

    const commitments = (commitmentsByAccount.get(id) ?? []).map((c) => classifyCommitment(c, today));
    for (const c of commitments) {
      let s = ownerStats.get(c.row.owner_id);
      if (!s) ownerStats.set(c.row.owner_id, (s = emptyStats()));
      countCommitment(s, c);
      if (c.state === 'overdue') overdue.push(c);
    }
    const cStats = commitmentStats(commitments);

    const people = contactsByAccount.get(id) ?? [];
    const contacts = contactSummary(people);
    handover.push(...contacts.handover);
    if (a.status !== 'lost') {
      for (const c of people) {
        const params = {
          contact_id: c.contact_id,
          name: c.name,
          account_id: id,
          last_contact: c.last_contact ?? null,
        };
        if (c.last_contact === undefined)
          findings.push(finding('contact_never_contacted', params, { account_id: id }));
        else if (c.last_contact < yearAgo)
          findings.push(finding('contact_stale', params, { account_id: id }));
      }
    }

    const surveys = (surveysByAccount.get(id) ?? []).map((s) => {
      const r = surveyResult(s, feedbackBySurvey.get(s.survey_id) ?? []);
      const params = {
        survey_id: s.survey_id,
        account_id: id,
        respondents: r.respondents,
        invited: s.invited,
      };
      if (r.respondents > s.invited)
        findings.push(finding('respondents_exceed_invited', params, { account_id: id }));
      if (r.answers === 0) findings.push(finding('survey_without_answers', params, { account_id: id }));
      return r;
    });
    allSurveys.push(...surveys);

    const wallet = a.wallet;
    const share_of_wallet =
      w12 && wallet !== undefined && wallet > 0 ? fromCents(w12.profit.revenue) / wallet : null;
    const nopat12 = w12 ? fromCents(w12.profit.nopat) : null;
    const voc = accountVoc(surveys);
    const plan = accountPlan(
      objectivesByAccount.get(id) ?? [],
      actionsByObjective,
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
            ? spanRevenue(
                windowBefore,
                windowProfit(financialsByAccount.get(id) ?? [], windowBefore, profitOf),
              )
            : null,
        commitments,
        contacts: people,
        previous: atPeriod(periods.find((p) => p.period === previousPeriod)),
        current: currentPeriod === null ? null : atPeriod(current),
        nopat_12m: nopat12,
      },
      settings,
    );
    return {
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
      tenure_years: wholeYears(a.since, asOf),
      dossier: dossierSummary(dossierByAccount.get(id) ?? []),
      commitments,
      commitment_stats: cStats,
      contacts,
      voc,
      workload: accountLoad(a, people.length, cStats.on_time_rate, median),
      findings: [],
      plan,
      whitespace: accountWhitespace(offeringsByAccount.get(id) ?? []),
      signals,
      health: health(status, signals),
    };
  });

  function accountPeriodFindings(a: Account, periods: AccountPeriod[], current: AccountPeriod): void {
    const id = a.account_id;
    const list = periods.includes(current) || currentPeriod === null ? periods : [...periods, current];
    for (const p of list) {
      const scored = rowsAt(scoresByAP, id, p.period) !== undefined;
      const expected = p.period === currentPeriod && a.status !== 'lost';
      if (p.segment.unscored && (scored || expected)) {
        findings.push(
          finding(
            'unscored',
            {
              account_id: id,
              period: p.period,
              attractiveness_coverage: p.segment.attractiveness_coverage,
              strength_coverage: p.segment.strength_coverage,
            },
            { account_id: id, period: p.period },
          ),
        );
      }
      if (scored && !hasFinancialsOverlapping(id, p.period)) {
        findings.push(
          finding(
            'scores_without_financials',
            { account_id: id, period: p.period },
            { account_id: id, period: p.period },
          ),
        );
      }
    }
  }

  function hasFinancialsOverlapping(accountId: string, period: string): boolean {
    const range = periodRange(period);
    if (!range) return false;
    return (financialsByAccount.get(accountId) ?? []).some((r) => {
      const q = periodInfo(r.period);
      return !!q && q.start <= range.end && range.start <= q.end;
    });
  }

  const accountIndex = new Map(accounts.map((a) => [a.account_id, a]));
  const isKeyNow = (a: AccountResult) => a.current.segment.segment === 'key';

  // ---- profitability ----
  const segmentTotals = new Map<
    Segment | 'unscored',
    { n: number; rev: Cents; op: Cents; nopat: Cents; rev12: Cents; nopat12: Cents }
  >();
  for (const s of SEGMENT_ORDER)
    segmentTotals.set(s, { n: 0, rev: 0, op: 0, nopat: 0, rev12: 0, nopat12: 0 });
  const whaleItems: { account_id: string; nopat: Cents }[] = [];
  const unprofitableKey: string[] = [];
  for (const acc of accounts) {
    const t = segmentTotals.get(acc.current.segment.segment ?? 'unscored');
    const money = currentPeriod ? periodProfit(acc.account_id, currentPeriod) : null;
    const w12 = last12ByAccount.get(acc.account_id);
    if (t) {
      t.n += 1;
      if (money) {
        t.rev += money.profit.revenue;
        t.op += money.profit.operating_profit;
        t.nopat += money.profit.nopat;
      }
    }
    if (w12 !== undefined) {
      whaleItems.push({ account_id: acc.account_id, nopat: w12.nopat });
      if (t) {
        t.nopat12 += w12.nopat;
        t.rev12 += w12.revenue;
      }
      if (isKeyNow(acc) && w12.nopat < 0) {
        unprofitableKey.push(acc.account_id);
        findings.push(
          finding(
            'key_account_unprofitable',
            { account_id: acc.account_id, nopat_12m: fromCents(w12.nopat) },
            { account_id: acc.account_id },
          ),
        );
      }
    }
    if (isKeyNow(acc) && acc.dossier.totals.count === 0) {
      findings.push(
        finding('key_without_dossier', { account_id: acc.account_id }, { account_id: acc.account_id }),
      );
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

  // ---- bonus test: accounts key a year earlier ----
  const basePeriod = currentPeriod ? (yearEarlier(currentPeriod) ?? null) : null;
  const bonusGroup: Omit<BonusAccount, 'pass'>[] = [];
  if (currentPeriod && basePeriod) {
    for (const acc of accounts) {
      const then = acc.periods.find((p) => p.period === basePeriod);
      if (then?.segment.segment !== 'key') continue;
      const revThen = periodProfit(acc.account_id, basePeriod);
      const revNow = periodProfit(acc.account_id, currentPeriod);
      bonusGroup.push({
        account_id: acc.account_id,
        stayed: stillActiveOn(acc.account, asOf),
        revenue_then: revThen ? fromCents(revThen.profit.revenue) : null,
        revenue_now: revNow ? fromCents(revNow.profit.revenue) : null,
      });
    }
  }

  // ---- pay ----
  const cap = settings.base_pay_cap;
  const payRows = data.compensation
    .map((c) => payRow(c, cap))
    .sort((x, y) => compareText(x.member_id, y.member_id) || comparePeriodIds(x.period, y.period));
  for (const r of payRows) {
    if (r.over_cap) {
      findings.push(
        finding(
          'base_pay_over_cap',
          { member_id: r.member_id, period: r.period, base_share: r.base_share, cap },
          { member_id: r.member_id, period: r.period },
        ),
      );
    }
  }

  // ---- plans, whitespace, early warning ----
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
  const actionsByOwner = groupBy(overdueActions, (x) => x.owner_id);

  // ---- attach findings to their accounts ----
  for (const f of findings) if (f.account_id !== undefined) accountIndex.get(f.account_id)?.findings.push(f);

  return {
    today,
    current_period: currentPeriod,
    periods: [...allPeriods].sort(comparePeriodIds),
    window,
    settings,
    team: data.team,
    accounts,
    accountIndex,
    segment_totals,
    whale: whaleCurve(whaleItems),
    cross_subsidy_index: crossSubsidyIndex(whaleItems.map((w) => w.nopat)),
    unprofitable_key_account_ids: unprofitableKey,
    retention,
    tenure: tenureBuckets(data.accounts, financialsByAccount, profitOf),
    reinvestment: reinvestment(
      accounts.map((acc) => ({
        account_id: acc.account_id,
        tenure_years: acc.tenure_years,
        isKey: isKeyNow(acc),
        nopat12m: last12ByAccount.get(acc.account_id)?.nopat ?? null,
      })),
      settings.reinvestment_share,
    ),
    commitments: {
      stats: commitmentStats(accounts.flatMap((a) => a.commitments)),
      by_owner: [...ownerStats.entries()]
        .sort((a, b) => compareText(a[0], b[0]))
        .map(([owner_id, stats]) => ({ owner_id, stats: finishStats(stats) })),
      overdue: overdue.sort(
        (a, b) => b.days_late - a.days_late || compareText(a.row.commitment_id, b.row.commitment_id),
      ),
    },
    voc: {
      surveys: [...allSurveys].sort(
        (a, b) => compareText(a.date, b.date) || compareText(a.survey_id, b.survey_id),
      ),
      trend: vocTrend(allSurveys),
    },
    handover: handover.sort(compareHandover),
    workload: {
      model: WORKLOAD_MODEL,
      managers: managerLoads(
        data.team,
        accounts.map((a) => a.workload),
      ),
    },
    pay: { cap, rows: payRows, bonus: bonusTest(currentPeriod, basePeriod, bonusGroup) },
    findings,
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
