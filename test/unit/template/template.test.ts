import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { ZodType } from 'zod';
import { columnMeta } from '../../../src/schema/columns.ts';
import { DATASETS, DATASET_NAMES } from '../../../src/schema/datasets.ts';
import { SETTING_KEYS } from '../../../src/schema/settings.ts';
import { LAST_ROW, README_COLUMNS, buildTemplate } from '../../../tools/template/template.ts';
import { listValues } from './lists.ts';

const bytes = await buildTemplate();
const wb = new ExcelJS.Workbook();
await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);

const columnsOf = (name: (typeof DATASET_NAMES)[number]) =>
  Object.entries(DATASETS[name].schema.shape as Record<string, ZodType>).map(([column, type]) => ({
    column,
    meta: columnMeta(type),
  }));

const text = (v: ExcelJS.CellValue): string => (v === null || v === undefined ? '' : String(v));

describe('template workbook', () => {
  it('has a README sheet first, then one sheet per dataset in schema order', () => {
    const visible = wb.worksheets.filter((w) => w.state === 'visible');
    expect(visible.map((w) => w.name)).toEqual(['README', ...DATASET_NAMES]);
  });

  it('is byte-identical across builds', async () => {
    expect(Buffer.compare(Buffer.from(await buildTemplate()), Buffer.from(bytes))).toBe(0);
  });

  for (const name of DATASET_NAMES) {
    it(`${name}: header is exactly the schema columns, bold, frozen, with notes`, () => {
      const ws = wb.getWorksheet(name) as ExcelJS.Worksheet;
      const expected = columnsOf(name).map((c) => c.column);
      const header = expected.map((_, c) => text(ws.getCell(1, c + 1).value));
      expect(header).toEqual(expected);
      expect(text(ws.getCell(1, expected.length + 1).value)).toBe('');
      expect(ws.getCell(1, 1).font?.bold).toBe(true);
      expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
      for (let c = 1; c <= expected.length; c++)
        expect(ws.getCell(1, c).note, `${name} col ${c}`).toBeTruthy();
      expect(ws.rowCount).toBe(1);
    });

    it(`${name}: drop-downs for enums and yes/no, ranges for bounded numbers`, () => {
      const ws = wb.getWorksheet(name) as ExcelJS.Worksheet;
      columnsOf(name).forEach(({ column, meta }, c) => {
        const letter = ws.getColumn(c + 1).letter;
        for (const row of [2, 500, LAST_ROW]) {
          const dv = ws.getCell(`${letter}${row}`).dataValidation as ExcelJS.DataValidation | undefined;
          if (meta.kind === 'enum') {
            expect(dv?.type, `${name}.${column}`).toBe('list');
            expect(listValues(wb, dv)).toEqual(meta.values);
          } else if (meta.kind === 'bool') {
            expect(dv?.type, `${name}.${column}`).toBe('list');
            expect(listValues(wb, dv)).toEqual(['yes', 'no']);
          } else if (meta.min !== undefined || meta.max !== undefined) {
            expect(dv?.type, `${name}.${column}`).toBe(meta.kind === 'integer' ? 'whole' : 'decimal');
          } else if (!(name === 'settings' && column === 'key')) {
            expect(dv, `${name}.${column}`).toBeUndefined();
          }
        }
        expect(ws.getCell(`${letter}${LAST_ROW + 1}`).dataValidation).toBeUndefined();
      });
    });
  }

  it('offers the settings keys as a list', () => {
    const dv = (wb.getWorksheet('settings') as ExcelJS.Worksheet).getCell('A2').dataValidation;
    expect(listValues(wb, dv)).toEqual(SETTING_KEYS);
  });

  it('documents every column of every dataset and every settings key in the README', () => {
    const ws = wb.getWorksheet('README') as ExcelJS.Worksheet;
    const rows: string[][] = [];
    ws.eachRow((row) => {
      rows.push(Array.from({ length: README_COLUMNS.length }, (_, c) => text(row.getCell(c + 1).value)));
    });
    const headerAt = rows.findIndex((r) => r[0] === README_COLUMNS[0] && r[2] === README_COLUMNS[2]);
    expect(headerAt).toBeGreaterThan(0);
    for (const name of DATASET_NAMES) {
      for (const { column, meta } of columnsOf(name)) {
        const row = rows.find((r) => r[0] === name && r[2] === column);
        expect(row, `${name}.${column}`).toBeDefined();
        expect(row?.[1]).toBe(DATASETS[name].ru);
        expect(row?.[3]).toBe(meta.ru.join(', '));
        expect(row?.[6]).toBe(meta.doc);
        if (meta.kind === 'enum') for (const v of meta.values ?? []) expect(row?.[8]).toContain(v);
      }
    }
    for (const key of SETTING_KEYS)
      expect(
        rows.some((r) => r[0] === key),
        key,
      ).toBe(true);
    const required = rows.find((r) => r[0] === 'accounts' && r[2] === 'account_id');
    expect(required?.[4]).toBe('yes');
    const status = rows.find((r) => r[0] === 'accounts' && r[2] === 'status');
    expect(status?.[7]).toBe('active');
    expect(status?.[8]).toContain('lost (потерян)');
  });
});
