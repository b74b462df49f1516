/**
 * What every page reads: the datasets from the content collections, the portfolio computed
 * from them once per build (memoised at module level — computing it per page would make the
 * build quadratic), the UI strings and formatters for the settings locale.
 */
import { getCollection, getEntry } from 'astro:content';
import { computePortfolio, resolveToday } from '../domain/index.ts';
import type { Portfolio } from '../domain/types.ts';
import type { Datasets } from '../schema/index.ts';
import { messages, type Messages } from '../i18n/index.ts';
import { formatters, type Formatters } from '../i18n/format.ts';
import { joinDatasets, type InputStatusEntry, type PortfolioInputEntry } from './entries.ts';

export interface Portal {
  data: Datasets;
  portfolio: Portfolio;
  input: PortfolioInputEntry;
  status: InputStatusEntry | undefined;
  t: Messages;
  fmt: Formatters;
  /** Member names by id, for "manager" columns. */
  memberName(id: string | null | undefined): string;
}

let memo: { key: string; portal: Promise<Portal> } | undefined;

export async function loadPortal(): Promise<Portal> {
  const input = (await getEntry('input', 'portfolio'))?.data;
  if (!input) throw new Error('The data collections are empty: run npm run check-data.');
  const status = (await getEntry('status', 'last'))?.data;
  const key = input.readAt;
  const current = memo?.key === key ? memo : { key, portal: assemble(input, status) };
  memo = current;
  const portal = await current.portal;
  // The status can change (a bad save in dev) while the last good data stays.
  return { ...portal, status };
}

async function assemble(input: PortfolioInputEntry, status: InputStatusEntry | undefined): Promise<Portal> {
  const [accounts, team] = await Promise.all([getCollection('accounts'), getCollection('team')]);
  const data = joinDatasets(
    input,
    accounts.map((e) => e.data),
    team.map((e) => e.data),
  );
  const portfolio = computePortfolio(data, { today: resolveToday() });
  const locale = data.settings.locale;
  const names = new Map(data.team.map((m) => [m.member_id, m.name]));
  return {
    data,
    portfolio,
    input,
    status,
    t: messages(locale),
    fmt: formatters(locale, data.settings.currency),
    memberName: (id) => (id ? (names.get(id) ?? id) : '—'),
  };
}
