/**
 * Writes every client bundle and scans every file in them for anything a client must not see
 * (docs/RULES.md#client-bundles): leak markers of internal-only fields, other clients, segment and supplier-position
 * words, numbers only internal fields hold, links out of the bundle.
 *
 * The scan works from the source datasets, not from the view model, so it does not trust the
 * code it tests.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Portfolio } from '../../../src/domain/types.ts';
import { findMarkers, HIDDEN_KPI_METRICS, INTERNAL_MARKER, withLeakMarkers } from '../../support/markers.ts';
import { formatters } from '../../../src/i18n/format.ts';
import { messages } from '../../../src/i18n/index.ts';
import type { Datasets } from '../../../src/schema/index.ts';
import { escapeHtml } from '../../../src/share/html.ts';
import { shareLinks } from '../../../src/share/links.ts';
import { shareToken } from '../../../src/share/token.ts';
import { writeShareBundles } from '../../../src/share/write.ts';
import { demoPortfolio } from './demo.ts';
import { CONTACT_NAMES, fixtureDatasets, fixturePortfolio, SURVEY_QUESTION, TEAM_NAMES } from './fixture.ts';

const SECRET = 'leak-test-secret';
const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

async function writeAll(portfolio: Portfolio): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'kam-share-leak-'));
  dirs.push(dir);
  const n = await writeShareBundles(portfolio, dir, { links: shareLinks(portfolio, SECRET) });
  expect(n).toBe(portfolio.accounts.length);
  return dir;
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((f) => join(dir, f))
    .filter((f) => statSync(f).isFile());
}

const wordRe = (w: string, flags = '') =>
  new RegExp(
    `(?<![\\p{L}\\p{N}_])${w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}\\p{N}_])`,
    `u${flags}`,
  );
const digits = (s: string) => s.replace(/\D/g, '').length;
const URL_RE = /https?:\/\/[^\s"'<>]+/g;

/** Text of one account that is allowed to reach its client (as it appears in HTML). */
function clientSafeTexts(data: Datasets, accountId: string): string[] {
  const a = data.accounts.find((x) => x.account_id === accountId);
  const texts = [a?.name, a?.description, data.settings.company_name];
  for (const d of data.dossier)
    if (d.account_id === accountId && d.client_visible) texts.push(d.title, d.description, d.evidence);
  for (const k of data.kpis) if (k.account_id === accountId && k.client_visible) texts.push(k.metric, k.unit);
  for (const c of data.commitments)
    if (c.account_id === accountId && c.client_visible) texts.push(c.description);
  for (const o of data.objectives)
    if (o.account_id === accountId && o.client_visible && o.kind !== 'profitability')
      texts.push(o.title, o.metric);
  return texts.filter((t): t is string => !!t).map(escapeHtml);
}

/** Numbers only internal fields hold, in every form the portal could print them. */
function internalNumbers(portfolio: Portfolio, accountId: string): { field: string; text: string }[] {
  const a = portfolio.accountIndex.get(accountId);
  if (!a) return [];
  const fields: Record<string, number | null | undefined> = {
    attractiveness: a.current.segment.attractiveness,
    strength: a.current.segment.strength,
    nopat: a.current.profit?.nopat,
    operating_profit: a.current.profit?.operating_profit,
    revenue: a.current.profit?.revenue,
    nopat_12m: a.last12m?.profit.nopat,
    revenue_12m: a.last12m?.profit.revenue,
    clv: a.clv,
    whitespace_value: a.whitespace.whitespace_value,
  };
  // Everything of the plan but the target is internal: baseline, current, progress.
  for (const o of a.plan.objectives) {
    fields[`${o.objective_id}.baseline`] = o.baseline;
    fields[`${o.objective_id}.current`] = o.current;
    fields[`${o.objective_id}.progress`] = o.progress;
    if (o.kind === 'profitability') fields[`${o.objective_id}.target`] = o.target;
  }
  for (const c of a.whitespace.rows) fields[`offering ${c.offering}`] = c.annual_value;
  const out: { field: string; text: string }[] = [];
  for (const [field, v] of Object.entries(fields)) {
    if (v === null || v === undefined) continue;
    const forms = new Set([String(v), v.toFixed(2)]);
    for (const locale of ['en', 'ru'] as const) {
      const f = formatters(locale, portfolio.settings.currency);
      forms.add(f.money(v));
      forms.add(f.number(v, 2));
      forms.add(f.score(v));
    }
    // Short numbers (a score of 6.5, €120) occur by chance; only distinctive ones are evidence.
    for (const text of forms) if (digits(text) >= 5) out.push({ field, text });
  }
  return out;
}

const INTERNAL_WORDS = [
  ...['en', 'ru'].flatMap((l) => {
    const m = messages(l as 'en' | 'ru');
    return [...Object.values(m.segment), ...Object.values(m.position)];
  }),
];
/** Words the bundle's own wording must never use (spreadsheet text may, e.g. "key dates"). */
const CHROME_WORDS = [
  ...['en', 'ru'].flatMap((l) => Object.values(messages(l as 'en' | 'ru').segmentShort)),
  'key',
  'developing',
  'maintained',
  'opportunistic',
  'partner',
  'managed',
  'desired',
  'independent',
  'segment',
  'сегмент',
  'NOPAT',
  'CLV',
  'profit',
  'прибыль',
  'attractiveness',
  'strength',
  'score',
  'survey',
  'опрос',
];

function scanBundles(data: Datasets, portfolio: Portfolio, dir: string): string[] {
  const problems: string[] = [];
  const byToken = new Map(data.accounts.map((a) => [shareToken(a.account_id, SECRET), a.account_id]));
  const people = [
    ...data.contacts.flatMap((c) => [c.name, c.title, c.internal_notes]),
    ...data.team.flatMap((t) => [t.name, t.email]),
    ...data.feedback.flatMap((f) => [f.question, f.comment, f.respondent]),
    ...data.scores.map((s) => s.comment),
    ...data.actions.map((a) => a.title),
    ...data.objectives.flatMap((o) => [
      o.internal_notes,
      // A hidden objective's metric may read like a visible one's ("Share of wallet"): only its title is its own.
      ...(o.client_visible && o.kind !== 'profitability' ? [] : [o.title]),
    ]),
    ...data.offerings.flatMap((o) => [o.offering, o.unit]),
  ].filter((t): t is string => !!t && t.length >= 6);

  for (const file of filesUnder(dir)) {
    const rel = relative(dir, file);
    if (rel === 'index.csv') continue; // internal by design, checked on its own below
    const [token, name, ...rest] = rel.split(/[\\/]/);
    const id = token ? byToken.get(token) : undefined;
    if (!id || name !== 'index.html' || rest.length) {
      problems.push(`${rel}: unexpected file in the share folder`);
      continue;
    }
    const text = readFileSync(file, 'utf8');
    const where = `${id} (${rel})`;
    const own = clientSafeTexts(data, id);
    const ownText = own.join('\n');

    for (const m of findMarkers(text)) problems.push(`${where}: internal marker ${m}`);
    if (INTERNAL_MARKER.test(text)) problems.push(`${where}: internal marker`);
    for (const m of HIDDEN_KPI_METRICS) if (text.includes(m)) problems.push(`${where}: hidden KPI ${m}`);
    for (const p of people) {
      if (text.includes(p) || text.includes(escapeHtml(p))) problems.push(`${where}: internal text "${p}"`);
    }

    for (const other of data.accounts) {
      if (other.account_id === id) continue;
      if (wordRe(other.account_id).test(text))
        problems.push(`${where}: other account id ${other.account_id}`);
      for (const n of new Set([other.name, escapeHtml(other.name)])) {
        if (text.includes(n) && !ownText.includes(n))
          problems.push(`${where}: other client name "${other.name}"`);
      }
      for (const t of clientSafeTexts(data, other.account_id)) {
        if (t.length >= 12 && text.includes(t) && !ownText.includes(t))
          problems.push(`${where}: text of ${other.account_id}: "${t}"`);
      }
    }

    for (const w of INTERNAL_WORDS)
      if (text.includes(w) && !ownText.includes(w)) problems.push(`${where}: internal label "${w}"`);
    let chrome = text;
    for (const t of [...own].sort((a, b) => b.length - a.length)) chrome = chrome.split(t).join(' ');
    for (const w of CHROME_WORDS)
      if (wordRe(w, 'i').test(chrome)) problems.push(`${where}: bundle wording uses "${w}"`);

    for (const { field, text: n } of internalNumbers(portfolio, id)) {
      if (text.includes(n) && !ownText.includes(n))
        problems.push(`${where}: internal number ${field} = ${n}`);
    }

    const evidence = data.dossier
      .filter((d) => d.account_id === id && d.client_visible && d.evidence)
      .flatMap((d) => escapeHtml(d.evidence as string).match(URL_RE) ?? []);
    for (const [url] of text.matchAll(URL_RE)) {
      if (!evidence.includes(url)) problems.push(`${where}: web reference ${url}`);
    }
    for (const [, attr, value = ''] of text.matchAll(
      /\b(href|src|action|formaction|srcset|poster|data)\s*=\s*"([^"]*)"/gi,
    )) {
      if (attr?.toLowerCase() !== 'href') problems.push(`${where}: ${attr}="${value}"`);
      else if (value.startsWith('#')) {
        if (!text.includes(`id="${value.slice(1)}"`)) problems.push(`${where}: broken anchor ${value}`);
      } else if (!evidence.includes(value)) problems.push(`${where}: href leaves the bundle: ${value}`);
    }
    if (/<(script|link|iframe|img|object|embed|base|form)\b|@import|url\(|http-equiv="refresh"/i.test(text)) {
      problems.push(`${where}: loads or embeds something`);
    }
    if (!text.includes(escapeHtml(data.accounts.find((a) => a.account_id === id)?.name ?? '\u0000'))) {
      problems.push(`${where}: does not name its own client (is the scan looking at the right file?)`);
    }
  }
  return problems;
}

function checkIndex(data: Datasets, dir: string): void {
  const csv = readFileSync(join(dir, 'index.csv'), 'utf8').replace(/^\uFEFF/, '');
  const lines = csv.trimEnd().split('\r\n');
  expect(lines[0]).toBe('account_id,name,kam_id,manager_name,link');
  expect(lines).toHaveLength(data.accounts.length + 1);
  expect(INTERNAL_MARKER.test(csv)).toBe(false);
  for (const a of data.accounts) {
    const link = `${shareToken(a.account_id, SECRET)}/index.html`;
    expect(csv).toContain(link);
    expect(statSync(join(dir, link)).isFile()).toBe(true);
  }
  const folders = readdirSync(dir).filter((f) => f !== 'index.csv');
  expect(folders).toHaveLength(data.accounts.length);
}

describe('client bundles of the fixture portfolio', () => {
  it('hold nothing internal, nothing about other clients and no way out', async () => {
    const data = fixtureDatasets();
    const portfolio = fixturePortfolio();
    const dir = await writeAll(portfolio);
    checkIndex(data, dir);
    expect(scanBundles(data, portfolio, dir)).toEqual([]);
    // The fixture really has what the scan looks for (a scan that finds nothing proves little).
    const all = JSON.stringify(data);
    expect(findMarkers(all).length).toBeGreaterThan(10);
    for (const n of [...CONTACT_NAMES, ...TEAM_NAMES, SURVEY_QUESTION]) expect(all).toContain(n);
    expect(internalNumbers(portfolio, 'A001').map((n) => n.field)).toEqual(
      expect.arrayContaining(['attractiveness', 'strength', 'nopat', 'clv', 'O001.baseline', 'O002.target']),
    );
    for (const kind of ['HIDDEN-OBJECTIVE', 'OBJECTIVE-NOTE', 'ACTION', 'OFFERING', 'UNIT'])
      expect(all).toContain(`[${kind}-`);
  });

  it('show the joint plan: visible objectives only, never a profitability one', async () => {
    const portfolio = fixturePortfolio();
    const dir = await writeAll(portfolio);
    const a001 = readFileSync(join(dir, shareToken('A001', SECRET), 'index.html'), 'utf8');
    expect(a001).toContain('Our joint plan');
    expect(a001).toContain('Raise our share of your bearing spend');
    expect(a001).toContain('Share of bearing spend');
    expect(a001).toContain('30 Jun 2027');
    expect(a001).not.toContain('Margin back above');
    expect(a001).not.toContain('NOPAT');
    const a003 = readFileSync(join(dir, shareToken('A003', SECRET), 'index.html'), 'utf8');
    expect(a003).not.toContain('Our joint plan');
    const ru = await writeAll(fixturePortfolio({ locale: 'ru' }));
    expect(readFileSync(join(ru, shareToken('A001', SECRET), 'index.html'), 'utf8')).toContain(
      'Наш совместный план',
    );
  });

  it('the scan catches a leak', async () => {
    const data = fixtureDatasets();
    // Make a hidden row visible and put another client's name into a visible text.
    const hidden = data.dossier.find((d) => d.entry_id === 'D0008');
    if (hidden) hidden.client_visible = true;
    const a1 = data.accounts.find((a) => a.account_id === 'A001');
    if (a1) a1.description = undefined;
    const k = data.commitments.find((c) => c.commitment_id === 'K0001');
    if (k) k.description = 'Same terms as Baltic Forge Ltd';
    const o = data.objectives.find((x) => x.objective_id === 'O003');
    if (o) o.client_visible = true;
    const { computePortfolio } = await import('../../../src/domain/portfolio.ts');
    const portfolio = computePortfolio(data, { today: '2026-11-27' });
    const dir = await writeAll(portfolio);
    // Scan against the original (what the analyst meant to share), as a reviewer would.
    const problems = scanBundles(fixtureDatasets(), portfolio, dir).join('\n');
    expect(problems).toMatch(/internal marker \[HIDDEN-DOSSIER-D0008\]/);
    expect(problems).toMatch(/web reference https:\/\/intranet/);
    expect(problems).toMatch(/other client name "Baltic Forge Ltd"/);
    expect(problems).toMatch(/internal marker \[HIDDEN-OBJECTIVE-O003\]/);
  });

  it('the scan catches internal numbers, labels, words and links added to a bundle', async () => {
    const data = fixtureDatasets();
    const portfolio = fixturePortfolio();
    const dir = await writeAll(portfolio);
    const file = join(dir, shareToken('A001', SECRET), 'index.html');
    const a = portfolio.accountIndex.get('A001');
    const f = formatters('en', portfolio.settings.currency);
    const tampered = [
      `<p>${f.money(a?.current.profit?.nopat)} ${a?.current.segment.attractiveness} Partner supplier</p>`,
      '<p>Our key account</p><a href="../other/index.html">x</a><a href="/accounts/A001/">y</a>',
      '<img src="https://tracker.example/p.gif">',
    ].join('');
    writeFileSync(file, readFileSync(file, 'utf8').replace('</body>', `${tampered}</body>`));
    const problems = scanBundles(data, portfolio, dir).join('\n');
    expect(problems).toMatch(/internal number nopat = €202,074/);
    expect(problems).toMatch(/internal number attractiveness = 7\.7056/);
    expect(problems).toMatch(/internal label "Partner supplier"/);
    expect(problems).toMatch(/bundle wording uses "key"/);
    expect(problems).toMatch(/href leaves the bundle: \.\.\/other/);
    expect(problems).toMatch(/href leaves the bundle: \/accounts/);
    expect(problems).toMatch(/src="https:\/\/tracker/);
    expect(problems).toMatch(/web reference https:\/\/tracker/);
    expect(problems).toMatch(/loads or embeds something/);
  });
});

describe('client bundles of the demo portfolio', () => {
  it('hold nothing internal, nothing about other clients and no way out', async () => {
    const demo = await demoPortfolio();
    // The demo is written for people; the markers go into a copy, for the scan.
    const data = withLeakMarkers(demo.data);
    const { computePortfolio } = await import('../../../src/domain/portfolio.ts');
    const portfolio = computePortfolio(data, { today: demo.portfolio.today });
    const dir = await writeAll(portfolio);
    checkIndex(data, dir);
    expect(scanBundles(data, portfolio, dir)).toEqual([]);
    expect(findMarkers(JSON.stringify(data)).length).toBeGreaterThan(50);
    expect(data.objectives.some((o) => o.client_visible && o.kind !== 'profitability')).toBe(true);
    expect(portfolio.accounts.some((a) => a.plan.objectives.some((o) => o.client_visible))).toBe(true);
  }, 60_000);
});
