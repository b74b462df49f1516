/**
 * A small seeded PRNG (mulberry32) and the few draws the generator needs. Nothing here reads
 * Math.random or the clock, so the same seed always yields the same portfolio.
 */

export interface Rng {
  /** Uniform in [0, 1). */
  next(): number;
  /** Uniform in [min, max). */
  float(min: number, max: number): number;
  /** Uniform integer in [min, max]. */
  int(min: number, max: number): number;
  chance(p: number): boolean;
  pick<T>(items: readonly T[]): T;
  /** Roughly normal (mean 0, sd 1), from the sum of uniforms: bounded, cheap, good enough. */
  normal(): number;
}

export function mulberry32(seed: number): Rng {
  let a = seed >>> 0;
  const next = (): number => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    float: (min, max) => min + (max - min) * next(),
    int: (min, max) => min + Math.floor((max - min + 1) * next()),
    chance: (p) => next() < p,
    pick: <T>(items: readonly T[]): T => {
      if (items.length === 0) throw new Error('pick from an empty list');
      return items[Math.floor(next() * items.length)] as T;
    },
    normal: () => (next() + next() + next() + next() + next() + next() - 3) * Math.SQRT2,
  };
}

/**
 * An independent stream per (seed, stream, index): each account draws from its own stream, so
 * its data does not depend on how many draws earlier accounts made.
 */
export function substream(seed: number, stream: number, index: number): Rng {
  let h = Math.imul(seed ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(stream + 1, 0xc2b2ae35);
  h = Math.imul(h ^ (h >>> 13), 0x27d4eb2f) ^ Math.imul(index + 1, 0x165667b1);
  h ^= h >>> 16;
  return mulberry32(h);
}
