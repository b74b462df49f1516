import { describe, expect, it } from 'vitest';
import { comparePeriods, parsePeriod, yearEarlier } from '../../src/schema/period.ts';

describe('periods', () => {
  it('parses years, quarters and months with their calendar bounds', () => {
    expect(parsePeriod('2026')).toMatchObject({ grain: 'year', start: '2026-01-01', end: '2026-12-31' });
    expect(parsePeriod('2024-q1')).toMatchObject({ id: '2024-Q1', end: '2024-03-31' });
    expect(parsePeriod('2024-02')).toMatchObject({ grain: 'month', end: '2024-02-29' });
    expect(parsePeriod('2024-13')).toBeUndefined();
    expect(parsePeriod('Q1 2024')).toBeUndefined();
  });
  it('orders by end date', () => {
    const sorted = ['2026', '2025-Q4', '2026-Q1', '2025-11', '2026-Q4'].sort(comparePeriods);
    expect(sorted).toEqual(['2025-11', '2025-Q4', '2026-Q1', '2026-Q4', '2026']);
    expect(yearEarlier('2026-Q2')).toBe('2025-Q2');
  });
});
