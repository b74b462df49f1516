/**
 * Deterministic demo portfolio: rows for every dataset of docs/DATA-FORMAT.md, as an analyst would type
 * them (numbers, `YYYY-MM-DD` dates, yes/no, period text). The same options always give the
 * same rows; the cost is linear in the number of accounts, so the benchmark reuses it at
 * 100–10,000 accounts.
 *
 * The story is planned, not left to chance: each account gets a target segment and supplier
 * position for the latest quarter from a fixed rotation (so every segment and position is
 * well populated for any seed), a starting point that is sometimes on the other side of a
 * threshold (so accounts move between segments), and the randomness only adds texture.
 */
import { DOSSIER_CATEGORIES, type DatasetName } from '../../src/schema/datasets.ts';
import { defaultCriteria } from '../../src/schema/defaults.ts';
import { emptyLists } from '../../src/schema/index.ts';
import { parsePeriod } from '../../src/schema/period.ts';
import {
  POSITIONS,
  type Locale,
  type Segment,
  type SupplierPosition as Position,
} from '../../src/schema/concepts.ts';
import { substream, type Rng } from './random.ts';
import * as EN_TEXT from './text.ts';
import * as RU_TEXT from './text-ru.ts';

type Widen<V> = V extends string ? string : V extends readonly string[] ? readonly string[] : V;
/** A word bank: text.ts (English) or text-ru.ts (Russian), same names. */
type DemoText = { [K in keyof typeof EN_TEXT]: Widen<(typeof EN_TEXT)[K]> };
const TEXTS: Record<Locale, DemoText> = { en: EN_TEXT, ru: RU_TEXT };
/**
 * The word bank of the portfolio being generated, set at the start of `generatePortfolio`
 * (which runs synchronously start to end), so every helper writes in the demo's language.
 */
let T: DemoText = EN_TEXT;

export type Row = Record<string, unknown>;
export type PortfolioRows = Record<DatasetName, Row[]>;

export interface GenerateOptions {
  accounts: number;
  members?: number;
  quarters?: number;
  seed?: number;
  /** Latest quarter with data, `YYYY-Qn`. */
  endQuarter?: string;
  /** Language of the portal the demo builds (the `locale` setting). */
  locale?: Locale;
}

export const DEMO_OPTIONS = {
  accounts: 40,
  members: 6,
  quarters: 8,
  seed: 2026,
  endQuarter: '2026-Q3',
} as const;

export type { Segment, Position };

/** Thresholds the demo is arranged around (also written to the settings sheet). */
export const DEMO_THRESHOLDS = { attractiveness: 5, strength: 5, risk: 5, spend: 5 } as const;

/** Days after the end of the last quarter that the data is "as of" (2026-Q3 → 2026-11-27). */
const AS_OF_LAG_DAYS = 58;

// Rotation of latest-quarter segments (10 slots: 2 key, 2 developing, 3 maintained, 3 opportunistic).
const SEGMENT_ROTATION: readonly Segment[] = [
  'key',
  'developing',
  'maintained',
  'opportunistic',
  'key',
  'opportunistic',
  'maintained',
  'developing',
  'opportunistic',
  'maintained',
];

const CRITERION_WEIGHTS: Record<string, number> = {
  attr_net_value: 1.5,
  attr_contracts: 1,
  attr_means: 1,
  attr_pays: 1.2,
  attr_marketing: 0.8,
  attr_information: 1,
  attr_learns: 0.8,
  attr_complaints: 0.7,
  attr_recommends: 1,
  str_quality: 1.5,
  str_cost: 1.2,
  str_delivery: 1.3,
  str_service: 1,
  str_relationship: 1,
  str_innovation: 0.7,
};

interface Quarter {
  id: string;
  year: number;
  q: number;
  start: number;
  end: number;
}

interface Plan {
  index: number;
  id: string;
  name: string;
  lang: Locale;
  status: 'active' | 'lost' | 'prospect';
  kamId: string;
  since: number;
  lostOn?: number;
  /** Quarter indices with scores/positioning (inclusive); financials too unless a prospect. */
  firstQ: number;
  lastQ: number;
  isNew: boolean;
  unscored: boolean;
  /** Ordinal among active, fully scored accounts (drives the rotations), else -1. */
  ordinal: number;
  segment: Segment;
  position: Position;
  /** Levels 0–10 per quarter index (undefined outside firstQ..lastQ). */
  attr: number[];
  str: number[];
  risk: number[];
  spend: number[];
  loss: 'none' | 'heavy' | 'small';
  wallet: number;
  potential: number;
}

export function generatePortfolio(opts: GenerateOptions): PortfolioRows {
  const n = Math.max(0, Math.floor(opts.accounts));
  const m = Math.max(1, Math.floor(opts.members ?? DEMO_OPTIONS.members));
  const nq = Math.max(1, Math.floor(opts.quarters ?? DEMO_OPTIONS.quarters));
  const seed = (opts.seed ?? DEMO_OPTIONS.seed) >>> 0;
  const quarters = quarterList(opts.endQuarter ?? DEMO_OPTIONS.endQuarter, nq);
  const last = quarters[quarters.length - 1] as Quarter;
  const asOf = last.end + AS_OF_LAG_DAYS;
  const windowStart = (quarters[0] as Quarter).start;
  T = TEXTS[opts.locale ?? 'en'];

  const out: PortfolioRows = {
    ...emptyLists<Row>(),
    settings: settingsRows(opts.locale ?? 'en'),
    criteria: criteriaRows(opts.locale ?? 'en'),
  };

  const team = teamPlan(m, seed);
  out.team = team.rows;
  out.compensation = compensationRows(team, quarters, seed);

  const criteria = out.criteria.map((c) => ({
    id: String(c['criterion_id']),
    matrix: String(c['matrix']),
    weight: Number(c['weight']),
  }));
  const attrCriteria = criteria.filter((c) => c.matrix === 'attractiveness');
  const strCriteria = criteria.filter((c) => c.matrix === 'strength');

  const ids = {
    account: Math.max(3, String(n).length),
    contact: Math.max(4, String(n * 8).length),
    dossier: Math.max(4, String(n * 12).length),
    commitment: Math.max(4, String(n * 6).length),
    survey: Math.max(3, String(n * 2).length),
    objective: Math.max(3, String(n * 3).length),
    action: Math.max(4, String(n * 8).length),
  };
  const counters = { contact: 0, dossier: 0, commitment: 0, survey: 0, objective: 0, action: 0 };
  const ctx: Ctx = { seed, quarters, asOf, windowStart, team, ids, counters, out, formulaCommentUsed: false };

  let ordinal = 0;
  let keyOrdinal = 0;
  let oppOrdinal = 0;
  for (let i = 0; i < n; i++) {
    const rng = substream(seed, 1, i);
    const plan = planAccount(i, rng, ctx, ordinal);
    if (plan.ordinal >= 0) {
      ordinal++;
      // (The young key account is spared: it stands for the new clients worth reinvesting in.)
      if (plan.segment === 'key' && !plan.isNew && keyOrdinal++ % 3 === 0) {
        // A few key accounts cost more to serve than they bring: they squeeze us (managed supplier).
        plan.loss = 'heavy';
        plan.position = 'managed';
      }
      if (plan.segment === 'opportunistic' && oppOrdinal++ % 4 === 2) plan.loss = 'small';
    }
    fillLevels(plan, rng, quarters.length);
    out.accounts.push(accountRow(plan, rng));
    scoreRows(plan, ctx, attrCriteria, strCriteria);
    positioningRows(plan, ctx);
    financialRows(plan, ctx);
    kpiRows(plan, ctx);
    const contacts = contactRows(plan, ctx);
    dossierRows(plan, ctx);
    commitmentRows(plan, ctx);
    surveyRows(plan, ctx, contacts);
    planRows(plan, ctx);
    offeringRows(plan, ctx);
  }
  return out;
}

/** The date the demo data is "as of" (build date for overdue commitments): 2026-Q3 → 2026-11-27. */
export function demoAsOf(endQuarter: string = DEMO_OPTIONS.endQuarter): string {
  const q = quarterList(endQuarter, 1)[0] as Quarter;
  return ymdOf(q.end + AS_OF_LAG_DAYS);
}

// ---------------------------------------------------------------------------------------------

interface TeamPlan {
  rows: Row[];
  ids: string[];
  roles: string[];
  kams: string[];
  manager?: string;
  support?: string;
  overCap: string;
}

/** The rows numbered as they are written: C0001, D0001, … */
type NumberedRow = 'contact' | 'dossier' | 'commitment' | 'survey' | 'objective' | 'action';

interface Ctx {
  seed: number;
  quarters: Quarter[];
  asOf: number;
  windowStart: number;
  team: TeamPlan;
  /** Digits of each kind of id. */
  ids: Record<'account' | NumberedRow, number>;
  /** The last number given out, per kind (account ids come from the plan). */
  counters: Record<NumberedRow, number>;
  out: PortfolioRows;
  formulaCommentUsed: boolean;
}

function settingsRows(locale: Locale): Row[] {
  return [
    { key: 'company_name', value: T.COMPANY_NAME },
    { key: 'currency', value: 'USD' },
    { key: 'locale', value: locale },
    { key: 'attractiveness_threshold', value: DEMO_THRESHOLDS.attractiveness },
    { key: 'strength_threshold', value: DEMO_THRESHOLDS.strength },
    { key: 'risk_threshold', value: DEMO_THRESHOLDS.risk },
    { key: 'spend_threshold', value: DEMO_THRESHOLDS.spend },
    { key: 'tax_rate', value: 0.2 },
    { key: 'discount_rate', value: 0.1 },
    { key: 'reinvestment_share', value: 0.1 },
    { key: 'base_pay_cap', value: 0.7 },
  ];
}

function criteriaRows(locale: Locale): Row[] {
  // Same ids and names as the built-in defaults, with weights tuned a little.
  return defaultCriteria(locale).map((c) => ({
    criterion_id: c.criterion_id,
    matrix: c.matrix,
    name: c.name,
    weight: CRITERION_WEIGHTS[c.criterion_id] ?? 1,
    description: T.CRITERION_HINTS[c.criterion_id],
  }));
}

function teamPlan(m: number, seed: number): TeamPlan {
  const rng = substream(seed, 9, 0);
  const rows: Row[] = [];
  const ids: string[] = [];
  const roles: string[] = [];
  const pad = Math.max(2, String(m).length);
  for (let i = 0; i < m; i++) {
    const id = `M${String(i + 1).padStart(pad, '0')}`;
    const role = i === 0 ? 'manager' : m >= 3 && i === m - 1 ? 'support' : 'kam';
    const s = T.TEAM_SEED[i];
    const name = s?.name ?? personName(rng, i % 2 === 0 ? 'ru' : 'en');
    const email = `${s?.email ?? `member${i + 1}`}@${T.EMAIL_DOMAIN}`;
    const region = s?.region ?? rng.pick(T.RU_REGIONS);
    const professionalism = [5, 4, 3, 2, 5, 3][i] ?? 2 + ((i * 7) % 4);
    const support = [true, true, false, false, true, false][i] ?? i % 3 === 0;
    rows.push({
      member_id: id,
      name,
      role,
      email,
      professionalism,
      has_support_staff: support ? 'yes' : 'no',
      region,
    });
    ids.push(id);
    roles.push(role);
  }
  const kams = ids.filter((_, i) => roles[i] === 'kam');
  const manager = ids[roles.indexOf('manager')];
  const support = roles.includes('support') ? ids[roles.indexOf('support')] : undefined;
  const overCap = (m >= 3 && roles[2] === 'kam' ? ids[2] : (kams[0] ?? ids[0])) as string;
  return { rows, ids, roles, kams: kams.length ? kams : [ids[0] as string], manager, support, overCap };
}

function compensationRows(team: TeamPlan, quarters: Quarter[], seed: number): Row[] {
  const rows: Row[] = [];
  const endYear = (quarters[quarters.length - 1] as Quarter).year;
  team.ids.forEach((id, i) => {
    const rng = substream(seed, 10, i);
    const role = team.roles[i];
    // Quarterly pay. Base share 0.645–0.667 for most; the support member sits exactly on the
    // 0.7 cap (not over it); one KAM has an old contract at 0.8, over the cap.
    let base = role === 'manager' ? 30000 : role === 'support' ? 14000 : 18000 + 1000 * (i % 4);
    let variable = role === 'manager' ? 15000 : role === 'support' ? 6000 : base * 0.55;
    if (id === team.overCap) {
      base = 24000;
      variable = 6000;
    }
    for (const q of quarters) {
      const raise = q.year >= endYear ? 1.05 : 1;
      const variableMax = Math.round(variable * raise);
      rows.push({
        member_id: id,
        period: q.id,
        base_pay: Math.round(base * raise),
        variable_max: variableMax,
        variable_paid: Math.round((variableMax * rng.float(0.45, 1)) / 10) * 10,
      });
    }
  });
  return rows;
}

function planAccount(i: number, rng: Rng, ctx: Ctx, ordinal: number): Plan {
  const { quarters, team } = ctx;
  const nq = quarters.length;
  const id = `A${String(i + 1).padStart(ctx.ids.account, '0')}`;
  const name = accountName(i);
  const lang: Locale = /[А-яЁё]/.test(name) ? 'ru' : 'en';
  const slot = i % 20;
  const status: Plan['status'] = slot === 7 || i % 40 === 33 ? 'lost' : slot === 15 ? 'prospect' : 'active';
  const isNew = status === 'active' && slot === 11 && nq > 1;
  const unscored = status === 'active' && !isNew && i % 200 === 4;
  const kamId = i % 10 === 9 && team.manager ? team.manager : (team.kams[i % team.kams.length] as string);

  let since = ctx.windowStart - rng.int(200, 7000);
  let firstQ = 0;
  let lastQ = nq - 1;
  let lostOn: number | undefined;
  if (isNew) {
    firstQ = Math.min(nq - 1, 2 + (i % 3));
    since = (quarters[firstQ] as Quarter).start + rng.int(0, 60);
  } else if (status === 'prospect') {
    firstQ = Math.max(0, nq - 2);
    since = ctx.asOf - rng.int(120, 330);
  } else if (status === 'lost') {
    lastQ = Math.max(0, nq - 1 - rng.int(1, 4));
    const q = quarters[lastQ] as Quarter;
    lostOn = q.start + rng.int(20, 80);
  }

  const scored = status === 'active' && !unscored;
  let segment: Segment;
  let position: Position;
  if (scored) {
    segment = SEGMENT_ROTATION[ordinal % SEGMENT_ROTATION.length] as Segment;
    position = POSITIONS[(ordinal + Math.floor(ordinal / 4)) % 4] as Position;
    // One young account is already key, so the portfolio has a reinvestment to suggest.
    if (isNew && i % 40 === 31) segment = 'key';
  } else if (status === 'prospect') {
    segment = i % 40 === 15 ? 'developing' : 'opportunistic';
    position = 'independent';
  } else {
    segment = rng.pick(['maintained', 'opportunistic'] as const);
    position = rng.pick(['managed', 'independent'] as const);
  }

  const big = segment === 'key' || segment === 'developing' ? 1.6 : 1;
  const wallet = Math.round((4_000_000 * big * Math.exp(0.55 * rng.normal())) / 10_000) * 10_000;
  const potential = Math.round((wallet * rng.float(0.35, 0.7)) / 10_000) * 10_000;

  return {
    index: i,
    id,
    name,
    lang,
    status,
    kamId,
    since,
    lostOn,
    firstQ,
    lastQ,
    isNew,
    unscored,
    ordinal: scored ? ordinal : -1,
    segment,
    position,
    attr: [],
    str: [],
    risk: [],
    spend: [],
    loss: 'none',
    wallet,
    potential,
  };
}

function accountName(i: number): string {
  const fixed = T.DEMO_ACCOUNT_NAMES[i];
  if (fixed) return fixed;
  const j = Math.floor(i / 2);
  if (i % 2 === 0) {
    const S = T.RU_NAME_STEMS.length;
    const R = T.RU_NAME_TRADES.length;
    const F = T.RU_NAME_FORMS.length;
    const cycle = Math.floor(j / (S * R * F));
    const base = `${T.RU_NAME_FORMS[Math.floor(j / (S * R)) % F]} «${T.RU_NAME_STEMS[j % S]}${T.RU_NAME_TRADES[Math.floor(j / S) % R]}»`;
    return cycle > 0 ? `${base} ${cycle + 1}` : base;
  }
  const S = T.EN_NAME_STEMS.length;
  const R = T.EN_NAME_TRADES.length;
  const F = T.EN_NAME_FORMS.length;
  const cycle = Math.floor(j / (S * R * F));
  const base = `${T.EN_NAME_STEMS[j % S]} ${T.EN_NAME_TRADES[Math.floor(j / S) % R]} ${T.EN_NAME_FORMS[Math.floor(j / (S * R)) % F]}`;
  return cycle > 0 ? `${base} ${cycle + 1}` : base;
}

const isHighA = (s: Segment): boolean => s === 'key' || s === 'developing';
const isHighS = (s: Segment): boolean => s === 'key' || s === 'maintained';
const isHighRisk = (p: Position): boolean => p === 'partner' || p === 'desired';
const isHighSpend = (p: Position): boolean => p === 'partner' || p === 'managed';

/** Level paths from a start to the planned latest-quarter level; some start across a threshold. */
function fillLevels(plan: Plan, rng: Rng, nq: number): void {
  const hi = () => rng.float(6.1, 8.3);
  const lo = () => rng.float(2.3, 3.9);
  const ord = plan.ordinal;
  const flipA = ord >= 0 && ord % 6 === 1;
  const flipS = ord >= 0 && ord % 6 === 4;
  const flipPos = ord >= 0 && ord % 5 === 3;
  const path = (arr: number[], high: boolean, flip: boolean) => {
    const end = high ? hi() : lo();
    const start = flip ? (high ? lo() : hi()) : end + rng.float(-1, 1);
    const span = Math.max(1, plan.lastQ - plan.firstQ);
    for (let q = plan.firstQ; q <= plan.lastQ && q < nq; q++) {
      const t = (q - plan.firstQ) / span;
      const wobble = q === plan.lastQ ? 0 : 0.35 * rng.normal();
      arr[q] = clamp(start + (end - start) * t + wobble, 0.5, 9.5);
    }
  };
  path(plan.attr, isHighA(plan.segment), flipA);
  path(plan.str, isHighS(plan.segment), flipS);
  path(plan.risk, isHighRisk(plan.position), flipPos);
  path(plan.spend, isHighSpend(plan.position), flipPos && ord % 2 === 0);
  // Early warnings between the last two quarters: a few accounts were key, or a partner
  // supplier, the quarter before and slipped in the latest one.
  const prev = nq - 2;
  if (ord >= 0 && prev >= plan.firstQ && prev >= 0) {
    if (ord % 12 === 7 && plan.segment === 'developing') plan.str[prev] = 7.5;
    if (ord % 12 === 7 && plan.segment === 'maintained') plan.attr[prev] = 7.5;
    if (ord % 10 === 4 && plan.position !== 'partner') {
      plan.risk[prev] = 7.5;
      plan.spend[prev] = 7.5;
    }
  }
}

function accountRow(plan: Plan, rng: Rng): Row {
  const industry = rng.pick(T.INDUSTRIES);
  const region = plan.lang === 'ru' ? rng.pick(T.RU_REGIONS) : rng.pick(T.EN_REGIONS);
  const plants = rng.int(1, 4);
  const product = rng.pick(T.PRODUCTS);
  const note = plan.status === 'lost' ? rng.pick(T.LOST_NOTES) : rng.pick(T.INTERNAL_NOTES);
  const row: Row = {
    account_id: plan.id,
    name: plan.name,
    kam_id: plan.kamId,
    since: ymdOf(plan.since),
  };
  // A few rows leave status blank: the default (active) applies.
  if (plan.status !== 'active' || plan.index % 8 !== 6) row['status'] = plan.status;
  if (plan.lostOn !== undefined) row['lost_on'] = ymdOf(plan.lostOn);
  row['industry'] = industry;
  row['region'] = region;
  row['potential'] = plan.potential;
  if (plan.status !== 'prospect') row['wallet'] = plan.wallet;
  row['distance_km'] = Math.round(rng.float(plan.lang === 'ru' ? 40 : 300, 3000) / 5) * 5;
  row['purchase_centralization'] = rng.int(1, 5);
  row['competition'] = rng.int(1, 5);
  row['description'] = T.describeAccount(industry, region, product, plants);
  row['internal_notes'] = note;
  return row;
}

function scoreRows(
  plan: Plan,
  ctx: Ctx,
  attrCriteria: { id: string; weight: number }[],
  strCriteria: { id: string; weight: number }[],
): void {
  const rng = substream(ctx.seed, 2, plan.index);
  const matrices = [
    {
      criteria: attrCriteria,
      levels: plan.attr,
      high: isHighA(plan.segment),
      threshold: DEMO_THRESHOLDS.attractiveness,
    },
    {
      criteria: strCriteria,
      levels: plan.str,
      high: isHighS(plan.segment),
      threshold: DEMO_THRESHOLDS.strength,
    },
  ];
  // Fixed per-criterion character of the account: some traits are always better than others.
  const bias = new Map<string, number>();
  for (const mx of matrices) for (const c of mx.criteria) bias.set(c.id, 1.1 * rng.normal());
  if (plan.loss === 'heavy') bias.set('attr_net_value', -4);

  for (let q = plan.firstQ; q <= plan.lastQ; q++) {
    const period = (ctx.quarters[q] as Quarter).id;
    const isLatest = q === ctx.quarters.length - 1;
    for (const [mi, mx] of matrices.entries()) {
      let criteria = mx.criteria;
      // The unscored account: only the first criteria of each matrix were filled in.
      if (plan.unscored && isLatest) criteria = criteria.slice(0, mi === 0 ? 2 : 1);
      const level = mx.levels[q] ?? 5;
      const scores = criteria.map((c) =>
        clamp(Math.round(level + (bias.get(c.id) ?? 0) + 0.6 * rng.normal()), 0, 10),
      );
      if (isLatest && plan.ordinal >= 0) settleSide(scores, criteria, mx.high, mx.threshold);
      criteria.forEach((c, k) => {
        const score = scores[k] as number;
        const row: Row = { account_id: plan.id, period, criterion_id: c.id, score };
        if (rng.chance(0.07)) {
          const text = score >= 5 ? rng.pick(T.SCORE_COMMENTS_HIGH) : rng.pick(T.SCORE_COMMENTS_LOW);
          row['comment'] = text;
        }
        ctx.out.scores.push(row);
      });
    }
  }
}

/** Nudge integer scores until the weighted mean sits clearly on the planned side of 5. */
function settleSide(
  scores: number[],
  criteria: { weight: number }[],
  high: boolean,
  threshold: number,
): void {
  const total = criteria.reduce((s, c) => s + c.weight, 0);
  const mean = () => scores.reduce((s, v, k) => s + v * (criteria[k]?.weight ?? 0), 0) / total;
  const margin = 0.4;
  for (let guard = 0; guard < 200; guard++) {
    const a = mean();
    if (high ? a >= threshold + margin : a <= threshold - margin) return;
    let k = 0;
    for (let j = 1; j < scores.length; j++) {
      const better = high
        ? (scores[j] as number) < (scores[k] as number)
        : (scores[j] as number) > (scores[k] as number);
      if (better) k = j;
    }
    scores[k] = (scores[k] as number) + (high ? 1 : -1);
  }
}

function positioningRows(plan: Plan, ctx: Ctx): void {
  const nq = ctx.quarters.length;
  for (let q = plan.firstQ; q <= plan.lastQ; q++) {
    let risk = Math.round((plan.risk[q] ?? 5) * 2) / 2;
    let spend = Math.round((plan.spend[q] ?? 5) * 2) / 2;
    if (q === nq - 1) {
      risk = isHighRisk(plan.position) ? Math.max(risk, 5.5) : Math.min(risk, 4.5);
      spend = isHighSpend(plan.position) ? Math.max(spend, 5.5) : Math.min(spend, 4.5);
    }
    ctx.out.positioning.push({ account_id: plan.id, period: (ctx.quarters[q] as Quarter).id, risk, spend });
  }
}

const SEASON = [0.92, 1.05, 1.06, 0.97];

function financialRows(plan: Plan, ctx: Ctx): void {
  if (plan.status === 'prospect') return;
  const rng = substream(ctx.seed, 3, plan.index);
  const ipShare = rng.chance(0.6) ? rng.float(0.01, 0.035) : 0;
  const servShare = rng.float(0.06, 0.11);
  const cogsRate = rng.float(0.78, 0.84);
  for (let q = plan.firstQ; q <= plan.lastQ; q++) {
    const quarter = ctx.quarters[q] as Quarter;
    const share = 0.04 + 0.05 * (plan.spend[q] ?? 5);
    const ramp = plan.isNew ? ([0.35, 0.65, 0.85][q - plan.firstQ] ?? 1) : 1;
    const decline = plan.status === 'lost' ? (q === plan.lastQ ? 0.4 : q === plan.lastQ - 1 ? 0.75 : 1) : 1;
    const revenue =
      (plan.wallet * share * (SEASON[quarter.q - 1] ?? 1) * (1 + 0.05 * rng.normal()) * ramp * decline) / 4;
    const services = Math.round(revenue * servShare);
    const ip = Math.round(revenue * ipShare);
    const goods = Math.round(revenue) - services - ip;
    const cogs = Math.round(goods * cogsRate + services * 0.45);
    const firstYear = quarter.start - plan.since < 366;
    const acquisition = Math.round(
      revenue * (firstYear ? rng.float(0.08, 0.15) : rng.chance(0.3) ? rng.float(0, 0.004) : 0),
    );
    const knowledge = Math.round(revenue * rng.float(0.005, 0.012));
    let relationship = Math.round(revenue * rng.float(0.01, 0.025));
    let service = Math.round(revenue * rng.float(0.03, 0.05));
    if (plan.loss !== 'none') {
      // Cost to serve set so the quarter ends in a loss of 1–9% of revenue.
      if (plan.loss === 'heavy') relationship = Math.round(revenue * rng.float(0.07, 0.09));
      const lossRate = plan.loss === 'heavy' ? rng.float(0.04, 0.09) : rng.float(0.01, 0.03);
      const other = cogs + acquisition + knowledge + relationship;
      service = Math.max(service, Math.round(revenue * (1 + lossRate) - other));
    }
    const row: Row = {
      account_id: plan.id,
      period: quarter.id,
      revenue_goods: goods,
      revenue_services: services,
    };
    // Blank money is 0: accounts without licence income leave the cell empty.
    if (ip > 0) row['revenue_ip'] = ip;
    row['cogs'] = cogs;
    row['service_cost'] = service;
    if (acquisition > 0) row['acquisition_cost'] = acquisition;
    row['knowledge_cost'] = knowledge;
    row['relationship_cost'] = relationship;
    ctx.out.financials.push(row);
  }
}

function kpiRows(plan: Plan, ctx: Ctx): void {
  if (plan.status !== 'active') return;
  const rng = substream(ctx.seed, 8, plan.index);
  const nq = ctx.quarters.length;
  const wantsCostIndex = plan.segment === 'key' || plan.segment === 'developing';
  for (let q = Math.max(plan.firstQ, nq - 4); q <= plan.lastQ; q++) {
    const period = (ctx.quarters[q] as Quarter).id;
    const s = plan.str[q] ?? 5;
    const push = (
      metric: string,
      value: number,
      unit: string,
      target: number,
      benchmark: number | undefined,
      visible: boolean,
    ) => {
      const row: Row = { account_id: plan.id, period, metric, value, unit, target };
      if (benchmark !== undefined) row['benchmark'] = benchmark;
      row['client_visible'] = visible ? 'yes' : 'no';
      ctx.out.kpis.push(row);
    };
    const k = T.KPI;
    push(k.onTime, round1(clamp(86 + 1.3 * s + 1.2 * rng.normal(), 75, 100)), '%', 95, 92, true);
    push(k.leadTime, Math.max(3, Math.round(24 - 1.2 * s + 2 * rng.normal())), k.days, 14, 18, true);
    push(k.defects, Math.max(20, Math.round(900 - 70 * s + 60 * rng.normal())), 'ppm', 250, 400, true);
    // Internal indices: only ever hidden from the client.
    const margin = plan.loss === 'none' ? rng.float(0.95, 1.3) : rng.float(0.7, 0.92);
    push(k.margin, Math.round(margin * 100) / 100, k.index, 1, undefined, false);
    if (wantsCostIndex) {
      const cts = plan.loss === 'none' ? rng.float(0.8, 1.1) : rng.float(1.3, 1.7);
      push(k.costToServe, Math.round(cts * 100) / 100, k.index, 1, undefined, false);
    }
  }
}

const DMU_ORDER = [
  'decision_maker',
  'buyer',
  'technical',
  'influencer',
  'user',
  'gatekeeper',
  'other',
  'user',
] as const;

interface ContactRef {
  id: string;
}

function contactRows(plan: Plan, ctx: Ctx): ContactRef[] {
  const rng = substream(ctx.seed, 5, plan.index);
  const count = plan.status === 'active' ? rng.int(3, 8) : 2;
  const refs: ContactRef[] = [];
  const { team } = ctx;
  for (let j = 0; j < count; j++) {
    const id = `C${String(++ctx.counters.contact).padStart(ctx.ids.contact, '0')}`;
    const role = DMU_ORDER[j] ?? 'other';
    const row: Row = {
      contact_id: id,
      account_id: plan.id,
      name: personName(rng, plan.lang),
      title: T.CONTACT_TITLES[role]?.[plan.lang],
      dmu_role: role,
      influence: clamp(role === 'decision_maker' ? rng.int(4, 5) : rng.int(1, 5), 1, 5),
      // `+ 0` turns a rounded -0 into 0.
      attitude: clamp(Math.round(((plan.str[plan.lastQ] ?? 5) - 5) / 2.5 + rng.normal() * 0.8), -2, 2) + 0,
    };
    // Hand-over list: some contacts have no owner, some cannot be reached by theirs.
    const noOwner = (plan.index % 9 === 0 && j === 3) || rng.chance(0.06);
    if (!noOwner) row['owner_id'] = rng.chance(0.8) ? plan.kamId : rng.pick(team.ids);
    const unreachable = (plan.index % 6 === 0 && j === 2) || rng.chance(0.07);
    if (unreachable) row['reachable'] = 'no';
    else if (rng.chance(0.8)) row['reachable'] = 'yes'; // else blank: defaults to yes
    const stale = rng.chance(0.08);
    let daysAgo = stale ? rng.int(380, 700) : rng.int(3, 330);
    // The first contact is usually met recently; a few accounts have gone quiet for months.
    const quiet = plan.ordinal >= 0 && plan.ordinal % 11 === 7;
    if (j === 0) daysAgo = quiet ? rng.int(120, 200) : rng.int(3, 60);
    else if (quiet) daysAgo = Math.max(daysAgo, 121);
    row['last_contact'] = ymdOf(ctx.asOf - daysAgo);
    if (rng.chance(0.35)) row['internal_notes'] = rng.pick(T.CONTACT_NOTES);
    ctx.out.contacts.push(row);
    refs.push({ id });
  }
  return refs;
}

// Every dossier category but the relationship timeline's one.
const VALUE_CATEGORIES = DOSSIER_CATEGORIES.filter((c) => c !== 'history');

// [cost range, client value multiple range]; benefit has no cost of its own.
const CATEGORY_MONEY: Record<string, [number, number, number, number]> = {
  investment: [2000, 15000, 2, 5],
  training: [1500, 6000, 2, 4],
  consulting: [3000, 12000, 2, 6],
  safety_stock: [1000, 5000, 5, 10],
  samples: [500, 3000, 1, 2],
  expedited_delivery: [800, 6000, 5, 20],
  benefit: [0, 0, 10000, 80000],
  problem_solved: [1000, 8000, 5, 15],
  special_event: [2000, 10000, 5, 20],
};

function dossierRows(plan: Plan, ctx: Ctx): void {
  const rng = substream(ctx.seed, 4, plan.index);
  const lastDay = Math.min(ctx.asOf - 10, plan.lostOn ?? Infinity);
  const firstDay = Math.min(lastDay, Math.max(ctx.windowStart, plan.since));
  const entry = (date: number, category: string, title: string, visible: boolean, money: boolean) => {
    const id = `D${String(++ctx.counters.dossier).padStart(ctx.ids.dossier, '0')}`;
    const row: Row = {
      entry_id: id,
      account_id: plan.id,
      date: ymdOf(date),
      category,
      title,
      description: T.DOSSIER_DESCRIPTIONS[category],
    };
    if (money) {
      const [cmin, cmax, vmin, vmax] = CATEGORY_MONEY[category] ?? [0, 0, 0, 0];
      if (category === 'benefit') {
        row['client_value'] = Math.round(rng.float(vmin, vmax) / 100) * 100;
      } else {
        const cost = Math.round(rng.float(cmin, cmax) / 10) * 10;
        row['cost'] = cost;
        row['client_value'] = Math.round((cost * rng.float(vmin, vmax)) / 100) * 100;
      }
      row['validated'] = rng.chance(0.5) ? 'yes' : 'no';
      if (rng.chance(0.6)) {
        row['evidence'] = rng.chance(0.5)
          ? `${T.EVIDENCE_PREFIX} AC-${ymdOf(date).slice(0, 4)}-${rng.int(100, 999)}`
          : `https://docs.${T.EMAIL_DOMAIN}/evidence/${id}`;
      }
    }
    row['client_visible'] = visible ? 'yes' : 'no';
    ctx.out.dossier.push(row);
  };

  if (plan.status === 'prospect') {
    entry(rng.int(firstDay, lastDay), 'samples', T.DOSSIER_TITLES['samples']?.[0] ?? 'Samples', true, true);
    return;
  }
  // The relationship timeline: its start, and for older accounts a milestone in the window.
  entry(plan.since, 'history', T.RELATIONSHIP_START, true, false);
  if (!plan.isNew && rng.chance(0.6)) {
    entry(
      rng.int(firstDay, lastDay),
      'history',
      rng.pick(T.DOSSIER_TITLES['history'] ?? []),
      rng.chance(0.8),
      false,
    );
  }
  const count =
    plan.status === 'lost'
      ? 2
      : countBySegment(rng, plan.segment, {
          key: [6, 8],
          developing: [4, 6],
          maintained: [2, 4],
          opportunistic: [1, 3],
        });
  for (let j = 0; j < count; j++) {
    const category = VALUE_CATEGORIES[(plan.index + j) % VALUE_CATEGORIES.length] as string;
    entry(
      rng.int(firstDay, lastDay),
      category,
      rng.pick(T.DOSSIER_TITLES[category] ?? []),
      rng.chance(0.65),
      true,
    );
  }
}

/** How many rows an account gets: one draw from its segment's range. */
function countBySegment(rng: Rng, segment: Segment, ranges: Record<Segment, [number, number]>): number {
  const [min, max] = ranges[segment];
  return rng.int(min, max);
}

function commitmentRows(plan: Plan, ctx: Ctx): void {
  const rng = substream(ctx.seed, 6, plan.index);
  const count =
    plan.status === 'prospect'
      ? 1
      : plan.status === 'lost'
        ? rng.int(1, 2)
        : countBySegment(rng, plan.segment, {
            key: [4, 5],
            developing: [3, 4],
            maintained: [2, 3],
            opportunistic: [1, 2],
          });
  const latestMade = Math.min(ctx.asOf - 20, plan.lostOn ?? Infinity);
  const earliestMade = Math.min(latestMade, Math.max(ctx.windowStart, plan.since));
  for (let j = 0; j < count; j++) {
    const id = `K${String(++ctx.counters.commitment).padStart(ctx.ids.commitment, '0')}`;
    // Some accounts always carry one overdue promise, so the overdue lists are never empty.
    const forceOverdue = j === 0 && plan.index % 7 === 3 && plan.status === 'active';
    const made = forceOverdue ? ctx.asOf - rng.int(120, 200) : rng.int(earliestMade, latestMade);
    const due = made + (forceOverdue ? rng.int(30, 60) : rng.int(14, 120));
    let done: number | undefined;
    if (!forceOverdue) {
      const r = rng.next();
      if (due < ctx.asOf) {
        if (r < 0.55) done = Math.max(made, due - rng.int(0, 10));
        else if (r < 0.77 || due < ctx.asOf - 25) done = Math.min(due + rng.int(3, 45), ctx.asOf - 1);
      } else if (r < 0.2) {
        done = Math.max(made, ctx.asOf - rng.int(1, 15));
      }
    }
    const visible = rng.chance(0.55);
    const text = rng.pick(T.COMMITMENTS);
    const row: Row = {
      commitment_id: id,
      account_id: plan.id,
      description: text,
      owner_id: rng.chance(0.8) ? plan.kamId : rng.pick(ctx.team.ids),
      made_on: ymdOf(made),
      due: ymdOf(due),
    };
    if (done !== undefined) row['done_on'] = ymdOf(done);
    row['client_visible'] = visible ? 'yes' : 'no';
    ctx.out.commitments.push(row);
  }
}

function surveyRows(plan: Plan, ctx: Ctx, contacts: ContactRef[]): void {
  if (plan.ordinal < 0 || plan.ordinal % 7 !== 2 || plan.isNew) return;
  const rng = substream(ctx.seed, 7, plan.index);
  const base = 5.5 + 0.25 * (plan.str[plan.lastQ] ?? 5) + 0.6 * rng.normal();
  const questionBias = T.SURVEY_QUESTIONS.map(() => 0.8 * rng.normal());
  const dates = [ctx.asOf - 580 + rng.int(-10, 10), ctx.asOf - 215 + rng.int(-10, 10)];
  dates.forEach((date, s) => {
    const id = `S${String(++ctx.counters.survey).padStart(ctx.ids.survey, '0')}`;
    const invited = contacts.length + rng.int(2, 5);
    ctx.out.surveys.push({ survey_id: id, account_id: plan.id, date: ymdOf(date), invited });
    const respondents = Math.max(2, Math.round(invited * rng.float(0.6, 0.95)));
    // One in two surveyed accounts rates us clearly worse the second time.
    const trend = s === 0 ? 0 : plan.ordinal % 14 === 9 ? -rng.float(1.6, 2.2) : rng.float(-1, 1.2);
    for (let r = 0; r < respondents; r++) {
      const respondent = contacts[r]?.id ?? `${T.WORKSHOP_PARTICIPANT} ${r + 1 - contacts.length}`;
      T.SURVEY_QUESTIONS.forEach((question, k) => {
        const score = clamp(Math.round(base + trend + (questionBias[k] ?? 0) + 0.9 * rng.normal()), 0, 10);
        const row: Row = { survey_id: id, respondent, question, score };
        let text: string | undefined;
        if (!ctx.formulaCommentUsed) {
          text = T.FORMULA_LIKE_COMMENT;
          ctx.formulaCommentUsed = true;
        } else if (rng.chance(0.12)) {
          text = rng.pick(T.FEEDBACK_COMMENTS);
        }
        if (text) row['comment'] = text;
        ctx.out.feedback.push(row);
      });
    }
  });
}

// ---------------------------------------------------------------------------------------------

function personName(rng: Rng, lang: Locale): string {
  const pool = lang === 'en' ? T.EN_PEOPLE : rng.chance(0.5) ? T.RU_MALE : T.RU_FEMALE;
  return `${rng.pick(pool.first)} ${rng.pick(pool.last)}`;
}

function quarterList(endQuarter: string, count: number): Quarter[] {
  const p = parsePeriod(endQuarter);
  if (!p || p.grain !== 'quarter') throw new Error(`endQuarter must be YYYY-Qn, got "${endQuarter}"`);
  const endIndex = p.year * 4 + Number(p.id.slice(6)) - 1;
  const list: Quarter[] = [];
  for (let k = endIndex - count + 1; k <= endIndex; k++) {
    const year = Math.floor(k / 4);
    const q = (k % 4) + 1;
    const info = parsePeriod(`${year}-Q${q}`);
    if (!info) throw new Error('bad quarter');
    list.push({ id: info.id, year, q, start: dayOf(info.start), end: dayOf(info.end) });
  }
  return list;
}

const DAY_MS = 86_400_000;

/** Day number (days since 1970-01-01) of a `YYYY-MM-DD` text; UTC arithmetic only. */
export function dayOf(ymd: string): number {
  return Math.round(
    Date.UTC(Number(ymd.slice(0, 4)), Number(ymd.slice(5, 7)) - 1, Number(ymd.slice(8, 10))) / DAY_MS,
  );
}

export function ymdOf(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

function clamp(v: number, min: number, max: number): number {
  return v < min ? min : v > max ? max : v;
}

function round1(v: number): number {
  return Math.round(v * 10) / 10;
}

// ---------------------------------------------------------------------------------------------
// Account plans and whitespace

/** Objective kinds in the order the plan variants use them. */
const PLAN_VARIANTS = ['overdue', 'achieved', 'dropped', 'exceeded', 'profit'] as const;

/**
 * Key and developing accounts get a plan: a share-of-wallet objective (measured), a
 * satisfaction one where the account is surveyed (measured), and one more whose story
 * rotates — overdue, achieved, dropped, exceeded, or (for loss makers) back to profit.
 * Some plans carry an overdue action, so they are at risk.
 */
function planRows(plan: Plan, ctx: Ctx): void {
  if (plan.status !== 'active' || (plan.segment !== 'key' && plan.segment !== 'developing')) return;
  const rng = substream(ctx.seed, 11, plan.index);
  const day = (offset: number) => ymdOf(ctx.asOf + offset);
  const kinds = new Map<string, string>();
  const objective = (kind: string, row: Row, visible: boolean): string => {
    const id = `O${String(++ctx.counters.objective).padStart(ctx.ids.objective, '0')}`;
    kinds.set(id, kind);
    const text = T.OBJECTIVES[kind] ?? { title: kind, metric: kind };
    ctx.out.objectives.push({
      objective_id: id,
      account_id: plan.id,
      title: text.title,
      kind,
      metric: text.metric,
      ...row,
      owner_id: plan.kamId,
      client_visible: visible ? 'yes' : 'no',
      ...(rng.chance(0.5) ? { internal_notes: rng.pick(T.OBJECTIVE_NOTES) } : {}),
    });
    return id;
  };
  const actionsOf = new Map<string, number>();
  const action = (objectiveId: string, due: number, done: number | undefined) => {
    const id = `X${String(++ctx.counters.action).padStart(ctx.ids.action, '0')}`;
    const titles = T.ACTIONS[kinds.get(objectiveId) ?? 'other'] ?? [];
    // One objective's actions differ from each other: a random first title, then the next ones.
    const nth = actionsOf.get(objectiveId) ?? 0;
    actionsOf.set(objectiveId, nth + 1);
    const first = titles.indexOf(rng.pick(titles));
    const row: Row = {
      action_id: id,
      objective_id: objectiveId,
      title: titles[(first + nth) % titles.length],
      owner_id: rng.chance(0.7) ? plan.kamId : rng.pick(ctx.team.ids),
      due: day(due),
    };
    if (done !== undefined) row['done_on'] = day(done);
    ctx.out.actions.push(row);
  };

  // Share of wallet: measured from revenue and wallet; every third plan has a late action.
  const share = objective(
    'share_of_wallet',
    { baseline: 0.1, target: plan.segment === 'key' ? 0.6 : 0.45, due: day(rng.int(150, 300)) },
    plan.ordinal % 2 === 0,
  );
  action(share, -rng.int(60, 120), -rng.int(61, 130));
  if (plan.ordinal % 3 === 0) action(share, -rng.int(20, 45), undefined);
  action(share, rng.int(20, 90), undefined);

  if (plan.ordinal % 7 === 2 && !plan.isNew) {
    const sat = objective('satisfaction', { baseline: 6, target: 8.5, due: day(rng.int(120, 240)) }, true);
    action(sat, rng.int(15, 60), undefined);
  }

  const variant = PLAN_VARIANTS[plan.ordinal % PLAN_VARIANTS.length];
  if (variant === 'overdue') {
    const id = objective(
      'growth',
      { baseline: 0, target: 400, current: rng.int(90, 250), due: day(-rng.int(25, 60)) },
      false,
    );
    action(id, -rng.int(70, 100), -rng.int(60, 69));
  } else if (variant === 'achieved') {
    const id = objective(
      'retention',
      { target: 1, current: 1, due: day(rng.int(-60, 60)), status: 'done' },
      true,
    );
    action(id, -rng.int(90, 150), -rng.int(80, 100));
  } else if (variant === 'dropped') {
    const id = objective(
      'relationship',
      { baseline: 1, target: 4, current: 1, due: day(rng.int(30, 90)), status: 'dropped' },
      false,
    );
    action(id, -rng.int(40, 80), undefined);
  } else if (variant === 'exceeded') {
    objective(
      'other',
      { baseline: 0, target: 3, current: 3 + rng.int(0, 1), due: day(rng.int(60, 120)) },
      true,
    );
  } else if (plan.loss !== 'none') {
    const id = objective(
      'profitability',
      { baseline: -40_000, target: 20_000, due: day(rng.int(120, 200)) },
      false,
    );
    action(id, rng.int(10, 40), undefined);
  } else {
    objective('relationship', { baseline: 1, target: 4, current: 2, due: day(rng.int(90, 200)) }, false);
  }
}

/**
 * The whitespace grid: per active account (and prospect), what it buys from each product
 * line, what is in the pipeline, what is still open; larger accounts by business unit.
 */
function offeringRows(plan: Plan, ctx: Ctx): void {
  if (plan.status === 'lost') return;
  const rng = substream(ctx.seed, 12, plan.index);
  const big = plan.segment === 'key' || plan.segment === 'developing';
  const scale = plan.wallet / 40;
  const value = (lo: number, hi: number) => Math.round((scale * rng.float(lo, hi)) / 1000) * 1000;
  T.OFFERINGS.forEach((offering, k) => {
    let status: string | null;
    if (plan.status === 'prospect') status = k === 0 ? 'pipeline' : k < 3 ? 'opportunity' : null;
    else if (k === 0) status = 'bought';
    else {
      const r = rng.next();
      status =
        r < (big ? 0.35 : 0.2)
          ? 'bought'
          : r < 0.5
            ? 'opportunity'
            : r < 0.6
              ? 'pipeline'
              : r < 0.72
                ? 'not_relevant'
                : null;
    }
    if (status === null) return;
    const row: Row = { account_id: plan.id, offering, status };
    if (status === 'bought') row['annual_value'] = value(0.5, 2);
    else if (status !== 'not_relevant' && rng.chance(0.85)) row['annual_value'] = value(0.3, 1.2);
    ctx.out.offerings.push(row);
    // A second site that does not buy what the first one does yet.
    if (big && status === 'bought' && k < 2 && rng.chance(0.5)) {
      ctx.out.offerings.push({
        account_id: plan.id,
        offering,
        unit: rng.pick(T.UNITS),
        status: 'opportunity',
        annual_value: value(0.3, 1),
      });
    }
  });
}
