/** The text logic of the search page, free of the DOM so it can be tested on its own. */

/** "{n} results" in the right plural form of the UI language (Intl.PluralRules categories). */
export function countText(forms: Record<string, string>, n: number, locale: string): string {
  const form = forms[new Intl.PluralRules(locale).select(n)] ?? forms.other ?? '{n}';
  return form.replace('{n}', new Intl.NumberFormat(locale).format(n));
}

/**
 * Pagefind's excerpt is escaped page text with `<mark>` around the matched words. Split it
 * into plain-text parts (entities decoded) and whether each is marked, so the page can build
 * text nodes and mark elements from it without ever parsing it as HTML.
 */
export function excerptParts(excerpt: string): { text: string; mark: boolean }[] {
  const parts: { text: string; mark: boolean }[] = [];
  let mark = false;
  for (const part of excerpt.split(/(<\/?mark>)/)) {
    if (part === '<mark>') mark = true;
    else if (part === '</mark>') mark = false;
    else if (part) parts.push({ text: decodeEntities(part), mark });
  }
  return parts;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

export function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name.startsWith('#')) {
      const hex = name[1] === 'x' || name[1] === 'X';
      const code = hex ? parseInt(name.slice(2), 16) : Number(name.slice(1));
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

/** Whether a page title is what was typed: a client's name, whatever the case, quotes and spacing. */
export function sameName(title: string, query: string): boolean {
  const norm = (s: string) =>
    s
      .toLocaleLowerCase()
      .replace(/[«»"'“”„]/g, '')
      .replace(/\s+/g, ' ')
      .trim();
  return norm(title) !== '' && norm(title) === norm(query);
}
