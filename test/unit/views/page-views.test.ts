/**
 * The view models pages hand to their components: the page frame, the portfolio matrices, the
 * whale curve, early warnings, plans with owner names, the commitment and hand-over tables, the
 * build's changes, an account's sources and the playbook live blocks. All pure: built here from
 * the demo data read by the real reader, in a build context made as the build makes it.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createBuildContext, type BuildContext } from '../../../src/content/context.ts';
import { classifyPosition } from '../../../src/domain/positioning.ts';
import { classifySegment } from '../../../src/domain/segmentation.ts';
import type { AccountResult } from '../../../src/domain/types.ts';
import type { Problem } from '../../../src/ingest/index.ts';
import { formatPlace } from '../../../src/ingest/problems.ts';
import { POSITIONS, SEGMENTS } from '../../../src/schema/concepts.ts';
import { buildSummary, accountChanges, summaryLine, type BuildChanges } from '../../../src/views/changes.ts';
import { whaleSeries, whaleView } from '../../../src/views/dashboard.ts';
import { pageFrame } from '../../../src/views/frame.ts';
import { matrixPage, matrixQuadrants, quadrantNames } from '../../../src/views/matrix.ts';
import { earlyWarnings, earlyWarningsSection, planSection } from '../../../src/views/plans.ts';
import { liveBlock } from '../../../src/views/playbooks.ts';
import { sourcesSection } from '../../../src/views/provenance.ts';
import { commitmentTable, handoverTable } from '../../../src/views/team.ts';
import { DEMO_OPTIONS, demoAsOf } from '../../../tools/demo/generate.ts';
import { generatedDemoInput } from '../share/demo.ts';
import { periodMovements } from '../../../src/domain/movements.ts';

const input = generatedDemoInput();
const context = (over: Partial<Parameters<typeof createBuildContext>[0]> = {}): BuildContext =>
  createBuildContext({
    dataDir: '/demo',
    today: demoAsOf(DEMO_OPTIONS.endQuarter),
    input,
    readAt: '2026-11-27T09:41:07.000Z',
    ...over,
  });
const portal = context();
const { portfolio: p, t, fmt } = portal;
const someAccount = (test: (a: AccountResult) => boolean) => {
  const a = p.accounts.find(test);
  if (!a) throw new Error('the demo data has no such account');
  return a;
};

describe('pageFrame', () => {
  it('says which files, how many rows, for which period and as of which day — not when it was built', () => {
    const f = pageFrame(portal);
    const rows = input.files.flatMap((x) => x.sheets).reduce((n, s) => n + s.rows, 0);
    expect(f.provenance).toBe(
      [
        t.provenance.builtFrom(input.files.length, fmt.count(rows)),
        `${t.common.period} ${fmt.period(p.current_period)}`,
        `${t.provenance.asOf} ${fmt.date(p.today)}`,
      ].join(' · '),
    );
    expect(f.files.map((x) => x.file)).toEqual(input.files.map((x) => x.file));
    const first = input.files[0]!;
    expect(f.files[0]!.sheets).toBe(first.sheets.map((s) => `${s.sheet} (${fmt.count(s.rows)})`).join(', '));
    expect(f.company).toBe(p.settings.company_name ?? null);
    expect(f.stale).toEqual([]);
  });

  it('lists at most 20 errors of a failed re-read, each with its place', () => {
    const problems: Problem[] = Array.from({ length: 25 }, (_, i) => ({
      severity: 'error',
      message: `bad <b>${i}</b>`,
      file: 'accounts.xlsx',
      sheet: 'accounts',
      row: i + 2,
      column: 'name',
    }));
    const f = pageFrame(context({ status: { ok: false, problems } }));
    expect(f.stale).toHaveLength(20);
    expect(f.stale[0]).toEqual({ place: formatPlace(problems[0]!), message: 'bad <b>0</b>' });
    expect(f.stale.map((x) => x.place)).toEqual(problems.slice(0, 20).map((x) => formatPlace(x)));
  });

  it('is made once per context', () => {
    expect(pageFrame(portal)).toBe(pageFrame(portal));
    expect(pageFrame(context())).not.toBe(pageFrame(portal));
  });
});

describe('matrixPage', () => {
  it('draws each class in the quadrant its classifier gives it', () => {
    const point = fc.double({ min: 0, max: 10, noNaN: true });
    fc.assert(
      fc.property(point, point, point, point, (y, x, ty, tx) => {
        // Quadrants are top-left, top-right, bottom-left, bottom-right.
        const i = (y >= ty ? 0 : 2) + (x >= tx ? 1 : 0);
        expect(matrixQuadrants('selection')[i]).toBe(
          classifySegment(y, x, { attractiveness: ty, strength: tx }),
        );
        expect(matrixQuadrants('positioning')[i]).toBe(classifyPosition(y, x, { risk: ty, spend: tx }));
      }),
    );
    expect([...matrixQuadrants('selection')].sort()).toEqual([...SEGMENTS].sort());
    expect([...matrixQuadrants('positioning')].sort()).toEqual([...POSITIONS].sort());
    expect(quadrantNames(matrixQuadrants('positioning'), (q) => t.position[q])).toEqual([
      t.position.desired,
      t.position.partner,
      t.position.independent,
      t.position.managed,
    ]);
  });

  for (const kind of ['selection', 'positioning'] as const) {
    it(`${kind}: lists every placed account once under its class, best quadrant first`, () => {
      const v = matrixPage(p, kind, p.current_period);
      expect(v.points.length).toBeGreaterThan(0);
      const q = matrixQuadrants(kind);
      expect(v.lists.map((l) => l.cls)).toEqual([q[1], q[0], q[3], q[2]]);
      const listed = v.lists.flatMap((l) => l.points.map((pt) => [pt.id, l.cls]));
      expect(new Map(listed as [string, string][])).toEqual(new Map(v.points.map((pt) => [pt.id, pt.cls])));
      expect(listed).toHaveLength(v.points.length);
      for (const l of v.lists)
        expect(l.points.map((pt) => pt.size)).toEqual(
          [...l.points.map((pt) => pt.size)].sort((a, b) => b - a),
        );
      // Every account is either placed or counted as not placed (lost ones apart).
      expect(v.points.length + v.unplaced.open + v.unplaced.lost).toBe(p.accounts.length);
      const placed = new Set(v.points.map((pt) => pt.id));
      expect(v.unplaced.lost).toBe(
        p.accounts.filter((a) => a.status === 'lost' && !placed.has(a.account_id)).length,
      );
      expect(v.moved).toBe(v.points.filter((pt) => pt.from).length);
      // The legend's "into another quadrant" is the change list's "moved".
      const moves = periodMovements(p, v.period, v.before)[kind].filter((m) => m.change === 'moved');
      expect(v.crossed).toBe(moves.length);
      expect(v.crossed).toBeGreaterThan(0);
      expect(v.crossed).toBeLessThan(v.moved);
      expect(v.periods).toContain(p.current_period);
      expect(v.before).not.toBeNull();
      const s = p.settings;
      expect([v.xThreshold, v.yThreshold]).toEqual(
        kind === 'selection'
          ? [s.strength_threshold, s.attractiveness_threshold]
          : [s.spend_threshold, s.risk_threshold],
      );
    });
  }

  it('an unknown period has no points and counts every account as not placed', () => {
    const v = matrixPage(p, 'selection', '1999-Q1');
    expect(v.points).toEqual([]);
    expect(v.unplaced.open + v.unplaced.lost).toBe(p.accounts.length);
    expect(v.lists.every((l) => l.points.length === 0)).toBe(true);
  });
});

describe('whaleView', () => {
  it('carries the curve and the figures of its summary', () => {
    const w = whaleView(p);
    expect(w.series).toEqual(whaleSeries(p));
    expect(w).toMatchObject({
      peak_share: p.whale.peak_share,
      peak_rank: p.whale.peak_rank,
      accounts: p.whale.points.length,
      total_nopat: p.whale.total_nopat,
      cross_subsidy_index: p.cross_subsidy_index,
    });
  });
});

describe('earlyWarningsSection', () => {
  it('keeps the worst first up to the limit, with each manager by name and the full count', () => {
    const all = earlyWarnings(p, t, fmt);
    expect(all.length).toBeGreaterThan(2);
    const v = earlyWarningsSection(portal, 2);
    expect(v.items.map((w) => w.account_id)).toEqual(all.slice(0, 2).map((w) => w.account_id));
    expect(v.items.map((w) => w.kam_name)).toEqual(all.slice(0, 2).map((w) => portal.memberName(w.kam_id)));
    expect(v.total).toBe(all.length);
    expect([v.red, v.amber]).toEqual([p.early_warning.health.red, p.early_warning.health.amber]);
    expect(earlyWarningsSection(portal).items).toHaveLength(Math.min(50, all.length));
  });
});

describe('planSection', () => {
  it('names the owner of each objective and of each action', () => {
    const a = someAccount((x) => x.plan.objectives.some((o) => o.owner_id && o.actions.length > 0));
    const v = planSection(portal, a);
    expect(v.objectives.map((o) => o.objective_id)).toEqual(a.plan.objectives.map((o) => o.objective_id));
    const o = v.objectives.find((x) => x.owner_id && x.actions.length > 0)!;
    expect(o.owner_name).toBe(portal.memberName(o.owner_id));
    expect(o.owner_name).not.toBe(o.owner_id);
    for (const act of o.actions) expect(act.owner_name).toBe(portal.memberName(act.owner_id));
    expect(v.summary).not.toBe('');
  });

  it('has no summary for an account without a plan', () => {
    const a = someAccount((x) => x.plan.objectives.length === 0);
    expect(planSection(portal, a)).toEqual({ objectives: [], summary: '' });
  });
});

describe('commitment and hand-over tables', () => {
  it('name accounts and owners, and offer each owner once in name order', () => {
    const all = p.accounts.flatMap((a) => a.commitments);
    const v = commitmentTable(portal, all);
    expect(v.rows).toHaveLength(all.length);
    for (const r of v.rows) {
      expect(r.account_name).toBe(p.accountIndex.get(r.commitment.row.account_id)!.name);
      expect(r.owner_name).toBe(portal.memberName(r.commitment.row.owner_id));
    }
    const owners = [...new Set(all.map((c) => c.row.owner_id))];
    expect(v.owners.map((o) => o.value).sort()).toEqual(owners.sort());
    const labels = v.owners.map((o) => o.label);
    expect(labels).toEqual([...labels].sort(new Intl.Collator(fmt.locale).compare));
    expect(v.states).toEqual(
      (['open', 'overdue', 'done_on_time', 'done_late'] as const).filter((s) =>
        all.some((c) => c.state === s),
      ),
    );
  });

  it('leave out the states no row has', () => {
    const overdue = p.commitments.overdue;
    expect(overdue.length).toBeGreaterThan(0);
    expect(commitmentTable(portal, overdue).states).toEqual(['overdue']);
    expect(commitmentTable(portal, [])).toEqual({ rows: [], states: [], owners: [] });
  });

  it('hand-over rows without an owner have no owner name and no owner option', () => {
    const v = handoverTable(portal, p.handover);
    expect(v.rows).toHaveLength(p.handover.length);
    for (const r of v.rows) {
      expect(r.owner_name).toBe(r.item.owner_id ? portal.memberName(r.item.owner_id) : null);
      expect(r.account_name).toBe(p.accountIndex.get(r.item.account_id)!.name);
    }
    expect(v.owners.every((o) => o.value !== '')).toBe(true);
    expect(v.reasons).toEqual(
      (['unreachable', 'no_owner'] as const).filter((r) => p.handover.some((h) => h.reason === r)),
    );
  });
});

describe('build changes', () => {
  const a = p.accounts[0]!;
  const kam = p.team.find((m) => m.member_id !== a.kam_id)!;
  const changes: BuildChanges = {
    since: '2026-11-20T08:05:00.000Z',
    accounts: [
      {
        account_id: a.account_id,
        name: a.name,
        change: 'changed',
        fields: {
          kam_id: { from: kam.member_id, to: a.kam_id },
          segment: { from: 'developing', to: 'key' },
          no_such_field: { from: 1, to: 2 },
        },
      },
    ],
    rows: { accounts: { added: 0, removed: 0, changed: 1 } },
  };

  it('the dashboard line says why there is no comparison, or what changed', () => {
    expect(buildSummary(undefined, t, fmt)).toBe(t.changes.devOnly);
    expect(buildSummary({ since: null, accounts: [], rows: {} }, t, fmt)).toBe(t.changes.firstBuild);
    expect(buildSummary(changes, t, fmt)).toBe(summaryLine(changes, t, fmt));
  });

  it('an account lists the fields changed since the previous build, in words', () => {
    const v = accountChanges({ ...portal, changes }, a);
    expect(v.period.period).toBe(p.current_period);
    expect(v.sinceBuild).toEqual({
      time: `${fmt.date('2026-11-20')} 08:05 UTC`,
      added: false,
      fields: [
        {
          label: t.changes.fields.kam_id ?? 'kam_id',
          from: `${kam.name} (${kam.member_id})`,
          to: `${portal.memberName(a.kam_id)} (${a.kam_id})`,
        },
        { label: t.changes.fields.segment ?? 'segment', from: t.segment.developing, to: t.segment.key },
        { label: 'no_such_field', from: fmt.number(1), to: fmt.number(2) },
      ],
    });
    expect(accountChanges({ ...portal, changes }, p.accounts[1]!).sinceBuild).toBeNull();
    expect(accountChanges({ ...portal, changes: { ...changes, since: null } }, a).sinceBuild).toBeNull();
    expect(accountChanges(portal, a).sinceBuild).toBeNull();
  });
});

describe('sourcesSection', () => {
  it('gives each figure its value and the spreadsheet rows it comes from', () => {
    const a = someAccount((x) => x.last12m !== null && x.current.segment.segment !== null);
    const groups = sourcesSection(portal, a);
    expect(groups.map((g) => g.id)).toEqual(['money', 'matrices', 'dossier', 'commitments']);
    const items = new Map(groups.flatMap((g) => g.items).map((i) => [i.key, i]));
    const revenue = items.get('revenue')!;
    expect(revenue.value).toBe(fmt.money(a.last12m!.profit.revenue));
    expect(revenue.rows.length).toBeGreaterThan(0);
    expect(revenue.rows.every((r) => r.file.startsWith('financials'))).toBe(true);
    expect(items.get('attractiveness')!.value).toBe(fmt.score(a.current.segment.attractiveness));
    expect(items.get('commitments')!.value).toBe(fmt.count(a.commitment_stats.total));
  });
});

describe('liveBlock', () => {
  it('speaks the playbook page’s language unless told, and names managers through the context', () => {
    const names: string[] = [];
    const named = { portfolio: p, memberName: (id: string) => (names.push(id), `M:${id}`) };
    const ru = liveBlock(named, '/playbooks/ru/segment-key/', { name: 'SegmentAccounts', segment: 'key' });
    expect(ru.ctx.locale).toBe('ru');
    expect(ru.period).toBe(p.current_period);
    expect(ru.today).toBe(p.today);
    expect(ru.view.rows.length).toBeGreaterThan(0);
    expect(names.length).toBeGreaterThan(0);
    expect(JSON.stringify(ru.view.rows)).toContain(`M:${names[0]}`);
    const en = liveBlock(named, '/playbooks/ru/segment-key/', {
      name: 'SegmentAccounts',
      segment: 'key',
      locale: 'en',
    });
    expect(en.ctx.locale).toBe('en');
    expect(() => liveBlock(named, '/playbooks/en/x/', { name: 'SegmentAccounts', segment: 'kee' })).toThrow(
      /segment/,
    );
  });
});
