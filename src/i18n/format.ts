/**
 * The one formatter of numbers, money, percentages, dates and periods for display. Values
 * come from the domain core unrounded or rounded to cents; rounding for display happens here.
 */
import { parsePeriod } from '../schema/period.ts';

export type Locale = 'en' | 'ru';

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
  const money = new Intl.NumberFormat(tag, {
    style: 'currency',
    currency,
    currencyDisplay: 'narrowSymbol',
    maximumFractionDigits: 0,
  });
  const moneyCompact = new Intl.NumberFormat(tag, {
    style: 'currency',
    currency,
    currencyDisplay: 'narrowSymbol',
    notation: 'compact',
    maximumFractionDigits: 1,
  });
  const numberCache = new Map<number, Intl.NumberFormat>();
  const num = (digits: number) => {
    let f = numberCache.get(digits);
    if (!f) {
      f = new Intl.NumberFormat(tag, { maximumFractionDigits: digits, minimumFractionDigits: 0 });
      numberCache.set(digits, f);
    }
    return f;
  };
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
    score: (v) => (v == null ? DASH : num(2).format(v)),
    percent: (v, digits = 0) => (v == null ? DASH : `${num(digits).format(v * 100)}\u00a0%`),
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
