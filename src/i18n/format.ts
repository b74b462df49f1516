/**
 * The one formatter of numbers, money, percentages, dates and periods for display. Values
 * come from the domain core unrounded or rounded to cents; rounding for display happens here.
 */
import type { Locale } from '../schema/concepts.ts';
import { parsePeriod } from '../schema/period.ts';

export type { Locale };

export interface Formatters {
  locale: Locale;
  currency: string;
  money(v: number | null | undefined, opts?: { compact?: boolean }): string;
  number(v: number | null | undefined, digits?: number): string;
  score(v: number | null | undefined): string;
  percent(v: number | null | undefined, digits?: number): string;
  date(iso: string | null | undefined): string;
  period(p: string | null | undefined): string;
  count(n: number): string;
}

const DASH = '—';

export function formatters(locale: Locale, currency: string): Formatters {
  const tag = locale === 'ru' ? 'ru-RU' : 'en-GB';
  // signDisplay 'negative': a value that rounds to zero shows as 0, never as "−$0".
  const money = new Intl.NumberFormat(tag, {
    style: 'currency',
    currency,
    currencyDisplay: 'narrowSymbol',
    maximumFractionDigits: 0,
    signDisplay: 'negative',
  });
  const moneyCompact = new Intl.NumberFormat(tag, {
    style: 'currency',
    currency,
    currencyDisplay: 'narrowSymbol',
    notation: 'compact',
    minimumFractionDigits: 0,
    maximumFractionDigits: 1,
    signDisplay: 'negative',
  });
  const cache = new Map<string, Intl.NumberFormat>();
  const cached = (key: string, make: () => Intl.NumberFormat) => {
    let f = cache.get(key);
    if (!f) cache.set(key, (f = make()));
    return f;
  };
  const num = (digits: number) =>
    cached(
      `n${digits}`,
      () => new Intl.NumberFormat(tag, { maximumFractionDigits: digits, signDisplay: 'negative' }),
    );
  // One measure, one number of decimals: scores always show two, percentages a fixed number,
  // so a column of them lines up. The locale places the percent sign ("109%", "27,8 %").
  const fixed = (digits: number) =>
    cached(
      `f${digits}`,
      () =>
        new Intl.NumberFormat(tag, {
          minimumFractionDigits: digits,
          maximumFractionDigits: digits,
          signDisplay: 'negative',
        }),
    );
  const pct = (digits: number) =>
    cached(
      `p${digits}`,
      () =>
        new Intl.NumberFormat(tag, {
          style: 'percent',
          minimumFractionDigits: digits,
          maximumFractionDigits: digits,
          signDisplay: 'negative',
        }),
    );
  const dateFmt = new Intl.DateTimeFormat(tag, {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  });
  const monthFmt = new Intl.DateTimeFormat(tag, { month: 'short', year: 'numeric', timeZone: 'UTC' });
  return {
    locale,
    currency,
    money: (v, opts) => (v == null ? DASH : (opts?.compact ? moneyCompact : money).format(v)),
    number: (v, digits = 0) => (v == null ? DASH : num(digits).format(v)),
    score: (v) => (v == null ? DASH : fixed(2).format(v)),
    percent: (v, digits = 0) => (v == null ? DASH : pct(digits).format(v)),
    date: (iso) => (iso ? dateFmt.format(new Date(`${iso}T00:00:00Z`)) : DASH),
    period: (p) => {
      if (!p) return DASH;
      const info = parsePeriod(p);
      if (!info) return p;
      if (info.grain === 'year') return String(info.year);
      if (info.grain === 'month') return monthFmt.format(new Date(`${info.start}T00:00:00Z`));
      const q = p.slice(-1);
      return locale === 'ru' ? `${q} кв. ${info.year}` : `Q${q} ${info.year}`;
    },
    count: (n) => num(0).format(n),
  };
}
