/**
 * The ingestion ceiling: read the same files with SheetJS alone, nothing else — no cell
 * conversion, no validation. Run as its own process (cold, like the build's ingest phase):
 *
 *   node tools/bench/raw-read.ts <data dir> <out.json>
 *
 * Workbooks are read with our reader's own options (dense sheets, number formats to recognise
 * dates, no formatted text); CSV is SheetJS's own text reader with `raw: true`.
 */
import { readFile, writeFile } from 'node:fs/promises';
import * as XLSX from '@e965/xlsx';
import { listDataFiles } from '../../src/ingest/index.ts';
import { READ_OPTS } from '../../src/ingest/read.ts';

const [dir, out] = process.argv.slice(2);
if (!dir || !out) {
  console.error('usage: node tools/bench/raw-read.ts <data dir> <out.json>');
  process.exit(2);
}

const started = performance.now();
let cells = 0;
const files = await listDataFiles(dir);
for (const file of files) {
  const data = await readFile(file);
  const wb = file.toLowerCase().endsWith('.csv')
    ? XLSX.read(new TextDecoder().decode(data), { type: 'string', raw: true, dense: true })
    : XLSX.read(data, READ_OPTS);
  for (const name of wb.SheetNames) {
    const rows = (wb.Sheets[name] as { '!data'?: (unknown[] | undefined)[] } | undefined)?.['!data'] ?? [];
    for (const r of rows) cells += r?.length ?? 0;
  }
}
const seconds = (performance.now() - started) / 1000;
await writeFile(out, JSON.stringify({ seconds, files: files.length, cells }));
