import { describe, expect, it } from 'vitest';
import { bundleMessages } from '../../../src/i18n/index.ts';
import { DOSSIER_CATEGORIES } from '../../../src/schema/index.ts';
import { escapeHtml, html, raw } from '../../../src/share/html.ts';
import { renderBundle } from '../../../src/share/render.ts';
import { clientView, type ClientView } from '../../../src/share/view.ts';
import { fixturePortfolio, TODAY } from './fixture.ts';

const BUNDLE = { en: bundleMessages('en'), ru: bundleMessages('ru') };

const HOSTILE = [
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  "' onmouseover='alert(1)",
  'Smith & Sons &amp; Co',
  '</style><style>body{display:none}</style>',
  '</title><h1>pwned</h1>',
  '`${x}`',
];

describe('html template', () => {
  it('escapes every interpolated string', () => {
    for (const s of HOSTILE) {
      const out = html`<p title="${s}">${s}</p>`.value;
      expect(out).toBe(`<p title="${escapeHtml(s)}">${escapeHtml(s)}</p>`);
      const inner = out.slice(out.indexOf('>') + 1, out.lastIndexOf('</p>'));
      expect(inner).not.toMatch(/[<>"'`]/);
    }
    expect(escapeHtml(`<a href="x" class='y'>&`)).toBe('&lt;a href=&quot;x&quot; class=&#39;y&#39;&gt;&amp;');
  });

  it('does not escape nested templates twice, and renders lists, numbers and blanks', () => {
    const item = (s: string) => html`<li>${s}</li>`;
    // prettier-ignore
    expect(html`<ul>${['a&b', '<c>'].map(item)}</ul>`.value).toBe('<ul><li>a&amp;b</li><li>&lt;c&gt;</li></ul>');
    expect(html`${1.5}|${0}|${null}|${undefined}|${false}|${true}`.value).toBe('1.5|0||||true');
    expect(html`${raw('<b>trusted</b>')}`.value).toBe('<b>trusted</b>');
  });
});

/** A view whose every text field is hostile. */
function hostileView(): ClientView {
  const [a, b, c, d, e, f, g] = HOSTILE as [string, string, string, string, string, string, string];
  const entry = (title: string, evidence: string | null) => ({
    date: '2026-01-02',
    category: 'investment' as const,
    title,
    description: `${e} ${c}`,
    our_investment: 10,
    client_value: 20,
    validated: true,
    evidence,
  });
  return {
    company_name: b,
    client_name: f,
    period: '2026-Q3',
    generated_on: '2026-11-27',
    since: '2020-01-01',
    description: e,
    currency: 'USD',
    value_totals: { count: 1, our_investment: 10, client_value: 20, validated_value: 20 },
    value_by_category: [
      { category: 'investment', count: 1, our_investment: 10, client_value: 20, validated_value: 20 },
    ],
    entries: [
      entry(a, 'javascript:alert(1)'),
      entry(d, 'https://x.example/?q="><script>alert(1)</script>'),
      entry(g, 'https://ok.example/doc?a=1&b=2'),
    ],
    timeline: [{ ...entry(a, c), category: 'history' }],
    kpis: [{ metric: a, period: '2026-Q3', value: 1, unit: b, target: null, benchmark: 2 }],
    commitments: [{ description: d, made_on: null, due: '2026-12-01', done_on: null, state: 'open' }],
    commitment_summary: { total: 1, done_on_time: 0, done_late: 0, open: 1, overdue: 0 },
    joint_plan: [{ title: a, metric: g, target: 0.4, due: '2027-01-31', state: 'at_risk' }],
  };
}

describe('renderBundle', () => {
  it('escapes hostile spreadsheet text everywhere', () => {
    for (const locale of ['en', 'ru'] as const) {
      const out = renderBundle(hostileView(), locale);
      expect(out).not.toMatch(/<script/i);
      expect(out).not.toMatch(/<img/i);
      expect(out).not.toContain('<h1>pwned');
      expect(out.match(/<style>/g)).toHaveLength(1);
      expect(out.match(/<\/style>/g)).toHaveLength(1);
      expect(out.match(/<title>/g)).toHaveLength(1);
      expect(out.match(/<\/title>/g)).toHaveLength(1);
      expect(out).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
      expect(out).toContain('Smith &amp; Sons &amp;amp; Co');
      expect(out).toContain('&quot;&gt;&lt;img src=x onerror=alert(1)&gt;');
      expect(out).toContain('&#39; onmouseover=&#39;alert(1)');
      // Only a plain http(s) address becomes a link; the rest stays text.
      expect(out).not.toMatch(/href="javascript:/i);
      expect(out).not.toContain('href="https://x.example');
      expect(out).toContain('href="https://ok.example/doc?a=1&amp;b=2"');
      const hrefs = [...out.matchAll(/href="([^"]*)"/g)].map((m) => m[1]);
      for (const h of hrefs) expect(h).toMatch(/^(#[a-z]+|https:\/\/ok\.example\/)/);
    }
  });

  it('is a complete, self-contained document', () => {
    const p = fixturePortfolio();
    const out = renderBundle(clientView(p, 'A001', { generatedOn: TODAY }), 'en');
    expect(out.startsWith('<!doctype html>')).toBe(true);
    expect(out).toContain('<html lang="en">');
    expect(out).toMatch(/<meta name="robots" content="noindex, nofollow"\s*\/?>/);
    expect(out).toMatch(/<meta charset="utf-8"\s*\/?>/);
    expect(out).toMatch(/@page\s*\{\s*size:\s*A4/);
    expect(out).toContain('@media print');
    // No scripts, no external resources, no absolute or parent links.
    expect(out).not.toMatch(/<script|<link|<iframe|<img|\bsrc=|@import|url\(/i);
    for (const [, h] of out.matchAll(/href="([^"]*)"/g)) {
      expect(h === undefined || h.startsWith('#') || h.startsWith('https://docs.volga-ic.example/')).toBe(
        true,
      );
    }
    expect(out).toContain('Northwind Metals');
    expect(out).toContain('Volga Industrial Components');
    expect(out).toContain('€258,500'); // value total
    expect(out).toContain('Q3 2026');
    expect(out).toContain('27 Nov 2026');
  });

  it('speaks Russian when the locale is ru', () => {
    const p = fixturePortfolio({ locale: 'ru' });
    const out = renderBundle(clientView(p, 'A001', { generatedOn: TODAY }), 'ru');
    expect(out).toContain('<html lang="ru">');
    expect(out).toContain('Стоимостное досье');
    expect(out).toContain('Инвестиции');
    expect(out).toContain('Решённые проблемы');
    expect(out).toContain('258\u00a0500\u00a0€');
    expect(out).toContain('3 кв. 2026');
  });

  it('renders an account with nothing visible without failing', () => {
    const p = fixturePortfolio();
    for (const id of ['A003', 'A004']) {
      const out = renderBundle(clientView(p, id, { generatedOn: TODAY }), 'en');
      expect(out).toContain(BUNDLE.en.valueNone);
      expect(out).toContain(BUNDLE.en.timelineStart);
    }
  });
});

describe('share strings', () => {
  it('have the same keys in en and ru, and every dossier category', () => {
    expect(Object.keys(BUNDLE.ru).sort()).toEqual(Object.keys(BUNDLE.en).sort());
    for (const locale of ['en', 'ru'] as const) {
      expect(Object.keys(BUNDLE[locale].categories).sort()).toEqual([...DOSSIER_CATEGORIES].sort());
    }
    expect(Object.values(BUNDLE.en.categories)).toEqual([
      'Investments',
      'Training',
      'Consulting',
      'Safety stock',
      'Samples',
      'Expedited deliveries',
      'Benefits',
      'Problems solved',
      'Special efforts',
      'History',
    ]);
    expect(Object.values(BUNDLE.ru.categories)).toEqual([
      'Инвестиции',
      'Обучение',
      'Консультации',
      'Резервный запас',
      'Образцы',
      'Ускоренные поставки',
      'Выгоды',
      'Решённые проблемы',
      'Особые усилия',
      'История',
    ]);
  });
});

const KEYS = {
  view: [
    'client_name',
    'commitment_summary',
    'commitments',
    'company_name',
    'currency',
    'description',
    'entries',
    'generated_on',
    'joint_plan',
    'kpis',
    'period',
    'since',
    'timeline',
    'value_by_category',
    'value_totals',
  ],
  entry: [
    'category',
    'client_value',
    'date',
    'description',
    'evidence',
    'our_investment',
    'title',
    'validated',
  ],
  totals: ['client_value', 'count', 'our_investment', 'validated_value'],
  category: ['category', 'client_value', 'count', 'our_investment', 'validated_value'],
  kpi: ['benchmark', 'metric', 'period', 'target', 'unit', 'value'],
  commitment: ['description', 'done_on', 'due', 'made_on', 'state'],
  objective: ['due', 'metric', 'state', 'target', 'title'],
  summary: ['done_late', 'done_on_time', 'open', 'overdue', 'total'],
};

const keys = (o: object) => Object.keys(o).sort();

describe('clientView', () => {
  const p = fixturePortfolio();

  it('holds exactly the whitelisted fields, at every level', () => {
    for (const a of p.accounts) {
      const v = clientView(p, a.account_id, { generatedOn: TODAY });
      expect(keys(v)).toEqual(KEYS.view);
      expect(keys(v.value_totals)).toEqual(KEYS.totals);
      expect(keys(v.commitment_summary)).toEqual(KEYS.summary);
      for (const e of [...v.entries, ...v.timeline]) expect(keys(e)).toEqual(KEYS.entry);
      for (const c of v.value_by_category) expect(keys(c)).toEqual(KEYS.category);
      for (const k of v.kpis) expect(keys(k)).toEqual(KEYS.kpi);
      for (const c of v.commitments) expect(keys(c)).toEqual(KEYS.commitment);
      for (const o of v.joint_plan) expect(keys(o)).toEqual(KEYS.objective);
      // Plain data only: no functions, no Maps, no source rows hiding anywhere.
      expect(JSON.parse(JSON.stringify(v))).toEqual(v);
    }
  });

  it('keeps only the rows marked client_visible, with their fulfilment', () => {
    const v = clientView(p, 'A001', { generatedOn: TODAY });
    expect(v.client_name).toBe('Northwind Metals');
    expect(v.company_name).toBe('Volga Industrial Components');
    expect(v.period).toBe('2026-Q3');
    expect(v.since).toBe('2019-04-15');
    expect(v.entries.map((e) => e.title)).toHaveLength(5);
    expect(v.timeline.map((e) => e.date)).toEqual(['2019-04-15', '2022-09-30']);
    expect(v.value_totals).toEqual({
      count: 5,
      our_investment: 30_650,
      client_value: 258_500,
      validated_value: 207_500,
    });
    expect(v.value_by_category.map((c) => c.category)).toEqual([
      'investment',
      'training',
      'safety_stock',
      'expedited_delivery',
      'problem_solved',
    ]);
    expect(v.kpis.map((k) => `${k.metric} ${k.period}`)).toEqual([
      'On-time delivery 2026-Q2',
      'On-time delivery 2026-Q3',
      'Lead time 2026-Q3',
    ]);
    expect(v.commitments.map((c) => c.state)).toEqual(['done_on_time', 'done_late', 'overdue', 'open']);
    expect(v.commitment_summary).toEqual({ total: 4, done_on_time: 1, done_late: 1, open: 1, overdue: 1 });
    // The visible objectives only, never the profitability one marked visible by mistake.
    expect(v.joint_plan).toEqual([
      {
        title: 'Raise our share of your bearing spend',
        metric: 'Share of bearing spend',
        target: 0.45,
        due: '2027-06-30',
        state: 'at_risk',
      },
    ]);
    expect(clientView(p, 'A003', { generatedOn: TODAY }).joint_plan).toEqual([]);
  });

  it('rejects an unknown account', () => {
    expect(() => clientView(p, 'NOPE', { generatedOn: TODAY })).toThrow(/unknown account/);
  });
});
