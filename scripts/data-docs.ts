/** npm run data-docs — regenerate docs/DATA-FORMAT.md from the schemas. */
import { mkdir, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { dataFormatMarkdown } from '../src/schema/docs.ts';

const file = resolve(import.meta.dirname, '../docs/DATA-FORMAT.md');
await mkdir(resolve(file, '..'), { recursive: true });
await writeFile(file, dataFormatMarkdown());
console.log(`wrote ${file}`);
