/**
 * The state folder (`KAM_STATE_DIR`, default `.kam/` in the project): one snapshot per
 * successful build — its account records and a digest of every dataset row — so the next
 * build can say what changed. Only the latest snapshot is read; the last 20 are kept so an
 * analyst can look further back by hand. Deleting the folder only resets the comparison.
 */
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { DATASETS, DATASET_NAMES, type Datasets } from '../schema/index.ts';
import type { Portfolio } from '../domain/types.ts';
import { accountsExport } from '../views/exports.ts';
import { compareBuilds, type BuildChanges, type BuildSnapshot, type RowDigests } from '../views/changes.ts';
import { stateDir } from '../lib/state.ts';
import { rowDigestsOf, valueDigest } from '../lib/digest.ts';

export { stateDir };

export const KEEP_SNAPSHOTS = 20;
const PREFIX = 'build-';
const SUFFIX = '.json.gz';

/** A row's key: the values of the dataset's key columns. */
function rowKey(rec: Record<string, unknown>, key: readonly string[]): string {
  return key.length === 1 ? String(rec[key[0]!]) : key.map((k) => String(rec[k])).join('\u001f');
}

/** Per dataset, each row's key and digest; settings by their key. */
export function rowDigests(data: Datasets): Record<string, RowDigests> {
  const out: Record<string, RowDigests> = {};
  for (const name of DATASET_NAMES) {
    const rows: RowDigests = { keys: [], digests: [] };
    if (name === 'settings') {
      for (const k of data.settingsGiven) {
        rows.keys.push(k);
        rows.digests.push(valueDigest((data.settings as Record<string, unknown>)[k]));
      }
    } else {
      const key = DATASETS[name].key as readonly string[];
      const records = data[name] as unknown as Record<string, unknown>[];
      for (const rec of records) rows.keys.push(rowKey(rec, key));
      rows.digests = rowDigestsOf(records);
    }
    out[name] = rows;
  }
  return out;
}

export function makeSnapshot(data: Datasets, portfolio: Portfolio, builtAt: string): BuildSnapshot {
  return { version: 1, builtAt, accounts: accountsExport(portfolio), rows: rowDigests(data) };
}

async function snapshotFiles(dir: string): Promise<string[]> {
  const names = await readdir(dir).catch(() => [] as string[]);
  // The names start with the build time, so their order is the builds' order.
  return names.filter((n) => n.startsWith(PREFIX) && n.endsWith(SUFFIX)).sort();
}

/** The latest snapshot, or null when there is none (first build, folder deleted, unreadable). */
export async function loadLatestSnapshot(dir: string): Promise<BuildSnapshot | null> {
  const files = await snapshotFiles(dir);
  for (let i = files.length - 1; i >= 0; i--) {
    try {
      const snap = JSON.parse(
        gunzipSync(await readFile(join(dir, files[i]!))).toString('utf8'),
      ) as BuildSnapshot;
      if (snap.version === 1 && Array.isArray(snap.accounts)) return snap;
    } catch {
      // A damaged file (a build killed mid-write) is skipped: the one before it still compares.
    }
  }
  return null;
}

/** Write the snapshot (atomically: temp file, then rename) and keep only the last `keep`. */
export async function saveSnapshot(dir: string, snap: BuildSnapshot, keep = KEEP_SNAPSHOTS): Promise<string> {
  await mkdir(dir, { recursive: true });
  const name = `${PREFIX}${snap.builtAt.replace(/:/g, '-')}-${process.pid}${SUFFIX}`;
  const tmp = join(dir, `.${name}.tmp`);
  await writeFile(tmp, gzipSync(JSON.stringify(snap), { level: 1 }));
  await rename(tmp, join(dir, name));
  const files = await snapshotFiles(dir);
  await Promise.all(
    files.slice(0, Math.max(0, files.length - keep)).map((f) => rm(join(dir, f), { force: true })),
  );
  return join(dir, name);
}

/**
 * The build's step for "what changed": compare this build's snapshot with the latest saved
 * one for the build context (the pages' `changes`); `save()` stores the snapshot and is called
 * only once the new output is in place, so a failed build leaves the state as it was.
 */
export async function prepareChanges(opts: {
  root: string;
  env: NodeJS.ProcessEnv;
  data: Datasets;
  portfolio: Portfolio;
  log: NodeJS.WritableStream;
}): Promise<{ changes: BuildChanges; save(): Promise<void> }> {
  const dir = stateDir(opts.root, opts.env);
  const snapshot = makeSnapshot(opts.data, opts.portfolio, new Date().toISOString());
  return {
    changes: compareBuilds(await loadLatestSnapshot(dir), snapshot),
    async save() {
      try {
        await saveSnapshot(dir, snapshot);
      } catch (e) {
        // The portal is built; only the next comparison is lost, so say so and go on.
        opts.log.write(`  warning the build snapshot could not be saved in ${dir}: ${String(e)}\n`);
      }
    },
  };
}
