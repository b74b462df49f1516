/**
 * Workbooks saved by LibreOffice (a second producer besides SheetJS and ExcelJS): a demo
 * portfolio.xlsx converted to .ods, and relationship.xlsx round-tripped xlsx → ods → xlsx with
 * `soffice --headless --convert-to`. They must read exactly like the originals, silently. The
 * originals are kept next to them (source-*.xlsx), so the demo data can change freely.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { readFile } from 'node:fs/promises';
import { ingestFiles, type InputFile } from '../../../src/ingest/index.ts';

const file = async (path: string, name: string): Promise<InputFile> => ({
  name,
  data: new Uint8Array(await readFile(new URL(path, import.meta.url))),
});

afterEach(() => vi.restoreAllMocks());

describe('LibreOffice workbooks', () => {
  it('read like the originals, without printing', async () => {
    const errors = vi.spyOn(console, 'error');
    const original = ingestFiles([
      await file('../../fixtures/libreoffice/source-portfolio.xlsx', 'portfolio.xlsx'),
      await file('../../fixtures/libreoffice/source-relationship.xlsx', 'relationship.xlsx'),
    ]);
    const saved = ingestFiles([
      await file('../../fixtures/libreoffice/portfolio.ods', 'portfolio.ods'),
      await file('../../fixtures/libreoffice/relationship.xlsx', 'relationship.xlsx'),
    ]);
    expect(saved.problems).toEqual([]);
    for (const key of [
      'settings',
      'team',
      'accounts',
      'criteria',
      'dossier',
      'kpis',
      'commitments',
    ] as const) {
      expect(saved.data[key], key).toEqual(original.data[key]);
    }
    expect(errors).not.toHaveBeenCalled();
  });
});
