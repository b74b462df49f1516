import { en, type Messages } from './en.ts';
import { ru } from './ru.ts';
import type { Locale } from './format.ts';

export type { Messages, Locale };
export const LOCALES: readonly Locale[] = ['en', 'ru'];

export function messages(locale: Locale): Messages {
  return locale === 'ru' ? ru : en;
}
