import { describe, expect, it } from 'vitest';
import { FINDINGS, finding } from '../../../src/domain/findings.ts';
import { en } from '../../../src/i18n/en.ts';
import { ru } from '../../../src/i18n/ru.ts';
import { findingText, groupFindings } from '../../../src/views/findings.ts';
import { formatters } from '../../../src/i18n/format.ts';

const fmtEn = formatters('en', 'USD');
const fmtRu = formatters('ru', 'RUB');

describe('findings in the UI', () => {
  it('has a Russian template and a title in both languages for every finding code', () => {
    for (const code of Object.keys(FINDINGS)) {
      expect(ru.findings[code], code).toBeTruthy();
      expect(en.findingTitle[code], code).toBeTruthy();
      expect(ru.findingTitle[code], code).toBeTruthy();
    }
  });

  it('fills the Russian template with the same params', () => {
    const f = finding('key_without_dossier', { account_id: 'A7' }, { account_id: 'A7' });
    expect(findingText(f, en, fmtEn)).toBe('Key account A7 has no value dossier entry.');
    expect(findingText(f, ru, fmtRu)).toContain('A7');
    expect(findingText(f, ru, fmtRu)).toMatch(/досье/);
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
