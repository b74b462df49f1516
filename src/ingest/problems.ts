/**
 * Problems found in the data, each with the place an analyst can open:
 * `file › sheet › row N › column`.
 */

export interface Problem {
  severity: 'error' | 'warning';
  message: string;
  file?: string;
  sheet?: string;
  row?: number;
  column?: string;
}

/** Where a sheet's rows came from; `order` sorts problems in file, then sheet order. */
export interface Source {
  file: string;
  sheet: string;
  order: number;
}

interface Entry {
  problem: Problem;
  order: number;
  seq: number;
}

export class Problems {
  private readonly entries: Entry[] = [];
  errors = 0;

  add(
    severity: Problem['severity'],
    message: string,
    src?: Partial<Source>,
    row?: number,
    column?: string,
  ): void {
    const problem: Problem = { severity, message };
    if (src?.file !== undefined) problem.file = src.file;
    if (src?.sheet !== undefined) problem.sheet = src.sheet;
    if (row !== undefined) problem.row = row;
    if (column !== undefined) problem.column = column;
    if (severity === 'error') this.errors++;
    this.entries.push({ problem, order: src?.order ?? -1, seq: this.entries.length });
  }

  error(message: string, src?: Partial<Source>, row?: number, column?: string): void {
    this.add('error', message, src, row, column);
  }

  warning(message: string, src?: Partial<Source>, row?: number, column?: string): void {
    this.add('warning', message, src, row, column);
  }

  /** Errors first, then by file, sheet and row, in the order found. */
  sorted(): Problem[] {
    return [...this.entries]
      .sort(
        (a, b) =>
          rank(a.problem) - rank(b.problem) ||
          a.order - b.order ||
          (a.problem.row ?? 0) - (b.problem.row ?? 0) ||
          a.seq - b.seq,
      )
      .map((e) => e.problem);
  }
}

function rank(p: Problem): number {
  return p.severity === 'error' ? 0 : 1;
}

/** `file › sheet › row N › column`, leaving out the parts a place does not have. */
export function formatPlace(p: Omit<Problem, 'severity' | 'message'>): string {
  const parts: string[] = [];
  if (p.file !== undefined) parts.push(p.file);
  if (p.sheet !== undefined) parts.push(p.sheet);
  if (p.row !== undefined) parts.push(`row ${p.row}`);
  if (p.column !== undefined) parts.push(p.column);
  return parts.join(' › ');
}

export function formatProblem(p: Problem): string {
  const place = formatPlace(p);
  return place ? `${place}: ${p.message}` : p.message;
}
