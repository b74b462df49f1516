/**
 * Where an account's figures come from: for each figure, the spreadsheet rows it was computed
 * from as `file › sheet › row N` (a sum lists every row it adds up). The places come from the
 * reader (`IngestResult.origins`, parallel to the datasets), so nothing reads the files again.
 */
import type { Origins } from '../ingest/index.ts';
import type { Datasets } from '../schema/index.ts';
import type { AccountResult, Portfolio } from '../domain/types.ts';
import type { Formatters } from '../i18n/format.ts';
import type { Messages } from '../i18n/index.ts';
import { criteriaTable } from './account.ts';
import type { RowPlace } from '../lib/place.ts';

export { formatPlace, type RowPlace } from '../lib/place.ts';

/** Figure name → its rows. Keys: see `accountSources`. */
export type AccountSources = Record<string, RowPlace[]>;

type Located = 'accounts' | 'scores' | 'positioning' | 'financials' | 'dossier' | 'kpis' | 'commitments';
const LOCATED: readonly Located[] = [
  'accounts',
  'scores',
  'positioning',
  'financials',
  'dossier',
  'kpis',
  'commitments',
];

/** Per dataset, account → indexes of its records; built once per datasets object. */
type Index = Record<Located, Map<string, number[]>>;
const indexes = new WeakMap<Datasets, Index>();

function indexOf(data: Datasets): Index {
  let ix = indexes.get(data);
  if (ix) return ix;
  ix = {} as Index;
  for (const name of LOCATED) {
    const m = new Map<string, number[]>();
    (data[name] as readonly { account_id: string }[]).forEach((r, i) => {
      const list = m.get(r.account_id);
      if (list) list.push(i);
      else m.set(r.account_id, [i]);
    });
    ix[name] = m;
  }
  indexes.set(data, ix);
  return ix;
}

/**
 * The figures of one account and their rows:
 * - `revenue`, `nopat`, `operating_profit`: last 12 months (the financial rows summed);
 *   `clv` (those rows; the rates are settings), `share_of_wallet` (those rows and the account's
 *   row, which holds the wallet);
 *   `revenue:<period>`, `nopat:<period>`: each period's figure;
 * - `attractiveness`, `strength` (current period: the score rows averaged), `score:<criterion>`;
 * - `supplier_position` (current period);
 * - `dossier_client_value`, `dossier_cost`, `dossier_count` (every dossier row of the account);
 * - `kpi:<metric>` (current period);
 * - `commitments`, `open_commitments`, `overdue_commitments`.
 */
export function accountSources(
  data: Datasets,
  origins: Origins,
  a: AccountResult,
  currentPeriod: string | null,
): AccountSources {
  const ix = indexOf(data);
  const id = a.account_id;
  const place = (name: Located, i: number): RowPlace[] => {
    const o = origins[name];
    const src = o?.sources[i];
    const row = o?.rows[i];
    // Default criteria and records built in memory (tests) have no place in a file.
    return src && src.file && row ? [{ file: src.file, sheet: src.sheet, row }] : [];
  };
  const rows = <T>(name: Located, keep: (r: T) => boolean): RowPlace[] =>
    (ix[name].get(id) ?? []).flatMap((i) =>
      keep((data[name] as unknown as readonly T[])[i]!) ? place(name, i) : [],
    );

  const out: AccountSources = {};
  const inPeriods = (periods: readonly string[]) => {
    const set = new Set(periods);
    return rows<{ period: string }>('financials', (r) => set.has(r.period));
  };
  const w12 = inPeriods(a.last12m?.periods ?? []);
  out.revenue = w12;
  out.nopat = w12;
  out.operating_profit = w12;
  out.clv = a.clv === null ? [] : w12;
  out.share_of_wallet = a.share_of_wallet === null ? [] : [...w12, ...rows('accounts', () => true)];
  for (const ap of a.periods) {
    if (!ap.profit) continue;
    const list = inPeriods(ap.profit_periods);
    out[`revenue:${ap.period}`] = list;
    out[`nopat:${ap.period}`] = list;
  }

  const matrixOf = new Map(data.criteria.map((c) => [c.criterion_id, c.matrix]));
  const scored = a.current.segment.segment !== null;
  for (const m of ['attractiveness', 'strength'] as const) {
    out[m] = scored
      ? rows<{ period: string; criterion_id: string }>(
          'scores',
          (r) => r.period === currentPeriod && matrixOf.get(r.criterion_id) === m,
        )
      : [];
  }
  for (const i of ix.scores.get(id) ?? []) {
    const r = data.scores[i]!;
    if (r.period === currentPeriod) out[`score:${r.criterion_id}`] = place('scores', i);
  }
  out.supplier_position = rows<{ period: string }>('positioning', (r) => r.period === currentPeriod);

  const dossier = rows('dossier', () => true);
  out.dossier_client_value = dossier;
  out.dossier_cost = dossier;
  out.dossier_count = dossier;

  for (const i of ix.kpis.get(id) ?? []) {
    const r = data.kpis[i]!;
    if (r.period === currentPeriod) out[`kpi:${r.metric}`] = place('kpis', i);
  }

  const state = new Map(a.commitments.map((c) => [c.row, c]));
  out.commitments = rows('commitments', () => true);
  out.open_commitments = rows<object>('commitments', (r) => state.get(r as never)?.is_open === true);
  out.overdue_commitments = rows<object>('commitments', (r) => state.get(r as never)?.state === 'overdue');
  return out;
}

export interface SourceItem {
  /** The figure's key in `accountSources`. */
  key: string;
  label: string;
  /** The figure's value, formatted. */
  value: string;
  rows: RowPlace[];
}

export interface SourceGroup {
  id: string;
  title: string;
  items: SourceItem[];
}

/** The account page's "where the figures come from": per group of figures, each figure with its value and rows. */
export function sourcesSection(
  input: { portfolio: Portfolio; data: Datasets; origins: Origins; t: Messages; fmt: Formatters },
  a: AccountResult,
): SourceGroup[] {
  const { portfolio, data, origins, t, fmt } = input;
  const src = accountSources(data, origins, a, portfolio.current_period);
  const f = t.changes.figure;
  const crit = criteriaTable(data, a, portfolio.current_period);
  const p12 = a.last12m?.profit ?? null;
  const cur = portfolio.current_period ? ` · ${fmt.period(portfolio.current_period)}` : '';
  const item = (key: string, label: string, value: string): SourceItem => ({
    key,
    label,
    value,
    rows: src[key] ?? [],
  });
  const g = t.changes.sourceGroups;
  const groups: SourceGroup[] = [
    {
      id: 'money',
      title: g.money,
      items: [
        item('revenue', `${f.revenue} · ${t.changes.last12}`, fmt.money(p12?.revenue)),
        item('nopat', `${f.nopat} · ${t.changes.last12}`, fmt.money(p12?.nopat)),
        item('clv', t.common.clv, fmt.money(a.clv)),
        item('share_of_wallet', t.account.shareOfWallet, fmt.percent(a.share_of_wallet)),
        // Revenue and NOPAT of a period come from the same rows: one list for both.
        ...a.periods
          .filter((ap) => ap.profit)
          .map((ap) =>
            item(
              `revenue:${ap.period}`,
              `${f.revenue} · ${f.nopat} · ${fmt.period(ap.period)}`,
              `${fmt.money(ap.profit?.revenue)} · ${fmt.money(ap.profit?.nopat)}`,
            ),
          ),
      ],
    },
    {
      id: 'matrices',
      title: g.matrices,
      items: [
        item('attractiveness', `${f.attractiveness}${cur}`, fmt.score(a.current.segment.attractiveness)),
        item('strength', `${f.strength}${cur}`, fmt.score(a.current.segment.strength)),
        ...[...crit.attractiveness, ...crit.strength]
          .filter((l) => l.current !== null)
          .map((l) =>
            item(
              `score:${l.criterion.criterion_id}`,
              `${f.score} · ${l.criterion.name}${cur}`,
              fmt.score(l.current),
            ),
          ),
        item(
          'supplier_position',
          `${f.supplier_position}${cur}`,
          a.current.position ? t.position[a.current.position.position] : '—',
        ),
      ],
    },
    {
      id: 'dossier',
      title: g.dossier,
      items: [
        item(
          'dossier_client_value',
          `${f.dossier_client_value} · ${f.dossier_cost}`,
          `${fmt.money(a.dossier.totals.client_value)} · ${fmt.money(a.dossier.totals.cost)}`,
        ),
        ...a.current.kpis.map((k) =>
          item(`kpi:${k.metric}`, `${f.kpi} · ${k.metric}${cur}`, fmt.number(k.value, 2)),
        ),
      ],
    },
    {
      id: 'commitments',
      title: g.commitments,
      items: [
        item('commitments', f.commitments, fmt.count(a.commitment_stats.total)),
        item('open_commitments', f.open_commitments, fmt.count(a.commitment_stats.open)),
        item('overdue_commitments', f.overdue_commitments, fmt.count(a.commitment_stats.overdue)),
      ],
    },
  ];
  return groups;
}
