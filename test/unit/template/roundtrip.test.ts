/** The template read back by the reader (src/ingest) has no errors. Skipped until the reader exists. */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { buildTemplate } from '../../../tools/template/template.ts';

const ingestPath = fileURLToPath(new URL('../../../src/ingest/index.ts', import.meta.url));
const hasReader = existsSync(ingestPath);

interface Problem {
  severity: 'error' | 'warning';
  message: string;
}
type Ingest = (
  files: { name: string; data: Uint8Array }[],
) => { ok: boolean; problems: Problem[] } | Promise<{ ok: boolean; problems: Problem[] }>;

describe.skipIf(!hasReader)('template round trip through the reader', () => {
  it('reads the empty template with no error but that it has no accounts yet', async () => {
    const { ingestFiles } = (await import(/* @vite-ignore */ ingestPath)) as { ingestFiles: Ingest };
    const result = await ingestFiles([{ name: 'kam-template.xlsx', data: await buildTemplate() }]);
    const errors = result.problems.filter((p) => p.severity === 'error');
    // No accounts at all is an error: nothing could be built from the empty template.
    expect(errors.map((p) => p.message)).toEqual([expect.stringMatching(/^no accounts/)]);
  });
});
