import { en, type Messages } from './en.ts';
import { ru } from './ru.ts';
import { LOCALES, type Locale } from '../schema/concepts.ts';

export type { Messages, Locale };
export { LOCALES };

export function messages(locale: Locale): Messages {
  return locale === 'ru' ? ru : en;
}
