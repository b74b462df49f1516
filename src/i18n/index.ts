import { en, type BundleMessages, type Messages, type PlaybookStrings } from './en.ts';
import { ru } from './ru.ts';
import { LOCALES, type Locale } from '../schema/concepts.ts';

export type { BundleMessages, Messages, Locale, PlaybookStrings };
export { LOCALES };

/** The message catalogue of a locale: UI, findings, data messages, playbooks, bundle words. */
export function messages(locale: Locale): Messages {
  return locale === 'ru' ? ru : en;
}

/**
 * Only the client bundle's words: bundle code gets this group and never the whole catalogue,
 * so the internal words cannot reach a client's dossier (eslint.config.js holds src/share to it).
 */
export function bundleMessages(locale: Locale): BundleMessages {
  return messages(locale).bundle;
}
