/**
 * Geometry of a 2×2 matrix drawing: scales of the two 0–10 axes, quadrants, ticks, arrows,
 * bubble sizes and which labels fit. Pure, so the Matrix component only draws what this returns.
 */

export interface MatrixPoint {
  id: string;
  label: string;
  x: number;
  y: number;
  /** Bubble area is proportional to this (e.g. revenue); 0 draws the smallest bubble. */
  size: number;
  /** CSS class that picks the colour (segment or position). */
  cls: string;
  href?: string;
  /** Earlier position, drawn as an arrow to this one. */
  from?: { x: number; y: number } | null;
  /** Extra text for the tooltip. */
  note?: string;
}

export interface MatrixLayoutInput {
  title: string;
  points: MatrixPoint[];
  xThreshold: number;
  yThreshold: number;
  /** Quadrant names: top-left, top-right, bottom-left, bottom-right. */
  quadrants: [string, string, string, string];
  labels: boolean;
  /** One account's path over time: small dots, only the first and last labelled. */
  path: boolean;
}

export interface MatrixDot {
  cx: number;
  cy: number;
  r: number;
  /** Tooltip and accessible name. */
  name: string;
  cls: string;
  href?: string;
  label: { x: number; y: number; anchor: 'start' | 'end'; text: string } | null;
}

interface Box {
  x0: number;
  x1: number;
  y0: number;
  y1: number;
  owner: number;
}

const W = 640;
const H = 520;
const LABEL_MAX = 22;
const shortLabel = (t: string) => (t.length > LABEL_MAX ? `${t.slice(0, LABEL_MAX - 1)}…` : t);
const overlaps = (a: Box, b: Box) => a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;

export function matrixLayout(input: MatrixLayoutInput) {
  const { title, points, xThreshold, yThreshold, quadrants, labels, path } = input;
  const m = { left: 56, right: 16, top: 16, bottom: 48 };
  const pw = W - m.left - m.right;
  const ph = H - m.top - m.bottom;
  const sx = (v: number) => m.left + (Math.min(10, Math.max(0, v)) / 10) * pw;
  const sy = (v: number) => m.top + (1 - Math.min(10, Math.max(0, v)) / 10) * ph;
  const maxSize = Math.max(1, ...points.map((p) => p.size));
  const radius = (s: number) =>
    path ? (s >= maxSize ? 9 : 4) : 5 + 17 * Math.sqrt(Math.max(0, s) / maxSize);
  // Largest bubbles first so small ones stay clickable on top; a path keeps its time order.
  const ordered = path ? points : [...points].sort((a, b) => b.size - a.size);
  // Greedy label placement: a label that would overlap one already placed is left out (the
  // bubble keeps its tooltip and the page lists every account as text).
  // Bubbles are obstacles too, so a label never covers another account's bubble.
  const placed: Box[] = ordered.map((p, i) => {
    const r = radius(p.size);
    return { x0: sx(p.x) - r, x1: sx(p.x) + r, y0: sy(p.y) - r, y1: sy(p.y) + r, owner: i };
  });
  // Quadrant names are obstacles as well, and no label may cross a threshold line (it would
  // read as belonging to the neighbouring quadrant).
  const tx = sx(xThreshold);
  const ty = sy(yThreshold);
  const nameWidth = (q: string) => q.length * 6.4;
  placed.push(
    { x0: m.left + 4, x1: m.left + 12 + nameWidth(quadrants[0]), y0: m.top + 6, y1: m.top + 24, owner: -1 },
    {
      x0: m.left + pw - 12 - nameWidth(quadrants[1]),
      x1: m.left + pw,
      y0: m.top + 6,
      y1: m.top + 24,
      owner: -1,
    },
    {
      x0: m.left + 4,
      x1: m.left + 12 + nameWidth(quadrants[2]),
      y0: m.top + ph - 24,
      y1: m.top + ph,
      owner: -1,
    },
    {
      x0: m.left + pw - 12 - nameWidth(quadrants[3]),
      x1: m.left + pw,
      y0: m.top + ph - 24,
      y1: m.top + ph,
      owner: -1,
    },
  );
  const crossesThreshold = (b: Box) => (b.x0 < tx && tx < b.x1) || (b.y0 < ty && ty < b.y1);
  // Each label goes right of its bubble, else left, else it is left out.
  const labelSide = new Map<number, 'start' | 'end'>();
  ordered.forEach((p, i) => {
    if (!labels || (path && i !== 0 && i !== ordered.length - 1)) return;
    // ~6.8 px per character at 11 px (Cyrillic runs wider than Latin).
    const width = shortLabel(p.label).length * 6.8;
    const gap = radius(p.size) + 3;
    const y0 = sy(p.y) - 8;
    const sides: ['start' | 'end', number][] = [
      ['start', sx(p.x) + gap],
      ['end', sx(p.x) - gap - width],
    ];
    for (const [side, x0] of sides) {
      const box = { x0, x1: x0 + width, y0, y1: y0 + 14, owner: i };
      if (
        box.x0 < m.left + 4 ||
        box.x1 > m.left + pw ||
        crossesThreshold(box) ||
        placed.some((b) => b.owner !== i && overlaps(b, box))
      )
        continue;
      placed.push(box);
      labelSide.set(i, side);
      return;
    }
  });
  const labelX = (p: MatrixPoint, i: number) =>
    labelSide.get(i) === 'end' ? sx(p.x) - radius(p.size) - 3 : sx(p.x) + radius(p.size) + 3;
  const dots: MatrixDot[] = ordered.map((p, i) => {
    const side = labelSide.get(i);
    return {
      cx: sx(p.x),
      cy: sy(p.y),
      r: radius(p.size),
      name: p.note ? `${p.label} — ${p.note}` : p.label,
      cls: p.cls,
      ...(p.href === undefined ? {} : { href: p.href }),
      label: side ? { x: labelX(p, i), y: sy(p.y) + 4, anchor: side, text: shortLabel(p.label) } : null,
    };
  });
  const moves = ordered.flatMap((p) =>
    p.from ? [{ x1: sx(p.from.x), y1: sy(p.from.y), x2: sx(p.x), y2: sy(p.y) }] : [],
  );
  return {
    W,
    H,
    m,
    pw,
    ph,
    tx,
    ty,
    ticks: [0, 2, 4, 6, 8, 10].map((v) => ({ v, x: sx(v), y: sy(v) })),
    markerId: `arrow-${Math.abs(title.split('').reduce((h, c) => (h * 31 + c.charCodeAt(0)) | 0, 7))}`,
    moves,
    dots,
  };
}
