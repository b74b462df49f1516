/** The account page's view model: every section's content, formatted, from the portfolio. */
import { describe, expect, it } from 'vitest';
import { computePortfolio } from '../../../src/domain/portfolio.ts';
import { formatters } from '../../../src/i18n/format.ts';
import { messages } from '../../../src/i18n/index.ts';
import { memberHref } from '../../../src/lib/paths.ts';
import { accountPage, type AccountPageInput } from '../../../src/views/account.ts';
import { example, TODAY } from '../domain/worked-example.ts';

const portfolio = computePortfolio(example, { today: TODAY });
const input = (locale: 'en' | 'ru'): AccountPageInput => ({
  portfolio,
  data: example,
  t: messages(locale),
  fmt: formatters(locale, 'USD'),
  memberName: (id) => (id ? `Member ${id}` : '—'),
});

describe('accountPage', () => {
  const en = input('en');
  const v = accountPage(en, 'a1');
  const a = portfolio.accountIndex.get('a1')!;

  it('heads the page with the account, its manager and its badges', () => {
    expect(v.account).toBe(a);
    expect(v.head).toMatchObject({
      name: 'ACME',
      id: 'a1',
      manager: { text: 'Member k1', href: memberHref('k1') },
      segment: 'key',
      segmentLabel: en.t.segment.key,
      position: 'partner',
    });
    expect(v.kpis.map((k) => k.label)).toEqual([
      en.t.account.revenue12,
      en.t.account.nopat12,
      en.t.common.clv,
      en.t.account.shareOfWallet,
      en.t.account.dossierValue,
      en.t.account.overdue,
    ]);
    expect(v.kpis[4]?.value).toBe(en.fmt.money(a.dossier.totals.client_value));
    expect(v.kpis[5]?.value).toBe(String(a.commitment_stats.overdue));
  });

  it('links the playbooks of the segment and the position', () => {
    expect(v.why.playbooks.map((l) => l.href)).toEqual([
      expect.stringContaining('/playbooks/en/segment-key/'),
      expect.stringContaining('/playbooks/en/position-partner/'),
    ]);
    expect(v.why.moves).toHaveLength(a.moves.length);
  });

  it('scores each criterion now and before, with a signed, toned change', () => {
    expect(v.criteria.period).toBe(en.fmt.period('2026-Q2'));
    expect(v.criteria.previousPeriod).toBe(en.fmt.period('2025-Q2'));
    const rows = v.criteria.tables.flatMap((tb) => tb.rows);
    // A1 7 → 8 (up), S2 5 → 4 (down) in the worked example.
    const byName = (id: string) => rows[example.criteria.findIndex((c) => c.criterion_id === id)]!;
    expect(byName('A1')).toMatchObject({ current: en.fmt.score(8), previous: en.fmt.score(7), tone: 'up' });
    expect(byName('A1').change).toBe(`+${en.fmt.score(1)}`);
    expect(byName('S2')).toMatchObject({ change: en.fmt.score(-1), tone: 'down' });
  });

  it('totals the dossier and lists its timeline from the relationship start', () => {
    expect(v.dossier.rows).toHaveLength(a.dossier.by_category.length);
    expect(v.dossier.total).toEqual([
      en.t.common.total,
      '4',
      en.fmt.money(a.dossier.totals.cost),
      en.fmt.money(a.dossier.totals.client_value),
      en.fmt.money(a.dossier.totals.validated_value),
      a.dossier.totals.value_cost_ratio == null
        ? '—'
        : `${en.fmt.number(a.dossier.totals.value_cost_ratio, 1)}×`,
    ]);
    const tl = v.dossier.timeline!;
    expect(tl.entries.map((e) => e.date)).toEqual(a.dossier.timeline.map((e) => e.date));
    expect(tl.entries.find((e) => e.title === 'First order')?.detail).toMatch(
      new RegExp(`^\\(${en.t.category.history}\\)`),
    );
  });

  it('orders the people by influence and flags the one who needs a new owner', () => {
    expect(v.dmu.people.map((p) => p.influence)).toEqual(['5', '3', '1']);
    expect(v.dmu.people.map((p) => p.attitude)).toEqual(['+2', '-1', '+1']);
    const flagged = v.dmu.people.filter((p) => p.handover);
    expect(flagged.length).toBe(a.contacts.handover.length);
    expect(v.dmu.people[2]?.owner).toBeNull();
  });

  it('shows the KPIs with unit, target and benchmark', () => {
    expect(v.kpiTable.rows).toEqual([
      {
        metric: 'on-time delivery',
        period: en.fmt.period('2026-Q2'),
        value: `${en.fmt.number(0.96, 2)} %`,
        target: en.fmt.number(0.95, 2),
        benchmark: en.fmt.number(0.9, 2),
        shared: expect.any(String),
      },
    ]);
    expect(v.voc.surveys).toHaveLength(a.voc.surveys.length);
  });

  it('draws each matrix path with the last point as the account now', () => {
    for (const m of v.matrices) {
      const last = m.points.at(-1);
      if (!last) continue;
      expect(last.size).toBe(2);
      expect(m.points.slice(0, -1).every((p) => p.cls === 'past' && p.size === 1)).toBe(true);
      expect(m.points[0]?.from).toBeNull();
      expect(m.text.split(' → ')).toHaveLength(m.points.length);
    }
    expect(v.matrices[0]?.points.at(-1)?.cls).toBe('key');
  });

  it('speaks Russian with the Russian formatter', () => {
    const ru = accountPage(input('ru'), 'a1');
    const t = messages('ru');
    expect(ru.why.title).toBe(t.account.whyTitle);
    expect(ru.dossier.columns[0]).toBe(t.account.category);
    expect(ru.kpis[0]?.value).toBe(formatters('ru', 'USD').money(a.last12m?.profit?.revenue));
  });

  it('handles an account with no financials, scores or people', () => {
    const prospect = accountPage(en, 'a4');
    expect(prospect.pnl.last12).toBeNull();
    expect(prospect.trend.labels).toEqual([]);
    expect(prospect.dmu.people).toEqual([]);
    expect(prospect.dossier.timeline).toBeNull();
  });

  it('refuses an unknown account', () => {
    expect(() => accountPage(en, 'nope')).toThrow(/nope/);
  });
});
