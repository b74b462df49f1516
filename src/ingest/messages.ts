/**
 * Messages about the data come from the `data` group of the UI catalogue (src/i18n), so
 * check-data, the build and the portal speak the same language. A message is kept as a
 * function of that group until the data's locale is known (the settings sheet may be read
 * last), then rendered once.
 */
import { en } from '../i18n/en.ts';
import { messages, type Locale, type Messages } from '../i18n/index.ts';

export type DataMessages = Messages['data'];
export type Msg = (d: DataMessages) => string;

export function dataMessages(locale: Locale = 'en'): DataMessages {
  return messages(locale).data;
}

export const EN: DataMessages = en.data;
