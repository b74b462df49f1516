/**
 * Writes generated rows into a data folder the way analysts keep it: several workbooks, one
 * sheet per dataset, yearly files for the big datasets, Russian sheet names and headers in
 * one workbook and a semicolon CSV (Russian Excel style) for contacts, so the demo also
 * exercises the reader's aliases and number/date parsing.
 *
 * Dates go into xlsx as Excel serial numbers with a date format, computed from the calendar
 * date alone: the same day is written whatever the process time zone.
 */
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ZodType } from 'zod';
import { columnMeta, type CellKind } from '../../src/schema/columns.ts';
import { DATASETS, DATASET_NAMES, type DatasetName } from '../../src/schema/datasets.ts';
import { parsePeriod } from '../../src/schema/period.ts';
import type { Locale } from '../../src/schema/concepts.ts';
import { dayOf, type PortfolioRows, type Row } from './generate.ts';
import { writeXlsx, type XlsxCell, type XlsxSheet } from './xlsx.ts';

export type DataFormat = 'xlsx' | 'csv';

export interface WriteOptions {
  /** `xlsx` (default): the analyst layout. `csv`: one plain CSV per dataset (fast, for big benchmarks). */
  format?: DataFormat;
}

export interface CsvDialect {
  delimiter: ',' | ';';
  decimalComma: boolean;
  dates: 'iso' | 'dmy';
  bom: boolean;
}

interface SheetSpec {
  dataset: DatasetName;
  sheet: string;
  /** Header language: English column names or their first Russian alias. */
  headers: Locale;
  rows: Row[];
}

export interface FileSpec {
  name: string;
  sheets: SheetSpec[];
  /** Set for CSV files (exactly one sheet). */
  csv?: CsvDialect;
}

export interface RenderedFile {
  name: string;
  data: Uint8Array;
}

const PLAIN_CSV: CsvDialect = { delimiter: ',', decimalComma: false, dates: 'iso', bom: false };
const RUSSIAN_EXCEL_CSV: CsvDialect = { delimiter: ';', decimalComma: true, dates: 'dmy', bom: true };

/** Excel keeps at most 1,048,576 rows per sheet; split well below it. */
const MAX_ROWS_PER_SHEET = 1_000_000;

const FIXED_FILES = [
  'portfolio',
  'positioning',
  'relationship',
  'voice-of-customer',
  'compensation',
  'contacts',
  'plans',
];
const GENERATED_NAME = new RegExp(
  `^(?:(?:${FIXED_FILES.join('|')})\\.(?:xlsx|csv)|(?:scores|financials)(?:-\\d{4}(?:-part\\d+)?)?\\.(?:xlsx|csv)|(?:${DATASET_NAMES.join('|')})\\.csv)$`,
);

/** Whether a file name is one this writer produces (only those are ever deleted). */
export function isGeneratedFileName(name: string): boolean {
  return GENERATED_NAME.test(name);
}

/** Which file gets which rows. */
export function planFiles(rows: PortfolioRows, options: WriteOptions = {}): FileSpec[] {
  if ((options.format ?? 'xlsx') === 'csv') {
    return DATASET_NAMES.map((dataset) => ({
      name: `${dataset}.csv`,
      sheets: [{ dataset, sheet: dataset, headers: 'en', rows: rows[dataset] }],
      csv: PLAIN_CSV,
    }));
  }
  const en = (dataset: DatasetName): SheetSpec => ({
    dataset,
    sheet: dataset,
    headers: 'en',
    rows: rows[dataset],
  });
  const ru = (dataset: DatasetName, headers: Locale = 'en'): SheetSpec => ({
    dataset,
    sheet: DATASETS[dataset].ru,
    headers,
    rows: rows[dataset],
  });
  return [
    { name: 'portfolio.xlsx', sheets: [en('settings'), en('team'), en('accounts'), en('criteria')] },
    ...yearlyFiles('scores', rows.scores),
    { name: 'positioning.xlsx', sheets: [en('positioning')] },
    ...yearlyFiles('financials', rows.financials),
    { name: 'relationship.xlsx', sheets: [ru('dossier'), ru('kpis'), ru('commitments', 'ru')] },
    { name: 'contacts.csv', sheets: [en('contacts')], csv: RUSSIAN_EXCEL_CSV },
    { name: 'voice-of-customer.xlsx', sheets: [en('surveys'), en('feedback')] },
    { name: 'compensation.xlsx', sheets: [en('compensation')] },
    { name: 'plans.xlsx', sheets: [en('objectives'), ru('actions'), en('offerings')] },
  ];
}

/**
 * One file per year of `period`; a leading year without all four quarters (2024-Q4 alone)
 * joins the next year's file, as analysts append a stray quarter to the current book.
 */
function yearlyFiles(dataset: 'scores' | 'financials', rows: Row[]): FileSpec[] {
  const byYear = new Map<number, Row[]>();
  const quartersOf = new Map<number, Set<string>>();
  const yearOf = new Map<string, number>();
  for (const row of rows) {
    const period = String(row['period']);
    let year = yearOf.get(period);
    if (year === undefined) {
      year = parsePeriod(period)?.year ?? 0;
      yearOf.set(period, year);
    }
    let list = byYear.get(year);
    if (!list) {
      list = [];
      byYear.set(year, list);
      quartersOf.set(year, new Set());
    }
    list.push(row);
    quartersOf.get(year)?.add(period);
  }
  const years = [...byYear.keys()].sort((a, b) => a - b);
  if (years.length === 0)
    return [{ name: `${dataset}.xlsx`, sheets: [{ dataset, sheet: dataset, headers: 'en', rows: [] }] }];
  const groups: { year: number; rows: Row[] }[] = [];
  let carry: Row[] = [];
  years.forEach((year, k) => {
    const list = byYear.get(year) ?? [];
    const partial = (quartersOf.get(year)?.size ?? 0) < 4;
    if (partial && k < years.length - 1 && groups.length === 0) {
      carry = carry.concat(list);
      return;
    }
    groups.push({ year, rows: carry.length ? carry.concat(list) : list });
    carry = [];
  });
  const files: FileSpec[] = [];
  for (const g of groups) {
    const parts = Math.max(1, Math.ceil(g.rows.length / MAX_ROWS_PER_SHEET));
    for (let p = 0; p < parts; p++) {
      const chunk = parts === 1 ? g.rows : g.rows.slice(p * MAX_ROWS_PER_SHEET, (p + 1) * MAX_ROWS_PER_SHEET);
      const suffix = parts === 1 ? '' : `-part${p + 1}`;
      files.push({
        name: `${dataset}-${g.year}${suffix}.xlsx`,
        sheets: [{ dataset, sheet: dataset, headers: 'en', rows: chunk }],
      });
    }
  }
  return files;
}

/** Render every file in memory (the tests feed these straight to the reader). */
export function renderFiles(rows: PortfolioRows, options: WriteOptions = {}): RenderedFile[] {
  return planFiles(rows, options).map((file) => ({ name: file.name, data: renderFile(file) }));
}

/** Write the portfolio into `dir`, first removing files this writer generated earlier. */
export function writePortfolioFiles(rows: PortfolioRows, dir: string, options: WriteOptions = {}): string[] {
  mkdirSync(dir, { recursive: true });
  removeGeneratedFiles(dir);
  const written: string[] = [];
  // Render one file at a time so a big portfolio never holds every workbook in memory at once.
  for (const file of planFiles(rows, options)) {
    const path = join(dir, file.name);
    writeFileSync(path, renderFile(file));
    written.push(path);
  }
  return written;
}

/** Delete the generator's own files from `dir` (never anything else); returns their paths. */
export function removeGeneratedFiles(dir: string): string[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const name of names.sort()) {
    if (!isGeneratedFileName(name)) continue;
    const path = join(dir, name);
    rmSync(path, { force: true });
    removed.push(path);
  }
  return removed;
}

// ---------------------------------------------------------------------------------------------

interface ColumnOut {
  name: string;
  header: string;
  kind: CellKind;
}

function columnsOf(sheet: SheetSpec): ColumnOut[] {
  const shape = DATASETS[sheet.dataset].schema.shape as Record<string, ZodType>;
  return Object.entries(shape).map(([name, type]) => {
    const meta = columnMeta(type);
    return { name, header: sheet.headers === 'ru' ? (meta.ru[0] ?? name) : name, kind: meta.kind };
  });
}

function renderFile(file: FileSpec): Uint8Array {
  if (file.csv) {
    const sheet = file.sheets[0];
    if (!sheet || file.sheets.length !== 1) throw new Error(`${file.name}: a CSV file holds one dataset`);
    return renderCsv(sheet, file.csv);
  }
  return writeXlsx(file.sheets.map(xlsxSheet));
}

/** Excel serial of a `YYYY-MM-DD` date (1970-01-01 is 25569), from UTC day arithmetic only. */
export function excelSerial(ymd: string): number {
  return dayOf(ymd) + 25569;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function xlsxSheet(sheet: SheetSpec): XlsxSheet {
  const columns = columnsOf(sheet);
  const widths = columns.map((c) => Math.max(c.header.length + 2, c.kind === 'date' ? 12 : 8));
  // Widths from the first rows only: cheap, and good enough for a readable sheet.
  for (const row of sheet.rows.slice(0, 60)) {
    columns.forEach((c, k) => {
      const v = row[c.name];
      if (typeof v === 'string' && c.kind !== 'date')
        widths[k] = Math.min(60, Math.max(widths[k] ?? 0, v.length + 2));
    });
  }
  function* cells(): Generator<XlsxCell[]> {
    for (const row of sheet.rows) {
      yield columns.map((c): XlsxCell => {
        const v = row[c.name];
        if (v === undefined || v === null || v === '') return undefined;
        if (typeof v === 'number') return v;
        if (c.kind === 'date' && typeof v === 'string' && ISO_DATE.test(v)) return { serial: excelSerial(v) };
        return String(v);
      });
    }
  }
  return { name: sheet.sheet, header: columns.map((c) => c.header), rows: cells(), widths };
}

function renderCsv(sheet: SheetSpec, dialect: CsvDialect): Uint8Array {
  const columns = columnsOf(sheet);
  const lines: string[] = [columns.map((c) => csvField(c.header, dialect)).join(dialect.delimiter)];
  for (const row of sheet.rows) {
    const cells: string[] = [];
    for (const c of columns) {
      const value = row[c.name];
      let text: string;
      if (value === undefined || value === null) text = '';
      else if (typeof value === 'number')
        text = dialect.decimalComma ? String(value).replace('.', ',') : String(value);
      else if (
        c.kind === 'date' &&
        dialect.dates === 'dmy' &&
        typeof value === 'string' &&
        ISO_DATE.test(value)
      )
        text = `${value.slice(8, 10)}.${value.slice(5, 7)}.${value.slice(0, 4)}`;
      else text = String(value);
      cells.push(csvField(text, dialect));
    }
    lines.push(cells.join(dialect.delimiter));
  }
  const body = lines.join('\r\n') + '\r\n';
  return new TextEncoder().encode((dialect.bom ? '\uFEFF' : '') + body);
}

function csvField(text: string, dialect: CsvDialect): string {
  const needsQuotes =
    text.includes(dialect.delimiter) ||
    text.includes('"') ||
    text.includes('\n') ||
    text.includes('\r') ||
    text !== text.trim();
  return needsQuotes ? `"${text.replaceAll('"', '""')}"` : text;
}
