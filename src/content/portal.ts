/**
 * What every page reads: the validated datasets the loaders stored (kept in the process, see
 * source.ts), the portfolio computed from them once per build (memoised — computing it per
 * page would make the build quadratic; the build script's own computation is reused), the UI
 * strings and formatters for the settings locale.
 */
import { getEntry } from 'astro:content';
import { resolveToday } from '../domain/index.ts';
import type { Portfolio } from '../domain/types.ts';
import type { Datasets } from '../schema/index.ts';
import { messages, type Messages } from '../i18n/index.ts';
import { formatters, type Formatters } from '../i18n/format.ts';
import type { InputStatusEntry, PortfolioInputEntry } from './entries.ts';
import { buildChangesFor, goodInput, originsFor, portfolioFor, readInput } from './source.ts';
import type { Origins } from '../ingest/index.ts';
import type { BuildChanges } from '../views/changes.ts';

export interface Portal {
  data: Datasets;
  portfolio: Portfolio;
  input: PortfolioInputEntry;
  status: InputStatusEntry | undefined;
  t: Messages;
  fmt: Formatters;
  /** Where each record came from (see source.ts). */
  origins: Origins;
  /** What changed since the previous build; undefined under `astro dev` (no build pipeline). */
  changes: BuildChanges | undefined;
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
  // The datasets behind these entries; only a dev server restarted on invalid data (entries
  // left from an earlier run) has none, and then shows the valid part of the current files
  // under the error banner.
  const data = goodInput(input.readAt) ?? (await readInput()).data;
  const portfolio = portfolioFor(data, resolveToday());
  const locale = data.settings.locale;
  const names = new Map(data.team.map((m) => [m.member_id, m.name]));
  return {
    data,
    portfolio,
    input,
    status,
    t: messages(locale),
    fmt: formatters(locale, data.settings.currency),
    origins: originsFor(data),
    changes: buildChangesFor(data),
    memberName: (id) => (id ? (names.get(id) ?? id) : '—'),
  };
}
