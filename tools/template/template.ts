/**
 * The empty, documented template workbook (`npm run template`): a README sheet, then one
 * sheet per dataset with its header row, notes and drop-down lists, in English or Russian.
 * Every sheet name, column, alias, enum label, default and range comes from the schema
 * registry; nothing is restated here, and the fixed wording lives in src/i18n.
 *
 * ExcelJS writes it because the SheetJS community build cannot write data validation.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import ExcelJS from 'exceljs';
import type { ZodType } from 'zod';
import { columnMeta, isRequired, type CellKind, type ColumnMeta } from '../../src/schema/columns.ts';
import { DATASETS, DATASET_NAMES, type DatasetName } from '../../src/schema/datasets.ts';
import { SETTING_KEYS, settingsSchema } from '../../src/schema/settings.ts';
import { pinZipTimestamps } from '../demo/zip.ts';
import { messages, type Locale, type Messages } from '../../src/i18n/index.ts';

export type TemplateLocale = Locale;

export const TEMPLATE_PATH = 'templates/kam-template.xlsx';

/** Where `npm run template` writes each language's workbook. */
export function templatePath(locale: TemplateLocale = 'en'): string {
  return locale === 'en' ? TEMPLATE_PATH : `templates/kam-template.${locale}.xlsx`;
}

/** Rows 2..LAST_ROW of each dataset sheet carry the validation lists. */
export const LAST_ROW = 1000;

/** Fixed document dates, so the same schema always gives the same file. */
const FIXED_DATE = new Date(Date.UTC(2026, 0, 1));

/** Excel's limit for a list typed into a validation rule; longer ones go to the hidden lists sheet. */
const INLINE_LIST_MAX = 255;

type Text = Messages['template'];

/** The README's column headings in the English template (the tests read them). */
export const README_COLUMNS = readmeColumns(messages('en').template);

export const SETTINGS_COLUMNS = settingsColumns(messages('en').template);

function readmeColumns(t: Text): string[] {
  const c = t.columns;
  return [
    c.dataset,
    c.otherName,
    c.column,
    c.aliases,
    c.required,
    c.type,
    c.description,
    c.default,
    c.allowed,
    c.ref,
  ];
}

function settingsColumns(t: Text): string[] {
  const c = t.columns;
  return [t.settingsKey, c.type, c.description, c.default, c.allowed];
}

interface ColumnDoc {
  name: string;
  meta: ColumnMeta;
  required: boolean;
  type: ZodType;
}

export function datasetColumns(dataset: DatasetName): ColumnDoc[] {
  const shape = DATASETS[dataset].schema.shape as Record<string, ZodType>;
  return Object.entries(shape).map(([name, type]) => ({
    name,
    type,
    meta: columnMeta(type),
    required: isRequired(type),
  }));
}

/**
 * The names a template in this language shows, all from the schema registry: a dataset's
 * sheet name, a column's header (its first Russian alias), an enum value's label.
 */
export function localNames(locale: TemplateLocale) {
  const ru = locale === 'ru';
  return {
    sheet: (dataset: DatasetName): string => (ru ? DATASETS[dataset].ru : dataset),
    /** The dataset's name in the other language. */
    otherSheet: (dataset: DatasetName): string => (ru ? dataset : DATASETS[dataset].ru),
    header: (col: { name: string; meta: ColumnMeta }): string =>
      ru ? (col.meta.ru[0] ?? col.name) : col.name,
    /** The names a header also answers to, besides the one the template shows. */
    aliases: (col: { name: string; meta: ColumnMeta }): string[] =>
      ru ? [col.name, ...col.meta.ru.slice(1)] : [...col.meta.ru],
    value: (meta: ColumnMeta, v: string): string => (ru ? (meta.labelsRu?.[v] ?? v) : v),
  };
}

type Names = ReturnType<typeof localNames>;

/** "kam (менеджер KAM), …", "1 – 5", "≥ 0", "yes, no" … for the README and the notes. */
function allowedText(meta: ColumnMeta, type: ZodType, t: Text, names: Names): string {
  if (meta.kind === 'enum' && meta.values) {
    return meta.values
      .map((v) => {
        const shown = names.value(meta, v);
        const other = shown === v ? meta.labelsRu?.[v] : v;
        return other && other !== shown ? `${shown} (${other})` : shown;
      })
      .join(', ');
  }
  if (meta.kind === 'bool') return t.boolAllowed;
  const { min, max } = meta;
  const low = min !== undefined && exclusiveMin(type, min) ? `> ${min}` : `≥ ${min}`;
  if (min !== undefined && max !== undefined)
    return exclusiveMin(type, min) ? `${low} ${t.and} ≤ ${max}` : `${min} – ${max}`;
  if (min !== undefined) return low;
  if (max !== undefined) return `≤ ${max}`;
  return '';
}

/** A lower bound is exclusive when the bound itself fails the zod type (weight > 0). */
function exclusiveMin(type: ZodType, min: number): boolean {
  return !type.safeParse(min).success;
}

function defaultText(meta: ColumnMeta, t: Text, names: Names): string {
  if (meta.defaultValue === undefined) return '';
  if (typeof meta.defaultValue === 'boolean') return meta.defaultValue ? t.yes : t.no;
  if (meta.kind === 'enum') return names.value(meta, String(meta.defaultValue));
  return String(meta.defaultValue);
}

/** `dataset.column` as this language names them: `команда.сотрудник_id`. */
function refText(ref: string, names: Names): string {
  const [dataset, column] = ref.split('.') as [DatasetName, string];
  const col = datasetColumns(dataset).find((c) => c.name === column);
  return `${names.sheet(dataset)}.${col ? names.header(col) : column}`;
}

/**
 * Drop-down lists: typed into the rule when they fit (and hold no comma, Excel's separator),
 * else kept as a column of the hidden lists sheet, which the reader skips.
 */
class Lists {
  readonly columns: string[][] = [];
  private readonly sheetName: string;
  constructor(sheetName: string) {
    this.sheetName = sheetName;
  }

  formula(values: readonly string[]): string {
    const inline = values.join(',');
    if (inline.length <= INLINE_LIST_MAX && !values.some((v) => v.includes(',') || v.includes('"')))
      return `"${inline}"`;
    this.columns.push([...values]);
    const letter = columnLetter(this.columns.length);
    return `'${this.sheetName.replace(/'/g, "''")}'!$${letter}$1:$${letter}$${values.length}`;
  }

  addSheet(wb: ExcelJS.Workbook): void {
    if (this.columns.length === 0) return;
    const ws = wb.addWorksheet(this.sheetName, { state: 'hidden' });
    this.columns.forEach((values, c) => {
      values.forEach((v, r) => {
        ws.getCell(r + 1, c + 1).value = v;
      });
    });
  }
}

function columnLetter(n: number): string {
  let s = '';
  for (let k = n; k > 0; k = Math.floor((k - 1) / 26)) s = String.fromCharCode(65 + ((k - 1) % 26)) + s;
  return s;
}

interface Context {
  t: Text;
  names: Names;
  lists: Lists;
}

function validationFor(col: ColumnDoc, header: string, ctx: Context): ExcelJS.DataValidation | undefined {
  const { meta, type } = col;
  const { t, names, lists } = ctx;
  // Warnings, not hard stops: the reader also accepts the other language's labels, yes/no
  // synonyms and numbers typed as text, which a strict list or range check would refuse.
  const common = {
    allowBlank: true,
    showErrorMessage: true,
    errorStyle: 'warning' as const,
    errorTitle: header,
  };
  const list = (values: readonly string[]): ExcelJS.DataValidation => ({
    ...common,
    type: 'list',
    formulae: [lists.formula(values)],
    error: t.useOneOf(values.join(', ')),
  });
  if (meta.kind === 'enum' && meta.values) return list(meta.values.map((v) => names.value(meta, v)));
  if (meta.kind === 'bool') return list([t.yes, t.no]);
  if (
    (meta.kind === 'number' || meta.kind === 'money' || meta.kind === 'integer') &&
    (meta.min !== undefined || meta.max !== undefined)
  ) {
    const kind = meta.kind === 'integer' ? 'whole' : 'decimal';
    const range = allowedText(meta, type, t, names);
    const error = meta.kind === 'integer' ? t.enterWhole(range) : t.enterNumber(range);
    if (meta.min !== undefined && meta.max !== undefined) {
      return { ...common, type: kind, operator: 'between', formulae: [meta.min, meta.max], error };
    }
    if (meta.min !== undefined) {
      const operator = exclusiveMin(type, meta.min) ? 'greaterThan' : 'greaterThanOrEqual';
      return { ...common, type: kind, operator, formulae: [meta.min], error };
    }
    return { ...common, type: kind, operator: 'lessThanOrEqual', formulae: [meta.max], error };
  }
  return undefined;
}

function width(col: ColumnDoc, header: string): number {
  const byKind: Partial<Record<CellKind, number>> = { date: 12, text: 28, money: 14, period: 10, enum: 16 };
  return Math.max(header.length + 4, byKind[col.meta.kind] ?? 10);
}

function addReadme(wb: ExcelJS.Workbook, ctx: Context): void {
  const { t, names } = ctx;
  const ws = wb.addWorksheet('README');
  ws.getCell('A1').value = t.title;
  ws.getCell('A1').font = { bold: true, size: 14 };
  t.intro.forEach((line, k) => {
    ws.getCell(k + 2, 1).value = line;
  });

  let r = t.intro.length + 3;
  const header = ws.getRow(r);
  readmeColumns(t).forEach((h, c) => {
    header.getCell(c + 1).value = h;
  });
  header.font = { bold: true };
  r++;
  for (const dataset of DATASET_NAMES) {
    const def = DATASETS[dataset];
    const sheet = names.sheet(dataset);
    const other = names.otherSheet(dataset);
    const head = ws.getRow(r++);
    head.values = [sheet, other, '', '', '', t.sheetRow, def.doc];
    head.font = { bold: true };
    for (const col of datasetColumns(dataset)) {
      ws.getRow(r++).values = [
        sheet,
        other,
        names.header(col),
        names.aliases(col).join(', '),
        col.required ? t.yes : t.no,
        t.kind[col.meta.kind],
        col.meta.doc,
        defaultText(col.meta, t, names),
        allowedText(col.meta, col.type, t, names),
        col.meta.ref ? refText(col.meta.ref, names) : '',
      ];
    }
  }

  r++;
  ws.getCell(r, 1).value = t.settingsTitle;
  ws.getCell(r, 1).font = { bold: true, size: 12 };
  r++;
  const sHead = ws.getRow(r++);
  settingsColumns(t).forEach((h, c) => {
    sHead.getCell(c + 1).value = h;
  });
  sHead.font = { bold: true };
  const shape = settingsSchema.shape as Record<string, ZodType>;
  for (const key of SETTING_KEYS) {
    const type = shape[key] as ZodType;
    const meta = columnMeta(type);
    ws.getRow(r++).values = [
      key,
      t.kind[meta.kind],
      meta.doc,
      defaultText(meta, t, names),
      allowedText(meta, type, t, names),
    ];
  }

  const widths = [16, 18, 26, 34, 9, 30, 70, 10, 60, 22];
  widths.forEach((w, c) => {
    ws.getColumn(c + 1).width = w;
  });
  ws.getColumn(7).alignment = { wrapText: true, vertical: 'top' };
  ws.getColumn(9).alignment = { wrapText: true, vertical: 'top' };
  ws.views = [{ state: 'frozen', ySplit: 0, xSplit: 0 }];
}

function addDatasetSheet(wb: ExcelJS.Workbook, dataset: DatasetName, ctx: Context): void {
  const { t, names } = ctx;
  const ws = wb.addWorksheet(names.sheet(dataset), { views: [{ state: 'frozen', ySplit: 1 }] });
  const columns = datasetColumns(dataset);
  columns.forEach((col, c) => {
    const header = names.header(col);
    const column = ws.getColumn(c + 1);
    column.width = width(col, header);
    // Text format keeps ids like 00123 and periods like 2026-01 from being turned into numbers
    // or dates by Excel; dates display as ISO.
    if (col.meta.kind === 'id' || col.meta.kind === 'text' || col.meta.kind === 'period') column.numFmt = '@';
    if (col.meta.kind === 'date') column.numFmt = 'yyyy-mm-dd';

    const cell = ws.getCell(1, c + 1);
    cell.value = header;
    cell.font = { bold: true };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF4' } };
    const notes = [col.meta.doc, col.required ? t.required : t.optional];
    const allowed = allowedText(col.meta, col.type, t, names);
    if (allowed) notes.push(t.allowedNote(allowed));
    const def = defaultText(col.meta, t, names);
    if (def) notes.push(t.defaultNote(def));
    if (col.meta.ref) notes.push(t.refNote(refText(col.meta.ref, names)));
    const aliases = names.aliases(col);
    if (aliases.length) notes.push(t.aliasNote(aliases.join(', ')));
    cell.note = notes.join(' ');

    let validation = validationFor(col, header, ctx);
    // The settings sheet's keys are a closed set too: offer them as a list.
    if (dataset === 'settings' && col.name === 'key') {
      validation = {
        type: 'list',
        allowBlank: true,
        showErrorMessage: true,
        errorStyle: 'warning',
        errorTitle: header,
        formulae: [ctx.lists.formula(SETTING_KEYS)],
        error: t.unknownKey,
      };
    }
    if (validation) {
      const letter = column.letter;
      rangeValidations(ws).add(`${letter}2:${letter}${LAST_ROW}`, validation);
    }
  });
}

/**
 * ExcelJS keeps a worksheet's validations in `dataValidations`, keyed by address or range;
 * its typings only expose the per-cell setter, which would create 999 empty cells per column.
 */
function rangeValidations(ws: ExcelJS.Worksheet): { add(range: string, v: ExcelJS.DataValidation): void } {
  return (ws as unknown as { dataValidations: { add(range: string, v: ExcelJS.DataValidation): void } })
    .dataValidations;
}

/** The template workbook as bytes (deterministic: fixed dates and zip timestamps). */
export async function buildTemplate(locale: TemplateLocale = 'en'): Promise<Uint8Array> {
  const t = messages(locale).template;
  const ctx: Context = { t, names: localNames(locale), lists: new Lists(t.listsSheet) };
  const wb = new ExcelJS.Workbook();
  wb.creator = 'KAM portal';
  wb.lastModifiedBy = 'KAM portal';
  wb.created = FIXED_DATE;
  wb.modified = FIXED_DATE;
  addReadme(wb, ctx);
  for (const dataset of DATASET_NAMES) addDatasetSheet(wb, dataset, ctx);
  ctx.lists.addSheet(wb);
  const buffer = await wb.xlsx.writeBuffer();
  return pinZipTimestamps(new Uint8Array(buffer as ArrayBuffer));
}

export async function writeTemplate(
  path: string = TEMPLATE_PATH,
  locale: TemplateLocale = 'en',
): Promise<string> {
  const bytes = await buildTemplate(locale);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, bytes);
  return path;
}
