/**
 * Problems found in the data, each with the place an analyst can open:
 * `file › sheet › row N (C5) › column`, the column named as the sheet's own header reads.
 * Messages are rendered in the data's language once it is known (see messages.ts).
 */
import * as XLSX from '@e965/xlsx';
import type { Locale } from '../i18n/index.ts';
import { dataMessages, type DataMessages, type Msg } from './messages.ts';

export interface Problem {
  severity: 'error' | 'warning';
  message: string;
  file?: string;
  sheet?: string;
  row?: number;
  /** The cell address, e.g. `C5`, when the problem is about one cell. */
  cell?: string;
  /** The column as the sheet's header names it. */
  column?: string;
  /** The language of `message`, and of the place words `formatProblem` adds. */
  locale?: Locale;
}

/** Where a column is in a sheet: the header's own text and, when present, its index. */
export interface ColumnPlace {
  label: string;
  index?: number;
}

/** Where a sheet's rows came from; `order` sorts problems in file, then sheet order. */
export interface Source {
  file: string;
  sheet: string;
  order: number;
  /** Schema column name → where the sheet has it (set once the header is read). */
  columns?: ReadonlyMap<string, ColumnPlace>;
}

interface Entry {
  severity: Problem['severity'];
  msg: Msg;
  src?: Partial<Source>;
  row?: number;
  column?: string | ColumnPlace;
  order: number;
  seq: number;
}

export function columnLetter(index: number): string {
  return XLSX.utils.encode_col(index);
}

export class Problems {
  private readonly entries: Entry[] = [];
  errors = 0;

  add(
    severity: Problem['severity'],
    msg: Msg,
    src?: Partial<Source>,
    row?: number,
    column?: string | ColumnPlace,
  ): void {
    if (severity === 'error') this.errors++;
    this.entries.push({ severity, msg, src, row, column, order: src?.order ?? -1, seq: this.entries.length });
  }

  error(msg: Msg, src?: Partial<Source>, row?: number, column?: string | ColumnPlace): void {
    this.add('error', msg, src, row, column);
  }

  warning(msg: Msg, src?: Partial<Source>, row?: number, column?: string | ColumnPlace): void {
    this.add('warning', msg, src, row, column);
  }

  /** Errors first, then by file, sheet and row, in the order found; rendered in `locale`. */
  sorted(locale: Locale = 'en'): Problem[] {
    const d = dataMessages(locale);
    return [...this.entries]
      .sort(
        (a, b) =>
          rank(a.severity) - rank(b.severity) ||
          a.order - b.order ||
          (a.row ?? 0) - (b.row ?? 0) ||
          a.seq - b.seq,
      )
      .map((e) => render(e, d, locale));
  }
}

function render(e: Entry, d: DataMessages, locale: Locale): Problem {
  const problem: Problem = { severity: e.severity, message: e.msg(d) };
  const src = e.src;
  if (src?.file !== undefined) problem.file = src.file;
  if (src?.sheet !== undefined) problem.sheet = src.sheet;
  if (e.row !== undefined) problem.row = e.row;
  if (e.column !== undefined) {
    const place =
      typeof e.column === 'string' ? (src?.columns?.get(e.column) ?? { label: e.column }) : e.column;
    if (place.label !== '') problem.column = place.label;
    if (place.index !== undefined && e.row !== undefined)
      problem.cell = `${columnLetter(place.index)}${e.row}`;
  }
  problem.locale = locale;
  return problem;
}

function rank(severity: Problem['severity']): number {
  return severity === 'error' ? 0 : 1;
}

/** `file › sheet › row N (C5) › column`, leaving out the parts a place does not have. */
export function formatPlace(
  p: Omit<Problem, 'severity' | 'message'>,
  d: DataMessages = dataMessages(p.locale),
): string {
  const parts: string[] = [];
  if (p.file !== undefined) parts.push(p.file);
  if (p.sheet !== undefined) parts.push(p.sheet);
  if (p.row !== undefined) parts.push(p.cell ? `${d.row(p.row)} (${p.cell})` : d.row(p.row));
  if (p.column !== undefined) parts.push(p.column);
  return parts.join(' › ');
}

export function formatProblem(p: Problem): string {
  const place = formatPlace(p);
  return place ? `${place}: ${p.message}` : p.message;
}
