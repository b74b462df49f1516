/** Matrix geometry: bubbles inside the plot, labels that never collide or cross a threshold. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { matrixLayout, type MatrixPoint } from '../../../src/views/matrix-layout.ts';

const quadrants: [string, string, string, string] = ['Developing', 'Key', 'Opportunistic', 'Maintained'];
const point = fc.record({
  label: fc.string({ minLength: 1, maxLength: 30 }),
  x: fc.double({ min: -2, max: 12, noNaN: true }),
  y: fc.double({ min: -2, max: 12, noNaN: true }),
  size: fc.double({ min: 0, max: 1e6, noNaN: true }),
});
const layout = (pts: Omit<MatrixPoint, 'id' | 'cls'>[], path = false) =>
  matrixLayout({
    title: 'T',
    points: pts.map((p, i) => ({ ...p, id: String(i), cls: 'key' })),
    xThreshold: 5,
    yThreshold: 5,
    quadrants,
    labels: true,
    path,
  });

describe('matrixLayout', () => {
  it('keeps every bubble centre inside the plot, values clamped to 0–10', () => {
    fc.assert(
      fc.property(fc.array(point, { maxLength: 30 }), (pts) => {
        const l = layout(pts);
        for (const d of l.dots) {
          expect(d.cx).toBeGreaterThanOrEqual(l.m.left);
          expect(d.cx).toBeLessThanOrEqual(l.m.left + l.pw);
          expect(d.cy).toBeGreaterThanOrEqual(l.m.top);
          expect(d.cy).toBeLessThanOrEqual(l.m.top + l.ph);
        }
      }),
    );
  });

  it('places labels that neither overlap each other nor cross a threshold line', () => {
    fc.assert(
      fc.property(fc.array(point, { maxLength: 30 }), (pts) => {
        const l = layout(pts);
        const boxes = l.dots.flatMap((d) => {
          if (!d.label) return [];
          const w = d.label.text.length * 6.8;
          const x0 = d.label.anchor === 'end' ? d.label.x - w : d.label.x;
          return [{ x0, x1: x0 + w, y0: d.label.y - 12, y1: d.label.y + 2 }];
        });
        for (const [i, a] of boxes.entries()) {
          expect(a.x0 < l.tx && l.tx < a.x1).toBe(false);
          expect(a.y0 < l.ty && l.ty < a.y1).toBe(false);
          for (const b of boxes.slice(i + 1))
            expect(a.x0 < b.x1 - 1e-9 && b.x0 < a.x1 - 1e-9 && a.y0 < b.y1 - 1e-9 && b.y0 < a.y1 - 1e-9).toBe(
              false,
            );
        }
      }),
    );
  });

  it('draws the largest bubbles first, and a path in time order with big last dot', () => {
    const l = layout([
      { label: 'small', x: 1, y: 1, size: 1 },
      { label: 'big', x: 9, y: 9, size: 100 },
    ]);
    expect(l.dots.map((d) => d.name)).toEqual(['big', 'small']);
    const p = layout(
      [
        { label: 'Q1', x: 1, y: 1, size: 1 },
        { label: 'Q2', x: 2, y: 2, size: 1, from: { x: 1, y: 1 } },
        { label: 'Q3', x: 3, y: 8, size: 2, from: { x: 2, y: 2 } },
      ],
      true,
    );
    expect(p.dots.map((d) => [d.name, d.r])).toEqual([
      ['Q1', 4],
      ['Q2', 4],
      ['Q3', 9],
    ]);
    expect(p.dots[1]?.label).toBeNull();
    expect(p.moves).toHaveLength(2);
  });

  it('shortens long labels and names the tooltip with the note', () => {
    const l = matrixLayout({
      title: 'T',
      points: [
        { id: 'a', label: 'A very long account name indeed', note: '12 %', x: 1, y: 9, size: 1, cls: 'key' },
      ],
      xThreshold: 5,
      yThreshold: 5,
      quadrants: ['', '', '', ''],
      labels: true,
      path: false,
    });
    expect(l.dots[0]?.name).toBe('A very long account name indeed — 12 %');
    expect(l.dots[0]?.label?.text).toBe('A very long account n…');
  });
});
