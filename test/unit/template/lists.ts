/** The values a drop-down offers, whether typed into the rule or kept on the hidden lists sheet. */
import type ExcelJS from 'exceljs';
import { expect } from 'vitest';

export function listValues(
  wb: ExcelJS.Workbook,
  dv: ExcelJS.DataValidation | undefined,
): string[] | undefined {
  const formula = dv?.formulae?.[0];
  if (typeof formula !== 'string') return undefined;
  if (formula.startsWith('"')) return formula.slice(1, -1).split(',');
  const m = /^'((?:[^']|'')+)'!\$([A-Z]+)\$(\d+):\$([A-Z]+)\$(\d+)$/.exec(formula);
  if (!m) throw new Error(`unexpected list formula ${formula}`);
  const ws = wb.getWorksheet(m[1]!.replace(/''/g, "'"));
  if (!ws) throw new Error(`no sheet ${m[1]}`);
  expect(ws.state).toBe('hidden');
  const out: string[] = [];
  for (let r = Number(m[3]); r <= Number(m[5]); r++) out.push(String(ws.getCell(`${m[2]}${r}`).value));
  return out;
}
