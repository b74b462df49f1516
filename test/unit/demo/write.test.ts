import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as XLSX from '@e965/xlsx';
import { afterAll, describe, expect, it } from 'vitest';
import { DATASETS, DATASET_NAMES, type DatasetName } from '../../../src/schema/datasets.ts';
import { columnMeta } from '../../../src/schema/columns.ts';
import { generatePortfolio } from '../../../tools/demo/generate.ts';
import {
  excelSerial,
  isGeneratedFileName,
  planFiles,
  renderFiles,
  writePortfolioFiles,
} from '../../../tools/demo/write.ts';

const rows = generatePortfolio({ accounts: 40 });
const files = renderFiles(rows);
const byName = new Map(files.map((f) => [f.name, f.data]));
const tmp = mkdtempSync(join(tmpdir(), 'kam-demo-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const sheetToDataset = new Map<string, DatasetName>(
  DATASET_NAMES.flatMap((n) => [
    [n, n],
    [DATASETS[n].ru, n],
  ]),
);

describe('demo folder layout', () => {
  it('splits the portfolio over the analyst-style files', () => {
    expect(files.map((f) => f.name)).toEqual([
      'portfolio.xlsx',
      'scores-2025.xlsx',
      'scores-2026.xlsx',
      'positioning.xlsx',
      'financials-2025.xlsx',
      'financials-2026.xlsx',
      'relationship.xlsx',
      'contacts.csv',
      'voice-of-customer.xlsx',
      'compensation.xlsx',
      'plans.xlsx',
    ]);
    const relationship = XLSX.read(byName.get('relationship.xlsx'));
    expect(relationship.SheetNames).toEqual(['досье', 'показатели', 'обязательства']);
  });

  it('renders byte-identical files for identical rows', () => {
    const again = renderFiles(generatePortfolio({ accounts: 40 }));
    for (const [k, f] of again.entries())
      expect(Buffer.compare(Buffer.from(f.data), Buffer.from(files[k]?.data ?? []))).toBe(0);
  });

  it('puts every row into exactly one sheet, with the schema columns as headers', () => {
    const counts = new Map<DatasetName, number>();
    for (const f of files.filter((x) => x.name.endsWith('.xlsx'))) {
      const wb = XLSX.read(f.data);
      for (const sheetName of wb.SheetNames) {
        const dataset = sheetToDataset.get(sheetName);
        expect(dataset, sheetName).toBeDefined();
        if (!dataset) continue;
        const aoa = XLSX.utils.sheet_to_json<unknown[]>(wb.Sheets[sheetName] as XLSX.WorkSheet, {
          header: 1,
          blankrows: false,
        });
        const shape = DATASETS[dataset].schema.shape as Record<string, import('zod').ZodType>;
        const expected = Object.entries(shape).map(([name, type]) =>
          sheetName === 'обязательства' ? (columnMeta(type).ru[0] ?? name) : name,
        );
        expect(aoa[0], `${f.name} › ${sheetName}`).toEqual(expected);
        counts.set(dataset, (counts.get(dataset) ?? 0) + aoa.length - 1);
      }
    }
    counts.set(
      'contacts',
      new TextDecoder().decode(byName.get('contacts.csv')).trim().split('\r\n').length - 1,
    );
    for (const name of DATASET_NAMES) expect(counts.get(name), name).toBe(rows[name].length);
  });

  it('writes numbers as numbers and text as text (a leading "=" stays text)', () => {
    const wb = XLSX.read(byName.get('voice-of-customer.xlsx'));
    const feedback = XLSX.utils.sheet_to_json<Record<string, unknown>>(
      wb.Sheets['feedback'] as XLSX.WorkSheet,
    );
    expect(typeof feedback[0]?.['score']).toBe('number');
    const eq = feedback.find((r) => String(r['comment'] ?? '').startsWith('='));
    expect(eq).toBeDefined();
    const ws = wb.Sheets['feedback'] as XLSX.WorkSheet;
    const formulas = Object.entries(ws).filter(([k, c]) => !k.startsWith('!') && (c as XLSX.CellObject).f);
    expect(formulas).toEqual([]);
    const portfolio = XLSX.read(byName.get('portfolio.xlsx'));
    const accounts = XLSX.utils.sheet_to_json<Record<string, unknown>>(
      portfolio.Sheets['accounts'] as XLSX.WorkSheet,
    );
    expect(accounts.some((a) => a['name'] === 'Smith & "Sons" Ltd')).toBe(true);
    expect(typeof accounts[0]?.['potential']).toBe('number');
  });

  it('writes contacts as a Russian-Excel CSV: BOM, semicolons, day-first dates', () => {
    const bytes = byName.get('contacts.csv') as Uint8Array;
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes);
    const [header, first] = text.replace(/^\uFEFF/, '').split('\r\n');
    expect(header?.split(';')[0]).toBe('contact_id');
    expect(first).toMatch(/;\d{2}\.\d{2}\.\d{4};/);
  });
});

describe('dates are calendar days whatever the time zone', () => {
  it('computes Excel serials from the date alone', () => {
    expect(excelSerial('1970-01-01')).toBe(25569);
    expect(excelSerial('2026-11-27')).toBe(46353);
    expect(excelSerial('2024-02-29')).toBe(45351);
  });

  it('stores date cells as whole-day serials with a date format', () => {
    const data = byName.get('relationship.xlsx');
    const ws = XLSX.read(data, { cellNF: true }).Sheets['досье'] as XLSX.WorkSheet;
    expect(ws['C2']).toMatchObject({
      t: 'n',
      v: excelSerial(String(rows.dossier[0]?.['date'])),
      z: 'yyyy-mm-dd',
    });
  });

  // SheetJS captures the zone when it loads, so each zone gets its own process. The cells
  // hold UTC midnight; sheet_to_json shifts dates to local time unless told UTC: true.
  const script = `
    import * as XLSX from '@e965/xlsx';
    import { readFileSync } from 'node:fs';
    const wb = XLSX.read(readFileSync(process.argv[1]), { cellDates: true });
    const rows = XLSX.utils.sheet_to_json(wb.Sheets['досье'], { raw: true, UTC: true });
    console.log(JSON.stringify({ offset: new Date(2026, 0, 1).getTimezoneOffset(), dates: rows.map((r) => r.date.toISOString().slice(0, 10)) }));
  `;
  for (const tz of ['America/Los_Angeles', 'Pacific/Kiritimati', 'Asia/Kolkata', 'UTC']) {
    it(`reads back the same days with TZ=${tz}`, () => {
      const path = join(tmp, `relationship-${tz.replace('/', '-')}.xlsx`);
      writeFileSync(path, byName.get('relationship.xlsx') as Uint8Array);
      const run = spawnSync(process.execPath, ['--input-type=module', '-e', script, path], {
        cwd: process.cwd(),
        env: { ...process.env, TZ: tz },
        encoding: 'utf8',
      });
      expect(run.stderr).toBe('');
      const out = JSON.parse(run.stdout) as { offset: number; dates: string[] };
      if (tz === 'America/Los_Angeles') expect(out.offset).toBe(480);
      expect(out.dates).toEqual(rows.dossier.map((d) => d['date']));
    });
  }
});

describe('writePortfolioFiles', () => {
  it('replaces its own stale files and leaves everything else alone', () => {
    const dir = join(tmp, 'data');
    writePortfolioFiles(generatePortfolio({ accounts: 5 }), dir, { format: 'csv' });
    writeFileSync(join(dir, 'scores-2019.xlsx'), 'stale');
    writeFileSync(join(dir, 'my-notes.xlsx'), 'mine');
    writeFileSync(join(dir, 'README.md'), 'mine');
    const written = writePortfolioFiles(rows, dir);
    const names = readdirSync(dir).sort();
    expect(names).toEqual([...planFiles(rows).map((f) => f.name), 'README.md', 'my-notes.xlsx'].sort());
    expect(written).toHaveLength(11);
    expect(readFileSync(join(dir, 'my-notes.xlsx'), 'utf8')).toBe('mine');
  });

  it('writes one plain CSV per dataset in csv format', () => {
    const dir = join(tmp, 'csv');
    writePortfolioFiles(rows, dir, { format: 'csv' });
    expect(readdirSync(dir).sort()).toEqual(DATASET_NAMES.map((n) => `${n}.csv`).sort());
    const scores = readFileSync(join(dir, 'scores.csv'), 'utf8').trim().split('\r\n');
    expect(scores[0]).toBe('account_id,period,criterion_id,score,comment');
    expect(scores).toHaveLength(rows.scores.length + 1);
  });

  it('recognises only its own file names', () => {
    for (const ok of [
      'portfolio.xlsx',
      'scores-2025.xlsx',
      'financials-2026-part2.xlsx',
      'contacts.csv',
      'kpis.csv',
      'scores.xlsx',
    ]) {
      expect(isGeneratedFileName(ok), ok).toBe(true);
    }
    for (const no of [
      'my-scores.xlsx',
      'portfolio.xlsx.bak',
      'README.md',
      '~$portfolio.xlsx',
      'accounts.xlsx',
    ]) {
      expect(isGeneratedFileName(no), no).toBe(false);
    }
  });
});
