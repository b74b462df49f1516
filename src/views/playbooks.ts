/**
 * Everything the playbook pages and their live MDX components compute: pure functions from the
 * Portfolio (and the playbook entries) to rows. The .astro components only render these, so
 * the selection rules are tested here without a build.
 */
import { addMonths } from '../domain/periods.ts';
import type { AccountResult, Portfolio, Segment, SupplierPosition } from '../domain/types.ts';
import {
  PLAYBOOK_LOCALES,
  POSITIONS,
  SEGMENTS,
  playbookGroup,
  type PlaybookFrontmatter,
  type PlaybookGroup,
} from '../content/playbooks.ts';
import { comparePeriods, type AccountStatus, type DmuRole } from '../schema/index.ts';
import { formatters, type Formatters, type Locale } from '../i18n/format.ts';
import { playbookStrings, type PlaybookStrings } from '../i18n/playbooks.ts';
import { href } from '../lib/paths.ts';

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
    throw new Error(`locale="${String(explicit)}" must be one of ${PLAYBOOK_LOCALES.join(', ')}`);
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
  return { locale, s: playbookStrings[locale], fmt: formatters(locale, portfolio.settings.currency) };
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
export interface HandoverRow {
  contact_id: string;
  account_id: string;
  account_name: string;
  name: string;
  title: string | null;
  dmu_role: DmuRole | null;
  influence: number | null;
  owner_id: string | null;
  reason: 'unreachable' | 'no_owner';
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

export interface CapacityRow {
  member_id: string;
  name: string | null;
  accounts: number;
  load: number;
  capacity: number;
  utilisation: number;
}

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
