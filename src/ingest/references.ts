/**
 * Checks across rows and files: duplicate keys (naming both places) and references that do
 * not resolve (naming both ends). Rows failing either are left out of the data, and so are
 * rows that only point at a left-out row, so the data handed on is always consistent.
 */
import { DATASET_NAMES, DATASETS, type DatasetName } from '../schema/index.ts';
import { showCell } from './cells.ts';
import type { DataMessages, Msg } from './messages.ts';
import { datasetInfo } from './plan.ts';
import { formatPlace, type Problems, type Source } from './problems.ts';
import type { DatasetRows, SeenValues } from './validate.ts';

/** Where row `i` of `rows` is, short when it is in the same sheet as `here`. */
export function firstAt(rows: DatasetRows, i: number, here: Source): Msg {
  const src = rows.sources[i]!;
  const row = rows.rows[i]!;
  if (src === here || (src.file === here.file && src.sheet === here.sheet)) return (d) => d.row(row);
  return (d) => formatPlace({ file: src.file, sheet: src.sheet, row }, d);
}

/** A column as the sheet at `src` names it. */
function label(src: Source | undefined, column: string): string {
  return src?.columns?.get(column)?.label ?? column;
}

/** A dataset's name in the reader's language. */
const datasetName = (name: DatasetName) => (d: DataMessages) => d.named({ en: name, ru: DATASETS[name].ru });

/**
 * A key column's value as map key. A blank optional key cell (offerings `unit`) is a value of
 * its own; NUL cannot occur in cell text (control characters are stripped), so it never
 * collides with a written value.
 */
function keyText(v: unknown): string {
  return v === undefined ? '\u0000' : String(v);
}

function keep(rows: DatasetRows, mask: boolean[]): DatasetRows {
  const out: DatasetRows = { records: [], rows: [], sources: [], seen: rows.seen, invalid: rows.invalid };
  for (let i = 0; i < mask.length; i++) {
    if (!mask[i]) continue;
    out.records.push(rows.records[i]!);
    out.rows.push(rows.rows[i]!);
    out.sources.push(rows.sources[i]!);
  }
  return out;
}

/**
 * The first row with a key wins; every later one is an error naming the first. Composite
 * keys are looked up through one Map per key column: far cheaper than joined key strings
 * on half a million score rows.
 */
export function removeDuplicates(name: DatasetName, rows: DatasetRows, problems: Problems): DatasetRows {
  const key = DATASETS[name].key as readonly string[];
  const last = key.length - 1;
  const root = new Map<string, unknown>();
  const mask: boolean[] = new Array<boolean>(rows.records.length).fill(true);
  let dropped = false;
  for (let i = 0; i < rows.records.length; i++) {
    const rec = rows.records[i]!;
    let node = root;
    for (let j = 0; j < last; j++) {
      const v = keyText(rec[key[j]!]);
      let next = node.get(v) as Map<string, unknown> | undefined;
      if (next === undefined) node.set(v, (next = new Map()));
      node = next;
    }
    const v = keyText(rec[key[last]!]);
    const at = node.get(v) as number | undefined;
    if (at === undefined) {
      node.set(v, i);
      continue;
    }
    const src = rows.sources[i]!;
    const at1 = firstAt(rows, at, src);
    const message: Msg = (d) =>
      d.duplicate(
        d.list(
          key.map((c) =>
            d.keyPart(label(src, c), showCell(rec[c] === undefined ? undefined : String(rec[c]), d)),
          ),
        ),
        at1(d),
      );
    problems.error(message, src, rows.rows[i], key.length === 1 ? key[0] : undefined);
    mask[i] = false;
    dropped = true;
  }
  return dropped ? keep(rows, mask) : rows;
}

/** Datasets ordered so that every referenced dataset comes before the ones referring to it. */
function referenceOrder(): DatasetName[] {
  const order: DatasetName[] = [];
  const done = new Set<DatasetName>();
  const visit = (n: DatasetName, path: Set<DatasetName>) => {
    if (done.has(n) || path.has(n)) return;
    path.add(n);
    for (const c of datasetInfo(n).columns) if (c.ref) visit(c.ref.dataset, path);
    done.add(n);
    order.push(n);
  };
  for (const n of DATASET_NAMES) visit(n, new Set());
  return order;
}

const ORDER = referenceOrder();

/** A kam_id may point to any member; roles other than these are a warning (docs/DATA-FORMAT.md). */
const KAM_ROLES: ReadonlySet<string> = new Set(['kam', 'manager']);

/**
 * `unavailable`: datasets an unreadable file would have supplied. References into them are
 * not reported row by row (the file's own error is the one cause); the rows are still left out.
 */
export function checkReferences(
  all: Record<DatasetName, DatasetRows>,
  seen: SeenValues,
  problems: Problems,
  unavailable: ReadonlySet<DatasetName> = new Set(),
): void {
  const kept = new Map<string, Set<string>>();
  for (const name of ORDER) {
    const info = datasetInfo(name);
    const refs = info.columns.filter((c) => c.ref);
    const rows = all[name];
    if (refs.length > 0) {
      const mask: boolean[] = new Array<boolean>(rows.records.length).fill(true);
      let dropped = false;
      for (const col of refs) {
        const ref = col.ref!;
        const target = `${ref.dataset}.${ref.column}`;
        const seenSet = seen.get(target) ?? new Set<string>();
        const keptSet = kept.get(target) ?? new Set<string>();
        const silent = unavailable.has(ref.dataset);
        const what = dangling(ref.dataset, ref.column, seenSet.size === 0);
        for (let i = 0; i < rows.records.length; i++) {
          const v = rows.records[i]![col.name];
          if (typeof v !== 'string' || keptSet.has(v)) continue;
          mask[i] = false;
          dropped = true;
          // A value seen on a row that failed elsewhere is not reported again here.
          if (!silent && !seenSet.has(v)) problems.error(what(v), rows.sources[i], rows.rows[i], col.name);
        }
        // Rows that failed validation are not data, but a dangling reference on them is still reported.
        const bad = rows.invalid;
        for (let i = 0; i < bad.records.length && !silent; i++) {
          const v = bad.records[i]![col.name];
          if (typeof v === 'string' && !seenSet.has(v))
            problems.error(what(v), bad.sources[i], bad.rows[i], col.name);
        }
      }
      if (dropped) all[name] = keep(rows, mask);
    }
    for (const c of info.columns) {
      const t = `${name}.${c.name}`;
      if (seen.has(t)) kept.set(t, new Set(all[name].records.map((r) => String(r[c.name]))));
    }
  }
  warnKamRoles(all, problems);
  warnVisibleProfitability(all, problems);
}

/** `"m9" is not a member_id in team`: this end is the problem's place, the other end is named. */
function dangling(dataset: DatasetName, column: string, noRows: boolean): (value: string) => Msg {
  const name = datasetName(dataset);
  return (value) => (d) => (noRows ? d.danglingNoRows : d.dangling)(showCell(value, d), column, name(d));
}

function warnKamRoles(all: Record<DatasetName, DatasetRows>, problems: Problems): void {
  const roles = new Map<string, string>();
  for (const m of all.team.records) roles.set(String(m.member_id), String(m.role));
  const accounts = all.accounts;
  for (let i = 0; i < accounts.records.length; i++) {
    const kam = String(accounts.records[i]!.kam_id);
    const role = roles.get(kam);
    if (role !== undefined && !KAM_ROLES.has(role)) {
      problems.warning(
        (d) => d.kamRole(showCell(kam, d), role),
        accounts.sources[i],
        accounts.rows[i],
        'kam_id',
      );
    }
  }
}

/** Profitability figures are internal: such an objective never reaches the client's bundle. */
function warnVisibleProfitability(all: Record<DatasetName, DatasetRows>, problems: Problems): void {
  const objectives = all.objectives;
  for (let i = 0; i < objectives.records.length; i++) {
    const o = objectives.records[i]!;
    if (o.kind === 'profitability' && o.client_visible === true) {
      const id = String(o.objective_id);
      problems.warning(
        (d) => d.profitabilityVisible(showCell(id, d)),
        objectives.sources[i],
        objectives.rows[i],
        'client_visible',
      );
    }
  }
}
