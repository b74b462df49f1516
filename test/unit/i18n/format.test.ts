import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { formatters } from '../../../src/i18n/format.ts';

const en = formatters('en', 'USD');
const ru = formatters('ru', 'RUB');

describe('the one formatter', () => {
  it('never shows a negative zero', () => {
    expect(en.money(-0.3)).toBe('$0');
    expect(en.money(-0)).toBe('$0');
    expect(en.money(-0.02, { compact: true })).toBe('$0');
    expect(en.number(-0.001, 1)).toBe('0');
    fc.assert(
      fc.property(fc.double({ min: -0.499, max: 0.499, noNaN: true }), (v) => {
        for (const f of [en, ru]) {
          expect(f.money(v)).not.toMatch(/^[-−]/);
          expect(f.percent(v / 10000, 1)).not.toMatch(/^[-−]/);
        }
      }),
    );
  });

  it('places the percent sign the way each language does, with fixed decimals', () => {
    expect(en.percent(1.09)).toBe('109%');
    expect(en.percent(0.2778, 1)).toBe('27.8%');
    expect(en.percent(0.25, 1)).toBe('25.0%');
    expect(ru.percent(0.2778, 1)).toBe('27,8\u00a0%');
    expect(ru.percent(1.09)).toBe('109\u00a0%');
  });

  it('shows scores with two decimals so a column lines up', () => {
    expect(en.score(2.3)).toBe('2.30');
    expect(ru.score(7)).toBe('7,00');
    expect(en.score(null)).toBe('—');
  });
});
