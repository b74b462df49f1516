/**
 * Money arithmetic in integer minor units (cents): sums never drift, and a total always equals
 * the sum of its parts. Convert to cents on the way in, back to a 2-decimal number at the edge.
 */

/** Cents are integers; the alias documents intent. */
export type Cents = number;

/**
 * Round half away from zero to `decimals`. `toPrecision(15)` first removes binary noise such
 * as 1.005 * 100 = 100.49999999999999, so written decimals round as a person expects.
 */
export function roundHalfUp(x: number, decimals: number): number {
  const f = 10 ** decimals;
  const scaled = Number((Math.abs(x) * f).toPrecision(15));
  const r = Math.round(scaled) / f;
  return x < 0 && r !== 0 ? -r : r;
}

export function toCents(amount: number | undefined | null): Cents {
  if (amount === undefined || amount === null || !Number.isFinite(amount)) return 0;
  // Fast path: clearly away from a half cent (beyond the binary noise, which grows with the
  // magnitude), plain rounding is exact — the common case by far.
  const scaled = amount * 100;
  const r = Math.round(scaled);
  const frac = Math.abs(scaled - Math.trunc(scaled));
  if (Math.abs(frac - 0.5) > 1e-9 + Math.abs(scaled) * 1e-12) return r === 0 ? 0 : r;
  const c = Math.round(Number((Math.abs(amount) * 100).toPrecision(15)));
  return amount < 0 && c !== 0 ? -c : c;
}

export function fromCents(cents: Cents): number {
  // Integer / 100 is the closest double to the 2-decimal value; avoid returning -0.
  return cents === 0 ? 0 : cents / 100;
}

/** `fromCents` that keeps null. */
export function moneyOrNull(cents: Cents | null): number | null {
  return cents === null ? null : fromCents(cents);
}

/** rate × cents, rounded half-up to a whole cent. */
export function mulCents(cents: Cents, rate: number): Cents {
  return toCents(fromCents(cents) * rate);
}

export function sumCents(values: Iterable<Cents>): Cents {
  let s = 0;
  for (const v of values) s += v;
  return s;
}

/** a / b, or null when b is 0 (or either is null). */
export function ratio(a: number | null, b: number | null): number | null {
  if (a === null || b === null || b === 0) return null;
  return a / b;
}
