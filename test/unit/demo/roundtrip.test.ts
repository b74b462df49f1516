/**
 * The written demo folder read back by the reader (src/ingest): no errors and the same number
 * of rows per dataset. Skipped until the reader exists.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { DATASET_NAMES } from '../../../src/schema/datasets.ts';
import { generatePortfolio } from '../../../tools/demo/generate.ts';
import { renderFiles } from '../../../tools/demo/write.ts';

const ingestPath = fileURLToPath(new URL('../../../src/ingest/index.ts', import.meta.url));
const hasReader = existsSync(ingestPath);

interface Problem {
  severity: 'error' | 'warning';
  message: string;
}
interface Result {
  ok: boolean;
  problems: Problem[];
  data: Record<string, unknown>;
}
type Ingest = (files: { name: string; data: Uint8Array }[]) => Result | Promise<Result>;

async function ingest(files: { name: string; data: Uint8Array }[]): Promise<Result> {
  const { ingestFiles } = (await import(/* @vite-ignore */ ingestPath)) as { ingestFiles: Ingest };
  return ingestFiles(files);
}

describe.skipIf(!hasReader)('demo round trip through the reader', () => {
  for (const format of ['xlsx', 'csv'] as const) {
    it(`${format}: no errors and the same row counts`, async () => {
      const rows = generatePortfolio({ accounts: 40 });
      const result = await ingest(renderFiles(rows, { format }));
      const errors = result.problems.filter((p) => p.severity === 'error');
      expect(errors.map((p) => p.message)).toEqual([]);
      expect(result.ok).toBe(true);
      for (const name of DATASET_NAMES) {
        if (name === 'settings') {
          expect(result.data['settingsGiven']).toHaveLength(rows.settings.length);
          continue;
        }
        expect(result.data[name], name).toHaveLength(rows[name].length);
      }
    });
  }

  it('keeps the text, dates and flags an analyst typed', async () => {
    const rows = generatePortfolio({ accounts: 40 });
    const { data } = await ingest(renderFiles(rows));
    const accounts = data['accounts'] as Record<string, unknown>[];
    expect(accounts.map((a) => a['name'])).toEqual(rows.accounts.map((a) => a['name']));
    expect(accounts.map((a) => a['since'])).toEqual(rows.accounts.map((a) => a['since']));
    const contacts = data['contacts'] as Record<string, unknown>[];
    expect(contacts.map((c) => c['last_contact'])).toEqual(rows.contacts.map((c) => c['last_contact']));
    expect(contacts.map((c) => c['reachable'])).toEqual(rows.contacts.map((c) => c['reachable'] !== 'no'));
    const commitments = data['commitments'] as Record<string, unknown>[];
    expect(commitments.map((c) => c['due'])).toEqual(rows.commitments.map((c) => c['due']));
    const settings = data['settings'] as Record<string, unknown>;
    expect(settings['company_name']).toBe('Volga Industrial Components');
    expect(settings['attractiveness_threshold']).toBe(5);
  });
});
