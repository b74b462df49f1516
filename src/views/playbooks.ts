/**
 * Everything the playbook pages and their live MDX blocks compute: pure functions from the
 * Portfolio (and the playbook entries) to rows, and the registry of live blocks that turns them
 * into tables. Block.astro only renders these, so selection and formatting are tested here
 * without a build.
 */
import { addMonths } from '../domain/periods.ts';
import { NEW_KEY_TENURE_YEARS } from '../domain/retention.ts';
import type {
  AccountResult,
  HandoverItem,
  ManagerLoad,
  Portfolio,
  Segment,
  SupplierPosition,
} from '../domain/types.ts';
import { playbookGroup, type PlaybookFrontmatter, type PlaybookGroup } from '../content/playbooks.ts';
import { LOCALES, POSITIONS, SEGMENTS } from '../schema/concepts.ts';
import { comparePeriods, type AccountStatus, type DmuRole } from '../schema/index.ts';
import { formatters, type Formatters, type Locale } from '../i18n/format.ts';
import { accountHref, href, memberHref } from '../lib/paths.ts';
import { messages, type PlaybookStrings } from '../i18n/index.ts';
import { earlyWarnings, objectivesAtRisk, objectiveView } from './plans.ts';

// ---------------------------------------------------------------------------------------
// URLs and locale
// ---------------------------------------------------------------------------------------

/** `/playbooks/<locale>/<topic>/` — account pages link to segment-<s> and position-<p> topics. */
export function playbookHref(locale: Locale, topic: string): string {
  return href(`/playbooks/${locale}/${topic}/`);
}

/** The playbook list in one language; without a locale, the list in the portal's language. */
export function playbookListHref(locale?: Locale): string {
  return href(locale ? `/playbooks/${locale}/` : '/playbooks/');
}

export const otherLocale = (locale: Locale): Locale => (locale === 'en' ? 'ru' : 'en');

const PATH_LOCALE = /\/playbooks\/(en|ru)(?:\/|$)/;

/**
 * Language of the playbook a live component is rendered in. MDX gives components no page
 * context, so an explicit `locale` prop wins, then the page URL, then the portal's locale.
 */
export function resolvePlaybookLocale(explicit: unknown, pathname: string, fallback: Locale): Locale {
  if (explicit !== undefined) {
    if (explicit === 'en' || explicit === 'ru') return explicit;
    throw new Error(`locale="${String(explicit)}" must be one of ${LOCALES.join(', ')}`);
  }
  const m = PATH_LOCALE.exec(pathname);
  return m?.[1] === 'ru' ? 'ru' : m?.[1] === 'en' ? 'en' : fallback;
}

export interface PlaybookContext {
  locale: Locale;
  s: PlaybookStrings;
  fmt: Formatters;
}

export function playbookContext(
  portfolio: Portfolio,
  pathname: string,
  explicitLocale?: unknown,
): PlaybookContext {
  const locale = resolvePlaybookLocale(explicitLocale, pathname, portfolio.settings.locale);
  return { locale, s: messages(locale).playbook, fmt: formatters(locale, portfolio.settings.currency) };
}

// MDX props are untyped at build time: a typo must stop the build with a message naming it.
function oneOf<T extends string>(values: readonly T[], value: unknown, what: string): T {
  const found = values.find((v) => v === value);
  if (found === undefined) throw new Error(`${what}="${String(value)}" must be one of ${values.join(', ')}`);
  return found;
}
export const parseSegment = (v: unknown, component: string): Segment =>
  oneOf(SEGMENTS, v, `<${component}> segment`);
export const parsePosition = (v: unknown, component: string): SupplierPosition =>
  oneOf(POSITIONS, v, `<${component}> position`);
export function parseOptionalSegment(v: unknown, component: string): Segment | undefined {
  return v === undefined ? undefined : parseSegment(v, component);
}

/** Rows a live table shows by default: a playbook is guidance, not a report of 10,000 accounts. */
export const DEFAULT_LIMIT = 15;

export interface Limited<T> {
  rows: T[];
  /** Set when rows were cut: how many are shown out of how many. */
  more: { shown: number; total: number } | null;
}

/** The first `limit` rows (the views already sort the most urgent first). */
export function limitRows<T>(
  all: readonly T[],
  limit: unknown = DEFAULT_LIMIT,
  component = 'component',
): Limited<T> {
  if (typeof limit !== 'number' || !Number.isInteger(limit) || limit < 1) {
    throw new Error(`<${component}> limit={${String(limit)}} must be a whole number of rows, at least 1`);
  }
  const rows = all.slice(0, limit);
  return { rows, more: rows.length < all.length ? { shown: rows.length, total: all.length } : null };
}

// ---------------------------------------------------------------------------------------
// Accounts by segment / supplier position
// ---------------------------------------------------------------------------------------

export interface AccountRow {
  account_id: string;
  name: string;
  kam_id: string;
  status: AccountStatus;
  segment: Segment | null;
  position: SupplierPosition | null;
  /** Current period money; null without financials for the period. */
  revenue: number | null;
  nopat: number | null;
  nopat_12m: number | null;
  open_commitments: number;
  overdue_commitments: number;
}

function accountRow(a: AccountResult): AccountRow {
  return {
    account_id: a.account_id,
    name: a.name,
    kam_id: a.kam_id,
    status: a.status,
    segment: a.current.segment.segment,
    position: a.current.position?.position ?? null,
    revenue: a.current.profit?.revenue ?? null,
    nopat: a.current.profit?.nopat ?? null,
    nopat_12m: a.last12m?.profit.nopat ?? null,
    open_commitments: a.commitment_stats.open,
    overdue_commitments: a.commitment_stats.overdue,
  };
}

const byName = (x: { name: string; account_id: string }, y: { name: string; account_id: string }) =>
  x.name.localeCompare(y.name) || (x.account_id < y.account_id ? -1 : x.account_id > y.account_id ? 1 : 0);

/** Larger first, unknown last. */
function desc(x: number | null, y: number | null): number {
  if (x === y) return 0;
  if (x === null) return 1;
  if (y === null) return -1;
  return y - x;
}

/** Smaller first, unknown last. */
function asc(x: number | null, y: number | null): number {
  if (x === y) return 0;
  if (x === null) return 1;
  if (y === null) return -1;
  return x - y;
}

const byRevenue = (x: AccountRow, y: AccountRow) => desc(x.revenue, y.revenue) || byName(x, y);

/**
 * Accounts the core places in `segment` for the current period — lost and prospects
 * included (they carry a status tag), so the list always matches the matrix and the exports.
 * Largest current revenue first.
 */
export function segmentAccounts(p: Portfolio, segment: Segment): AccountRow[] {
  return p.accounts
    .filter((a) => a.current.segment.segment === segment)
    .map(accountRow)
    .sort(byRevenue);
}

/** Accounts whose supplier position (the client's view of us) is `position` this period. */
export function positionAccounts(p: Portfolio, position: SupplierPosition): AccountRow[] {
  return p.accounts
    .filter((a) => a.current.position?.position === position)
    .map(accountRow)
    .sort(byRevenue);
}

/** Key clients with negative NOPAT over the last 12 months, worst first. */
export function unprofitableKeyAccounts(p: Portfolio): AccountRow[] {
  return p.unprofitable_key_account_ids
    .flatMap((id) => {
      const a = p.accountIndex.get(id);
      return a ? [accountRow(a)] : [];
    })
    .sort((x, y) => asc(x.nopat_12m, y.nopat_12m) || byName(x, y));
}

const inSegment = (p: Portfolio, accountId: string, segment: Segment | undefined) =>
  segment === undefined || p.accountIndex.get(accountId)?.current.segment.segment === segment;

const accountName = (p: Portfolio, id: string) => p.accountIndex.get(id)?.name ?? id;

// ---------------------------------------------------------------------------------------
// Commitments and contacts
// ---------------------------------------------------------------------------------------

export interface OverdueRow {
  commitment_id: string;
  account_id: string;
  account_name: string;
  description: string;
  owner_id: string;
  due: string;
  days_late: number;
}

/** Overdue commitments (most overdue first), optionally only for accounts in one segment. */
export function overdueCommitments(p: Portfolio, opts: { segment?: Segment } = {}): OverdueRow[] {
  return p.commitments.overdue
    .filter((c) => inSegment(p, c.row.account_id, opts.segment))
    .map((c) => ({
      commitment_id: c.row.commitment_id,
      account_id: c.row.account_id,
      account_name: accountName(p, c.row.account_id),
      description: c.row.description,
      owner_id: c.row.owner_id,
      due: c.row.due,
      days_late: c.days_late,
    }));
}

export interface OwnerCommitmentRow {
  owner_id: string;
  open: number;
  overdue: number;
  on_time_rate: number | null;
}

/** Commitment discipline per owner: most overdue first, then the weakest on-time rate. */
export function commitmentsByOwner(p: Portfolio): OwnerCommitmentRow[] {
  return p.commitments.by_owner
    .map((o) => ({
      owner_id: o.owner_id,
      open: o.stats.open,
      overdue: o.stats.overdue,
      on_time_rate: o.stats.on_time_rate,
    }))
    .sort(
      (x, y) =>
        y.overdue - x.overdue || asc(x.on_time_rate, y.on_time_rate) || (x.owner_id < y.owner_id ? -1 : 1),
    );
}

/**
 * The hand-over list: people at active clients nobody on the team can reach. Deliberately
 * without the contact's internal notes, influence-weighted attitude or anything else a
 * playbook reader does not need.
 */
export interface HandoverRow extends Omit<HandoverItem, 'row'> {
  account_name: string;
}

export function handoverList(p: Portfolio, opts: { segment?: Segment } = {}): HandoverRow[] {
  return p.handover
    .filter(
      (h) => p.accountIndex.get(h.account_id)?.status !== 'lost' && inSegment(p, h.account_id, opts.segment),
    )
    .map((h) => ({
      contact_id: h.contact_id,
      account_id: h.account_id,
      account_name: accountName(p, h.account_id),
      name: h.name,
      title: h.title,
      dmu_role: h.dmu_role,
      influence: h.influence,
      owner_id: h.owner_id,
      reason: h.reason,
    }));
}

export interface DmuGapRow {
  account_id: string;
  name: string;
  kam_id: string;
  people: number;
  missing: DmuRole[];
}

/** Accounts in a segment where nobody is recorded in one of the roles that decide a purchase. */
export function dmuGaps(
  p: Portfolio,
  segment: Segment,
  roles: readonly DmuRole[] = ['decision_maker', 'buyer', 'technical'],
): DmuGapRow[] {
  return p.accounts
    .filter((a) => a.status !== 'lost' && a.current.segment.segment === segment)
    .map((a) => ({
      account_id: a.account_id,
      name: a.name,
      kam_id: a.kam_id,
      people: a.contacts.people,
      missing: roles.filter((r) => a.contacts.missing_roles.includes(r)),
    }))
    .filter((r) => r.missing.length > 0)
    .sort((x, y) => y.missing.length - x.missing.length || byName(x, y));
}

// ---------------------------------------------------------------------------------------
// Team: workload and pay
// ---------------------------------------------------------------------------------------

/** A manager's load without the per-account detail. */
export type CapacityRow = Pick<
  ManagerLoad,
  'member_id' | 'name' | 'accounts' | 'load' | 'capacity' | 'utilisation'
>;

/** Managers the workload model marks as over capacity, most loaded first. */
export function managersOverCapacity(p: Portfolio): CapacityRow[] {
  return p.workload.managers
    .filter((m) => m.status === 'over')
    .map((m) => ({
      member_id: m.member_id,
      name: m.name,
      accounts: m.accounts,
      load: m.load,
      capacity: m.capacity,
      utilisation: m.utilisation,
    }))
    .sort((x, y) => y.utilisation - x.utilisation || (x.member_id < y.member_id ? -1 : 1));
}

export interface PayCapRow {
  member_id: string;
  period: string;
  base_pay: number;
  variable_max: number;
  base_share: number | null;
  cap: number;
}

/**
 * Members whose most recent pay period has a base share above the cap. Older periods are
 * history: a fixed contract should drop off this list.
 */
export function membersOverPayCap(p: Portfolio): PayCapRow[] {
  const latest = new Map<string, Portfolio['pay']['rows'][number]>();
  for (const r of p.pay.rows) {
    const seen = latest.get(r.member_id);
    if (!seen || comparePeriods(r.period, seen.period) > 0) latest.set(r.member_id, r);
  }
  return [...latest.values()]
    .filter((r) => r.over_cap)
    .map((r) => ({
      member_id: r.member_id,
      period: r.period,
      base_pay: r.base_pay,
      variable_max: r.variable_max,
      base_share: r.base_share,
      cap: p.pay.cap,
    }))
    .sort((x, y) => desc(x.base_share, y.base_share) || (x.member_id < y.member_id ? -1 : 1));
}

export interface BonusView {
  period: string | null;
  base_period: string | null;
  pass: boolean | null;
  rows: {
    account_id: string;
    name: string;
    stayed: boolean;
    revenue_then: number | null;
    revenue_now: number | null;
    pass: boolean;
  }[];
}

/** The key-account retention bonus test, failures first. */
export function retentionBonus(p: Portfolio): BonusView {
  const b = p.pay.bonus;
  return {
    period: b.period,
    base_period: b.base_period,
    pass: b.pass,
    rows: b.accounts
      .map((a) => ({ ...a, name: accountName(p, a.account_id) }))
      .sort((x, y) => Number(x.pass) - Number(y.pass) || byName(x, y)),
  };
}

// ---------------------------------------------------------------------------------------
// Value: reinvestment, dossier, Voice of the Customer
// ---------------------------------------------------------------------------------------

export interface ReinvestmentView {
  accounts: {
    account_id: string;
    name: string;
    kam_id: string;
    tenure_years: number;
    nopat_12m: number | null;
  }[];
  extra_cash_flow: number;
  share: number;
  suggested: number;
}

export function reinvestmentSuggestion(p: Portfolio): ReinvestmentView {
  const r = p.reinvestment;
  return {
    accounts: r.new_key_account_ids
      .flatMap((id) => {
        const a = p.accountIndex.get(id);
        return a
          ? [
              {
                account_id: id,
                name: a.name,
                kam_id: a.kam_id,
                tenure_years: a.tenure_years,
                nopat_12m: a.last12m?.profit.nopat ?? null,
              },
            ]
          : [];
      })
      .sort((x, y) => desc(x.nopat_12m, y.nopat_12m) || byName(x, y)),
    extra_cash_flow: r.extra_cash_flow,
    share: r.share,
    suggested: r.suggested,
  };
}

export interface DossierRow {
  account_id: string;
  name: string;
  kam_id: string;
  entries: number;
  /** Entries the client will see in its bundle. */
  client_visible: number;
  cost: number;
  client_value: number;
  validated_value: number;
  value_cost_ratio: number | null;
}

/** Dossier coverage of the accounts in a segment: thinnest dossiers first (those need work). */
export function dossierCoverage(p: Portfolio, segment: Segment): DossierRow[] {
  return p.accounts
    .filter((a) => a.status !== 'lost' && a.current.segment.segment === segment)
    .map((a) => ({
      account_id: a.account_id,
      name: a.name,
      kam_id: a.kam_id,
      entries: a.dossier.totals.count,
      client_visible: a.dossier.timeline.filter((e) => e.client_visible).length,
      cost: a.dossier.totals.cost,
      client_value: a.dossier.totals.client_value,
      validated_value: a.dossier.totals.validated_value,
      value_cost_ratio: a.dossier.totals.value_cost_ratio,
    }))
    .sort((x, y) => x.entries - y.entries || x.client_value - y.client_value || byName(x, y));
}

export interface QuietRow {
  account_id: string;
  name: string;
  kam_id: string;
  last_survey: string | null;
}

/** Active accounts in a segment with no survey in the `months` before today: nobody asked them. */
export function quietAccounts(p: Portfolio, segment: Segment, months = 12): QuietRow[] {
  const since = addMonths(p.today, -months);
  return p.accounts
    .filter((a) => a.status !== 'lost' && a.current.segment.segment === segment)
    .map((a) => ({
      account_id: a.account_id,
      name: a.name,
      kam_id: a.kam_id,
      last_survey: a.voc.surveys.reduce<string | null>(
        (d, s) => (d === null || s.date > d ? s.date : d),
        null,
      ),
    }))
    .filter((r) => r.last_survey === null || r.last_survey < since)
    .sort((x, y) => (x.last_survey ?? '').localeCompare(y.last_survey ?? '') || byName(x, y));
}

export const vocTrend = (p: Portfolio) => p.voc.trend;

// ---------------------------------------------------------------------------------------
// Live blocks: everything <Block name="…" /> can show in a playbook
// ---------------------------------------------------------------------------------------

/** One cell of a live table: the shape DataTable renders (text, or a link, or a badge). */
export type BlockCell =
  string | { text?: string; href?: string; badge?: string; badgeTone?: string; tone?: 'up' | 'down' };

export interface BlockColumn {
  label: string;
  num?: boolean;
  /** 2 (gives way last) … 4 (first) when the table's box is narrow; none: always shown. */
  priority?: 2 | 3 | 4;
  /** Keep each cell on one line (dates). */
  nowrap?: boolean;
}

/** A paragraph above the table: a summary or a verdict. */
export interface BlockLine {
  text: string;
  strong?: boolean;
  tone?: 'up' | 'down';
}

/** What a live block shows; Block.astro frames it (title, "live" badge, period) and renders it. */
export interface BlockView {
  title: string;
  /** Shown instead of the table when there are no rows and no lead paragraphs. */
  empty: string;
  lead: BlockLine[];
  columns: BlockColumn[];
  rows: BlockCell[][];
  /** The first cell names the row (read out as the row header). */
  rowHeader: boolean;
  more: Limited<unknown>['more'];
}

export interface BlockContext extends PlaybookContext {
  memberName: (id: string) => string;
}

/** The MDX attributes as written: `name`, `locale`, and whatever the block declares. */
export type BlockProps = Readonly<Record<string, unknown>>;

export interface BlockDef {
  /** Attributes the block reads besides `name` and `locale`; any other one stops the build. */
  props: readonly string[];
  view: (p: Portfolio, ctx: BlockContext, props: BlockProps) => BlockView;
}

/** How errors name the block: `<Block name="DmuGaps">`-style, as the author wrote it. */
const who = (props: BlockProps) => `Block name="${String(props.name)}"`;

/** A money cell that reads as a loss when it is one. */
function money(fmt: PlaybookContext['fmt'], v: number | null): BlockCell {
  return v !== null && v < 0 ? { text: fmt.money(v), tone: 'down' } : fmt.money(v);
}

interface Column<T> extends BlockColumn {
  cell: (row: T) => BlockCell;
}

/** The common shape: the first `limit` rows of a list, one cell per column. */
function table<T>(
  all: readonly T[],
  props: BlockProps,
  spec: {
    title: string;
    empty: string;
    columns: Column<T>[];
    lead?: BlockLine[];
    rowHeader?: boolean;
    /** Short by nature (a few years): every row, no limit attribute. */
    whole?: boolean;
  },
): BlockView {
  const { rows, more } = spec.whole ? { rows: all, more: null } : limitRows(all, props.limit, who(props));
  return {
    title: spec.title,
    empty: spec.empty,
    lead: spec.lead ?? [],
    columns: spec.columns.map(({ label, num }) => (num ? { label, num } : { label })),
    rows: rows.map((r) => spec.columns.map((c) => c.cell(r))),
    rowHeader: spec.rowHeader ?? false,
    more,
  };
}

const accountLink = (id: string, name: string): BlockCell => ({ href: accountHref(id), text: name });
const memberLink = (ctx: BlockContext, id: string): BlockCell => ({
  href: memberHref(id),
  text: ctx.memberName(id),
});

/** Accounts by segment, position or loss: the name, then the other classification as a badge. */
function accountTable(
  all: readonly AccountRow[],
  ctx: BlockContext,
  props: BlockProps,
  spec: { title: string; empty: string; show: 'segment' | 'position' },
): BlockView {
  const { s, fmt } = ctx;
  const badge = (r: AccountRow): BlockCell => {
    if (spec.show === 'segment')
      return r.segment ? { badge: s.segment[r.segment], badgeTone: r.segment } : '—';
    return r.position ? { badge: s.position[r.position], badgeTone: r.position } : '—';
  };
  return table(all, props, {
    title: spec.title,
    empty: spec.empty,
    rowHeader: true,
    columns: [
      {
        label: s.col.account,
        cell: (r) =>
          r.status === 'active'
            ? accountLink(r.account_id, r.name)
            : {
                href: accountHref(r.account_id),
                text: r.name,
                badge: s.status[r.status],
                badgeTone: r.status,
              },
      },
      { label: s.col.manager, priority: 3, cell: (r) => memberLink(ctx, r.kam_id) },
      { label: spec.show === 'segment' ? s.col.segment : s.col.position, cell: badge },
      { label: s.col.revenue, num: true, priority: 3, cell: (r) => fmt.money(r.revenue) },
      { label: s.col.nopat, num: true, priority: 2, cell: (r) => money(fmt, r.nopat) },
      { label: s.col.nopat12m, num: true, cell: (r) => money(fmt, r.nopat_12m) },
      {
        label: s.col.openOverdue,
        num: true,
        priority: 4,
        cell: (r) => `${fmt.count(r.open_commitments)} / ${fmt.count(r.overdue_commitments)}`,
      },
    ],
  });
}

/**
 * Every live block, by the name an author writes in `<Block name="…" />`. A new block is one
 * entry here: the attributes it reads, and a function from the portfolio to its table.
 */
export const PLAYBOOK_BLOCKS = {
  SegmentAccounts: {
    props: ['segment', 'limit'],
    view: (p, ctx, props) => {
      const segment = parseSegment(props.segment, who(props));
      return accountTable(segmentAccounts(p, segment), ctx, props, {
        title: ctx.s.live.segmentAccounts(ctx.s.segment[segment]),
        empty: ctx.s.empty.segmentAccounts,
        show: 'position',
      });
    },
  },

  PositionAccounts: {
    props: ['position', 'limit'],
    view: (p, ctx, props) => {
      const position = parsePosition(props.position, who(props));
      return accountTable(positionAccounts(p, position), ctx, props, {
        title: ctx.s.live.positionAccounts(ctx.s.position[position]),
        empty: ctx.s.empty.positionAccounts,
        show: 'segment',
      });
    },
  },

  UnprofitableKeyAccounts: {
    props: ['limit'],
    view: (p, ctx, props) =>
      accountTable(unprofitableKeyAccounts(p), ctx, props, {
        title: ctx.s.live.unprofitable,
        empty: ctx.s.empty.unprofitable,
        show: 'position',
      }),
  },

  OverdueCommitments: {
    props: ['segment', 'limit'],
    view: (p, ctx, props) => {
      const { s, fmt } = ctx;
      const segment = parseOptionalSegment(props.segment, who(props));
      return table(overdueCommitments(p, { segment }), props, {
        title: segment ? s.live.overdueIn(s.segment[segment]) : s.live.overdue,
        empty: s.empty.overdue,
        columns: [
          { label: s.col.account, cell: (r) => accountLink(r.account_id, r.account_name) },
          { label: s.col.commitment, cell: (r) => r.description },
          { label: s.col.owner, priority: 3, cell: (r) => memberLink(ctx, r.owner_id) },
          { label: s.col.due, priority: 2, nowrap: true, cell: (r) => fmt.date(r.due) },
          { label: s.col.daysOverdue, num: true, cell: (r) => fmt.count(r.days_late) },
        ],
      });
    },
  },

  CommitmentsByOwner: {
    props: ['limit'],
    view: (p, ctx, props) => {
      const { s, fmt } = ctx;
      return table(commitmentsByOwner(p), props, {
        title: s.live.byOwner,
        empty: s.empty.byOwner,
        columns: [
          { label: s.col.owner, cell: (r) => memberLink(ctx, r.owner_id) },
          {
            label: s.col.openOverdue,
            num: true,
            cell: (r) => `${fmt.count(r.open)} / ${fmt.count(r.overdue)}`,
          },
          { label: s.col.onTime, num: true, cell: (r) => fmt.percent(r.on_time_rate) },
        ],
      });
    },
  },

  // Name, title, role and influence only: never the contact's internal notes or attitude.
  HandoverList: {
    props: ['segment', 'limit'],
    view: (p, ctx, props) => {
      const { s, fmt } = ctx;
      const segment = parseOptionalSegment(props.segment, who(props));
      return table(handoverList(p, { segment }), props, {
        title: segment ? s.live.handoverIn(s.segment[segment]) : s.live.handover,
        empty: s.empty.handover,
        columns: [
          { label: s.col.account, cell: (r) => accountLink(r.account_id, r.account_name) },
          { label: s.col.contact, cell: (r) => r.name },
          { label: s.col.jobTitle, cell: (r) => r.title ?? '—' },
          { label: s.col.dmuRole, cell: (r) => (r.dmu_role ? s.dmu[r.dmu_role] : '—') },
          { label: s.col.influence, num: true, cell: (r) => fmt.number(r.influence) },
          { label: s.col.owner, cell: (r) => (r.owner_id ? memberLink(ctx, r.owner_id) : '—') },
          { label: s.col.reason, cell: (r) => s.reason[r.reason] },
        ],
      });
    },
  },

  DmuGaps: {
    props: ['segment', 'limit'],
    view: (p, ctx, props) => {
      const { s, fmt } = ctx;
      const segment = parseSegment(props.segment, who(props));
      return table(dmuGaps(p, segment), props, {
        title: s.live.dmuGaps(s.segment[segment]),
        empty: s.empty.dmuGaps,
        columns: [
          { label: s.col.account, cell: (r) => accountLink(r.account_id, r.name) },
          { label: s.col.manager, cell: (r) => memberLink(ctx, r.kam_id) },
          { label: s.col.people, num: true, cell: (r) => fmt.count(r.people) },
          { label: s.col.missing, cell: (r) => r.missing.map((m) => s.dmu[m]).join(', ') },
        ],
      });
    },
  },

  ManagersOverCapacity: {
    props: ['limit'],
    view: (p, ctx, props) => {
      const { s, fmt } = ctx;
      return table(managersOverCapacity(p), props, {
        title: s.live.overCapacity,
        empty: s.empty.overCapacity,
        columns: [
          {
            label: s.col.member,
            cell: (r) => ({ href: memberHref(r.member_id), text: r.name ?? r.member_id }),
          },
          { label: s.col.accounts, num: true, cell: (r) => fmt.count(r.accounts) },
          { label: s.col.load, num: true, cell: (r) => fmt.number(r.load, 1) },
          { label: s.col.capacity, num: true, cell: (r) => fmt.number(r.capacity, 1) },
          { label: s.col.utilisation, num: true, cell: (r) => fmt.percent(r.utilisation) },
        ],
      });
    },
  },

  MembersOverPayCap: {
    props: ['limit'],
    view: (p, ctx, props) => {
      const { s, fmt } = ctx;
      return table(membersOverPayCap(p), props, {
        title: s.live.overPayCap(fmt.percent(p.pay.cap)),
        empty: s.empty.overPayCap,
        columns: [
          { label: s.col.member, cell: (r) => memberLink(ctx, r.member_id) },
          { label: s.col.period, cell: (r) => fmt.period(r.period) },
          { label: s.col.basePay, num: true, cell: (r) => fmt.money(r.base_pay) },
          { label: s.col.variableMax, num: true, cell: (r) => fmt.money(r.variable_max) },
          { label: s.col.baseShare, num: true, cell: (r) => fmt.percent(r.base_share) },
        ],
      });
    },
  },

  // The team-wide bonus test: the verdict goes above the table; no verdict, no table.
  RetentionBonus: {
    props: ['limit'],
    view: (p, ctx, props) => {
      const { s, fmt } = ctx;
      const bonus = retentionBonus(p);
      const view = table(bonus.rows, props, {
        title: s.live.bonus,
        empty: s.empty.bonus,
        lead:
          bonus.pass === null
            ? []
            : [
                { text: s.live.bonusSummary(fmt.period(bonus.period), fmt.period(bonus.base_period)) },
                {
                  text: bonus.pass ? s.live.bonusPass : s.live.bonusFail,
                  strong: true,
                  tone: bonus.pass ? 'up' : 'down',
                },
              ],
        columns: [
          { label: s.col.account, cell: (r) => accountLink(r.account_id, r.name) },
          { label: s.col.stayed, cell: (r) => (r.stayed ? s.yes : s.no) },
          { label: s.col.revenueThen, num: true, cell: (r) => fmt.money(r.revenue_then) },
          { label: s.col.revenueNow, num: true, cell: (r) => fmt.money(r.revenue_now) },
          {
            label: s.col.result,
            cell: (r) => ({ badge: r.pass ? s.pass : s.fail, badgeTone: r.pass ? 'ok' : 'error' }),
          },
        ],
      });
      return bonus.pass === null ? { ...view, rows: [] } : view;
    },
  },

  ReinvestmentSuggestion: {
    props: ['limit'],
    view: (p, ctx, props) => {
      const { s, fmt } = ctx;
      const r = reinvestmentSuggestion(p);
      return table(r.accounts, props, {
        title: s.live.reinvest,
        empty: s.empty.reinvest(NEW_KEY_TENURE_YEARS),
        lead:
          r.accounts.length === 0
            ? []
            : [
                {
                  text: s.live.reinvestSummary(
                    r.accounts.length,
                    fmt.money(r.extra_cash_flow),
                    fmt.percent(r.share),
                    fmt.money(r.suggested),
                  ),
                },
              ],
        columns: [
          { label: s.col.account, cell: (a) => accountLink(a.account_id, a.name) },
          { label: s.col.manager, cell: (a) => memberLink(ctx, a.kam_id) },
          { label: s.col.tenure, num: true, cell: (a) => fmt.count(a.tenure_years) },
          { label: s.col.nopat12m, num: true, cell: (a) => fmt.money(a.nopat_12m) },
        ],
      });
    },
  },

  DossierCoverage: {
    props: ['segment', 'limit'],
    view: (p, ctx, props) => {
      const { s, fmt } = ctx;
      const segment = parseSegment(props.segment ?? 'key', who(props));
      return table(dossierCoverage(p, segment), props, {
        title: s.live.dossier(s.segment[segment]),
        empty: s.empty.dossier,
        columns: [
          { label: s.col.account, cell: (r) => accountLink(r.account_id, r.name) },
          { label: s.col.manager, cell: (r) => memberLink(ctx, r.kam_id) },
          { label: s.col.entries, num: true, cell: (r) => fmt.count(r.entries) },
          { label: s.col.visible, num: true, cell: (r) => fmt.count(r.client_visible) },
          { label: s.col.cost, num: true, cell: (r) => fmt.money(r.cost) },
          { label: s.col.clientValue, num: true, cell: (r) => fmt.money(r.client_value) },
          { label: s.col.validated, num: true, cell: (r) => fmt.money(r.validated_value) },
          { label: s.col.ratio, num: true, cell: (r) => fmt.number(r.value_cost_ratio, 1) },
        ],
      });
    },
  },

  QuietAccounts: {
    props: ['segment', 'months', 'limit'],
    view: (p, ctx, props) => {
      const { s, fmt } = ctx;
      const segment = parseSegment(props.segment ?? 'key', who(props));
      const months = props.months ?? 12;
      if (typeof months !== 'number' || !Number.isInteger(months) || months < 1)
        throw new Error(`<${who(props)}> months={${String(months)}} must be a whole number of months`);
      return table(quietAccounts(p, segment, months), props, {
        title: s.live.quiet(s.segment[segment], months),
        empty: s.empty.quiet,
        columns: [
          { label: s.col.account, cell: (r) => accountLink(r.account_id, r.name) },
          { label: s.col.manager, cell: (r) => memberLink(ctx, r.kam_id) },
          { label: s.col.lastSurvey, cell: (r) => (r.last_survey ? fmt.date(r.last_survey) : s.never) },
        ],
      });
    },
  },

  // A handful of years: shown whole, so it takes no limit.
  VocTrend: {
    props: [],
    view: (p, ctx, props) => {
      const { s, fmt } = ctx;
      return table(vocTrend(p), props, {
        whole: true,
        title: s.live.vocTrend,
        empty: s.empty.vocTrend,
        columns: [
          { label: s.col.year, cell: (r) => String(r.year) },
          { label: s.col.surveys, num: true, cell: (r) => fmt.count(r.surveys) },
          { label: s.col.invited, num: true, cell: (r) => fmt.count(r.invited) },
          { label: s.col.respondents, num: true, cell: (r) => fmt.count(r.respondents) },
          { label: s.col.responseRate, num: true, cell: (r) => fmt.percent(r.response_rate) },
          { label: s.col.mean, num: true, cell: (r) => fmt.score(r.mean) },
        ],
      });
    },
  },
  // Reasons in the playbook's language: the signal sentences come from the UI strings of that locale.
  AccountsWithSignals: {
    props: ['limit'],
    view: (p, ctx, props) => {
      const { s } = ctx;
      const t = messages(ctx.locale);
      return table(earlyWarnings(p, t, ctx.fmt), props, {
        title: s.live.signals,
        empty: s.empty.signals,
        rowHeader: true,
        columns: [
          { label: s.col.account, cell: (r) => accountLink(r.account_id, r.name) },
          { label: s.col.health, cell: (r) => ({ badge: r.health.label, badgeTone: r.health.tone }) },
          { label: s.col.manager, cell: (r) => memberLink(ctx, r.kam_id) },
          {
            label: s.col.warnings,
            cell: (r) => r.signals.map((x) => `${x.label}: ${x.sentence}`).join(' · '),
          },
        ],
      });
    },
  },

  OverdueActions: {
    props: ['limit'],
    view: (p, ctx, props) => {
      const { s, fmt } = ctx;
      const titles = new Map(p.plans.objectives.map((o) => [o.objective_id, o.title]));
      return table(p.plans.overdue_actions, props, {
        title: s.live.overdueActions,
        empty: s.empty.overdueActions,
        columns: [
          {
            label: s.col.account,
            cell: (r) => accountLink(r.account_id, p.accountIndex.get(r.account_id)?.name ?? r.account_id),
          },
          { label: s.col.action, cell: (r) => r.title },
          { label: s.col.objective, cell: (r) => titles.get(r.objective_id) ?? r.objective_id },
          { label: s.col.owner, cell: (r) => memberLink(ctx, r.owner_id) },
          { label: s.col.due, cell: (r) => fmt.date(r.due) },
          { label: s.col.daysOverdue, num: true, cell: (r) => fmt.count(r.days_overdue) },
        ],
      });
    },
  },

  ObjectivesAtRisk: {
    props: ['limit'],
    view: (p, ctx, props) => {
      const { s, fmt } = ctx;
      const t = messages(ctx.locale);
      return table(objectivesAtRisk(p), props, {
        title: s.live.objectivesAtRisk,
        empty: s.empty.objectivesAtRisk,
        columns: [
          {
            label: s.col.account,
            cell: (r) => accountLink(r.account_id, p.accountIndex.get(r.account_id)?.name ?? r.account_id),
          },
          { label: s.col.objective, cell: (r) => r.title },
          { label: s.col.state, cell: (r) => ({ badge: t.plan.state[r.state], badgeTone: r.state }) },
          { label: s.col.progress, num: true, cell: (r) => objectiveView(r, t, fmt).bar.text },
          { label: s.col.due, cell: (r) => fmt.date(r.due) },
          { label: s.col.owner, cell: (r) => (r.owner_id ? memberLink(ctx, r.owner_id) : '—') },
        ],
      });
    },
  },
} satisfies Record<string, BlockDef>;

export type BlockName = keyof typeof PLAYBOOK_BLOCKS;

export const BLOCK_NAMES = Object.keys(PLAYBOOK_BLOCKS) as BlockName[];

export function isBlockName(name: unknown): name is BlockName {
  return typeof name === 'string' && Object.hasOwn(PLAYBOOK_BLOCKS, name);
}

/**
 * The view of `<Block name="…" …/>`. MDX attributes are untyped at build time, so an unknown
 * block or attribute stops the build with a message naming it and what would be valid.
 */
export function playbookBlock(p: Portfolio, ctx: BlockContext, props: BlockProps): BlockView {
  const { name } = props;
  if (!isBlockName(name)) {
    throw new Error(`<${who(props)}> is not a live block; known blocks: ${BLOCK_NAMES.join(', ')}`);
  }
  const def: BlockDef = PLAYBOOK_BLOCKS[name];
  const allowed = new Set(['name', 'locale', ...def.props]);
  // Astro adds its own `data-astro-*` scoping attributes to components placed in a styled page.
  const unknown = Object.keys(props).filter(
    (k) => !allowed.has(k) && !k.startsWith('data-astro-') && props[k] !== undefined,
  );
  if (unknown.length > 0) {
    throw new Error(
      `<${who(props)}> has no attribute ${unknown.map((k) => `"${k}"`).join(', ')}; it takes ${[...allowed].join(', ')}`,
    );
  }
  return def.view(p, ctx, props);
}

/** A live block as its frame shows it: the table, the playbook's language tools, period and date. */
export interface LiveBlockView {
  view: BlockView;
  ctx: PlaybookContext;
  period: string | null;
  today: string;
}

/**
 * One live block of a playbook page at `pathname` (its language unless `locale` is given), from
 * the attributes as written: the page computes the blocks it places itself, the MDX `<Block>`
 * element the ones analysts write.
 */
export function liveBlock(
  input: { portfolio: Portfolio; memberName(id: string): string },
  pathname: string,
  props: BlockProps,
): LiveBlockView {
  const { portfolio } = input;
  const ctx: BlockContext = {
    ...playbookContext(portfolio, pathname, props.locale),
    memberName: (id) => input.memberName(id),
  };
  return {
    view: playbookBlock(portfolio, ctx, props),
    ctx,
    period: portfolio.current_period,
    today: portfolio.today,
  };
}

// ---------------------------------------------------------------------------------------
// The playbook entries themselves
// ---------------------------------------------------------------------------------------

export interface PlaybookEntryLike {
  /** Content-layer id: `<locale>/<topic>` for content/playbooks/<locale>/<topic>.mdx. */
  id: string;
  filePath?: string | undefined;
  data: PlaybookFrontmatter;
}

/**
 * Cross-file rules the frontmatter schema cannot see: the folder is the locale, one file per
 * topic and locale, related topics exist. Returns messages that name the file.
 */
export function playbookProblems(entries: readonly PlaybookEntryLike[]): string[] {
  const problems: string[] = [];
  const seen = new Map<string, string>();
  const topics = new Set(entries.map((e) => e.data.topic));
  for (const e of entries) {
    const file = e.filePath ?? e.id;
    const folder = e.id.includes('/') ? e.id.slice(0, e.id.indexOf('/')) : undefined;
    if (folder !== e.data.locale) {
      problems.push(
        `${file}: locale "${e.data.locale}" but the file is not in content/playbooks/${e.data.locale}/`,
      );
    }
    const key = `${e.data.locale}/${e.data.topic}`;
    const other = seen.get(key);
    if (other)
      problems.push(`${file}: topic "${e.data.topic}" (${e.data.locale}) is already used by ${other}`);
    else seen.set(key, file);
    for (const r of e.data.related) {
      if (!topics.has(r)) problems.push(`${file}: related topic "${r}" has no playbook`);
    }
  }
  return problems;
}

export interface PlaybookLink {
  topic: string;
  locale: Locale;
  title: string;
  summary: string;
  href: string;
}

export interface PlaybookSection {
  group: PlaybookGroup;
  items: PlaybookLink[];
}

const GROUP_ORDER: readonly PlaybookGroup[] = ['segments', 'positions', 'practice'];

const link = (d: PlaybookFrontmatter): PlaybookLink => ({
  topic: d.topic,
  locale: d.locale,
  title: d.title,
  summary: d.summary,
  href: playbookHref(d.locale, d.topic),
});

/** The list page: one locale's playbooks grouped (segments, positions, team practice), by order then title. */
export function playbookSections(
  entries: readonly { data: PlaybookFrontmatter }[],
  locale: Locale,
): PlaybookSection[] {
  const mine = entries.map((e) => e.data).filter((d) => d.locale === locale);
  return GROUP_ORDER.map((group) => ({
    group,
    items: mine
      .filter((d) => playbookGroup(d) === group)
      .sort((x, y) => x.order - y.order || x.title.localeCompare(y.title))
      .map(link),
  })).filter((s) => s.items.length > 0);
}

/** The same topic in another language, or null when it has not been written yet. */
export function translation(
  entries: readonly { data: PlaybookFrontmatter }[],
  topic: string,
  locale: Locale,
): PlaybookLink | null {
  const d = entries.find((e) => e.data.topic === topic && e.data.locale === locale)?.data;
  return d ? link(d) : null;
}

/** Related playbooks in the reader's language, falling back to the other one. */
export function relatedPlaybooks(
  entries: readonly { data: PlaybookFrontmatter }[],
  fm: PlaybookFrontmatter,
): PlaybookLink[] {
  return fm.related.flatMap((topic) => {
    const l = translation(entries, topic, fm.locale) ?? translation(entries, topic, otherLocale(fm.locale));
    return l ? [l] : [];
  });
}
