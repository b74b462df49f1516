/** View models of the plan, whitespace and early-warning pages. */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { computePortfolio } from '../../../src/domain/portfolio.ts';
import { formatters } from '../../../src/i18n/format.ts';
import { messages } from '../../../src/i18n/index.ts';
import {
  earlyWarnings,
  memberActions,
  objectiveValue,
  objectivesAtRisk,
  objectivesByState,
  overdueActionsByOwner,
  progressBar,
  reviewView,
  stateSummary,
  whitespaceRows,
} from '../../../src/views/plans.ts';
import { playbookBlock, playbookContext, type BlockContext } from '../../../src/views/playbooks.ts';
import { accountHref, memberHref } from '../../../src/lib/paths.ts';
import {
  account,
  action,
  commitment,
  contact,
  datasets,
  objective,
  offering,
  scores,
} from '../domain/factories.ts';

const TODAY = '2026-11-27';
const en = messages('en');
const ru = messages('ru');
const fEn = formatters('en', 'EUR');
const fRu = formatters('ru', 'EUR');

const p = computePortfolio(
  datasets({
    accounts: [
      // Names in the reverse of the health order, so sorting by name alone would fail.
      account('R', { name: 'Zeta Mills' }),
      account('Y', { name: 'Alpha Steel' }),
      account('G', { name: 'Beta Foods' }),
      account('L', { name: 'Lost Ltd', status: 'lost', lost_on: '2026-05-01' }),
    ],
    scores: ['R', 'Y', 'G', 'L'].flatMap((id) => scores(id, '2026-Q3', { a1: 8, s1: 8 })),
    contacts: [
      // R: a champion nobody reaches, last seen long ago → two signals (red).
      contact('C1', 'R', {
        name: 'Olga <b>Petrova</b>',
        reachable: false,
        attitude: 2,
        influence: 5,
        last_contact: '2026-01-10',
      }),
      // Y: only the stale contact → one signal (amber).
      contact('C2', 'Y', { last_contact: '2026-03-01' }),
      // G: seen last week → healthy.
      contact('C3', 'G', { last_contact: '2026-11-20' }),
      contact('C4', 'L', { last_contact: '2020-01-01' }),
    ],
    commitments: [
      commitment('K-done-old', 'G', '2026-01-01', { done_on: '2026-01-01' }),
      commitment('K-open', 'G', '2026-12-31'),
      // Overdue, but less than the 30-day signal threshold: G stays healthy.
      commitment('K-late', 'G', '2026-11-10'),
    ],
    objectives: [
      objective('O1', 'R', { kind: 'growth', baseline: 10, target: 20, current: 12, due: '2027-03-31' }),
      objective('O2', 'Y', { kind: 'retention', target: 1, current: 1, due: '2027-06-30' }),
      objective('O3', 'G', { kind: 'other', target: 10, current: 2, due: '2026-10-01' }),
      objective('O4', 'G', { kind: 'other', target: 10, due: '2027-10-01', status: 'dropped' }),
    ],
    actions: [
      action('X1', 'O1', '2026-11-01', { owner_id: 'k2' }),
      action('X2', 'O1', '2026-11-20', { owner_id: 'k1' }),
      action('X3', 'O3', '2027-01-15', { owner_id: 'k1' }),
      action('X4', 'O3', '2026-08-01', { owner_id: 'k1', done_on: '2026-08-02' }),
      action('X5', 'O2', '2026-09-01', { owner_id: 'k1', done_on: '2026-09-30' }),
    ],
    offerings: [
      offering('G', 'Valves', 'bought', { annual_value: 5000 }),
      offering('Y', 'Valves', 'opportunity', { annual_value: 800 }),
      offering('Y', 'Pumps', 'pipeline', { annual_value: 100 }),
      offering('R', 'Pumps', 'opportunity', { unit: 'Plant 2', annual_value: 3000 }),
      offering('R', 'Pumps', 'bought', { annual_value: 700 }),
    ],
  }),
  { today: TODAY },
);

describe('progress bar', () => {
  it('writes the share as computed and clamps only the bar', () => {
    expect(progressBar(null, fEn)).toEqual({ width: 0, text: '—' });
    expect(progressBar(-2.53, fEn)).toEqual({ width: 0, text: fEn.percent(-2.53) });
    expect(progressBar(0.5234, fEn).width).toBe(52.3);
    expect(progressBar(1.5, fEn)).toEqual({ width: 100, text: fEn.percent(1.5) });
  });
  it('keeps the bar within 0–100 for any progress', () => {
    fc.assert(
      fc.property(fc.double({ min: -1e6, max: 1e6, noNaN: true }), (x) => {
        const { width } = progressBar(x, fEn);
        return width >= 0 && width <= 100 && (x <= 0 ? width === 0 : true) && (x >= 1 ? width === 100 : true);
      }),
    );
  });
  it('shows values in the unit of the objective kind', () => {
    expect(objectiveValue({ kind: 'share_of_wallet' }, 0.355, fEn)).toBe(fEn.percent(0.355));
    expect(objectiveValue({ kind: 'profitability' }, -40000, fEn)).toBe('-€40,000');
    expect(objectiveValue({ kind: 'other' }, 3, fEn)).toBe('3');
    expect(objectiveValue({ kind: 'satisfaction' }, 8.25, fEn)).toBe('8.25');
    expect(objectiveValue({ kind: 'growth' }, null, fEn)).toBe('—');
  });
});

describe('early warnings', () => {
  it('lists red before amber whatever the names, healthy and lost accounts left out', () => {
    const list = earlyWarnings(p, en, fEn);
    expect(list.map((w) => [w.account_id, w.health.tone])).toEqual([
      ['R', 'red'],
      ['Y', 'amber'],
    ]);
    expect(list[0]!.health.label).toBe('At risk');
    expect(list[0]!.signals.map((s) => s.code)).toEqual(['champion_unreachable', 'no_recent_contact']);
  });
  it('gives each reason as a sentence with its numbers, in English and Russian, as plain text', () => {
    const [r] = earlyWarnings(p, en, fEn);
    expect(r!.signals[0]!.sentence).toContain('Olga <b>Petrova</b>');
    expect(r!.signals[1]!.sentence).toBe('last personal contact 10 Jan 2026, 321 days ago');
    const [rr] = earlyWarnings(p, ru, fRu);
    expect(rr!.health.label).toBe('Под угрозой');
    expect(rr!.signals[1]!.sentence).toMatch(/321 день назад$/);
  });
});

describe('plans across the portfolio', () => {
  it('groups every objective by state, in state order, empty states kept', () => {
    const groups = objectivesByState(p, en, fEn);
    expect(groups.map((g) => [g.state, g.objectives.map((o) => o.objective_id)])).toEqual([
      ['overdue', ['O3']],
      ['at_risk', ['O1']],
      ['on_track', []],
      ['achieved', ['O2']],
      ['dropped', ['O4']],
    ]);
    const o1 = groups[1]!.objectives[0]!;
    expect(o1).toMatchObject({ account_name: 'Zeta Mills', stateLabel: 'At risk', overdue_actions: 2 });
    expect(o1.bar).toEqual({ width: 20, text: fEn.percent(0.2) });
    expect(stateSummary(p.accountIndex.get('G')!.plan.by_state, en)).toBe('Overdue: 1 · Dropped: 1');
  });
  it('lists overdue actions per owner, most overdue first, with account and objective', () => {
    const byOwner = overdueActionsByOwner(p, en, fEn);
    expect(byOwner.map((g) => [g.owner_id, g.actions.map((a) => [a.action_id, a.status])])).toEqual([
      ['k1', [['X2', '7 days overdue']]],
      ['k2', [['X1', '26 days overdue']]],
    ]);
    expect(byOwner[0]!.actions[0]).toMatchObject({
      account_name: 'Zeta Mills',
      objective_title: 'Objective O1',
    });
    expect(objectivesAtRisk(p).map((o) => o.objective_id)).toEqual(['O3', 'O1']);
  });
  it("lists a member's open actions by due date, then the done ones latest first", () => {
    const mine = memberActions(p, 'k1', en, fEn);
    expect(mine.map((a) => [a.action_id, a.tone])).toEqual([
      ['X2', 'overdue'],
      ['X3', 'open'],
      ['X5', 'done'],
      ['X4', 'done'],
    ]);
    expect(mine[2]!.status).toBe('done 30 Sept 2026');
    expect(memberActions(p, 'nobody', en, fEn)).toEqual([]);
  });
});

describe('whitespace grid', () => {
  it('keeps the core order (largest whitespace first) and one cell per offering', () => {
    const { offerings, rows } = whitespaceRows(p, en, fEn);
    expect(offerings).toEqual(['Pumps', 'Valves']);
    expect(rows.map((r) => [r.account_id, r.whitespace_value])).toEqual([
      ['R', 3000],
      ['Y', 800],
      ['G', 0],
    ]);
    const [r, y, g] = rows;
    // R buys pumps for the whole client and could sell them to Plant 2: bought wins the cell.
    expect(r!.cells[0]).toMatchObject({ status: 'bought', label: 'Bought', raw: 3700 });
    expect(r!.cells[0]!.units).toBe('whole client: Bought; Plant 2: Opportunity');
    expect(r!.cells[1]).toMatchObject({ status: null, label: 'no row', value: '' });
    expect(y!.cells.map((c) => c.label)).toEqual(['In pipeline', 'Opportunity']);
    expect(g!.cells[1]).toMatchObject({ status: 'bought', value: '€5k', units: '' });
  });
});

describe('account review', () => {
  it('puts open commitments first (most overdue on top) and the health in words', () => {
    const v = reviewView(p.accountIndex.get('G')!, en, fEn);
    expect(v.commitments.map((c) => [c.description, c.tone])).toEqual([
      ['K-late', 'overdue'],
      ['K-open', 'open'],
      ['K-done-old', 'done_on_time'],
    ]);
    expect(v.health).toEqual({ tone: 'green', label: 'Healthy' });
    expect(v.segmentPath).toEqual([{ period: 'Q3 2026', segment: 'Key client', tone: 'key' }]);
    expect(v.objectives.map((o) => o.state)).toEqual(['overdue', 'dropped']);
    expect(reviewView(p.accountIndex.get('L')!, en, fEn).health).toEqual({
      tone: 'none',
      label: 'Not tracked',
    });
  });
});

describe('live playbook blocks', () => {
  const ctx = (path: string): BlockContext => ({
    ...playbookContext(p, path),
    memberName: (id) => `M-${id}`,
  });
  it('AccountsWithSignals: red first, health as a badge, every reason in the playbook language', () => {
    const v = playbookBlock(p, ctx('/playbooks/en/x/'), { name: 'AccountsWithSignals' });
    expect(v.rowHeader).toBe(true);
    expect(v.rows.map((r) => r[0])).toEqual([
      { href: accountHref('R'), text: 'Zeta Mills' },
      { href: accountHref('Y'), text: 'Alpha Steel' },
    ]);
    expect(v.rows[0]![1]).toEqual({ badge: 'At risk', badgeTone: 'red' });
    expect(v.rows[1]![3]).toBe('No recent contact: last personal contact 1 Mar 2026, 271 days ago');
    const ruView = playbookBlock(p, ctx('/playbooks/ru/x/'), { name: 'AccountsWithSignals', limit: 1 });
    expect(ruView.rows).toHaveLength(1);
    expect(ruView.more).toEqual({ shown: 1, total: 2 });
    expect(ruView.rows[0]![1]).toEqual({ badge: 'Под угрозой', badgeTone: 'red' });
  });
  it('OverdueActions: most overdue first, with objective and owner', () => {
    const v = playbookBlock(p, ctx('/playbooks/en/x/'), { name: 'OverdueActions' });
    expect(v.rows).toEqual([
      [
        { href: accountHref('R'), text: 'Zeta Mills' },
        'Action X1',
        'Objective O1',
        { href: memberHref('k2'), text: 'M-k2' },
        '1 Nov 2026',
        '26',
      ],
      [
        { href: accountHref('R'), text: 'Zeta Mills' },
        'Action X2',
        'Objective O1',
        { href: memberHref('k1'), text: 'M-k1' },
        '20 Nov 2026',
        '7',
      ],
    ]);
  });
  it('ObjectivesAtRisk: overdue before at risk, state as a badge, progress as written', () => {
    const v = playbookBlock(p, ctx('/playbooks/en/x/'), { name: 'ObjectivesAtRisk' });
    expect(v.rows.map((r) => [r[1], r[2], r[3]])).toEqual([
      ['Objective O3', { badge: 'Overdue', badgeTone: 'overdue' }, fEn.percent(0.2)],
      ['Objective O1', { badge: 'At risk', badgeTone: 'at_risk' }, fEn.percent(0.2)],
    ]);
  });
});
