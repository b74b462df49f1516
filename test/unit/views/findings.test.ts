import { describe, expect, it } from 'vitest';
import { FINDINGS, finding } from '../../../src/domain/findings.ts';
import { en } from '../../../src/i18n/en.ts';
import { ru } from '../../../src/i18n/ru.ts';
import { findingText, groupFindings } from '../../../src/views/findings.ts';

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
    expect(findingText(f, en, 'en')).toBe('Key account A7 has no value dossier entry.');
    expect(findingText(f, ru, 'ru')).toContain('A7');
    expect(findingText(f, ru, 'ru')).toMatch(/досье/);
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
