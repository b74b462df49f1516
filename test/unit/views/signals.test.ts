/** Each signal reads as one sentence with its numbers, in English and Russian. */
import { describe, expect, it } from 'vitest';
import { SIGNAL_CODES, type Signal } from '../../../src/domain/types.ts';
import { formatters } from '../../../src/i18n/format.ts';
import { messages } from '../../../src/i18n/index.ts';
import { healthLabel, signalLabel, signalSentence } from '../../../src/views/signals.ts';

const SIGNALS: Signal[] = [
  {
    code: 'voc_drop',
    latest_survey_id: 'S2',
    latest_date: '2026-10-01',
    latest_mean: 6.5,
    previous_survey_id: 'S1',
    previous_date: '2026-03-01',
    previous_mean: 8,
    drop: 1.5,
    threshold: 1,
  },
  { code: 'revenue_drop', revenue: 1_200_000, previous: 1_520_000, drop: 0.2105, threshold: 0.15 },
  {
    code: 'overdue_commitment',
    commitments: [
      { commitment_id: 'K1', description: 'Spare-parts stock', due: '2026-09-01', days_overdue: 87 },
      { commitment_id: 'K2', description: 'Audit', due: '2026-10-01', days_overdue: 57 },
    ],
    max_days_overdue: 87,
    threshold: 30,
  },
  {
    code: 'champion_unreachable',
    contacts: [{ contact_id: 'C1', name: 'Olga Petrova', attitude: 2, influence: 5 }],
  },
  { code: 'no_recent_contact', last_contact: '2026-06-01', days_since: 179, threshold: 90 },
  { code: 'segment_down', from_period: '2026-Q2', to_period: '2026-Q3', from: 'key', to: 'developing' },
  { code: 'position_down', from_period: '2026-Q2', to_period: '2026-Q3', from: 'partner', to: 'managed' },
  { code: 'loss_making_key', nopat: -48_250 },
];

describe('signal sentences', () => {
  it('cover every code', () => {
    expect(SIGNALS.map((s) => s.code).sort()).toEqual([...SIGNAL_CODES]);
  });
  it('state the numbers in English', () => {
    const t = messages('en');
    const f = formatters('en', 'EUR');
    const text = SIGNALS.map((s) => signalSentence(s, t, f));
    expect(text[1]).toBe('revenue over the last 12 months €1.2m, 21% below the 12 months before (€1.5m)');
    expect(text[0]).toContain('6.5');
    expect(text[0]).toContain('1.50 below the previous 8.00');
    expect(text[2]).toBe('2 promises more than 30 days overdue, the oldest 87 days (“Spare-parts stock”)');
    expect(text[3]).toContain('Olga Petrova');
    expect(text[5]).toBe('Key client in Q2 2026, Developing key client in Q3 2026');
    expect(text[7]).toContain('-€48,250');
    expect(signalLabel(SIGNALS[6]!, t)).toBe('No longer a partner supplier');
    expect(healthLabel(null, t)).toBe('Not tracked');
  });
  it('state the numbers in Russian, with Russian plurals', () => {
    const t = messages('ru');
    const f = formatters('ru', 'RUB');
    const text = SIGNALS.map((s) => signalSentence(s, t, f));
    expect(text[1]).toMatch(/^выручка за последние 12 месяцев 1,2\u00a0млн\u00a0₽, на 21\u00a0% меньше/);
    expect(text[4]).toContain('179 дней назад');
    expect(text[2]).toContain('2 обещания просрочены больше чем на 30 дней');
    expect(text[5]).toContain('2 кв. 2026');
    // Apart from names from the data and the NOPAT abbreviation, no English words.
    for (const i of [0, 1, 4, 5, 6, 7]) expect(text[i]!.replace('NOPAT', '')).not.toMatch(/[A-Za-z]{3,}/);
    expect(healthLabel('red', t)).toBe('Под угрозой');
  });
});
