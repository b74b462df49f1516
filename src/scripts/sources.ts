/**
 * The account page's source lists, filled when a figure is first opened: the rows come from the
 * account's sources export (`section[data-sources]`, one fetch per page) and are written as
 * text, never markup — file and sheet names are spreadsheet text.
 *
 * Markup contract: `<section data-sources="<json url>" data-row-word="row" data-failed="…">`
 * holding `<details data-figure="<key>">` whose `<ol>` receives one `<li><code>` per row.
 */
import { formatPlace, type RowPlace } from '../lib/place.ts';

for (const section of document.querySelectorAll<HTMLElement>('section[data-sources]')) {
  const url = section.dataset.sources ?? '';
  const rowWord = section.dataset.rowWord ?? 'row';
  let rows: Promise<Record<string, RowPlace[]>> | undefined;
  const load = () =>
    (rows ??= fetch(url).then((r) => {
      if (!r.ok) throw new Error(`${r.status}`);
      return r.json() as Promise<Record<string, RowPlace[]>>;
    }));

  for (const details of section.querySelectorAll<HTMLDetailsElement>('details[data-figure]')) {
    const list = details.querySelector('ol');
    if (!list) continue;
    details.addEventListener('toggle', () => {
      if (!details.open || list.childElementCount > 0) return;
      load().then(
        (all) => {
          if (list.childElementCount > 0) return;
          for (const place of all[details.dataset.figure ?? ''] ?? []) {
            const item = document.createElement('li');
            const code = document.createElement('code');
            code.textContent = formatPlace(place, rowWord);
            item.append(code);
            list.append(item);
          }
        },
        () => {
          const item = document.createElement('li');
          item.textContent = section.dataset.failed ?? '';
          list.replaceChildren(item);
        },
      );
    });
  }
}
