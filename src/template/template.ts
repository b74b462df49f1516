/**
 * The empty, documented template workbook (SPEC §1 `npm run template`): a README sheet, then
 * one sheet per dataset with its header row, notes and drop-down lists. Every column, alias,
 * default and range comes from the schema registry; nothing is restated here.
 *
 * ExcelJS writes it because the SheetJS community build cannot write data validation.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import ExcelJS from 'exceljs';
import type { ZodType } from 'zod';
import { columnMeta, isRequired, type CellKind, type ColumnMeta } from '../schema/columns.ts';
import { DATASETS, DATASET_NAMES, type DatasetName } from '../schema/datasets.ts';
import { SETTING_KEYS, settingsSchema } from '../schema/settings.ts';
import { pinZipTimestamps } from '../demo/zip.ts';

export const TEMPLATE_PATH = 'templates/kam-template.xlsx';

/** Rows 2..LAST_ROW of each dataset sheet carry the validation lists. */
export const LAST_ROW = 1000;

/** Fixed document dates, so the same schema always gives the same file. */
const FIXED_DATE = new Date(Date.UTC(2026, 0, 1));

const KIND_LABEL: Record<CellKind, string> = {
  id: 'id (text)',
  text: 'text',
  number: 'number',
  integer: 'whole number',
  money: 'money (settings currency)',
  date: 'date (date cell or YYYY-MM-DD, DD.MM.YYYY, DD/MM/YYYY)',
  bool: 'yes/no',
  period: 'period (YYYY, YYYY-Qn or YYYY-MM)',
  enum: 'one of a list',
};

const BOOL_VALUES = ['yes', 'no'];

export const README_COLUMNS = [
  'dataset',
  'sheet (Russian name)',
  'column',
  'Russian aliases',
  'required',
  'type',
  'description',
  'default',
  'allowed values / range',
  'refers to',
] as const;

export const SETTINGS_COLUMNS = ['key', 'type', 'description', 'default', 'allowed values / range'] as const;

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

/** "kam (менеджер KAM), …", "1 – 5", "≥ 0", "yes, no" … for the README. */
function allowedText(meta: ColumnMeta, type: ZodType): string {
  if (meta.kind === 'enum' && meta.values) {
    return meta.values.map((v) => (meta.labelsRu?.[v] ? `${v} (${meta.labelsRu[v]})` : v)).join(', ');
  }
  if (meta.kind === 'bool') return 'yes, no (also да/нет, true/false, 1/0, y/n, x/empty)';
  const { min, max } = meta;
  const low = min !== undefined && exclusiveMin(type, min) ? `> ${min}` : `≥ ${min}`;
  if (min !== undefined && max !== undefined)
    return exclusiveMin(type, min) ? `${low} and ≤ ${max}` : `${min} – ${max}`;
  if (min !== undefined) return low;
  if (max !== undefined) return `≤ ${max}`;
  return '';
}

/** A lower bound is exclusive when the bound itself fails the zod type (weight > 0). */
function exclusiveMin(type: ZodType, min: number): boolean {
  return !type.safeParse(min).success;
}

function defaultText(meta: ColumnMeta): string {
  if (meta.defaultValue === undefined) return '';
  if (typeof meta.defaultValue === 'boolean') return meta.defaultValue ? 'yes' : 'no';
  return String(meta.defaultValue);
}

function validationFor(col: ColumnDoc): ExcelJS.DataValidation | undefined {
  const { meta, type } = col;
  // Warnings, not hard stops: the reader also accepts Russian labels, yes/no synonyms and
  // numbers typed as text, which a strict list or range check would refuse.
  const common = {
    allowBlank: true,
    showErrorMessage: true,
    errorStyle: 'warning' as const,
    errorTitle: col.name,
  };
  const list = (values: readonly string[]): ExcelJS.DataValidation => {
    const formula = `"${values.join(',')}"`;
    if (formula.length > 257) throw new Error(`${col.name}: the list of values is too long for a drop-down`);
    return { ...common, type: 'list', formulae: [formula], error: `Use one of: ${values.join(', ')}` };
  };
  if (meta.kind === 'enum' && meta.values) return list(meta.values);
  if (meta.kind === 'bool') return list(BOOL_VALUES);
  if (
    (meta.kind === 'number' || meta.kind === 'money' || meta.kind === 'integer') &&
    (meta.min !== undefined || meta.max !== undefined)
  ) {
    const kind = meta.kind === 'integer' ? 'whole' : 'decimal';
    const error = `Enter ${meta.kind === 'integer' ? 'a whole number' : 'a number'} ${allowedText(meta, type)}`;
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

function width(col: ColumnDoc): number {
  const byKind: Partial<Record<CellKind, number>> = { date: 12, text: 28, money: 14, period: 10, enum: 16 };
  return Math.max(col.name.length + 4, byKind[col.meta.kind] ?? 10);
}

function addReadme(wb: ExcelJS.Workbook): void {
  const ws = wb.addWorksheet('README');
  ws.getCell('A1').value = 'KAM portal — data template';
  ws.getCell('A1').font = { bold: true, size: 14 };
  const intro = [
    'Fill in one sheet per dataset and keep its header row. A sheet may also carry the Russian name below, and several files may feed one dataset (e.g. financials-2025.xlsx and financials-2026.xlsx, each with a sheet "financials").',
    'Headers match the column name or one of its Russian aliases (case, spaces, "-" and "_" are ignored). Required columns must be filled on every row; a blank optional cell takes its default.',
    'Numbers may be typed as 1 234,56 or 1,234.56; 12% means 0.12. Dates: a date cell, YYYY-MM-DD, DD.MM.YYYY or DD/MM/YYYY (day first). Periods: YYYY, YYYY-Qn or YYYY-MM.',
    'The drop-down lists offer the English values; the Russian labels listed below are accepted too. Values that break a list or range only raise a warning here: run npm run check-data for the full check.',
    'Save the workbook in the data/ folder and run npm run check-data, then npm run build.',
  ];
  intro.forEach((line, k) => {
    ws.getCell(k + 2, 1).value = line;
  });

  let r = intro.length + 3;
  const header = ws.getRow(r);
  README_COLUMNS.forEach((h, c) => {
    header.getCell(c + 1).value = h;
  });
  header.font = { bold: true };
  r++;
  for (const dataset of DATASET_NAMES) {
    const def = DATASETS[dataset];
    const head = ws.getRow(r++);
    head.values = [dataset, def.ru, '', '', '', 'sheet', def.doc];
    head.font = { bold: true };
    for (const col of datasetColumns(dataset)) {
      ws.getRow(r++).values = [
        dataset,
        def.ru,
        col.name,
        col.meta.ru.join(', '),
        col.required ? 'yes' : 'no',
        KIND_LABEL[col.meta.kind],
        col.meta.doc,
        defaultText(col.meta),
        allowedText(col.meta, col.type),
        col.meta.ref ?? '',
      ];
    }
  }

  r++;
  ws.getCell(r, 1).value =
    'Settings keys (sheet "settings": one row per key, columns key and value; every key is optional)';
  ws.getCell(r, 1).font = { bold: true, size: 12 };
  r++;
  const sHead = ws.getRow(r++);
  SETTINGS_COLUMNS.forEach((h, c) => {
    sHead.getCell(c + 1).value = h;
  });
  sHead.font = { bold: true };
  const shape = settingsSchema.shape as Record<string, ZodType>;
  for (const key of SETTING_KEYS) {
    const type = shape[key] as ZodType;
    const meta = columnMeta(type);
    ws.getRow(r++).values = [
      key,
      KIND_LABEL[meta.kind],
      meta.doc,
      defaultText(meta),
      allowedText(meta, type),
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

function addDatasetSheet(wb: ExcelJS.Workbook, dataset: DatasetName): void {
  const ws = wb.addWorksheet(dataset, { views: [{ state: 'frozen', ySplit: 1 }] });
  const columns = datasetColumns(dataset);
  columns.forEach((col, c) => {
    const column = ws.getColumn(c + 1);
    column.width = width(col);
    // Text format keeps ids like 00123 and periods like 2026-01 from being turned into numbers
    // or dates by Excel; dates display as ISO.
    if (col.meta.kind === 'id' || col.meta.kind === 'text' || col.meta.kind === 'period') column.numFmt = '@';
    if (col.meta.kind === 'date') column.numFmt = 'yyyy-mm-dd';

    const cell = ws.getCell(1, c + 1);
    cell.value = col.name;
    cell.font = { bold: true };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF4' } };
    const notes = [col.meta.doc, col.required ? 'Required.' : 'Optional.'];
    const allowed = allowedText(col.meta, col.type);
    if (allowed) notes.push(`Allowed: ${allowed}.`);
    const def = defaultText(col.meta);
    if (def) notes.push(`Default: ${def}.`);
    if (col.meta.ref) notes.push(`Refers to ${col.meta.ref}.`);
    if (col.meta.ru.length) notes.push(`Russian: ${col.meta.ru.join(', ')}.`);
    cell.note = notes.join(' ');

    let validation = validationFor(col);
    // The settings sheet's keys are a closed set too: offer them as a list.
    if (dataset === 'settings' && col.name === 'key') {
      validation = {
        type: 'list',
        allowBlank: true,
        showErrorMessage: true,
        errorStyle: 'warning',
        errorTitle: 'key',
        formulae: [`"${SETTING_KEYS.join(',')}"`],
        error: 'Not a known settings key (see the README sheet).',
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
export async function buildTemplate(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'KAM portal';
  wb.lastModifiedBy = 'KAM portal';
  wb.created = FIXED_DATE;
  wb.modified = FIXED_DATE;
  addReadme(wb);
  for (const dataset of DATASET_NAMES) addDatasetSheet(wb, dataset);
  const buffer = await wb.xlsx.writeBuffer();
  return pinZipTimestamps(new Uint8Array(buffer as ArrayBuffer));
}

export async function writeTemplate(path: string = TEMPLATE_PATH): Promise<string> {
  const bytes = await buildTemplate();
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, bytes);
  return path;
}
