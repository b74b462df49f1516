/**
 * Keeps what reading each data file yielded (per-file.ts) between builds, so a rebuild after
 * one workbook changed reads only that workbook. An entry is found by a digest of everything
 * that decides the outcome: the file's name and bytes, the reader version, the source of the
 * reader, schema and message modules, the SheetJS version and the reading options. It is used only
 * when its own checksum, version and key all match; anything else (a torn write, another
 * version, bytes from elsewhere) is read afresh, so the cache can make a build faster but
 * never different.
 *
 * Entries live in `<state folder>/cache/ingest/` (`KAM_STATE_DIR`, default `.kam/`), one file
 * each: a magic tag, the SHA-256 of the payload, then the payload in V8's serialisation
 * format (fast for plain records; JSON would cost several times more).
 */
import { createHash } from 'node:crypto';
import {
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { deserialize, serialize } from 'node:v8';
import * as XLSX from '@e965/xlsx';
import { stateDir } from '../lib/state.ts';
import { readFileOutcome, type FileOutcome } from './per-file.ts';

/** Bump when reading rules change in a way the module sources below would not show. */
export const READER_VERSION = 2;

const MAGIC = Buffer.from('KAMI1\n');
const DIGEST_BYTES = 32;
/** Entries kept beyond the ones the last build used, newest first: other data folders, older versions. */
const KEEP_OTHERS = 64;

export interface CacheOptions {
  /** Larger files are not read at all; part of the key so a changed limit never reuses a result. */
  limitMb: number;
  /** Overrides READER_VERSION (tests). */
  version?: number;
}

export interface IngestCache {
  readonly dir: string;
  readonly stats: { hits: number; misses: number; rejected: number };
  /** The digest naming this file's entry. */
  keyFor(name: string, data: Uint8Array): string;
  get(key: string): FileOutcome | undefined;
  set(key: string, outcome: FileOutcome): void;
  /** Drop old entries; the ones this run used stay. */
  prune(): void;
}

/** Where ingestion keeps its per-file entries; undefined when `KAM_INGEST_CACHE=0` turns it off. */
export function ingestCacheDir(env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (env.KAM_INGEST_CACHE?.trim() === '0') return undefined;
  return path.join(stateDir(process.cwd(), env), 'cache', 'ingest');
}

let sourceDigest: string | null | undefined;

/**
 * A digest of the source files of the reader, the schema and the messages, so editing any
 * of them retires every entry without anyone remembering to bump READER_VERSION. Null when
 * the sources are not beside this module (bundled code): then nothing is cached.
 */
function codeDigest(): string | null {
  if (sourceDigest !== undefined) return sourceDigest;
  try {
    const here = path.dirname(fileURLToPath(import.meta.url));
    const h = createHash('sha256');
    for (const folder of [here, path.join(here, '..', 'schema'), path.join(here, '..', 'i18n')]) {
      const files = readdirSync(folder)
        .filter((f) => f.endsWith('.ts'))
        .sort();
      if (!files.includes('index.ts')) throw new Error('sources not found');
      for (const f of files)
        h.update(f)
          .update('\0')
          .update(readFileSync(path.join(folder, f)))
          .update('\0');
    }
    sourceDigest = h.digest('hex');
  } catch {
    sourceDigest = null;
  }
  return sourceDigest;
}

interface Stored {
  version: number;
  key: string;
  outcome: FileOutcome;
}

export function encodeEntry(stored: Stored): Buffer {
  const payload = serialize(stored);
  const digest = createHash('sha256').update(payload).digest();
  return Buffer.concat([MAGIC, digest, payload]);
}

/** The stored outcome, or undefined unless the bytes are whole and made for exactly this key. */
export function decodeEntry(bytes: Buffer, version: number, key: string): FileOutcome | undefined {
  const head = MAGIC.length + DIGEST_BYTES;
  if (bytes.length <= head || !bytes.subarray(0, MAGIC.length).equals(MAGIC)) return undefined;
  const payload = bytes.subarray(head);
  const digest = createHash('sha256').update(payload).digest();
  if (!digest.equals(bytes.subarray(MAGIC.length, head))) return undefined;
  try {
    const stored = deserialize(payload) as Partial<Stored> | null;
    if (stored?.version !== version || stored.key !== key) return undefined;
    const o = stored.outcome;
    if (!o || !Array.isArray(o.sheets) || !Array.isArray(o.problems) || !Array.isArray(o.seen))
      return undefined;
    return o;
  } catch {
    return undefined;
  }
}

/** A cache in `dir`, or undefined when this code cannot tell its own version (see codeDigest). */
export function openIngestCache(dir: string, opts: CacheOptions): IngestCache | undefined {
  const code = codeDigest();
  if (code === null) return undefined;
  const version = opts.version ?? READER_VERSION;
  const prefix = JSON.stringify({ version, code, xlsx: XLSX.version, limitMb: opts.limitMb });
  const used = new Set<string>();
  const stats = { hits: 0, misses: 0, rejected: 0 };
  const entryPath = (key: string) => path.join(dir, `${key}.bin`);
  let ready = false;

  return {
    dir,
    stats,
    keyFor(name, data) {
      const h = createHash('sha256').update(prefix).update('\0').update(name).update('\0');
      return h.update(data).digest('hex');
    },
    get(key) {
      used.add(key);
      const file = entryPath(key);
      let bytes: Buffer;
      try {
        bytes = readFileSync(file);
      } catch {
        stats.misses++;
        return undefined;
      }
      const outcome = decodeEntry(bytes, version, key);
      if (outcome === undefined) {
        stats.rejected++;
        rmSync(file, { force: true });
        return undefined;
      }
      stats.hits++;
      try {
        const now = new Date();
        utimesSync(file, now, now); // recently used entries survive pruning
      } catch {
        // only the pruning order suffers
      }
      return outcome;
    },
    set(key, outcome) {
      used.add(key);
      const file = entryPath(key);
      const tmp = `${file}.${process.pid}.tmp`;
      try {
        if (!ready) mkdirSync(dir, { recursive: true });
        ready = true;
        // Written aside and renamed: a reader never sees half an entry under the real name.
        writeFileSync(tmp, encodeEntry({ version, key, outcome }));
        renameSync(tmp, file);
      } catch {
        rmSync(tmp, { force: true }); // a read-only or full disk only costs the next build its speed
      }
    },
    prune() {
      let names: string[];
      try {
        names = readdirSync(dir);
      } catch {
        return;
      }
      const others = names
        .filter((n) => !used.has(n.replace(/\.bin$/, '')))
        .map((n) => {
          const p = path.join(dir, n);
          try {
            return { p, t: statSync(p).mtimeMs };
          } catch {
            return { p, t: 0 };
          }
        })
        .sort((a, b) => b.t - a.t);
      for (const { p } of others.slice(KEEP_OTHERS)) rmSync(p, { force: true });
    },
  };
}

/** One file's outcome: from the cache when it holds a valid entry, else read (and then kept). */
export function readCached(
  cache: IngestCache | undefined,
  name: string,
  data: Uint8Array,
  maxUnpackedBytes: number,
): FileOutcome {
  if (!cache) return readFileOutcome(name, data, maxUnpackedBytes);
  const key = cache.keyFor(name, data);
  const hit = cache.get(key);
  if (hit) return hit;
  const outcome = readFileOutcome(name, data, maxUnpackedBytes);
  cache.set(key, outcome);
  return outcome;
}
