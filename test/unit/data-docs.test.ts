import { describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import { dataFormatMarkdown } from '../../src/schema/docs.ts';
import { DATASETS, DATASET_NAMES } from '../../src/schema/datasets.ts';

describe('docs/DATA-FORMAT.md', () => {
  it('is up to date with the schemas (run npm run data-docs)', async () => {
    const committed = await readFile(new URL('../../docs/DATA-FORMAT.md', import.meta.url), 'utf8');
    expect(committed).toBe(dataFormatMarkdown());
  });
  it('documents every column of every dataset', () => {
    const md = dataFormatMarkdown();
    for (const name of DATASET_NAMES)
      for (const col of Object.keys(DATASETS[name].schema.shape))
        expect(md, `${name}.${col}`).toContain(`| \`${col}\``);
  });
});
