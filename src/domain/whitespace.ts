/**
 * Whitespace: what each client buys from us, what is in the pipeline and what is still open,
 * per account and as the portfolio grid of accounts × offerings. A blank unit is the whole
 * client, a unit of its own.
 */
import type { Offering, OfferingStatus } from '../schema/index.ts';
import { compareText } from './collections.ts';
import { fromCents, toCents } from './money.ts';
import type {
  AccountWhitespace,
  OfferingCell,
  OfferingTotals,
  WhitespaceGrid,
  WhitespaceGridCell,
  WhitespaceGridRow,
} from './types.ts';

/** Most advanced first: a cell is `bought` when any unit buys it. */
const STATUS_RANK: Record<OfferingStatus, number> = {
  bought: 0,
  pipeline: 1,
  opportunity: 2,
  not_relevant: 3,
};

function cell(o: Offering): OfferingCell {
  return {
    offering: o.offering,
    unit: o.unit ?? null,
    status: o.status,
    annual_value: o.annual_value ?? null,
  };
}

function compareCells(a: OfferingCell, b: OfferingCell): number {
  return (
    compareText(a.offering, b.offering) ||
    (a.unit === b.unit ? 0 : a.unit === null ? -1 : b.unit === null ? 1 : compareText(a.unit, b.unit))
  );
}

/** Σ annual_value in cents (blank = 0), so totals never drift. */
function valueCents(cells: readonly OfferingCell[]): number {
  let c = 0;
  for (const x of cells) c += toCents(x.annual_value);
  return c;
}

export function accountWhitespace(rows: readonly Offering[]): AccountWhitespace {
  const all = rows.map(cell).sort(compareCells);
  const of = (s: OfferingStatus) => all.filter((c) => c.status === s);
  const bought = of('bought');
  const pipeline = of('pipeline');
  const opportunity = of('opportunity');
  return {
    rows: all,
    bought,
    pipeline,
    opportunity,
    bought_value: fromCents(valueCents(bought)),
    pipeline_value: fromCents(valueCents(pipeline)),
    whitespace_value: fromCents(valueCents(opportunity)),
  };
}

function gridCell(offering: string, units: OfferingCell[]): WhitespaceGridCell {
  let status: OfferingStatus = 'not_relevant';
  for (const u of units) if (STATUS_RANK[u.status] < STATUS_RANK[status]) status = u.status;
  return { offering, status, value: fromCents(valueCents(units)), units };
}

/** The portfolio grid from each account's whitespace (accounts without offerings rows left out). */
export function whitespaceGrid(
  accounts: readonly { account_id: string; whitespace: AccountWhitespace }[],
): WhitespaceGrid {
  const names = new Set<string>();
  const totals = new Map<string, OfferingTotals & { cents: Record<'b' | 'p' | 'w', number> }>();
  const rows: WhitespaceGridRow[] = [];
  let total = 0;
  for (const a of accounts) {
    if (a.whitespace.rows.length === 0) continue;
    const byOffering = new Map<string, OfferingCell[]>();
    for (const c of a.whitespace.rows) {
      names.add(c.offering);
      const list = byOffering.get(c.offering);
      if (list) list.push(c);
      else byOffering.set(c.offering, [c]);
    }
    const cells: Record<string, WhitespaceGridCell> = Object.create(null) as Record<
      string,
      WhitespaceGridCell
    >;
    for (const [offering, units] of byOffering) {
      const g = gridCell(offering, units);
      cells[offering] = g;
      let t = totals.get(offering);
      if (!t) {
        t = {
          offering,
          bought: 0,
          pipeline: 0,
          opportunity: 0,
          not_relevant: 0,
          bought_value: 0,
          pipeline_value: 0,
          whitespace_value: 0,
          cents: { b: 0, p: 0, w: 0 },
        };
        totals.set(offering, t);
      }
      for (const s of ['bought', 'pipeline', 'opportunity', 'not_relevant'] as const) {
        if (units.some((u) => u.status === s)) t[s] += 1;
      }
      t.cents.b += valueCents(units.filter((u) => u.status === 'bought'));
      t.cents.p += valueCents(units.filter((u) => u.status === 'pipeline'));
      t.cents.w += valueCents(units.filter((u) => u.status === 'opportunity'));
    }
    total += toCents(a.whitespace.whitespace_value);
    rows.push({ account_id: a.account_id, cells, whitespace_value: a.whitespace.whitespace_value });
  }
  rows.sort((x, y) => y.whitespace_value - x.whitespace_value || compareText(x.account_id, y.account_id));
  const offerings = [...names].sort(compareText);
  return {
    offerings,
    rows,
    totals: offerings.map((o) => {
      const { cents, ...t } = totals.get(o)!;
      return {
        ...t,
        bought_value: fromCents(cents.b),
        pipeline_value: fromCents(cents.p),
        whitespace_value: fromCents(cents.w),
      };
    }),
    whitespace_value: fromCents(total),
  };
}
