/** Plural forms chosen by the language's own rules (Intl.PluralRules), not by hand. */
export type PluralForms = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };

const rules = new Map<string, Intl.PluralRules>();

/** `n` with the form of the word its language needs: plural('ru', 3, { one: 'строка', few: 'строки', many: 'строк', other: 'строки' }). */
export function plural(locale: string, n: number, forms: PluralForms): string {
  let r = rules.get(locale);
  if (!r) rules.set(locale, (r = new Intl.PluralRules(locale)));
  return forms[r.select(n)] ?? forms.other;
}
