import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { en } from '../../../src/i18n/en.ts';
import { ru } from '../../../src/i18n/ru.ts';
import { countText, decodeEntities, excerptParts, sameName } from '../../../src/scripts/search-text.ts';

describe('countText', () => {
  it('uses the Russian plural forms', () => {
    const f = (n: number) => countText(ru.searchUi.results, n, 'ru');
    expect([1, 2, 3, 5, 11, 21, 22, 25, 111].map(f)).toEqual([
      '1 результат',
      '2 результата',
      '3 результата',
      '5 результатов',
      '11 результатов',
      '21 результат',
      '22 результата',
      '25 результатов',
      '111 результатов',
    ]);
  });

  it('uses the English plural forms', () => {
    expect([1, 2, 1200].map((n) => countText(en.searchUi.results, n, 'en'))).toEqual([
      '1 result',
      '2 results',
      '1,200 results',
    ]);
  });

  it('has a form for every plural category of each language', () => {
    for (const [forms, locale] of [
      [en.searchUi.results, 'en'],
      [ru.searchUi.results, 'ru'],
    ] as const)
      for (const cat of new Intl.PluralRules(locale).resolvedOptions().pluralCategories)
        expect(forms[cat], `${locale} ${cat}`).toContain('{n}');
  });
});

describe('excerptParts', () => {
  it('keeps the marks and turns escaped markup back into plain text, never into tags', () => {
    const parts = excerptParts(
      'Acme &lt;img src=x onerror=alert(1)&gt; <mark>steel</mark> &amp; &quot;co&#39;',
    );
    expect(parts).toEqual([
      { text: 'Acme <img src=x onerror=alert(1)> ', mark: false },
      { text: 'steel', mark: true },
      { text: ' & "co\'', mark: false },
    ]);
  });

  it('gives back the text of any excerpt exactly, whatever it holds', () => {
    const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.string(), fc.boolean())), (chunks) => {
        const excerpt = chunks.map(([t, m]) => (m ? `<mark>${escape(t)}</mark>` : escape(t))).join('');
        expect(
          excerptParts(excerpt)
            .map((p) => p.text)
            .join(''),
        ).toBe(chunks.map(([t]) => t).join(''));
      }),
    );
  });

  it('decodes numeric references above U+FFFF and leaves unknown ones alone', () => {
    expect(decodeEntities('&#128297; &#x1F529; &bogus; &#0;')).toBe('🔩 🔩 &bogus; &#0;');
  });
});

describe('sameName', () => {
  it('matches a client name whatever the case, quotes and spaces', () => {
    expect(sameName('ООО «Волгатехпром-Сервис»', 'ооо волгатехпром-сервис')).toBe(true);
    expect(sameName('Northwind Metals', '  northwind   metals ')).toBe(true);
    expect(sameName('Northwind Metals', 'Northwind')).toBe(false);
    expect(sameName('', '')).toBe(false);
  });
});
