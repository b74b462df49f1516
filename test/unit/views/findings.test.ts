import { describe, expect, it } from 'vitest';
import { FINDING_CODES, finding } from '../../../src/domain/findings.ts';
import { computePortfolio } from '../../../src/domain/portfolio.ts';
import type { Finding, FindingCode } from '../../../src/domain/types.ts';
import { en } from '../../../src/i18n/en.ts';
import { ru } from '../../../src/i18n/ru.ts';
import { fillTemplate, findingText, groupFindings, placeholders } from '../../../src/views/findings.ts';
import { formatters } from '../../../src/i18n/format.ts';
import { account, datasets, scores, survey } from '../domain/factories.ts';
import { example, TODAY } from '../domain/worked-example.ts';
import { demoPortfolio } from '../share/demo.ts';

const fmtEn = formatters('en', 'USD');
const fmtRu = formatters('ru', 'RUB');

/**
 * Real findings of every code, as the analysis emits them: the worked example and the demo
 * portfolio, plus small portfolios for the codes neither shows (no period at all, a current
 * period set without scores, a lost account without a date, a survey nobody answered).
 */
async function emittedFindings(): Promise<Finding[]> {
  const small = [
    datasets({ accounts: [account('a')] }),
    datasets({
      accounts: [account('a'), account('b', { status: 'lost' })],
      scores: scores('a', '2025', { a1: 5, s1: 5 }),
      surveys: [survey('s9', 'a', '2025-05-01', 3)],
      settings: { current_period: '2026' },
    }),
  ].map((d) => computePortfolio(d, { today: '2026-05-01' }));
  const { portfolio: demo } = await demoPortfolio();
  return [computePortfolio(example, { today: TODAY }), demo, ...small].flatMap((p) => p.findings);
}

const sorted = (keys: Iterable<string>) => [...new Set(keys)].sort();

describe('finding messages in the catalogue', () => {
  it('every code has a template in both languages naming exactly the params the analysis emits', async () => {
    const findings = await emittedFindings();
    const seen = new Map<FindingCode, Set<string>>();
    for (const f of findings) {
      // One code always carries the same params.
      const keys = sorted(Object.keys(f.params));
      const before = seen.get(f.code);
      if (before) expect(keys, f.code).toEqual(sorted(before));
      seen.set(f.code, new Set(keys));
    }
    expect(sorted(seen.keys())).toEqual(sorted(FINDING_CODES));
    for (const [code, params] of seen) {
      expect(sorted(placeholders(en.findings[code])), `en ${code}`).toEqual(sorted(params));
      expect(sorted(placeholders(ru.findings[code])), `ru ${code}`).toEqual(sorted(params));
      expect(en.findingTitle[code], code).toBeTruthy();
      expect(ru.findingTitle[code], code).toBeTruthy();
    }
    for (const f of findings) {
      expect(findingText(f, en, fmtEn)).not.toMatch(/[{}]/);
      // Russian sentences are Russian: no English template words leak through.
      expect(findingText(f, ru, fmtRu)).not.toMatch(/\b(account|has|the|of|is|in)\b/);
    }
  });

  it('fills the Russian template with the same params', () => {
    const f = finding('key_without_dossier', { account_id: 'A7' }, { account_id: 'A7' });
    expect(findingText(f, en, fmtEn)).toBe('Key account A7 has no value dossier entry.');
    expect(findingText(f, ru, fmtRu)).toBe('У ключевого клиента A7 нет ни одной записи в стоимостном досье.');
  });

  it('shows names and formatted values, not ids and raw numbers', () => {
    const names = {
      account: (id: string) => (id === 'A1' ? 'Acme' : undefined),
      member: () => 'Sarah Mitchell',
    };
    const loss = finding(
      'key_account_unprofitable',
      { account_id: 'A1', nopat_12m: -71927.4 },
      { account_id: 'A1' },
    );
    expect(findingText(loss, en, fmtEn, names)).toBe(
      'Key account Acme (A1) loses money: NOPAT over the last 12 months is -$71,927.',
    );
    const pay = finding(
      'base_pay_over_cap',
      { member_id: 'M03', period: '2026-Q2', base_share: 0.8123, cap: 0.7 },
      { member_id: 'M03' },
    );
    const text = findingText(pay, en, fmtEn, names);
    expect(text).toContain('Sarah Mitchell (M03)');
    expect(text).toContain('Q2 2026');
    expect(text).toContain('81.2%');
    expect(text).not.toMatch(/-?\d{5}/);
    const ruText = findingText(pay, ru, fmtRu, names);
    expect(ruText).toContain('81,2\u00a0%');
    expect(ruText).toContain('2 кв. 2026');
  });

  it('fills every placeholder, a missing value as a dash', () => {
    expect(fillTemplate('{a} of {b}: {c}', { a: 'x', b: null })).toBe('x of —: —');
  });

  it('groups by code, most severe first, then the largest group', () => {
    const groups = groupFindings([
      finding('contact_stale', { contact_id: 'C1', name: 'x', account_id: 'A', last_contact: '2024-01-01' }),
      finding('key_without_dossier', { account_id: 'A' }),
      finding('contact_stale', { contact_id: 'C2', name: 'y', account_id: 'A', last_contact: '2024-01-01' }),
      finding('scores_without_financials', { account_id: 'A', period: '2026-Q1' }),
      finding('scores_without_financials', { account_id: 'B', period: '2026-Q1' }),
    ]);
    expect(groups.map((g) => [g.code, g.items.length])).toEqual([
      ['scores_without_financials', 2],
      ['key_without_dossier', 1],
      ['contact_stale', 2],
    ]);
  });
});
