/**
 * Early-warning signals as text in the reader's language: the domain gives each signal's
 * numbers, the UI group `signals` gives the sentence. Text only — pages escape it as usual.
 */
import type { Health, Signal } from '../domain/types.ts';
import type { Formatters } from '../i18n/format.ts';
import type { Messages } from '../i18n/index.ts';

export function signalLabel(s: Signal, t: Messages): string {
  return t.signals.label[s.code];
}

/** The reason in one sentence, e.g. "revenue over the last 12 months €1.2M, 21 % below …". */
export function signalSentence(s: Signal, t: Messages, f: Formatters): string {
  const x = t.signals.text;
  switch (s.code) {
    case 'voc_drop':
      return x.voc_drop(
        f.score(s.latest_mean),
        f.score(s.previous_mean),
        f.score(s.drop),
        f.date(s.latest_date),
      );
    case 'revenue_drop':
      return x.revenue_drop(
        f.money(s.revenue, { compact: true }),
        f.percent(s.drop),
        f.money(s.previous, { compact: true }),
      );
    case 'overdue_commitment': {
      const first = s.commitments[0]!;
      return x.overdue_commitment(s.commitments.length, s.max_days_overdue, first.description, s.threshold);
    }
    case 'champion_unreachable':
      return x.champion_unreachable(s.contacts.map((c) => c.name).join(', '));
    case 'no_recent_contact':
      return x.no_recent_contact(f.date(s.last_contact), s.days_since);
    case 'segment_down':
      return x.segment_down(...move(s, t.segment, f));
    case 'position_down':
      return x.position_down(...move(s, t.position, f));
    case 'loss_making_key':
      return x.loss_making_key(f.money(s.nopat));
  }
}

/** A move down between two quarters, as the sentence takes it: from, to, from period, to period. */
function move<K extends string>(
  s: { from: K; to: K; from_period: string; to_period: string },
  labels: Record<K, string>,
  f: Formatters,
): [string, string, string, string] {
  return [labels[s.from], labels[s.to], f.period(s.from_period), f.period(s.to_period)];
}

export function healthLabel(h: Health | null, t: Messages): string {
  return t.signals.health[h ?? 'none'];
}
