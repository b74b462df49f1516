/** The state folder: snapshots saved, the latest read back, only the last 20 kept. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import {
  KEEP_SNAPSHOTS,
  loadLatestSnapshot,
  rowDigests,
  saveSnapshot,
  stateDir,
} from '../../../src/build/snapshot.ts';
import { compareRows, type BuildSnapshot } from '../../../src/views/changes.ts';
import { account, datasets, financial } from '../domain/factories.ts';

let dir = '';
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kam-state-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const snap = (i: number): BuildSnapshot => ({
  version: 1,
  builtAt: new Date(Date.UTC(2026, 9, 14, 10, i)).toISOString(),
  accounts: [],
  rows: { team: { keys: [`m${i}`], digests: ['x'] } },
});

describe('the state folder', () => {
  it('defaults to .kam/ in the project and follows KAM_STATE_DIR', () => {
    expect(stateDir('/p', {})).toBe(resolve('/p/.kam'));
    expect(stateDir('/p', { KAM_STATE_DIR: '/tmp/s' })).toBe('/tmp/s');
  });

  it('has no snapshot at first, then returns the latest and keeps only the last 20', async () => {
    expect(await loadLatestSnapshot(join(dir, 'missing'))).toBeNull();
    for (let i = 0; i < KEEP_SNAPSHOTS + 3; i++) await saveSnapshot(dir, snap(i));
    const files = (await readdir(dir)).filter((f) => f.startsWith('build-'));
    expect(files).toHaveLength(KEEP_SNAPSHOTS);
    expect(await loadLatestSnapshot(dir)).toEqual(snap(KEEP_SNAPSHOTS + 2));
  });

  it('skips a damaged latest file and compares with the one before', async () => {
    await saveSnapshot(dir, snap(1));
    await writeFile(join(dir, 'build-2026-10-14T23-59-59.999Z-1.json.gz'), 'not gzip');
    expect(await loadLatestSnapshot(dir)).toEqual(snap(1));
  });
});

describe('row digests', () => {
  it('key each row by its key columns and change only when its values change', () => {
    const before = rowDigests(
      datasets({ financials: [financial('a', '2026-Q1'), financial('a', '2026-Q2')] }),
    );
    const after = rowDigests(
      datasets({ financials: [financial('a', '2026-Q1'), financial('a', '2026-Q2', { revenue_goods: 5 })] }),
    );
    expect(before.financials!.keys).toEqual(['a\u001f2026-Q1', 'a\u001f2026-Q2']);
    expect(after.financials!.keys).toEqual(before.financials!.keys);
    expect(after.financials!.digests[0]).toBe(before.financials!.digests[0]);
    expect(after.financials!.digests[1]).not.toBe(before.financials!.digests[1]);
    expect(compareRows(before.financials, after.financials)).toEqual({ added: 0, removed: 0, changed: 1 });
  });

  it('keep a row whose key is "__proto__" as an ordinary row', () => {
    const before = rowDigests(datasets({ accounts: [account('b')] }));
    const now = rowDigests(datasets({ accounts: [account('__proto__'), account('b')] }));
    expect(now.accounts!.keys).toEqual(['__proto__', 'b']);
    expect(compareRows(before.accounts, now.accounts)).toEqual({ added: 1, removed: 0, changed: 0 });
  });
});
