/**
 * A data folder whose every text and id cell carries markup, for the tests that check
 * spreadsheet text never becomes markup or script anywhere in the built site.
 */
import type { ZodType } from 'zod';
import { generatePortfolio, type PortfolioRows } from '../../tools/demo/generate.ts';
import { writePortfolioFiles } from '../../tools/demo/write.ts';
import { columnMeta } from '../../src/schema/columns.ts';
import { DATASETS, DATASET_NAMES } from '../../src/schema/datasets.ts';

/** Each one runs script (or shows an element) if it is ever parsed as HTML. */
export const PAYLOADS = [
  '<img src=x onerror=alert(1)>',
  '<script>alert(2)</script>',
  `"'><svg onload=alert(3)>`,
];
const MARKUP = ` ${PAYLOADS.join(' ')}`;

/**
 * The small demo portfolio with markup appended to every text column of every dataset (blank
 * optional cells filled with it) and to every id, the same way wherever an id is referenced,
 * so the data stays valid. Settings keep their values except the company name.
 */
export function hostileRows(): PortfolioRows {
  const rows = generatePortfolio({ accounts: 6, members: 3, quarters: 3 });
  for (const name of DATASET_NAMES) {
    const shape = DATASETS[name].schema.shape as Record<string, ZodType>;
    for (const [column, type] of Object.entries(shape)) {
      const kind = columnMeta(type).kind;
      if (name === 'settings') continue;
      if (kind !== 'text' && kind !== 'id') continue;
      for (const row of rows[name]) {
        const v = row[column];
        if (kind === 'id' && (v === undefined || v === null || v === '')) continue;
        row[column] = `${v === undefined || v === null ? '' : String(v)}${MARKUP}`;
      }
    }
  }
  for (const row of rows.settings) if (row.key === 'company_name') row.value = `Acme${MARKUP}`;
  return rows;
}

export function writeHostileData(dir: string): void {
  writePortfolioFiles(hostileRows(), dir, { format: 'csv' });
}
