/**
 * The search page over Pagefind's JS API. Everything the index returns is spreadsheet text
 * (names, industries, regions), so every node is built with DOM APIs and `textContent`; no
 * index data ever goes through innerHTML (Pagefind's own UI inserts filter values as HTML).
 *
 * Markup contract (src/pages/search/index.astro): `form#search` with `data-bundle` (the
 * Pagefind folder), `data-other-lang`, `data-strings` (JSON, see `Strings`), an
 * `input[type=search]`, `[data-facets]`, `[data-status]`, `[data-results]`, `[data-more]`.
 */
import { countText, excerptParts, sameName } from './search-text.ts';

interface Strings {
  /** Facet key → its name in the UI language. */
  facets: Record<string, string>;
  /** Page type code (`account`, `member`, `playbook`) → its label. */
  types: Record<string, string>;
  /** Plural category (Intl.PluralRules) → "{n} results". */
  results: Record<string, string>;
  /** "Nothing found for {q}". */
  zero: string;
  /** No query, and nothing has the ticked filter values. */
  zeroFiltered: string;
  failed: string;
}

interface SubResult {
  title: string;
  url: string;
  excerpt: string;
}
interface ResultData {
  url: string;
  excerpt: string;
  meta: Record<string, string | undefined>;
  filters: Record<string, string[] | undefined>;
  sub_results?: SubResult[];
}
interface Result {
  id: string;
  data(): Promise<ResultData>;
}
type Counts = Record<string, Record<string, number>>;
interface SearchResponse {
  results: Result[];
  filters: Counts;
}
type Filters = Record<string, unknown>;
interface Pagefind {
  options(o: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  mergeIndex(url: string, o: Record<string, unknown>): Promise<void>;
  filters(): Promise<Counts>;
  search(q: string | null, o: { filters: Filters }): Promise<SearchResponse>;
  debouncedSearch(q: string | null, o: { filters: Filters }, ms?: number): Promise<SearchResponse | null>;
}

/** The facets people filter by, in this order; other filter keys (type, origin) stay internal. */
const FACETS = ['segment', 'manager', 'industry', 'region'] as const;
const PAGE = 10;
/** Filter key Pagefind adds to every page of the other language's index (mergeFilter). */
const ORIGIN = 'origin';

const form = document.querySelector<HTMLFormElement>('form#search');
if (form) void start(form);

async function start(form: HTMLFormElement) {
  const strings = JSON.parse(form.dataset.strings ?? '{}') as Strings;
  const lang = document.documentElement.lang || 'en';
  const collator = new Intl.Collator(lang, { numeric: true, sensitivity: 'base' });
  const input = form.querySelector<HTMLInputElement>('input[type=search]')!;
  const facetsBox = form.querySelector<HTMLElement>('[data-facets]')!;
  const status = document.querySelector<HTMLElement>('[data-status]')!;
  const list = document.querySelector<HTMLOListElement>('[data-results]')!;
  const more = document.querySelector<HTMLButtonElement>('[data-more]')!;

  const bundlePath = form.dataset.bundle ?? '/pagefind/';
  let pagefind: Pagefind;
  try {
    // Generated into dist/pagefind/ after the Astro build, so loaded at run time, not bundled.
    pagefind = (await import(/* @vite-ignore */ `${bundlePath}pagefind.js`)) as Pagefind;
    await pagefind.options({ bundlePath });
    // The other language's index holds pages written only in that language; pages that exist
    // in both (playbooks) are searched in the portal's language only, see `scope()`.
    const other = form.dataset.otherLang;
    // (As an absolute URL: Pagefind skips a merge path that prefixes its own base path.)
    const absolute = new URL(bundlePath, location.href).href;
    if (other) await pagefind.mergeIndex(absolute, { language: other, mergeFilter: { [ORIGIN]: 'other' } });
    await pagefind.init();
  } catch {
    status.textContent = strings.failed;
    return;
  }

  const selected = new Map<string, Set<string>>(FACETS.map((f) => [f, new Set<string>()]));
  const countNodes = new Map<string, HTMLElement>();
  buildFacets(await pagefind.filters());

  let shown: Result[] = [];
  let rendered = 0;
  let query = '';
  let generation = 0;

  /** The facets as fieldsets of checkboxes, values sorted as people read them. */
  function buildFacets(all: Counts) {
    facetsBox.replaceChildren();
    for (const facet of FACETS) {
      const values = Object.keys(all[facet] ?? {}).sort(collator.compare);
      if (!values.length) continue;
      const fieldset = el('fieldset', 'search-facet');
      fieldset.append(el('legend', '', strings.facets[facet] ?? facet));
      for (const value of values) {
        const label = el('label');
        const box = document.createElement('input');
        box.type = 'checkbox';
        box.name = facet;
        box.value = value;
        box.addEventListener('change', () => {
          const set = selected.get(facet)!;
          if (box.checked) set.add(value);
          else set.delete(value);
          void run(false);
        });
        const count = el('span', 'search-count');
        countNodes.set(`${facet}\u0000${value}`, count);
        label.append(box, ' ', el('span', '', value), ' ', count);
        fieldset.append(label);
      }
      facetsBox.append(fieldset);
    }
    updateCounts(all);
  }

  function updateCounts(counts: Counts) {
    for (const [key, node] of countNodes) {
      const [facet, value] = key.split('\u0000') as [string, string];
      node.textContent = `(${counts[facet]?.[value] ?? 0})`;
    }
  }

  /** The user's facets (any of the ticked values within a facet, all facets together) and the language scope. */
  function scope(): Filters {
    const filters: Filters = {};
    for (const [facet, set] of selected) if (set.size) filters[facet] = { any: [...set] };
    // From the other language's index only what has no translation: a Russian word must not
    // pull Russian playbook sections into the English portal.
    filters.not = { [ORIGIN]: 'other', type: 'playbook' };
    return filters;
  }

  async function run(debounce: boolean) {
    const mine = ++generation;
    query = input.value.trim();
    const url = new URL(location.href);
    if (query) url.searchParams.set('q', query);
    else url.searchParams.delete('q');
    history.replaceState(null, '', url);
    const anyFacet = [...selected.values()].some((s) => s.size);
    if (!query && !anyFacet) {
      list.replaceChildren();
      more.hidden = true;
      status.textContent = '';
      updateCounts(await pagefind.filters());
      return;
    }
    const options = { filters: scope() };
    const response = debounce
      ? await pagefind.debouncedSearch(query || null, options, 250)
      : await pagefind.search(query || null, options);
    if (!response || mine !== generation) return; // a newer search superseded this one
    updateCounts(response.filters);
    shown = await exactFirst(response.results);
    if (mine !== generation) return;
    rendered = 0;
    list.replaceChildren();
    await renderMore(mine);
    const n = shown.length;
    status.textContent = n
      ? countText(strings.results, n, lang)
      : query
        ? strings.zero.replace('{q}', query)
        : strings.zeroFiltered;
  }

  /** A result whose title is exactly the query (a client's name) comes first. */
  async function exactFirst(results: Result[]): Promise<Result[]> {
    if (!query) return results;
    const head = results.slice(0, 2 * PAGE);
    const titles = await Promise.all(head.map(async (r) => (await r.data()).meta.title ?? ''));
    const exact = head.filter((_, i) => sameName(titles[i]!, query));
    return [...exact, ...results.filter((r) => !exact.includes(r))];
  }

  async function renderMore(mine: number) {
    const next = shown.slice(rendered, rendered + PAGE);
    const items = await Promise.all(next.map(async (r) => item(await r.data())));
    if (mine !== generation) return;
    list.append(...items);
    rendered += next.length;
    more.hidden = rendered >= shown.length;
  }

  function item(d: ResultData): HTMLLIElement {
    const li = el('li', 'search-result');
    const head = el('p', 'search-result-head');
    const link = el('a', '', d.meta.title || d.url);
    link.setAttribute('href', d.url);
    head.append(link);
    const type = d.filters.type?.[0];
    if (type) head.append(' ', el('span', 'badge', strings.types[type] ?? type));
    li.append(head);
    const excerpt = el('p', 'search-excerpt');
    for (const part of excerptParts(d.excerpt))
      excerpt.append(part.mark ? el('mark', '', part.text) : part.text);
    li.append(excerpt);
    // Playbook sections that matched, each a link to its heading (an account's headings are
    // the same on every account page: noise).
    const subs = type === 'playbook' ? (d.sub_results ?? []).filter((s) => s.url !== d.url).slice(0, 3) : [];
    if (subs.length) {
      const ul = el('ul', 'search-sub');
      for (const s of subs) {
        const a = el('a', '', s.title);
        a.setAttribute('href', s.url);
        const sli = el('li');
        sli.append(a);
        ul.append(sli);
      }
      li.append(ul);
    }
    return li;
  }

  more.addEventListener('click', () => {
    const first = rendered;
    void renderMore(generation).then(() => list.children[first]?.querySelector('a')?.focus());
  });
  input.addEventListener('input', () => void run(true));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    void run(false);
  });

  const q = new URLSearchParams(location.search).get('q');
  if (q) {
    input.value = q;
    void run(false);
  }
}

function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  className = '',
  text?: string,
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}
