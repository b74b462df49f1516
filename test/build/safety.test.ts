/**
 * Builds of small hand-made data folders: spreadsheet text never becomes markup or a CSV
 * formula, and a build with invalid data exits 1 and leaves the previous output untouched.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, readdir, readFile, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildEnv } from '../support/paths.ts';
import { runScript } from '../support/run.ts';

const HOSTILE = '<img src=x onerror=alert(1)><script>alert(2)</script>';
let work: string;

const csv = (rows: string[][]) =>
  rows.map((r) => r.map((c) => `"${c.replace(/"/g, '""')}"`).join(',')).join('\n');

async function writeData(dir: string, { broken = false } = {}) {
  await mkdir(dir, { recursive: true });
  await writeFile(
    join(dir, 'team.csv'),
    csv([
      ['member_id', 'name', 'role'],
      ['m1', `Anna ${HOSTILE}`, 'kam'],
    ]),
  );
  await writeFile(
    join(dir, 'accounts.csv'),
    csv([
      ['account_id', 'name', 'kam_id', 'since', 'description', 'internal_notes'],
      ['A1', `Acme ${HOSTILE}`, broken ? 'nobody' : 'm1', '2020-01-15', `Desc ${HOSTILE}`, 'secret'],
      ['A2', '=HYPERLINK("http://evil")', 'm1', '2021-03-01', '', ''],
    ]),
  );
  const scores = [['account_id', 'period', 'criterion_id', 'score', 'comment']];
  for (const id of ['A1', 'A2'])
    for (const c of [
      'attr_net_value',
      'attr_contracts',
      'attr_means',
      'attr_pays',
      'attr_marketing',
      'str_quality',
      'str_cost',
      'str_delivery',
      'str_service',
    ])
      scores.push([id, '2026-Q3', c, '7', HOSTILE]);
  await writeFile(join(dir, 'scores.csv'), csv(scores));
  await writeFile(
    join(dir, 'dossier.csv'),
    csv([
      ['entry_id', 'account_id', 'date', 'category', 'title', 'client_value', 'client_visible'],
      ['D1', 'A1', '2026-05-01', 'training', `Course ${HOSTILE}`, '1000', 'yes'],
    ]),
  );
  await writeFile(
    join(dir, 'contacts.csv'),
    csv([
      ['contact_id', 'account_id', 'name', 'owner_id', 'reachable'],
      ['C1', 'A1', `Ivan ${HOSTILE}`, 'm1', 'no'],
    ]),
  );
}

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'kam-build-'));
});
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

async function htmlFiles(dir: string): Promise<string[]> {
  const all = await readdir(dir, { recursive: true });
  return all.filter((f) => f.endsWith('.html')).map((f) => join(dir, f));
}

describe('a build of hostile spreadsheet text', () => {
  it('escapes it everywhere and neutralises CSV formulas; a bad save keeps the last output', async () => {
    const data = join(work, 'data');
    const out = join(work, 'dist');
    const share = join(work, 'dist-share');
    await writeData(data);
    const env = buildEnv({ KAM_DATA_DIR: data, KAM_OUT_DIR: out, KAM_SHARE_DIR: share });
    const ok = await runScript('scripts/build.ts', env);
    expect(ok.code, ok.stderr).toBe(0);

    for (const file of [...(await htmlFiles(out)), ...(await htmlFiles(share))]) {
      // Inside a double-quoted attribute value (aria-label, srcdoc) `<` is text, not markup:
      // blank those values, then no hostile element or handler may remain.
      const markup = (await readFile(file, 'utf8')).replace(/="[^"]*"/g, '=""');
      expect(markup, file).not.toContain('<script>alert(2)');
      expect(markup, file).not.toContain('<img src=x');
    }
    const exported = await readFile(join(out, 'exports/accounts.csv'), 'utf8');
    expect(exported).toContain(`"'=HYPERLINK(""http://evil"")"`);
    expect(exported).not.toMatch(/(^|,)=HYPERLINK/m);

    // A build whose data is invalid exits 1, names the problem, and leaves dist/ as it was.
    const before = await readFile(join(out, 'index.html'), 'utf8');
    await writeData(data, { broken: true });
    const bad = await runScript('scripts/build.ts', env);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/accounts\.csv › accounts › row 2 \([A-Z]+2\) › kam_id/);
    expect(await readFile(join(out, 'index.html'), 'utf8')).toBe(before);
    expect((await readdir(work)).filter((f) => f.includes('.next-'))).toEqual([]);
  });
});
