/**
 * The benchmark's warm rebuild: after the cold build, one workbook of the portfolio changes
 * the way an analyst's edit would (one revenue cell of the latest financials row), and the
 * same portfolio is built again.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generatePortfolio } from '../demo/generate.ts';
import { renderFiles } from '../demo/write.ts';

/** Change one cell in one workbook of the portfolio in `dir`; returns that file's name. */
export function changeOneWorkbook(dir: string, accounts: number, quarters: number): string {
  const rows = generatePortfolio({ accounts, quarters });
  const row = rows.financials.at(-1);
  if (!row) throw new Error('the portfolio has no financials to change');
  const before = row['revenue_goods'];
  row['revenue_goods'] = (typeof before === 'number' ? before : 0) + 1;
  const changed = renderFiles(rows).filter((f) => {
    try {
      return !Buffer.from(f.data).equals(readFileSync(join(dir, f.name)));
    } catch {
      return true;
    }
  });
  if (changed.length !== 1)
    throw new Error(`expected one changed workbook, got ${changed.map((f) => f.name).join(', ') || 'none'}`);
  const file = changed[0]!;
  writeFileSync(join(dir, file.name), file.data);
  return file.name;
}
