/** The per-file reading cache: same results with or without it, and only sound entries are used. */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import {
  decodeEntry,
  encodeEntry,
  ingestCacheDir,
  openIngestCache,
  READER_VERSION,
} from '../../../src/ingest/cache.ts';
import { stateDir } from '../../../src/lib/state.ts';
import { ingestFolder, type IngestResult } from '../../../src/ingest/index.ts';
import { readFileOutcome } from '../../../src/ingest/per-file.ts';
import { ACCOUNTS, TEAM, errors, utf8, workbook, type Aoa } from './helpers.ts';

const LIMIT = { maxFileMb: 50 };
const DEMO = join(import.meta.dirname, '../../../data');

const dirs: string[] = [];
function tempDir(prefix: string): string {
  const d = mkdtempSync(join(tmpdir(), prefix));
  dirs.push(d);
  return d;
}
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function writeFiles(dir: string, files: Record<string, Uint8Array>): void {
  for (const [name, data] of Object.entries(files)) writeFileSync(join(dir, name), data);
}

/** Results compared without the file times, which the cache does not touch anyway. */
function comparable(r: IngestResult): unknown {
  return { ...r, files: r.files.map(({ mtimeMs: _, ...f }) => f) };
}

const entries = (cacheDir: string) => readdirSync(cacheDir).filter((n) => n.endsWith('.bin'));

/** Files with problems of every kind: per cell, per sheet, per file and across files. */
function problemFiles(): Record<string, Uint8Array> {
  const scores: Aoa = [
    ['account_id', 'period', 'criterion_id', 'score', 'mystery'],
    ['A1', '2026-Q1', 'a1', 7, 'x'],
    ['A1', '2026-Q1', 'a1', 8],
    ['A9', '2026-Q1', 'a1', 'seven'],
    [],
    ['A2', '2026-Q5', 'nope', 11],
  ];
  return {
    'book.xlsx': workbook({ team: TEAM, accounts: ACCOUNTS, scores, acounts: [['x'], [1]] }),
    'team-2.xlsx': workbook({
      team: [
        ['member_id', 'name', 'role'],
        ['m1', 'Dup', 'kam'],
        ['m3', 'Ok', 'boss'],
      ],
    }),
    'contacts.csv': utf8('contact_id;account_id;name;owner_id\nc1;A1;Ivan;m1\nc2;A7;Olga;m9\n"c3;A1;Open\n'),
    'financials.csv': utf8('account_id,period,revenue_goods\nA1,2026-Q1,"1 234,5"\nA2,2026-Q1,#DIV/0!\n'),
    'corrupt.xlsx': utf8('not a zip'),
    'empty.csv': new Uint8Array(),
    'criteria.xlsx': workbook({ criteria: [['criterion_id', 'matrix', 'name', 'weight']] }),
  };
}

async function threeWays(
  dataDir: string,
): Promise<{ plain: IngestResult; cold: IngestResult; warm: IngestResult; cache: string }> {
  const cache = tempDir('kam-cache-');
  const plain = await ingestFolder(dataDir, LIMIT);
  const cold = await ingestFolder(dataDir, { ...LIMIT, cacheDir: cache });
  const warm = await ingestFolder(dataDir, { ...LIMIT, cacheDir: cache });
  return { plain, cold, warm, cache };
}

describe('ingestion with the per-file cache', () => {
  it('gives the same result as without it on the demo data, cold and warm', async () => {
    const { plain, cold, warm, cache } = await threeWays(DEMO);
    expect(plain.ok).toBe(true);
    expect(plain.data.accounts.length).toBeGreaterThan(0);
    expect(comparable(cold)).toEqual(comparable(plain));
    expect(comparable(warm)).toEqual(comparable(plain));
    expect(entries(cache)).toHaveLength(plain.files.length);
  });

  it('gives the same problems, in the same order, on files full of problems', async () => {
    const data = tempDir('kam-data-');
    writeFiles(data, problemFiles());
    const { plain, cold, warm } = await threeWays(data);
    // The fixture really exercises per-cell, per-file and cross-file problems.
    const errs = errors(plain).join('\n');
    expect(errs).toMatch(/duplicate member_id/);
    expect(errs).toMatch(/A9/);
    expect(errs).toMatch(/corrupt\.xlsx/);
    expect(errs).toMatch(/#DIV\/0!/);
    expect(plain.problems.some((p) => p.severity === 'warning')).toBe(true);
    expect(comparable(cold)).toEqual(comparable(plain));
    expect(comparable(warm)).toEqual(comparable(plain));
  });

  it('re-reads a changed file and reuses the others', async () => {
    const data = tempDir('kam-data-');
    const files = problemFiles();
    writeFiles(data, files);
    const { cache } = await threeWays(data);
    const before = entries(cache);
    writeFileSync(
      join(data, 'team-2.xlsx'),
      workbook({
        team: [
          ['member_id', 'name', 'role'],
          ['m4', 'New', 'kam'],
        ],
      }),
    );
    const again = await ingestFolder(data, { ...LIMIT, cacheDir: cache });
    expect(again.data.team.map((m) => m.member_id)).toContain('m4');
    expect(comparable(again)).toEqual(comparable(await ingestFolder(data, LIMIT)));
    const after = entries(cache);
    expect(after.filter((n) => !before.includes(n))).toHaveLength(1);
  });

  it('uses a sound entry, and ignores one from another reader version or with damaged bytes', async () => {
    const data = tempDir('kam-data-');
    const bytes = workbook({ team: TEAM });
    writeFiles(data, { 'team.xlsx': bytes });
    const cacheDir = tempDir('kam-cache-');
    const cache = openIngestCache(cacheDir, { limitMb: LIMIT.maxFileMb })!;
    const key = cache.keyFor('team.xlsx', bytes);
    // An outcome no reader would produce, to see whether the entry is taken.
    const planted = readFileOutcome('team.xlsx', bytes, 20 * LIMIT.maxFileMb * 1024 * 1024);
    planted.sheets[0]!.records[0]!.name = 'Planted';
    const entry = join(cacheDir, `${key}.bin`);
    const truth = (await ingestFolder(data, LIMIT)).data.team[0]?.name;
    const read = async () => (await ingestFolder(data, { ...LIMIT, cacheDir })).data.team[0]?.name;

    writeFileSync(entry, encodeEntry({ version: READER_VERSION, key, outcome: planted }));
    expect(await read()).toBe('Planted');

    writeFileSync(entry, encodeEntry({ version: READER_VERSION + 1, key, outcome: planted }));
    expect(await read()).toBe(truth);

    writeFileSync(entry, encodeEntry({ version: READER_VERSION, key: 'another', outcome: planted }));
    expect(await read()).toBe(truth);

    const damaged = encodeEntry({ version: READER_VERSION, key, outcome: planted });
    const at = damaged.length - 3;
    damaged.writeUInt8(damaged.readUInt8(at) ^ 0xff, at);
    writeFileSync(entry, damaged);
    expect(await read()).toBe(truth);

    writeFileSync(entry, damaged.subarray(0, 20));
    expect(await read()).toBe(truth);
    // The rejected entry was replaced by a fresh, sound one.
    expect(decodeEntry(readFileSync(entry), READER_VERSION, key)?.sheets[0]?.records[0]?.name).toBe(truth);
  });

  it('keys entries by file name, size limit and reader version', () => {
    const bytes = utf8('member_id,name,role\nm1,Anna,kam\n');
    const dir = tempDir('kam-cache-');
    const a = openIngestCache(dir, { limitMb: 50 })!;
    expect(a.keyFor('team.csv', bytes)).not.toBe(a.keyFor('team-2.csv', bytes));
    expect(a.keyFor('team.csv', bytes)).not.toBe(
      openIngestCache(dir, { limitMb: 10 })!.keyFor('team.csv', bytes),
    );
    expect(a.keyFor('team.csv', bytes)).not.toBe(
      openIngestCache(dir, { limitMb: 50, version: READER_VERSION + 1 })!.keyFor('team.csv', bytes),
    );
  });

  it('stays equal to a fresh read through any sequence of edits, renames and removals', async () => {
    const variants = problemFiles();
    const names = Object.keys(variants);
    const contents = Object.values(variants);
    const cacheDir = tempDir('kam-cache-');
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.tuple(
            fc.constantFrom(...names, 'team-3.xlsx', 'scores.csv'),
            fc.option(fc.nat(contents.length - 1)),
          ),
          {
            minLength: 1,
            maxLength: 6,
          },
        ),
        async (steps) => {
          const data = tempDir('kam-data-');
          for (const [name, pick] of steps) {
            if (pick === null) rmSync(join(data, name), { force: true });
            else writeFileSync(join(data, name), contents[pick]!);
            const cached = await ingestFolder(data, { ...LIMIT, cacheDir });
            expect(comparable(cached)).toEqual(comparable(await ingestFolder(data, LIMIT)));
          }
        },
      ),
      { numRuns: 15 },
    );
  });

  it('lives in the state folder, and can be turned off', () => {
    expect(stateDir(process.cwd(), { KAM_STATE_DIR: '/tmp/state' })).toBe('/tmp/state');
    expect(stateDir(process.cwd(), {})).toBe(join(process.cwd(), '.kam'));
    expect(ingestCacheDir({ KAM_STATE_DIR: '/tmp/state' })).toBe('/tmp/state/cache/ingest');
    expect(ingestCacheDir({ KAM_INGEST_CACHE: '0' })).toBeUndefined();
  });
});
