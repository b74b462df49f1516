/**
 * The build never wipes or half-publishes the site: data without accounts fails with both
 * outputs untouched, staging folders of an interrupted build are removed at the next start,
 * and a folder that cannot be written is named in one line, not a stack trace.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildEnv } from '../support/paths.ts';
import { runScript } from '../support/run.ts';

let work: string;
let out: string;
let share: string;
const DEAD = 2 ** 22 + 7; // above Linux's largest pid: no build runs under it

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'kam-publish-'));
  out = join(work, 'dist');
  share = join(work, 'dist-share');
  for (const [dir, text] of [
    [out, 'previous portal'],
    [share, 'previous bundles'],
  ] as const) {
    await mkdir(dir, { recursive: true });
    await writeFile(join(dir, 'index.html'), text);
  }
});
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

async function untouched() {
  expect(await readFile(join(out, 'index.html'), 'utf8')).toBe('previous portal');
  expect(await readFile(join(share, 'index.html'), 'utf8')).toBe('previous bundles');
  expect((await readdir(work)).filter((n) => n.includes('.next-') || n.includes('.old-'))).toEqual([]);
}

async function dataFolder(files: Record<string, string>): Promise<string> {
  const dir = join(work, 'data');
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  for (const [name, text] of Object.entries(files)) await writeFile(join(dir, name), text);
  return dir;
}

describe('a build that must not publish', () => {
  it.each([
    ['an empty data folder', {}],
    ['a data folder without accounts', { 'team.csv': 'member_id,name,role\nm1,Anna,kam\n' }],
  ])('fails on %s, leaves dist/ and dist-share/ as they were and clears old staging', async (_, files) => {
    const data = await dataFolder(files);
    // What an interrupted build leaves behind.
    await mkdir(`${out}.next-${DEAD}`);
    await mkdir(`${share}.old-${DEAD}`);
    const r = await runScript(
      'scripts/build.ts',
      buildEnv({ KAM_DATA_DIR: data, KAM_OUT_DIR: out, KAM_SHARE_DIR: share }),
    );
    expect(r.code, r.stderr).toBe(1);
    expect(r.stderr).toMatch(/no accounts/i);
    expect(r.stderr).not.toMatch(/^\s+at /m);
    await untouched();
  });

  it('names a folder it cannot write in one line and keeps both outputs', async () => {
    const data = await dataFolder({
      'team.csv': 'member_id,name,role\nm1,Anna,kam\n',
      'accounts.csv': 'account_id,name,kam_id,since\nA1,Acme,m1,2020-01-15\n',
    });
    // A file where the share folder's parent should be: nothing can be written under it.
    const blocked = join(work, 'blocked');
    await writeFile(blocked, '');
    const r = await runScript(
      'scripts/build.ts',
      buildEnv({ KAM_DATA_DIR: data, KAM_OUT_DIR: out, KAM_SHARE_DIR: join(blocked, 'dist-share') }),
    );
    await rm(blocked);
    expect(r.code, r.stderr).toBe(1);
    const last = r.stderr.trim().split('\n').at(-1);
    expect(last).toMatch(
      /^Cannot write .*blocked\/dist-share\/: .*\(ENOTDIR\); .*dist\/ and .*dist-share\/ were left as they were\.$/,
    );
    expect(r.stderr).not.toMatch(/^\s+at /m);
    await untouched();
  });
});
