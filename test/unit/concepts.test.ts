/**
 * The shared vocabulary (src/schema/concepts.ts) is the one the rest of the code works with:
 * the classifiers reach exactly the listed segments and positions, the settings and playbook
 * schemas accept exactly the listed locales, and every reader of period text agrees with the
 * one pattern.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { playbookFrontmatter } from '../../src/content/playbooks.ts';
import { classifyPosition } from '../../src/domain/positioning.ts';
import { classifySegment } from '../../src/domain/segmentation.ts';
import { parsePeriodText } from '../../src/ingest/cells.ts';
import { LOCALES, PERIOD_PATTERN, POSITIONS, SEGMENTS } from '../../src/schema/concepts.ts';
import { parsePeriod } from '../../src/schema/period.ts';
import { settingsSchema } from '../../src/schema/settings.ts';

const score = fc.double({ min: 0, max: 10, noNaN: true });

describe('shared concepts', () => {
  it('segments and positions are exactly what the classifiers return', () => {
    const segments = new Set<string>();
    const positions = new Set<string>();
    fc.assert(
      fc.property(score, score, score, score, (y, x, ty, tx) => {
        const s = classifySegment(y, x, { attractiveness: ty, strength: tx });
        const p = classifyPosition(y, x, { risk: ty, spend: tx });
        expect(SEGMENTS).toContain(s);
        expect(POSITIONS).toContain(p);
        segments.add(s);
        positions.add(p);
      }),
      { numRuns: 400 },
    );
    expect([...segments].sort()).toEqual([...SEGMENTS].sort());
    expect([...positions].sort()).toEqual([...POSITIONS].sort());
  });

  it('the settings and the playbooks accept exactly the listed locales', () => {
    for (const locale of LOCALES) expect(settingsSchema.shape.locale.parse(locale)).toBe(locale);
    expect(settingsSchema.shape.locale.safeParse('de').success).toBe(false);
    const fm = { title: 'T', summary: 'S', audience: ['kam'], topic: 'x', order: 1 };
    for (const locale of LOCALES) expect(playbookFrontmatter.safeParse({ ...fm, locale }).success).toBe(true);
    expect(playbookFrontmatter.safeParse({ ...fm, locale: 'de' }).success).toBe(false);
  });

  it('period text: the pattern, the settings, the cell reader and the period parser agree', () => {
    const period = fc.oneof(
      fc.integer({ min: 1900, max: 2999 }).map(String),
      fc
        .tuple(fc.integer({ min: 1900, max: 2999 }), fc.integer({ min: 0, max: 6 }))
        .map(([y, q]) => `${y}-Q${q}`),
      fc
        .tuple(fc.integer({ min: 1900, max: 2999 }), fc.integer({ min: 0, max: 13 }))
        .map(([y, m]) => `${y}-${String(m).padStart(2, '0')}`),
      fc.string({ maxLength: 8 }),
    );
    fc.assert(
      fc.property(period, (text) => {
        const canonical = PERIOD_PATTERN.test(text);
        expect(settingsSchema.shape.current_period.safeParse(text).success).toBe(canonical);
        expect(parsePeriod(text)?.id === text).toBe(canonical);
        if (canonical) expect(parsePeriodText(text)).toBe(text);
      }),
      { numRuns: 500 },
    );
    expect(['2026', '2026-Q3', '2026-07'].every((p) => PERIOD_PATTERN.test(p))).toBe(true);
    expect(['2026-Q5', '2026-13', '2026-7', '26-Q1'].some((p) => PERIOD_PATTERN.test(p))).toBe(false);
  });
});
