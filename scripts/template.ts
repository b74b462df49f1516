/**
 * npm run template -- [--locale en|ru] [--out FILE]
 *
 * Writes the empty, documented workbook (README sheet, one sheet per dataset, drop-down lists)
 * to templates/kam-template.xlsx, or in Russian (sheet names, headers, drop-down labels and
 * README) to templates/kam-template.ru.xlsx.
 */
import { parseArgs } from 'node:util';
import { templatePath, writeTemplate, type TemplateLocale } from '../tools/template/template.ts';

const { values } = parseArgs({ options: { out: { type: 'string' }, locale: { type: 'string' } } });
const locale = (values.locale ?? 'en') as TemplateLocale;
if (locale !== 'en' && locale !== 'ru') {
  console.error(`--locale takes en or ru, got "${values.locale}"`);
  process.exit(2);
}
const path = await writeTemplate(values.out ?? templatePath(locale), locale);
console.log(`Wrote ${path}`);
