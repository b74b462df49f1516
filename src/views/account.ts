/**
 * What one account page shows beyond the AccountResult: the criterion-by-criterion scores
 * behind its segment, its people, its path across both matrices and its P&L waterfall.
 * Rows are grouped by account once per dataset array (memoised), so every page is O(its rows).
 */
import type { AccountResult, Portfolio, Profit, SupplierPosition } from '../domain/types.ts';
import type { Contact, Criterion, Datasets, Score } from '../schema/index.ts';
import { comparePeriods } from '../schema/period.ts';
import type { Messages } from '../i18n/index.ts';
import type { Formatters } from '../i18n/format.ts';
import { memberHref } from '../lib/paths.ts';
import { lostText, shownSegment, type ShownSegment } from './accounts.ts';
import type { MatrixPoint } from './matrix-layout.ts';
import { matrixQuadrants, quadrantNames } from './matrix.ts';
import { playbookHref } from './playbooks.ts';

const groups = new WeakMap<readonly unknown[], Map<string, unknown[]>>();

/** Rows of one account, grouping the whole array once. */
export function rowsOf<T extends { account_id: string }>(rows: readonly T[], accountId: string): T[] {
  let g = groups.get(rows) as Map<string, T[]> | undefined;
  if (!g) {
    g = new Map();
    for (const r of rows) {
      const list = g.get(r.account_id);
      if (list) list.push(r);
      else g.set(r.account_id, [r]);
    }
    groups.set(rows, g as Map<string, unknown[]>);
  }
  return g.get(accountId) ?? [];
}

export interface CriterionLine {
  criterion: Criterion;
  current: number | null;
  previous: number | null;
  change: number | null;
  comment: string | null;
}

export interface CriteriaTable {
  period: string | null;
  previousPeriod: string | null;
  attractiveness: CriterionLine[];
  strength: CriterionLine[];
}

/** Scores per criterion in the current and the previous scored period. */
export function criteriaTable(data: Datasets, a: AccountResult, period: string | null): CriteriaTable {
  const scores = rowsOf(data.scores, a.account_id);
  const periods = [...new Set(scores.map((s) => s.period))].sort(comparePeriods);
  const currentIdx = period ? periods.indexOf(period) : periods.length - 1;
  const previousPeriod = currentIdx > 0 ? (periods[currentIdx - 1] ?? null) : null;
  const byKey = new Map<string, Score>();
  for (const s of scores) byKey.set(`${s.period}\u0000${s.criterion_id}`, s);
  const line = (c: Criterion): CriterionLine => {
    const cur = period ? byKey.get(`${period}\u0000${c.criterion_id}`) : undefined;
    const prev = previousPeriod ? byKey.get(`${previousPeriod}\u0000${c.criterion_id}`) : undefined;
    return {
      criterion: c,
      current: cur?.score ?? null,
      previous: prev?.score ?? null,
      change: cur && prev ? Math.round((cur.score - prev.score) * 100) / 100 : null,
      comment: cur?.comment ?? null,
    };
  };
  return {
    period,
    previousPeriod,
    attractiveness: data.criteria.filter((c) => c.matrix === 'attractiveness').map(line),
    strength: data.criteria.filter((c) => c.matrix === 'strength').map(line),
  };
}

/** The account's people, most influential first. */
export function contactsOf(data: Datasets, accountId: string): Contact[] {
  return [...rowsOf(data.contacts, accountId)].sort(
    (x, y) => (y.influence ?? 0) - (x.influence ?? 0) || x.name.localeCompare(y.name),
  );
}

export interface WaterfallStep {
  key:
    | 'revenue_goods'
    | 'revenue_services'
    | 'revenue_ip'
    | 'cogs'
    | 'service_cost'
    | 'acquisition_cost'
    | 'knowledge_cost'
    | 'relationship_cost'
    | 'tax'
    | 'revenue'
    | 'operating_profit'
    | 'nopat';
  amount: number;
  /** Running total before and after this step; totals start at 0. */
  from: number;
  to: number;
  total: boolean;
}

/** Revenue parts up, every cost down, tax down: from revenue to NOPAT. */
export function waterfall(p: Profit): WaterfallStep[] {
  const steps: WaterfallStep[] = [];
  let run = 0;
  const move = (key: WaterfallStep['key'], amount: number) => {
    steps.push({ key, amount, from: run, to: run + amount, total: false });
    run += amount;
  };
  const total = (key: WaterfallStep['key']) =>
    steps.push({ key, amount: run, from: 0, to: run, total: true });
  move('revenue_goods', p.revenue_goods);
  move('revenue_services', p.revenue_services);
  move('revenue_ip', p.revenue_ip);
  total('revenue');
  move('cogs', -p.cogs);
  move('service_cost', -p.service_cost);
  move('acquisition_cost', -p.acquisition_cost);
  move('knowledge_cost', -p.knowledge_cost);
  move('relationship_cost', -p.relationship_cost);
  total('operating_profit');
  move('tax', -p.tax);
  // Close on the core's NOPAT so cent rounding never shows a gap.
  steps.push({ key: 'nopat', amount: p.nopat, from: 0, to: p.nopat, total: true });
  return steps;
}

export interface PathPoint {
  period: string;
  x: number;
  y: number;
}

/** The account's positions on the selection matrix (x = strength, y = attractiveness), oldest first. */
export function selectionPath(a: AccountResult): PathPoint[] {
  return a.periods.flatMap((p) =>
    p.segment.strength !== null && p.segment.attractiveness !== null
      ? [{ period: p.period, x: p.segment.strength, y: p.segment.attractiveness }]
      : [],
  );
}

/** The account's positions on the supplier positioning matrix (x = spend, y = risk). */
export function positioningPath(a: AccountResult): PathPoint[] {
  return a.positions.map((p) => ({ period: p.period, x: p.spend, y: p.risk }));
}

/** Revenue and NOPAT per period with financials, for the trend chart. */
export function profitTrend(a: AccountResult): { period: string; revenue: number; nopat: number }[] {
  return a.periods.flatMap((p) =>
    p.profit ? [{ period: p.period, revenue: p.profit.revenue, nopat: p.profit.nopat }] : [],
  );
}

export function thresholdsOf(p: Portfolio) {
  const s = p.settings;
  return {
    attractiveness: s.attractiveness_threshold,
    strength: s.strength_threshold,
    risk: s.risk_threshold,
    spend: s.spend_threshold,
  };
}

/** What the page needs from the portal: the analyses, the rows and the display helpers. */
export interface AccountPageInput {
  portfolio: Portfolio;
  data: Datasets;
  t: Messages;
  fmt: Formatters;
  memberName(id: string | null | undefined): string;
}

export interface Link {
  text: string;
  href: string;
}

/** A point of the account's own path, in the shape the matrix component draws. */
export interface PathMatrixPoint extends MatrixPoint {
  from: PathPoint | null;
}

export interface PathMatrix {
  id: 'm1' | 'm2';
  title: string;
  /** The drawing's accessible name. */
  chartTitle: string;
  points: PathMatrixPoint[];
  xLabel: string;
  yLabel: string;
  xThreshold: number;
  yThreshold: number;
  /** Top-left, top-right, bottom-left, bottom-right. */
  quadrants: [string, string, string, string];
  empty: string;
  /** The path as text: "period: y / x → …". */
  text: string;
}

export interface CriterionRow {
  name: string;
  comment: string | null;
  weight: string;
  current: string;
  previous: string;
  change: string;
  tone: 'up' | 'down' | null;
}

export interface CriteriaSection {
  title: string;
  criterionLabel: string;
  weightLabel: string;
  changeLabel: string;
  period: string;
  previousPeriod: string;
  tables: { caption: string; rows: CriterionRow[] }[];
}

export interface Fact {
  term: string;
  value: string;
}

export interface TimelineEntry {
  date: string;
  dateText: string;
  title: string;
  /** Category, value and "not shared" after the title, already joined. */
  detail: string;
  description: string | null;
}

export interface ContactRow {
  name: string;
  title: string | null;
  role: string;
  influence: string;
  attitude: string;
  owner: Link | null;
  lastContact: string;
  /** Badge text when the person needs a new owner. */
  handover: string | null;
}

export interface SurveyLine {
  date: string;
  responses: string;
  mean: string;
  change: { text: string; tone: 'up' | 'down' | null } | null;
}

/** Everything the account page renders, formatted; sections take their part as props. */
export interface AccountPage {
  account: AccountResult;
  head: {
    name: string;
    id: string;
    managerLabel: string;
    manager: Link;
    industry: string | null;
    region: string | null;
    segment: ShownSegment;
    segmentLabel: string;
    position: SupplierPosition | 'none';
    status: AccountResult['status'];
  };
  kpis: { label: string; value: string }[];
  why: {
    title: string;
    text: string;
    hints: string[];
    playbooks: Link[];
    movesTitle: string;
    moves: string[];
  };
  profile: {
    title: string;
    facts: Fact[];
    description: string | null;
    internalNotes: { label: string; text: string } | null;
  };
  matrices: PathMatrix[];
  criteria: CriteriaSection;
  pnl: {
    title: string;
    empty: string;
    last12: { steps: WaterfallStep[]; caption: string } | null;
    period: { steps: WaterfallStep[]; caption: string } | null;
  };
  trend: {
    title: string;
    empty: string;
    xTitle: string;
    yTitle: string;
    revenueLabel: string;
    nopatLabel: string;
    labels: string[];
    revenue: number[];
    nopat: number[];
    clvNote: string;
  };
  dossier: {
    title: string;
    empty: string;
    columns: string[];
    /** Category rows, then the total row (its first cell is the row's header). */
    rows: string[][];
    total: string[];
    timeline: {
      summary: string;
      since: { date: string; text: string; label: string };
      entries: TimelineEntry[];
    } | null;
  };
  kpiTable: {
    title: string;
    empty: string;
    columns: { label: string; num?: boolean }[];
    rows: {
      metric: string;
      period: string;
      value: string;
      target: string;
      benchmark: string;
      shared: string;
    }[];
  };
  voc: { title: string; empty: string; meanLabel: string; surveys: SurveyLine[] };
  dmu: { title: string; columns: string[]; summary: string; people: ContactRow[] };
  commitments: { title: string; empty: string; onTime: string };
}

const signed = (v: number, text: string) => `${v > 0 ? '+' : ''}${text}`;
const toneOf = (v: number | null): 'up' | 'down' | null =>
  v == null || v === 0 ? null : v > 0 ? 'up' : 'down';
const ratio = (fmt: Formatters, v: number | null) => (v == null ? '—' : `${fmt.number(v, 1)}×`);

/** The account page's content, computed and formatted once, for the section components. */
export function accountPage(input: AccountPageInput, accountId: string): AccountPage {
  const { portfolio, data, t, fmt, memberName } = input;
  const a = portfolio.accountIndex.get(accountId);
  if (!a) throw new Error(`Unknown account ${accountId}`);
  const acc = a.account;
  const cur = a.current;
  const seg = cur.segment;
  const th = thresholdsOf(portfolio);
  const segKey = shownSegment(a);
  const posKey = cur.position?.position ?? 'none';
  const p12 = a.last12m?.profit ?? null;

  const why =
    lostText(a, t, fmt) ??
    (seg.segment
      ? t.account.why(
          fmt.score(seg.attractiveness),
          fmt.score(th.attractiveness),
          fmt.score(seg.strength),
          fmt.score(th.strength),
          t.segment[seg.segment],
        )
      : t.account.whyUnscored(fmt.percent(seg.attractiveness_coverage), fmt.percent(seg.strength_coverage)));
  const playbooks: Link[] = [];
  if (seg.segment)
    playbooks.push({
      href: playbookHref(fmt.locale, `segment-${seg.segment}`),
      text: `${t.account.playbookFor} ${t.segment[seg.segment]}`,
    });
  if (cur.position)
    playbooks.push({
      href: playbookHref(fmt.locale, `position-${cur.position.position}`),
      text: `${t.account.playbookFor} ${t.position[cur.position.position]}`,
    });

  // The last point is the account now: drawn larger, in its segment's or position's colour.
  const pathPoints = (path: PathPoint[], cls: string): PathMatrixPoint[] =>
    path.map((p, i) => ({
      id: `${a.account_id}-${p.period}`,
      label: fmt.period(p.period),
      x: p.x,
      y: p.y,
      size: i === path.length - 1 ? 2 : 1,
      cls: i === path.length - 1 ? cls : 'past',
      from: i > 0 ? (path[i - 1] ?? null) : null,
    }));
  const pathText = (path: PathPoint[]) =>
    path.map((p) => `${fmt.period(p.period)}: ${fmt.score(p.y)} / ${fmt.score(p.x)}`).join(' → ');
  const sel = selectionPath(a);
  const pos = positioningPath(a);
  // Selection: x strength, y attractiveness; positioning: x spend, y risk.
  const matrices: PathMatrix[] = [
    {
      id: 'm1',
      title: t.matrix.selectionTitle,
      chartTitle: `${t.matrix.selectionTitle}: ${a.name}`,
      points: pathPoints(sel, segKey),
      xLabel: t.matrix.strength,
      yLabel: t.matrix.attractiveness,
      xThreshold: th.strength,
      yThreshold: th.attractiveness,
      quadrants: quadrantNames(matrixQuadrants('selection'), (q) => t.segmentShort[q]),
      empty: t.account.noScores,
      text: pathText(sel),
    },
    {
      id: 'm2',
      title: t.matrix.positioningTitle,
      chartTitle: `${t.matrix.positioningTitle}: ${a.name}`,
      points: pathPoints(pos, posKey),
      xLabel: t.matrix.spend,
      yLabel: t.matrix.risk,
      xThreshold: th.spend,
      yThreshold: th.risk,
      quadrants: quadrantNames(matrixQuadrants('positioning'), (q) => t.position[q]),
      empty: t.position.none,
      text: pathText(pos),
    },
  ];

  const criteria = criteriaTable(data, a, portfolio.current_period);
  const criterionRow = (l: CriterionLine): CriterionRow => ({
    name: l.criterion.name,
    comment: l.comment,
    weight: fmt.number(l.criterion.weight, 2),
    current: fmt.score(l.current),
    previous: fmt.score(l.previous),
    change: l.change == null ? '—' : signed(l.change, fmt.score(l.change)),
    tone: toneOf(l.change),
  });

  const trend = profitTrend(a);
  const totals = a.dossier.totals;
  const handover = new Set(a.contacts.handover.map((h) => h.contact_id));
  // The KPIs of the current period, else of the last period that has any.
  const kpis = cur.kpis.length ? cur.kpis : (a.periods.findLast((p) => p.kpis.length)?.kpis ?? []);
  const missing = a.contacts.missing_roles;

  return {
    account: a,
    head: {
      name: a.name,
      id: a.account_id,
      managerLabel: t.common.manager,
      manager: { text: memberName(a.kam_id), href: memberHref(a.kam_id) },
      industry: acc.industry || null,
      region: acc.region || null,
      segment: segKey,
      segmentLabel: t.segment[segKey],
      position: posKey,
      status: a.status,
    },
    kpis: [
      { label: t.account.revenue12, value: fmt.money(p12?.revenue) },
      { label: t.account.nopat12, value: fmt.money(p12?.nopat) },
      { label: t.common.clv, value: fmt.money(a.clv) },
      { label: t.account.shareOfWallet, value: fmt.percent(a.share_of_wallet) },
      { label: t.account.dossierValue, value: fmt.money(totals.client_value) },
      { label: t.account.overdue, value: String(a.commitment_stats.overdue) },
    ],
    why: {
      title: t.account.whyTitle,
      text: why,
      hints: [t.segmentHint[segKey], t.positionHint[posKey]],
      playbooks,
      movesTitle: t.account.moves,
      moves: a.moves.map(
        (m) =>
          `${fmt.period(m.from_period)} → ${fmt.period(m.to_period)}: ${t.segment[m.from]} → ${t.segment[m.to]}`,
      ),
    },
    profile: {
      title: t.account.profile,
      facts: [
        { term: t.common.since, value: `${fmt.date(acc.since)} (${t.account.tenure(a.tenure_years)})` },
        {
          term: t.common.status,
          value: `${t.status[a.status]}${acc.lost_on ? ` · ${fmt.date(acc.lost_on)}` : ''}`,
        },
        { term: t.account.potential, value: fmt.money(acc.potential) },
        { term: t.account.wallet, value: fmt.money(acc.wallet) },
        {
          term: t.account.distance,
          value: acc.distance_km == null ? '—' : `${fmt.number(acc.distance_km)} ${t.account.km}`,
        },
        { term: t.account.centralization, value: String(acc.purchase_centralization ?? '—') },
        { term: t.account.competition, value: String(acc.competition ?? '—') },
      ],
      description: acc.description || null,
      internalNotes: acc.internal_notes ? { label: t.account.internalNotes, text: acc.internal_notes } : null,
    },
    matrices,
    criteria: {
      title: t.account.criteriaTitle(fmt.period(criteria.period)),
      criterionLabel: t.common.criterion,
      weightLabel: t.common.weight,
      changeLabel: t.common.change,
      period: fmt.period(criteria.period),
      previousPeriod: fmt.period(criteria.previousPeriod),
      tables: [
        {
          caption: `${t.matrix.attractiveness}: ${fmt.score(seg.attractiveness)}`,
          rows: criteria.attractiveness.map(criterionRow),
        },
        {
          caption: `${t.matrix.strength}: ${fmt.score(seg.strength)}`,
          rows: criteria.strength.map(criterionRow),
        },
      ],
    },
    pnl: {
      title: t.account.pnlTitle,
      empty: t.account.noFinancials,
      last12: p12
        ? {
            steps: waterfall(p12),
            caption: t.account.pnl12(a.last12m?.periods.map((p) => fmt.period(p)).join(', ') ?? ''),
          }
        : null,
      period: cur.profit
        ? { steps: waterfall(cur.profit), caption: t.account.pnlPeriod(fmt.period(portfolio.current_period)) }
        : null,
    },
    trend: {
      title: t.account.trendTitle,
      empty: t.account.noFinancials,
      xTitle: t.usability.axisPeriod,
      yTitle: t.usability.axisMoney,
      revenueLabel: t.common.revenue,
      nopatLabel: t.common.nopat,
      labels: trend.map((p) => fmt.period(p.period)),
      revenue: trend.map((p) => p.revenue),
      nopat: trend.map((p) => p.nopat),
      clvNote: t.account.clvNote(
        fmt.percent(portfolio.retention.rate, 1),
        fmt.percent(portfolio.settings.discount_rate, 1),
      ),
    },
    dossier: {
      title: t.account.dossierTitle,
      empty: t.account.noDossier,
      columns: [
        t.account.category,
        t.common.count,
        t.common.cost,
        t.common.clientValue,
        t.account.validated,
        t.account.valuePerCost,
      ],
      rows: a.dossier.by_category.map((c) => [
        t.category[c.category],
        String(c.count),
        fmt.money(c.cost),
        fmt.money(c.client_value),
        fmt.money(c.validated_value),
        ratio(fmt, c.value_cost_ratio),
      ]),
      total: [
        t.common.total,
        String(totals.count),
        fmt.money(totals.cost),
        fmt.money(totals.client_value),
        fmt.money(totals.validated_value),
        ratio(fmt, totals.value_cost_ratio),
      ],
      timeline: a.dossier.timeline.length
        ? {
            summary: t.account.timeline(a.dossier.timeline.length),
            since: { date: acc.since, text: fmt.date(acc.since), label: t.account.relationshipStart },
            entries: a.dossier.timeline.map((e) => ({
              date: e.date,
              dateText: fmt.date(e.date),
              title: e.title,
              detail:
                `(${t.category[e.category]})` +
                (e.client_value ? ` · ${fmt.money(e.client_value)}` : '') +
                (e.client_visible ? '' : ` · ${t.account.notShared}`),
              description: e.description || null,
            })),
          }
        : null,
    },
    kpiTable: {
      title: t.account.kpisTitle,
      empty: t.common.none,
      columns: [
        { label: t.account.metric },
        { label: t.common.value, num: true },
        { label: t.common.target, num: true },
        { label: t.common.benchmark, num: true },
        { label: t.account.sharedWithClient },
      ],
      rows: kpis.map((k) => ({
        metric: k.metric,
        period: fmt.period(k.period),
        value: `${fmt.number(k.value, 2)} ${k.unit}`,
        target: fmt.number(k.target, 2),
        benchmark: fmt.number(k.benchmark, 2),
        shared: k.client_visible ? t.common.yes : t.common.no,
      })),
    },
    voc: {
      title: t.nav.voc,
      empty: t.voc.none,
      meanLabel: t.voc.mean,
      surveys: a.voc.surveys.map((s) => ({
        date: fmt.date(s.date),
        responses: t.voc.responses(s.respondents, s.invited, fmt.percent(s.response_rate)),
        mean: fmt.number(s.mean, 1),
        change:
          s.mean_change == null
            ? null
            : {
                text: `(${signed(s.mean_change, fmt.number(s.mean_change, 1))})`,
                tone: toneOf(s.mean_change),
              },
      })),
    },
    dmu: {
      title: t.account.dmuTitle,
      columns: [
        t.common.name,
        t.account.role,
        t.account.influence,
        t.account.attitude,
        t.common.owner,
        t.account.lastContact,
        t.account.handover,
      ],
      summary:
        t.account.dmuSummary(a.contacts.people, fmt.number(a.contacts.weighted_attitude, 2)) +
        (missing.length ? ` ${t.account.missingRoles}: ${missing.map((r) => t.dmu[r]).join(', ')}.` : ''),
      people: contactsOf(data, a.account_id).map((c) => ({
        name: c.name,
        title: c.title || null,
        role: c.dmu_role ? t.dmu[c.dmu_role] : '—',
        influence: c.influence == null ? '—' : String(c.influence),
        attitude: c.attitude == null ? '—' : signed(c.attitude, String(c.attitude)),
        owner: c.owner_id ? { text: memberName(c.owner_id), href: memberHref(c.owner_id) } : null,
        lastContact: fmt.date(c.last_contact),
        handover: handover.has(c.contact_id)
          ? c.owner_id
            ? t.account.unreachable
            : t.account.noOwner
          : null,
      })),
    },
    commitments: {
      title: t.account.commitmentsTitle,
      empty: t.common.none,
      onTime: t.account.onTime(fmt.percent(a.commitment_stats.on_time_rate)),
    },
  };
}
