import { describe, expect, it } from 'vitest';
import {
  DATASETS,
  DATASET_NAMES,
  DOSSIER_CATEGORIES,
  type DatasetName,
} from '../../../src/schema/datasets.ts';
import {
  DEMO_OPTIONS,
  demoAsOf,
  generatePortfolio,
  type PortfolioRows,
  type Row,
} from '../../../tools/demo/generate.ts';
import { computePortfolio } from '../../../src/domain/portfolio.ts';
import { SIGNAL_CODES } from '../../../src/domain/types.ts';
import * as EN_TEXT from '../../../tools/demo/text.ts';
import { ingestFiles } from '../../../src/ingest/index.ts';
import { countBy, positionsOf, segmentsOf, toRecord } from './helpers.ts';

const demo = generatePortfolio({ accounts: 40 });
const LATEST = DEMO_OPTIONS.endQuarter;
const AS_OF = demoAsOf();
const LAST_FOUR = ['2025-Q4', '2026-Q1', '2026-Q2', '2026-Q3'];

const num = (v: unknown): number => (typeof v === 'number' ? v : 0);
const operatingProfit = (f: Row): number =>
  num(f['revenue_goods']) +
  num(f['revenue_services']) +
  num(f['revenue_ip']) -
  num(f['cogs']) -
  num(f['service_cost']) -
  num(f['acquisition_cost']) -
  num(f['knowledge_cost']) -
  num(f['relationship_cost']);

function profitOverLastFour(rows: PortfolioRows): Map<string, number> {
  const out = new Map<string, number>();
  for (const f of rows.financials) {
    if (!LAST_FOUR.includes(String(f['period']))) continue;
    const id = String(f['account_id']);
    out.set(id, (out.get(id) ?? 0) + operatingProfit(f));
  }
  return out;
}

describe('generatePortfolio: determinism and scale', () => {
  it('gives identical rows for the same seed', () => {
    const again = generatePortfolio({ accounts: 40 });
    expect(JSON.stringify(again)).toBe(JSON.stringify(demo));
    expect(JSON.stringify(generatePortfolio({ accounts: 40, seed: 7 }))).toBe(
      JSON.stringify(generatePortfolio({ accounts: 40, seed: 7 })),
    );
  });

  it('gives different rows for a different seed', () => {
    const other = generatePortfolio({ accounts: 40, seed: 99 });
    expect(JSON.stringify(other.scores)).not.toBe(JSON.stringify(demo.scores));
    expect(JSON.stringify(other.financials)).not.toBe(JSON.stringify(demo.financials));
  });

  it('scales row counts linearly with the number of accounts', () => {
    const small = generatePortfolio({ accounts: 500 });
    const big = generatePortfolio({ accounts: 1000 });
    for (const name of [
      'accounts',
      'scores',
      'positioning',
      'financials',
      'dossier',
      'kpis',
      'contacts',
      'commitments',
    ] as const) {
      const ratio = big[name].length / small[name].length;
      expect(ratio, name).toBeGreaterThan(1.85);
      expect(ratio, name).toBeLessThan(2.15);
    }
    expect(big.accounts).toHaveLength(1000);
    // 8 quarters × 15 criteria for most accounts.
    expect(big.scores.length).toBeGreaterThan(1000 * 8 * 15 * 0.85);
    expect(big.team).toHaveLength(6);
    expect(new Set(big.accounts.map((a) => a['name'])).size).toBe(1000);
  });

  it('honours members, quarters and endQuarter', () => {
    const rows = generatePortfolio({ accounts: 30, members: 12, quarters: 4, endQuarter: '2025-Q2' });
    expect(rows.team).toHaveLength(12);
    expect(new Set(rows.scores.map((s) => s['period']))).toEqual(
      new Set(['2024-Q3', '2024-Q4', '2025-Q1', '2025-Q2']),
    );
    expect(rows.compensation).toHaveLength(12 * 4);
  });
});

describe('generatePortfolio: every row fits its schema', () => {
  const variants: [string, PortfolioRows][] = [
    ['demo', demo],
    [
      '300 accounts, 9 members, 5 quarters',
      generatePortfolio({ accounts: 300, members: 9, quarters: 5, seed: 3 }),
    ],
  ];
  for (const [label, rows] of variants) {
    it(`${label}: zod schemas, unique keys and resolvable references`, () => {
      for (const name of DATASET_NAMES) {
        const def = DATASETS[name];
        const keys = new Set<string>();
        for (const row of rows[name]) {
          const parsed = def.schema.safeParse(toRecord(name, row));
          if (!parsed.success) throw new Error(`${name} ${JSON.stringify(row)}: ${parsed.error.message}`);
          const key = def.key.map((k) => String(row[k])).join('|');
          expect(keys.has(key), `${name} duplicate key ${key}`).toBe(false);
          keys.add(key);
        }
      }
      const ids = (name: DatasetName, column: string) => new Set(rows[name].map((r) => r[column]));
      const members = ids('team', 'member_id');
      const accounts = ids('accounts', 'account_id');
      const criteria = ids('criteria', 'criterion_id');
      const surveys = ids('surveys', 'survey_id');
      const refs: [DatasetName, string, Set<unknown>][] = [
        ['accounts', 'kam_id', members],
        ['scores', 'account_id', accounts],
        ['scores', 'criterion_id', criteria],
        ['positioning', 'account_id', accounts],
        ['financials', 'account_id', accounts],
        ['dossier', 'account_id', accounts],
        ['kpis', 'account_id', accounts],
        ['contacts', 'account_id', accounts],
        ['contacts', 'owner_id', members],
        ['commitments', 'account_id', accounts],
        ['commitments', 'owner_id', members],
        ['surveys', 'account_id', accounts],
        ['feedback', 'survey_id', surveys],
        ['compensation', 'member_id', members],
        ['objectives', 'account_id', accounts],
        ['objectives', 'owner_id', members],
        ['actions', 'objective_id', ids('objectives', 'objective_id')],
        ['actions', 'owner_id', members],
        ['offerings', 'account_id', accounts],
      ];
      for (const [name, column, target] of refs) {
        for (const row of rows[name]) {
          if (row[column] === undefined) continue;
          expect(target.has(row[column]), `${name}.${column} = ${String(row[column])}`).toBe(true);
        }
      }
    });
  }
});

describe('the demo portfolio tells the intended story', () => {
  const segments = segmentsOf(demo, LATEST);
  const positions = positionsOf(demo, LATEST);

  it('has 40 accounts: mostly active, 2–3 lost with lost_on, 2 prospects', () => {
    expect(demo.accounts).toHaveLength(40);
    const status = (a: Row) => (a['status'] as string | undefined) ?? 'active';
    const lost = demo.accounts.filter((a) => status(a) === 'lost');
    expect(lost.length).toBeGreaterThanOrEqual(2);
    expect(lost.length).toBeLessThanOrEqual(3);
    for (const a of lost) expect(String(a['lost_on']) > String(a['since'])).toBe(true);
    expect(demo.accounts.filter((a) => status(a) === 'prospect')).toHaveLength(2);
    expect(demo.accounts.filter((a) => status(a) === 'active').length).toBeGreaterThanOrEqual(33);
    expect(demo.settings.find((s) => s['key'] === 'company_name')?.['value']).toBe(
      'Volga Industrial Components',
    );
    expect(countBy(demo.team.map((t) => t['role']))).toEqual(
      new Map([
        ['manager', 1],
        ['kam', 4],
        ['support', 1],
      ]),
    );
  });

  it('puts several accounts in every segment and every supplier position in the latest quarter', () => {
    const bySegment = countBy([...segments.values()].map((s) => s.segment).filter((s) => s !== null));
    for (const s of ['key', 'developing', 'maintained', 'opportunistic']) {
      expect(bySegment.get(s) ?? 0, s).toBeGreaterThanOrEqual(3);
    }
    const byPosition = countBy(positions.values());
    for (const p of ['partner', 'managed', 'desired', 'independent']) {
      expect(byPosition.get(p) ?? 0, p).toBeGreaterThanOrEqual(3);
    }
  });

  it('keeps latest-quarter A and S of active accounts clear of the thresholds', () => {
    const active = new Set(
      demo.accounts.filter((a) => (a['status'] ?? 'active') === 'active').map((a) => a['account_id']),
    );
    for (const [id, s] of segments) {
      if (!active.has(id) || s.a === null || s.s === null) continue;
      expect(Math.abs(s.a - 5), id).toBeGreaterThanOrEqual(0.3);
      expect(Math.abs(s.s - 5), id).toBeGreaterThanOrEqual(0.3);
    }
  });

  it('moves some accounts between segments over time', () => {
    const first = segmentsOf(demo, '2024-Q4');
    const moved = [...segments].filter(
      ([id, s]) => first.get(id)?.segment && s.segment && first.get(id)?.segment !== s.segment,
    );
    expect(moved.length).toBeGreaterThanOrEqual(5);
  });

  it('leaves exactly one active account unscored in the latest quarter', () => {
    const unscored = [...segments].filter(([, s]) => s.segment === null).map(([id]) => id);
    expect(unscored).toHaveLength(1);
    const partial = demo.scores.filter((s) => s['account_id'] === unscored[0] && s['period'] === LATEST);
    expect(partial.length).toBeGreaterThan(0);
    expect(partial.length).toBeLessThan(demo.criteria.length);
  });

  it('has loss-making key accounts while most accounts make money', () => {
    const profit = profitOverLastFour(demo);
    const key = [...segments].filter(([, s]) => s.segment === 'key').map(([id]) => id);
    const losingKey = key.filter((id) => (profit.get(id) ?? 0) < 0);
    expect(losingKey.length).toBeGreaterThanOrEqual(2);
    expect(losingKey.length).toBeLessThan(key.length);
    const values = [...profit.values()];
    expect(values.filter((v) => v > 0).length / values.length).toBeGreaterThan(0.8);
  });

  it('splits revenue goods ≫ services > ip', () => {
    const sum = (c: string) => demo.financials.reduce((s, f) => s + num(f[c]), 0);
    expect(sum('revenue_goods')).toBeGreaterThan(5 * sum('revenue_services'));
    expect(sum('revenue_services')).toBeGreaterThan(sum('revenue_ip'));
    expect(sum('revenue_ip')).toBeGreaterThan(0);
  });

  it('has open, overdue, on-time and late commitments relative to the build date', () => {
    expect(AS_OF).toBe('2026-11-27');
    const c = demo.commitments;
    const open = c.filter((k) => k['done_on'] === undefined);
    const overdue = open.filter((k) => String(k['due']) < AS_OF);
    const openLater = open.filter((k) => String(k['due']) >= AS_OF);
    const onTime = c.filter((k) => k['done_on'] !== undefined && String(k['done_on']) <= String(k['due']));
    const late = c.filter((k) => k['done_on'] !== undefined && String(k['done_on']) > String(k['due']));
    expect(overdue.length).toBeGreaterThanOrEqual(3);
    expect(openLater.length).toBeGreaterThanOrEqual(3);
    expect(onTime.length).toBeGreaterThanOrEqual(10);
    expect(late.length).toBeGreaterThanOrEqual(3);
    expect(c.some((k) => k['client_visible'] === 'yes')).toBe(true);
    for (const k of c) if (k['done_on'] !== undefined) expect(String(k['done_on']) < AS_OF).toBe(true);
  });

  it('has unreachable and ownerless contacts, and some not met for over a year', () => {
    const c = demo.contacts;
    expect(c.filter((p) => p['reachable'] === 'no').length).toBeGreaterThanOrEqual(2);
    expect(c.filter((p) => p['owner_id'] === undefined).length).toBeGreaterThanOrEqual(2);
    const yearAgo = '2025-11-27';
    expect(c.filter((p) => String(p['last_contact']) < yearAgo).length).toBeGreaterThanOrEqual(2);
    const perAccount = countBy(c.map((p) => p['account_id']));
    const active = demo.accounts.filter((a) => (a['status'] ?? 'active') === 'active');
    for (const a of active) {
      const n = perAccount.get(a['account_id']) ?? 0;
      expect(n).toBeGreaterThanOrEqual(3);
      expect(n).toBeLessThanOrEqual(8);
    }
  });

  it('has exactly one team member over the 0.7 base-pay cap', () => {
    const share = (r: Row) => num(r['base_pay']) / (num(r['base_pay']) + num(r['variable_max']));
    const over = new Set(demo.compensation.filter((r) => share(r) > 0.7).map((r) => r['member_id']));
    expect(over.size).toBe(1);
    expect(demo.compensation).toHaveLength(6 * 8);
  });

  it('fills the dossier with every category and a mix of visible/validated rows', () => {
    expect(new Set(demo.dossier.map((d) => d['category']))).toEqual(new Set(DOSSIER_CATEGORIES));
    expect(countBy(demo.dossier.map((d) => d['client_visible'])).get('no')).toBeGreaterThan(5);
    expect(countBy(demo.dossier.map((d) => d['client_visible'])).get('yes')).toBeGreaterThan(5);
    expect(countBy(demo.dossier.map((d) => d['validated'])).get('yes')).toBeGreaterThan(5);
    expect(countBy(demo.dossier.map((d) => d['validated'])).get('no')).toBeGreaterThan(5);
    expect(demo.dossier.filter((d) => d['category'] === 'history').length).toBeGreaterThanOrEqual(38);
  });

  it('has surveys with two rounds per surveyed account and feedback scores 0–10', () => {
    const perAccount = countBy(demo.surveys.map((s) => s['account_id']));
    expect(perAccount.size).toBeGreaterThanOrEqual(3);
    for (const n of perAccount.values()) expect(n).toBe(2);
    expect(demo.feedback.length).toBeGreaterThan(50);
  });

  it('reads as real data: no test markers anywhere', () => {
    // Leak-test markers belong to test fixtures (test/support/markers.ts), never to the demo.
    expect(JSON.stringify(demo)).not.toMatch(/\[[A-Z]+(-[A-Z]+)*-[A-Za-z0-9]/);
    for (const k of demo.kpis) {
      const internal = k['metric'] === EN_TEXT.KPI.margin || k['metric'] === EN_TEXT.KPI.costToServe;
      expect(internal).toBe(k['client_visible'] === 'no');
    }
  });

  it('includes a little spreadsheet-text hostility', () => {
    expect(demo.accounts.some((a) => /&/.test(String(a['name'])) && /"/.test(String(a['name'])))).toBe(true);
    expect(demo.feedback.some((f) => String(f['comment'] ?? '').startsWith('='))).toBe(true);
  });
});

/** The demo's rows through the real reader and the domain core, as of the tests' date. */
function portfolioOf(rows: PortfolioRows, today = AS_OF) {
  const files = Object.entries(rows).map(([name, list]) => {
    const keys = [...new Set(list.flatMap((r) => Object.keys(r)))];
    const cell = (v: unknown) => (v === undefined ? '' : `"${String(v).replace(/"/g, '""')}"`);
    const lines = [keys.join(','), ...list.map((r) => keys.map((k) => cell(r[k])).join(','))];
    return { name: `${name}.csv`, data: new TextEncoder().encode(lines.join('\n')) };
  });
  const r = ingestFiles(files);
  expect(r.problems.filter((p) => p.severity === 'error')).toEqual([]);
  return computePortfolio(r.data, { today });
}

describe('the demo account plans, whitespace and early warnings', () => {
  const p = portfolioOf(demo);

  it('has plans in every state, with overdue actions, for key and developing accounts', () => {
    for (const s of ['overdue', 'at_risk', 'on_track', 'achieved', 'dropped'] as const)
      expect(p.plans.by_state[s], s).toBeGreaterThan(0);
    expect(p.plans.overdue_actions.length).toBeGreaterThan(2);
    for (const o of p.plans.objectives) {
      const segment = p.accountIndex.get(o.account_id)?.current.segment.segment;
      expect(['key', 'developing']).toContain(segment);
    }
    expect(p.plans.objectives.some((o) => o.current_source === 'measured')).toBe(true);
    expect(p.plans.objectives.some((o) => o.client_visible)).toBe(true);
  });

  it('has a whitespace grid with bought, pipeline and opportunity cells', () => {
    expect(p.whitespace.offerings).toHaveLength(EN_TEXT.OFFERINGS.length);
    expect(p.whitespace.rows.length).toBeGreaterThan(30);
    const statuses = new Set(p.whitespace.rows.flatMap((r) => Object.values(r.cells).map((c) => c.status)));
    expect([...statuses].sort()).toEqual(['bought', 'not_relevant', 'opportunity', 'pipeline']);
    expect(p.whitespace.whitespace_value).toBeGreaterThan(0);
    expect(
      p.whitespace.rows.some((r) => Object.values(r.cells).some((c) => c.units.some((u) => u.unit))),
    ).toBe(true);
  });

  for (const today of [AS_OF, '2026-12-01', '2026-12-20']) {
    it(`raises every kind of signal and shows every health colour as of ${today}`, () => {
      const q = portfolioOf(demo, today);
      const kinds = new Set(q.accounts.flatMap((a) => a.signals.map((s) => s.code)));
      expect([...kinds].sort()).toEqual([...SIGNAL_CODES].sort());
      const h = q.early_warning.health;
      expect(h.green).toBeGreaterThan(h.amber + h.red - 10);
      for (const c of ['green', 'amber', 'red'] as const) expect(h[c], c).toBeGreaterThan(0);
    });
  }
});

describe('the Russian demo (--locale ru)', () => {
  const ru = generatePortfolio({ accounts: 40, locale: 'ru' });
  const texts = (name: DatasetName, ...columns: string[]) =>
    ru[name].flatMap((r) => columns.map((c) => r[c])).filter((v): v is string => typeof v === 'string');
  const latin = /[A-Za-z]{4,}/;

  it('writes names, notes, dossier, commitments, comments and plans in Russian', () => {
    const all = [
      ...texts('accounts', 'name', 'industry', 'region', 'description', 'internal_notes'),
      ...texts('team', 'name', 'region'),
      ...texts('contacts', 'name', 'title', 'internal_notes'),
      ...texts('dossier', 'title', 'description'),
      ...texts('commitments', 'description'),
      ...texts('scores', 'comment'),
      ...texts('kpis', 'metric'),
      ...texts('surveys', 'survey_id').slice(0, 0),
      ...texts('feedback', 'question', 'comment'),
      ...texts('objectives', 'title', 'metric', 'internal_notes'),
      ...texts('actions', 'title'),
      ...texts('offerings', 'offering', 'unit'),
      ...texts('criteria', 'name', 'description'),
    ];
    expect(all.length).toBeGreaterThan(500);
    // Latin letters only in abbreviations such as NOPAT, ppm or an evidence code.
    expect(all.filter((t) => latin.test(t.replace(/NOPAT|Отчёт|AC-\d+/g, '')))).toEqual([]);
    expect(ru.objectives.length).toBe(demo.objectives.length);
  });

  it('tells the same story as the English demo', () => {
    const q = portfolioOf(ru);
    const p = portfolioOf(demo);
    expect(q.early_warning.health).toEqual(p.early_warning.health);
    expect(q.plans.by_state).toEqual(p.plans.by_state);
  });
});
