/** Findings in the reader's language: the domain gives a code and params, the UI a template. */
import type { Finding } from '../domain/types.ts';
import { formatMessage } from '../domain/findings.ts';
import type { Messages } from '../i18n/index.ts';
import type { Locale } from '../i18n/format.ts';

export function findingText(f: Finding, t: Messages, locale: Locale): string {
  if (locale === 'en') return f.message;
  const template = (t.findings as Record<string, string>)[f.code];
  return template ? formatMessage(template, f.params) : f.message;
}
