/**
 * npm run template -- [--out FILE]
 *
 * Writes the empty, documented workbook (README sheet, one sheet per dataset, drop-down lists)
 * to templates/kam-template.xlsx.
 */
import { parseArgs } from 'node:util';
import { TEMPLATE_PATH, writeTemplate } from '../src/template/template.ts';

const { values } = parseArgs({ options: { out: { type: 'string' } } });
const path = await writeTemplate(values.out ?? TEMPLATE_PATH);
console.log(`Wrote ${path}`);
