/**
 * The demo portfolio for the share tests: the `data/` folder when it holds data files,
 * otherwise the demo generator's rows fed through the real ingestion as CSV files.
 */
import { computePortfolio } from '../../../src/domain/index.ts';
import type { Portfolio } from '../../../src/domain/types.ts';
import { DEMO_OPTIONS, demoAsOf, generatePortfolio } from '../../../tools/demo/generate.ts';
import { ingestFiles, ingestFolder, listDataFiles, type IngestResult } from '../../../src/ingest/index.ts';
import type { Datasets } from '../../../src/schema/index.ts';

export const DATA_DIR = new URL('../../../data/', import.meta.url).pathname;

function csvCell(v: unknown): string {
  return v === undefined || v === null ? '' : `"${String(v).replace(/"/g, '""')}"`;
}

function generatedFiles() {
  return Object.entries(generatePortfolio(DEMO_OPTIONS)).map(([name, rows]) => {
    const keys = [...new Set(rows.flatMap((r) => Object.keys(r)))];
    const lines = [keys.join(','), ...rows.map((r) => keys.map((k) => csvCell(r[k])).join(','))];
    return { name: `${name}.csv`, data: new TextEncoder().encode(lines.join('\n')) };
  });
}

/** The generator's demo rows read by the real reader (never the data/ folder: tests need fixed data). */
export function generatedDemoInput(): IngestResult {
  return ingestFiles(generatedFiles());
}

export async function demoPortfolio(): Promise<{ source: string; data: Datasets; portfolio: Portfolio }> {
  const fromFolder = (await listDataFiles(DATA_DIR).catch(() => [])).length > 0;
  const result: IngestResult = fromFolder ? await ingestFolder(DATA_DIR) : ingestFiles(generatedFiles());
  if (!result.ok) throw new Error(`demo data is invalid: ${result.problems.length} problems`);
  return {
    source: fromFolder ? 'data/' : 'generated demo rows',
    data: result.data,
    portfolio: computePortfolio(result.data, { today: demoAsOf() }),
  };
}
