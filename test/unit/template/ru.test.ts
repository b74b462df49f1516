/** The Russian template: Russian names throughout, and it reads back through the reader. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { ZodType } from 'zod';
import { ingestFiles } from '../../../src/ingest/index.ts';
import { formatProblem } from '../../../src/ingest/problems.ts';
import { columnMeta, isRequired, type ColumnMeta } from '../../../src/schema/columns.ts';
import { DATASETS, DATASET_NAMES, type DatasetName } from '../../../src/schema/datasets.ts';
import { SETTING_KEYS } from '../../../src/schema/settings.ts';
import { ru } from '../../../src/i18n/ru.ts';
import { LAST_ROW, buildTemplate, templatePath } from '../../../tools/template/template.ts';
import { listValues } from './lists.ts';

const bytes = await buildTemplate('ru');
const load = async (data: Uint8Array) => {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(data) as unknown as ArrayBuffer);
  return wb;
};
const wb = await load(bytes);

const columnsOf = (name: DatasetName) =>
  Object.entries(DATASETS[name].schema.shape as Record<string, ZodType>).map(([column, type]) => ({
    column,
    type,
    meta: columnMeta(type),
  }));

const text = (v: ExcelJS.CellValue): string => (v === null || v === undefined ? '' : String(v));
const sheetOf = (name: DatasetName) => wb.getWorksheet(DATASETS[name].ru) as ExcelJS.Worksheet;

/**
 * One valid value per column, typed as an analyst using this template would: Russian enum
 * labels and да for yes/no. Every id is the same, so every reference resolves to the one row
 * each dataset gets.
 */
function cellFor(dataset: DatasetName, column: string, meta: ColumnMeta, type: ZodType): string | number {
  if (dataset === 'settings') return column === 'key' ? 'company_name' : 'ООО «Пример»';
  switch (meta.kind) {
    case 'id':
      return 'X1';
    case 'text':
      return `Текст <b>${column}</b>`;
    case 'date':
      return '15.01.2026';
    case 'period':
      return '2026-Q1';
    case 'bool':
      return 'да';
    case 'enum':
      return meta.labelsRu![meta.values![0]!]!;
    default: {
      const n = meta.max ?? (meta.min ?? 0) + 1;
      expect(type.safeParse(n).success, `${dataset}.${column}`).toBe(true);
      return n;
    }
  }
}

describe('Russian template workbook', () => {
  it('is written to its own file and committed up to date', async () => {
    expect(templatePath('ru')).toBe('templates/kam-template.ru.xlsx');
    const committed = readFileSync(join(import.meta.dirname, '../../..', templatePath('ru')));
    expect(Buffer.compare(committed, Buffer.from(bytes))).toBe(0);
    expect(Buffer.compare(Buffer.from(await buildTemplate('ru')), Buffer.from(bytes))).toBe(0);
  });

  it('has the README, then one sheet per dataset under its Russian name', () => {
    const visible = wb.worksheets.filter((w) => w.state === 'visible').map((w) => w.name);
    expect(visible).toEqual(['README', ...DATASET_NAMES.map((n) => DATASETS[n].ru)]);
  });

  for (const name of DATASET_NAMES) {
    it(`${name}: Russian headers and drop-downs with the Russian labels`, () => {
      const ws = sheetOf(name);
      const columns = columnsOf(name);
      expect(columns.map((_, c) => text(ws.getCell(1, c + 1).value))).toEqual(
        columns.map(({ column, meta }) => meta.ru[0] ?? column),
      );
      columns.forEach(({ column, meta }, c) => {
        const dv = ws.getCell(2, c + 1).dataValidation as ExcelJS.DataValidation | undefined;
        expect(ws.getCell(LAST_ROW, c + 1).dataValidation).toEqual(dv);
        if (meta.kind === 'enum')
          expect(listValues(wb, dv), `${name}.${column}`).toEqual(meta.values!.map((v) => meta.labelsRu![v]));
        if (meta.kind === 'bool') expect(listValues(wb, dv), `${name}.${column}`).toEqual(['да', 'нет']);
        expect(text(ws.getCell(1, c + 1).note as ExcelJS.CellValue)).toContain(
          isRequired(columns[c]!.type) ? ru.template.required : ru.template.optional,
        );
      });
    });
  }

  it('keeps a label with a comma whole, on the hidden lists sheet', () => {
    const contacts = columnsOf('contacts');
    const c = contacts.findIndex((x) => x.column === 'dmu_role');
    const dv = sheetOf('contacts').getCell(2, c + 1).dataValidation;
    expect(listValues(wb, dv)).toContain('лицо, принимающее решение');
    expect(wb.getWorksheet(ru.template.listsSheet)?.state).toBe('hidden');
  });

  it('offers the settings keys, which stay English', () => {
    expect(listValues(wb, sheetOf('settings').getCell('A2').dataValidation)).toEqual(SETTING_KEYS);
  });

  it('writes the README in Russian, naming every sheet and header', () => {
    const ws = wb.getWorksheet('README') as ExcelJS.Worksheet;
    expect(text(ws.getCell('A1').value)).toBe(ru.template.title);
    const rows: string[][] = [];
    ws.eachRow((row) => rows.push(Array.from({ length: 10 }, (_, c) => text(row.getCell(c + 1).value))));
    for (const name of DATASET_NAMES) {
      for (const { column, meta } of columnsOf(name)) {
        const row = rows.find((r) => r[0] === DATASETS[name].ru && r[2] === (meta.ru[0] ?? column));
        expect(row, `${name}.${column}`).toBeDefined();
        expect(row?.[1]).toBe(name);
        expect(row?.[3]?.split(', ')[0]).toBe(column);
      }
    }
    const kam = rows.find(
      (r) =>
        r[0] === DATASETS.accounts.ru && r[2] === columnMeta(DATASETS.accounts.schema.shape.kam_id).ru[0],
    );
    expect(kam?.[4]).toBe('да');
    expect(kam?.[9]).toBe(`${DATASETS.team.ru}.${columnMeta(DATASETS.team.schema.shape.member_id).ru[0]}`);
    const status = rows.find((r) => r[0] === DATASETS.accounts.ru && r[2] === 'статус');
    expect(status?.[7]).toBe('активный');
    expect(status?.[8]).toContain('потерян (lost)');
  });

  it('reads back empty with only the empty-sheet warnings, and the error that it has no accounts yet', () => {
    const result = ingestFiles([{ name: 'kam-template.ru.xlsx', data: bytes }]);
    const errors = result.problems.filter((p) => p.severity === 'error');
    expect(errors.map(formatProblem)).toEqual([expect.stringMatching(/^no accounts/)]);
    const warnings = result.problems.filter((p) => p.severity === 'warning');
    for (const p of warnings) expect(p.message).toMatch(/^no data rows under the header/);
    expect(warnings).toHaveLength(DATASET_NAMES.length);
  });

  it('reads back one row per dataset typed through its Russian headers and labels', async () => {
    const filled = await load(bytes);
    for (const name of DATASET_NAMES) {
      const ws = filled.getWorksheet(DATASETS[name].ru) as ExcelJS.Worksheet;
      columnsOf(name).forEach(({ column, meta, type }, c) => {
        ws.getCell(2, c + 1).value = cellFor(name, column, meta, type);
      });
    }
    const data = new Uint8Array((await filled.xlsx.writeBuffer()) as ArrayBuffer);
    const result = ingestFiles([{ name: 'данные.xlsx', data }]);
    expect(result.problems.map(formatProblem)).toEqual([]);
    expect(result.ok).toBe(true);
    for (const name of DATASET_NAMES) {
      if (name === 'settings') continue;
      const records = (result.data as unknown as Record<string, Record<string, unknown>[]>)[name]!;
      expect(records, name).toHaveLength(1);
      for (const { column, meta } of columnsOf(name)) {
        const value = records[0]![column];
        if (meta.kind === 'enum') expect(value, `${name}.${column}`).toBe(meta.values![0]);
        if (meta.kind === 'bool') expect(value, `${name}.${column}`).toBe(true);
        if (meta.kind === 'date') expect(value, `${name}.${column}`).toBe('2026-01-15');
      }
    }
    expect(result.data.settings.company_name).toBe('ООО «Пример»');
  });
});
