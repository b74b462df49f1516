import { beforeAll, describe, expect, it } from 'vitest';
import {
  computePortfolio,
  type Portfolio,
  type Segment,
  type SupplierPosition,
} from '../../../src/domain/index.ts';
import {
  BLOCK_NAMES,
  commitmentsByOwner,
  dmuGaps,
  dossierCoverage,
  handoverList,
  limitRows,
  managersOverCapacity,
  membersOverPayCap,
  overdueCommitments,
  playbookBlock,
  playbookContext,
  playbookHref,
  playbookProblems,
  playbookSections,
  positionAccounts,
  quietAccounts,
  reinvestmentSuggestion,
  relatedPlaybooks,
  resolvePlaybookLocale,
  retentionBonus,
  segmentAccounts,
  translation,
  unprofitableKeyAccounts,
  type BlockCell,
  type BlockContext,
  type BlockProps,
} from '../../../src/views/playbooks.ts';
import { accountHref, memberHref } from '../../../src/lib/paths.ts';
import { playbookFrontmatter, type PlaybookFrontmatter } from '../../../src/content/playbooks.ts';
import {
  account,
  commitment,
  contact,
  datasets,
  dossier,
  financial,
  member,
  pay,
  positioning,
  scores,
  survey,
  answer,
} from '../domain/factories.ts';

const P = '2026-Q2';
const Y = '2025-Q2';
const money = (revenue: number, cost: number) => ({ revenue_goods: revenue, cogs: cost });

/**
 * Eight accounts, each placed deliberately: one per segment, a lost key client, an unscored
 * one, a loss-making key client and two new key clients (one of them loss-making).
 */
function fixture(): Portfolio {
  const data = datasets({
    team: [member('k1', { name: 'Anna' }), member('k2', { name: 'Boris', professionalism: 1 })],
    accounts: [
      account('KEY', { name: 'Ural Steel', since: '2015-01-01', kam_id: 'k1' }),
      account('DEV', { name: 'Volga Chemicals', kam_id: 'k2' }),
      account('MNT', { name: 'Baltic Foundry', kam_id: 'k1' }),
      account('OPP', { name: 'Delta Trading', kam_id: 'k2' }),
      account('LOST', { name: 'Gone Mining', status: 'lost', lost_on: '2026-05-01', kam_id: 'k1' }),
      account('UNS', { name: 'Unscored Works', kam_id: 'k2' }),
      account('NEWLOSS', { name: 'Nord Paper', since: '2025-03-01', kam_id: 'k2' }),
      account('NEWWIN', { name: 'Amur Glass', since: '2025-04-01', kam_id: 'k1' }),
    ],
    scores: [
      ...scores('KEY', P, { a1: 8, s1: 9 }),
      ...scores('KEY', Y, { a1: 8, s1: 9 }),
      ...scores('DEV', P, { a1: 7, s1: 3 }),
      ...scores('MNT', P, { a1: 2, s1: 8 }),
      ...scores('OPP', P, { a1: 1, s1: 1 }),
      ...scores('LOST', P, { a1: 9, s1: 9 }),
      ...scores('LOST', Y, { a1: 9, s1: 9 }),
      ...scores('UNS', P, { a1: 6 }),
      ...scores('NEWLOSS', P, { a1: 5, s1: 5 }),
      ...scores('NEWWIN', P, { a1: 10, s1: 6 }),
    ],
    positioning: [
      positioning('KEY', P, 8, 8),
      positioning('DEV', P, 2, 8),
      positioning('MNT', P, 8, 2),
      positioning('OPP', P, 1, 1),
      positioning('NEWWIN', P, 9, 9),
    ],
    financials: [
      financial('KEY', P, money(5000, 3000)),
      financial('KEY', Y, money(4000, 2500)),
      financial('DEV', P, money(800, 500)),
      financial('MNT', P, money(1200, 700)),
      financial('OPP', P, money(300, 200)),
      financial('LOST', Y, money(2000, 1000)),
      financial('NEWLOSS', P, money(1000, 1600)),
      financial('NEWWIN', P, money(2000, 1000)),
    ],
    commitments: [
      commitment('C1', 'KEY', '2026-06-01', { owner_id: 'k1', description: 'Send the audit report' }),
      commitment('C2', 'DEV', '2026-05-01', { owner_id: 'k2' }),
      commitment('C3', 'KEY', '2026-09-01', { owner_id: 'k1' }),
      commitment('C4', 'MNT', '2026-07-15', { owner_id: 'k1' }),
    ],
    contacts: [
      contact('P1', 'KEY', {
        owner_id: 'k1',
        reachable: false,
        influence: 5,
        dmu_role: 'decision_maker',
        internal_notes: 'secret',
      }),
      contact('P2', 'KEY', { owner_id: 'k1', dmu_role: 'buyer' }),
      contact('P3', 'MNT', { influence: 2 }),
      contact('P4', 'LOST', { owner_id: 'k1', reachable: false }),
      contact('P5', 'NEWWIN', { owner_id: 'k1', dmu_role: 'decision_maker' }),
    ],
    dossier: [
      dossier('D1', 'KEY', { cost: 100, client_value: 500, validated: true, client_visible: true }),
      dossier('D2', 'KEY', { cost: 50, client_value: 300 }),
    ],
    surveys: [survey('S1', 'KEY', '2026-03-01', 5), survey('S2', 'NEWWIN', '2024-01-01', 3)],
    feedback: [answer('S1', 'P2', 'Delivery', 8)],
    compensation: [
      pay('k1', '2025', 50, 50),
      pay('k1', '2026', 80, 20),
      pay('k2', '2025', 90, 10),
      pay('k2', '2026', 60, 40),
    ],
  });
  return computePortfolio(data, { today: '2026-07-15' });
}

let p: Portfolio;
beforeAll(() => {
  p = fixture();
});

const ids = (rows: readonly { account_id: string }[]) => rows.map((r) => r.account_id);
const sorted = (xs: readonly string[]) => [...xs].sort();

describe('accounts by segment and position', () => {
  const expected: Record<Segment, string[]> = {
    key: ['KEY', 'LOST', 'NEWLOSS', 'NEWWIN'],
    developing: ['DEV'],
    maintained: ['MNT'],
    opportunistic: ['OPP'],
  };

  it.each(Object.entries(expected))(
    'segment %s: exactly the accounts the core puts there',
    (segment, want) => {
      const rows = segmentAccounts(p, segment as Segment);
      const core = p.accounts.filter((a) => a.current.segment.segment === segment).map((a) => a.account_id);
      expect(sorted(ids(rows))).toEqual(sorted(core));
      expect(sorted(ids(rows))).toEqual(sorted(want));
    },
  );

  it('leaves unscored accounts out of every segment', () => {
    const all = (['key', 'developing', 'maintained', 'opportunistic'] as const).flatMap((s) =>
      ids(segmentAccounts(p, s)),
    );
    expect(all).not.toContain('UNS');
  });

  it('orders by current revenue, largest first, and carries money, status and commitments', () => {
    const rows = segmentAccounts(p, 'key');
    expect(ids(rows)).toEqual(['KEY', 'NEWWIN', 'NEWLOSS', 'LOST']);
    const key = rows[0];
    expect(key).toMatchObject({
      name: 'Ural Steel',
      kam_id: 'k1',
      status: 'active',
      position: 'partner',
      revenue: 5000,
    });
    expect(key?.nopat).toBe(1600);
    expect(key?.open_commitments).toBe(2);
    expect(key?.overdue_commitments).toBe(1);
    expect(rows.at(-1)).toMatchObject({ account_id: 'LOST', status: 'lost', revenue: null });
  });

  const positions: Record<SupplierPosition, string[]> = {
    partner: ['KEY', 'NEWWIN'],
    managed: ['DEV'],
    desired: ['MNT'],
    independent: ['OPP'],
  };
  it.each(Object.entries(positions))(
    'position %s: exactly the accounts the core puts there',
    (position, want) => {
      const rows = positionAccounts(p, position as SupplierPosition);
      const core = p.accounts
        .filter((a) => a.current.position?.position === position)
        .map((a) => a.account_id);
      expect(sorted(ids(rows))).toEqual(sorted(core));
      expect(sorted(ids(rows))).toEqual(sorted(want));
    },
  );

  it('lists the unprofitable key clients the core found', () => {
    expect(ids(unprofitableKeyAccounts(p))).toEqual(p.unprofitable_key_account_ids);
    expect(ids(unprofitableKeyAccounts(p))).toEqual(['NEWLOSS']);
  });
});

describe('commitments and contacts', () => {
  it('lists overdue commitments, optionally by segment', () => {
    expect(overdueCommitments(p).map((c) => c.commitment_id)).toEqual(['C2', 'C1']);
    const key = overdueCommitments(p, { segment: 'key' });
    expect(key).toEqual([
      {
        commitment_id: 'C1',
        account_id: 'KEY',
        account_name: 'Ural Steel',
        description: 'Send the audit report',
        owner_id: 'k1',
        due: '2026-06-01',
        days_late: 44,
      },
    ]);
    expect(overdueCommitments(p, { segment: 'opportunistic' })).toEqual([]);
  });

  it('ranks owners by overdue commitments', () => {
    const rows = commitmentsByOwner(p);
    expect(rows.map((r) => r.owner_id).sort()).toEqual(['k1', 'k2']);
    expect(rows.find((r) => r.owner_id === 'k1')).toMatchObject({ open: 3, overdue: 1 });
  });

  it('hand-over list: unreachable or ownerless people at clients we still serve, without notes', () => {
    const rows = handoverList(p);
    expect(rows.map((r) => r.contact_id)).toEqual(['P1', 'P3']);
    expect(rows[0]).toMatchObject({ account_name: 'Ural Steel', reason: 'unreachable', influence: 5 });
    expect(rows[1]).toMatchObject({ reason: 'no_owner', owner_id: null });
    expect(JSON.stringify(rows)).not.toContain('secret');
    expect(handoverList(p, { segment: 'maintained' }).map((r) => r.contact_id)).toEqual(['P3']);
  });

  it('DMU gaps: key clients missing a purchase role', () => {
    const rows = dmuGaps(p, 'key');
    expect(rows.find((r) => r.account_id === 'KEY')?.missing).toEqual(['technical']);
    expect(rows.find((r) => r.account_id === 'NEWWIN')?.missing).toEqual(['buyer', 'technical']);
    expect(ids(rows)).not.toContain('LOST');
  });
});

describe('team, pay and value', () => {
  it('managers over capacity are those the workload model marks over', () => {
    const over = p.workload.managers.filter((m) => m.status === 'over').map((m) => m.member_id);
    expect(
      managersOverCapacity(p)
        .map((r) => r.member_id)
        .sort(),
    ).toEqual(over.sort());
  });

  it('pay cap: judged on each member’s latest period only', () => {
    expect(membersOverPayCap(p)).toEqual([
      { member_id: 'k1', period: '2026', base_pay: 80, variable_max: 20, base_share: 0.8, cap: 0.7 },
    ]);
  });

  it('retention bonus: last year’s key clients, failures first', () => {
    const b = retentionBonus(p);
    expect(b.base_period).toBe(Y);
    expect(b.pass).toBe(false);
    expect(b.rows.map((r) => [r.account_id, r.pass])).toEqual([
      ['LOST', false],
      ['KEY', true],
    ]);
  });

  it('reinvestment: the core’s new key clients and its suggested amount', () => {
    const r = reinvestmentSuggestion(p);
    expect(sorted(ids(r.accounts))).toEqual(sorted(p.reinvestment.new_key_account_ids));
    expect(sorted(ids(r.accounts))).toEqual(['NEWLOSS', 'NEWWIN']);
    expect(r.extra_cash_flow).toBe(800);
    expect(r.suggested).toBe(80);
  });

  it('dossier coverage of key clients, thinnest first', () => {
    const rows = dossierCoverage(p, 'key');
    expect(ids(rows)).toEqual(['NEWWIN', 'NEWLOSS', 'KEY']);
    expect(rows.at(-1)).toMatchObject({
      entries: 2,
      client_visible: 1,
      cost: 150,
      client_value: 800,
      validated_value: 500,
    });
  });

  it('quiet accounts: key clients without a survey in 12 months', () => {
    const rows = quietAccounts(p, 'key');
    expect(rows.map((r) => [r.account_id, r.last_survey])).toEqual([
      ['NEWLOSS', null],
      ['NEWWIN', '2024-01-01'],
    ]);
  });
});

describe('row limits', () => {
  it('shows the first rows and says how many there are', () => {
    expect(limitRows([1, 2, 3], 2)).toEqual({ rows: [1, 2], more: { shown: 2, total: 3 } });
    expect(limitRows([1, 2], 2)).toEqual({ rows: [1, 2], more: null });
    expect(limitRows(Array.from({ length: 20 }, (_, i) => i)).rows).toHaveLength(15);
    expect(() => limitRows([1], 0, 'HandoverList')).toThrow('<HandoverList> limit={0}');
    expect(() => limitRows([1], '5', 'HandoverList')).toThrow(/whole number/);
  });
});

describe('urls, locale and the playbook list', () => {
  it('builds the URL account pages link to', () => {
    expect(playbookHref('ru', 'segment-key')).toMatch(/\/playbooks\/ru\/segment-key\/$/);
  });

  it('resolves the playbook language: prop, then URL, then portal', () => {
    expect(resolvePlaybookLocale('ru', '/playbooks/en/x/', 'en')).toBe('ru');
    expect(resolvePlaybookLocale(undefined, '/base/playbooks/ru/segment-key/', 'en')).toBe('ru');
    expect(resolvePlaybookLocale(undefined, '/accounts/A1/', 'ru')).toBe('ru');
    expect(() => resolvePlaybookLocale('de', '/', 'en')).toThrow(/locale="de"/);
    expect(playbookContext(p, '/playbooks/ru/segment-key/').s.segment.key).toBe('Ключевой клиент');
  });

  const fm = (over: Partial<PlaybookFrontmatter> & Pick<PlaybookFrontmatter, 'topic' | 'locale'>) =>
    playbookFrontmatter.parse({ title: over.topic, summary: 's', audience: ['kam'], order: 1, ...over });

  it('groups one locale’s playbooks by segment, position and practice, in order', () => {
    const entries = [
      fm({ topic: 'team-skills', locale: 'en', order: 2 }),
      fm({ topic: 'segment-key', locale: 'en', segment: 'key' }),
      fm({ topic: 'value-dossier', locale: 'en', order: 1 }),
      fm({ topic: 'position-partner', locale: 'en', position: 'partner' }),
      fm({ topic: 'segment-key', locale: 'ru', segment: 'key' }),
    ].map((data) => ({ data }));
    const sections = playbookSections(entries, 'en');
    expect(sections.map((s) => [s.group, s.items.map((i) => i.topic)])).toEqual([
      ['segments', ['segment-key']],
      ['positions', ['position-partner']],
      ['practice', ['value-dossier', 'team-skills']],
    ]);
    expect(translation(entries, 'segment-key', 'ru')?.href).toMatch(/\/playbooks\/ru\/segment-key\/$/);
    expect(translation(entries, 'team-skills', 'ru')).toBeNull();
    const related = relatedPlaybooks(
      entries,
      fm({ topic: 'x', locale: 'ru', related: ['segment-key', 'value-dossier'] }),
    );
    expect(related.map((r) => `${r.locale}/${r.topic}`)).toEqual(['ru/segment-key', 'en/value-dossier']);
  });

  it('reports cross-file problems naming the file', () => {
    const entries = [
      { id: 'en/a', filePath: 'content/playbooks/en/a.mdx', data: fm({ topic: 'a', locale: 'en' }) },
      { id: 'en/b', filePath: 'content/playbooks/en/b.mdx', data: fm({ topic: 'a', locale: 'en' }) },
      {
        id: 'ru/c',
        filePath: 'content/playbooks/ru/c.mdx',
        data: fm({ topic: 'c', locale: 'en', related: ['nope'] }),
      },
    ];
    expect(playbookProblems(entries)).toEqual([
      'content/playbooks/en/b.mdx: topic "a" (en) is already used by content/playbooks/en/a.mdx',
      'content/playbooks/ru/c.mdx: locale "en" but the file is not in content/playbooks/en/',
      'content/playbooks/ru/c.mdx: related topic "nope" has no playbook',
    ]);
  });
});

describe('live block registry', () => {
  const names: Record<string, string> = { k1: 'Anna', k2: 'Boris' };
  const ctxFor = (path = '/playbooks/en/x/'): BlockContext => ({
    ...playbookContext(p, path),
    memberName: (id) => names[id] ?? id,
  });
  const block = (props: BlockProps, path?: string) => playbookBlock(p, ctxFor(path), props);
  const text = (c: BlockCell | undefined) => (typeof c === 'string' ? c : c?.text);
  /** Attributes that make each block meaningful on the fixture. */
  const sample: Record<string, BlockProps> = {
    SegmentAccounts: { segment: 'key' },
    PositionAccounts: { position: 'partner' },
    DmuGaps: { segment: 'key' },
  };

  it.each(BLOCK_NAMES)('%s: a title, and one cell per column in every row', (name) => {
    const v = block({ name, ...sample[name] });
    expect(v.title.length).toBeGreaterThan(0);
    expect(v.empty.length).toBeGreaterThan(0);
    expect(v.columns.length).toBeGreaterThan(0);
    for (const row of v.rows) expect(row).toHaveLength(v.columns.length);
  });

  it('account tables: the name is the row header, links to the account, and carries a status badge', () => {
    const { s, fmt } = ctxFor();
    const v = block({ name: 'SegmentAccounts', segment: 'key' });
    expect(v.title).toBe(s.live.segmentAccounts(s.segment.key));
    expect(v.rowHeader).toBe(true);
    expect(v.columns.map((c) => c.label)).toEqual([
      s.col.account,
      s.col.manager,
      s.col.position,
      s.col.revenue,
      s.col.nopat,
      s.col.nopat12m,
      s.col.openOverdue,
    ]);
    expect(v.columns.filter((c) => c.num)).toHaveLength(4);
    expect(v.rows.map((r) => text(r[0]))).toEqual(['Ural Steel', 'Amur Glass', 'Nord Paper', 'Gone Mining']);
    expect(v.rows[0]).toEqual([
      { href: accountHref('KEY'), text: 'Ural Steel' },
      { href: memberHref('k1'), text: 'Anna' },
      { badge: s.position.partner, badgeTone: 'partner' },
      fmt.money(5000),
      fmt.money(1600),
      fmt.money(p.accountIndex.get('KEY')?.last12m?.profit.nopat ?? null),
      '2 / 1',
    ]);
    expect(v.rows.at(-1)?.[0]).toEqual({
      href: accountHref('LOST'),
      text: 'Gone Mining',
      badge: s.status.lost,
      badgeTone: 'lost',
    });
    // No supplier position on file: a dash, not an empty badge.
    expect(v.rows.at(-1)?.[2]).toBe('—');
    // The position playbook shows the segment instead.
    const byPosition = block({ name: 'PositionAccounts', position: 'managed' });
    expect(byPosition.columns[2]?.label).toBe(s.col.segment);
    expect(byPosition.rows[0]?.[2]).toEqual({ badge: s.segment.developing, badgeTone: 'developing' });
  });

  it('formats cells in the playbook’s language and links people to their page', () => {
    const ru = playbookContext(p, '/playbooks/ru/x/');
    const v = block({ name: 'OverdueCommitments', segment: 'key' }, '/playbooks/ru/x/');
    expect(v.title).toBe(ru.s.live.overdueIn(ru.s.segment.key));
    expect(v.rows).toEqual([
      [
        { href: accountHref('KEY'), text: 'Ural Steel' },
        'Send the audit report',
        { href: memberHref('k1'), text: 'Anna' },
        ru.fmt.date('2026-06-01'),
        ru.fmt.count(44),
      ],
    ]);
    expect(block({ name: 'OverdueCommitments' }).title).toBe(ctxFor().s.live.overdue);
    const handover = block({ name: 'HandoverList' });
    expect(handover.rows.map((r) => r[5])).toEqual([{ href: memberHref('k1'), text: 'Anna' }, '—']);
    expect(JSON.stringify(handover)).not.toContain('secret');
  });

  it('an empty list shows the block’s empty text', () => {
    const v = block({ name: 'OverdueCommitments', segment: 'opportunistic' });
    expect(v.rows).toEqual([]);
    expect(v.lead).toEqual([]);
    expect(v.empty).toBe(ctxFor().s.empty.overdue);
  });

  it('limit cuts the rows and says how many there are; VocTrend always shows every year', () => {
    const v = block({ name: 'SegmentAccounts', segment: 'key', limit: 2 });
    expect(v.rows).toHaveLength(2);
    expect(v.more).toEqual({ shown: 2, total: 4 });
    expect(block({ name: 'SegmentAccounts', segment: 'key' }).more).toBeNull();
    expect(block({ name: 'VocTrend' }).more).toBeNull();
    expect(() => block({ name: 'VocTrend', limit: 3 })).toThrow(/no attribute "limit"/);
  });

  it('retention bonus and reinvestment: the summary and verdict above the table', () => {
    const { s, fmt } = ctxFor();
    const bonus = block({ name: 'RetentionBonus' });
    expect(bonus.lead).toEqual([
      { text: s.live.bonusSummary(fmt.period(P), fmt.period(Y)) },
      { text: s.live.bonusFail, strong: true, tone: 'down' },
    ]);
    expect(bonus.rows.map((r) => r[4])).toEqual([
      { badge: s.fail, badgeTone: 'error' },
      { badge: s.pass, badgeTone: 'ok' },
    ]);
    const reinvest = block({ name: 'ReinvestmentSuggestion', limit: 1 });
    expect(reinvest.lead).toHaveLength(1);
    expect(reinvest.lead[0]?.text).toContain(fmt.money(80));
    expect(reinvest.more).toEqual({ shown: 1, total: 2 });
  });

  it('without a verdict or new key clients, the block shows its empty text', () => {
    const empty = computePortfolio(datasets({ team: [member('k1')] }), { today: '2026-07-15' });
    const ctx = ctxFor();
    for (const name of ['RetentionBonus', 'ReinvestmentSuggestion'] as const) {
      const v = playbookBlock(empty, ctx, { name });
      expect(v.rows, name).toEqual([]);
      expect(v.lead, name).toEqual([]);
    }
  });

  it('stops the build on an unknown block, attribute or value, naming it', () => {
    expect(() => block({ name: 'MembersOverPayKap' })).toThrow(
      /<Block name="MembersOverPayKap"> is not a live block; known blocks: .*MembersOverPayCap/,
    );
    expect(() => block({})).toThrow(/<Block name="undefined"> is not a live block/);
    // Inherited object keys are not blocks.
    expect(() => block({ name: 'toString' })).toThrow(/is not a live block/);
    expect(() => block({ name: 'DmuGaps', segmnet: 'key' })).toThrow(
      '<Block name="DmuGaps"> has no attribute "segmnet"; it takes name, locale, segment, limit',
    );
    expect(() => block({ name: 'DmuGaps', segment: 'vip' })).toThrow(
      '<Block name="DmuGaps"> segment="vip" must be one of',
    );
    expect(() => block({ name: 'DmuGaps' })).toThrow(/segment="undefined"/);
    expect(() => block({ name: 'HandoverList', limit: 0 })).toThrow('<Block name="HandoverList"> limit={0}');
    expect(() => block({ name: 'QuietAccounts', months: '6' })).toThrow(
      '<Block name="QuietAccounts"> months={6} must be a whole number of months',
    );
    // Astro's own scoping attributes on a component in a styled page are not the author's.
    expect(block({ name: 'VocTrend', 'data-astro-cid-x1': '' }).title).toBe(ctxFor().s.live.vocTrend);
  });
});
