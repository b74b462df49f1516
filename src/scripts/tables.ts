/**
 * Progressive enhancement for data tables: sortable columns, filters and a CSV export of the
 * rows currently shown. Without JavaScript the full table is still there.
 *
 * Markup contract:
 * - `<table data-table id="…">`; sortable headers `<th data-sort="number|text">`;
 *   cells may carry `data-value` (the raw sort/export value).
 * - rows `<tr data-filter-segment="key" … data-text="searchable text">`.
 * - a form `[data-filters-for="<table id>"]` with `select[name]` (matching `data-filter-<name>`)
 *   and `input[type=search]`; `[data-count-for]` shows the number of rows shown;
 *   `button[data-export-for]` downloads them as CSV (`data-filename`).
 * - `data-url-state` on the form keeps its filters in the query string as they change, so a
 *   filtered table can be bookmarked, shared and restored on reload or Back.
 */
import { toCsv, type CsvCell, type CsvColumn } from '../views/csv.ts';

function cellValue(td: Element | undefined): string {
  if (!td) return '';
  return (td as HTMLElement).dataset.value ?? td.textContent?.trim() ?? '';
}

function filterFields(form: HTMLFormElement) {
  return [...form.querySelectorAll<HTMLInputElement | HTMLSelectElement>('select, input[type=search]')];
}

function saveToUrl(form: HTMLFormElement) {
  const params = new URLSearchParams(location.search);
  for (const field of filterFields(form)) {
    const v = field.value.trim();
    if (v === '') params.delete(field.name);
    else params.set(field.name, v);
  }
  const query = params.toString();
  const url = `${location.pathname}${query ? `?${query}` : ''}${location.hash}`;
  if (url !== `${location.pathname}${location.search}${location.hash}`)
    history.replaceState(history.state, '', url);
}

function enhance(table: HTMLTableElement) {
  const tbody = table.tBodies[0];
  if (!tbody) return;
  const headers = [...(table.tHead?.rows[0]?.cells ?? [])];
  headers.forEach((th, col) => {
    const kind = th.dataset.sort;
    if (!kind) return;
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'sort';
    button.append(...th.childNodes);
    th.append(button);
    button.addEventListener('click', () => {
      const dir = th.getAttribute('aria-sort') === 'ascending' ? 'descending' : 'ascending';
      headers.forEach((h) => h.removeAttribute('aria-sort'));
      th.setAttribute('aria-sort', dir);
      const sign = dir === 'ascending' ? 1 : -1;
      const collator = new Intl.Collator(document.documentElement.lang, { numeric: true });
      const rows = [...tbody.rows];
      rows.sort((a, b) => {
        const va = cellValue(a.cells[col]);
        const vb = cellValue(b.cells[col]);
        if (kind === 'number') {
          // Blanks sort last in both directions.
          const na = va === '' ? NaN : Number(va);
          const nb = vb === '' ? NaN : Number(vb);
          if (Number.isNaN(na)) return Number.isNaN(nb) ? 0 : 1;
          if (Number.isNaN(nb)) return -1;
          return (na - nb) * sign;
        }
        return collator.compare(va, vb) * sign;
      });
      tbody.append(...rows);
    });
  });

  const form = document.querySelector<HTMLFormElement>(`[data-filters-for="${table.id}"]`);
  const counter = document.querySelector<HTMLElement>(`[data-count-for="${table.id}"]`);
  const apply = () => {
    if (!form) return;
    const selects = [...form.querySelectorAll('select')].filter((s) => s.value !== '');
    const query =
      form.querySelector<HTMLInputElement>('input[type=search]')?.value.trim().toLocaleLowerCase() ?? '';
    let shown = 0;
    for (const row of tbody.rows) {
      const ok =
        selects.every(
          (s) => row.dataset[`filter${s.name[0]!.toUpperCase()}${s.name.slice(1)}`] === s.value,
        ) &&
        (query === '' || (row.dataset.text ?? row.textContent ?? '').toLocaleLowerCase().includes(query));
      row.hidden = !ok;
      if (ok) shown += 1;
    }
    if (counter) counter.textContent = String(shown);
    if (form.hasAttribute('data-url-state')) saveToUrl(form);
  };
  form?.addEventListener('input', apply);
  form?.addEventListener('submit', (e) => e.preventDefault());
  form?.addEventListener('reset', () => setTimeout(apply));
  // Filters can come from the URL (?segment=key), so dashboard links open a filtered table.
  if (form?.hasAttribute('data-url-state')) {
    const params = new URLSearchParams(location.search);
    for (const field of filterFields(form)) {
      const v = params.get(field.name);
      // A value the drop-down does not offer (an old link) leaves the filter open.
      if (v !== null) field.value = v;
      if (field instanceof HTMLSelectElement && field.selectedIndex < 0) field.value = '';
    }
  }
  apply();

  const exporter = document.querySelector<HTMLButtonElement>(`button[data-export-for="${table.id}"]`);
  exporter?.addEventListener('click', () => {
    const columns: CsvColumn<CsvCell[]>[] = headers.map((h, i) => ({
      header: h.dataset.csv ?? h.textContent?.trim() ?? '',
      value: (row) => row[i],
    }));
    const rows = [...tbody.rows]
      .filter((r) => !r.hidden)
      .map((r) =>
        headers.map((h, i): CsvCell => {
          const v = cellValue(r.cells[i]);
          return h.dataset.sort === 'number' && v !== '' ? Number(v) : v;
        }),
      );
    const csv = toCsv(columns, rows);
    const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = exporter.dataset.filename ?? 'export.csv';
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  });
}

for (const table of document.querySelectorAll<HTMLTableElement>('table[data-table]')) enhance(table);
