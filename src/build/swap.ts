/**
 * Publish freshly built folders in place of the old ones. Each output is written next to its
 * target (`dist.next-<pid>`) and swapped in only when every output is complete; the outputs
 * swap together or not at all, so `dist/` and `dist-share/` always come from the same build,
 * and a failed build never leaves a half-written or empty folder.
 */
import { existsSync } from 'node:fs';
import { readdir, rename, rm } from 'node:fs/promises';
import { basename, dirname, join, relative, resolve } from 'node:path';

/** The file-system operations publishing uses; tests inject failing ones. */
export interface PublishFs {
  rename(from: string, to: string): Promise<void>;
  rm(path: string): Promise<void>;
  exists(path: string): boolean;
}

export const nodeFs: PublishFs = {
  rename: (from, to) => rename(from, to),
  rm: (path) => rm(path, { recursive: true, force: true }),
  exists: (path) => existsSync(path),
};

export interface Output {
  /** The complete new folder (`dist.next-<pid>`). */
  fresh: string;
  /** The published folder it replaces (`dist`). */
  target: string;
}

export const stagingName = (target: string, kind: 'next' | 'old', pid = process.pid): string =>
  `${target}.${kind}-${pid}`;

/** Why a folder could not be written, in the words of the error code. */
const CAUSES: Record<string, string> = {
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EROFS: 'read-only file system',
  ENOSPC: 'no space left on device',
  EDQUOT: 'disk quota exceeded',
  ENOTDIR: 'a file is in the way (not a directory)',
  EISDIR: 'a folder is in the way',
  ENOENT: 'the folder or its parent does not exist',
  EBUSY: 'the folder is in use',
  EEXIST: 'the folder already exists',
  ENOTEMPTY: 'the folder is not empty',
  EMFILE: 'too many open files',
  EIO: 'input/output error',
  EXDEV: 'the staging folder is on another device',
};

/** A file-system failure on one output folder, told in one line. */
export class OutputError extends Error {
  readonly folder: string;
  readonly code: string;
  /** What was left in place, e.g. "dist/ and dist-share/ were left as they were". */
  readonly kept: string | undefined;
  constructor(folder: string, code: string, kept?: string) {
    super(`Cannot write ${display(folder)}: ${CAUSES[code] ?? 'file-system error'} (${code})`);
    this.folder = folder;
    this.code = code;
    this.kept = kept;
  }
}

/** Codes that can only come from writing, wherever they were raised. */
const WRITE_ONLY = new Set(['ENOSPC', 'EDQUOT', 'EROFS']);

/**
 * The file-system error code of `e` or of any error it wraps (Astro and Vite wrap them), when
 * it concerns `target`: a path in the target, its staging folders or its parent folder, or a
 * code only writing raises. A missing source file is not a problem of the output folder.
 */
export function fsErrorCode(e: unknown, target?: string): string | undefined {
  for (let cur = e, depth = 0; cur && depth < 8; depth++) {
    const { code, path } = cur as { code?: unknown; path?: unknown };
    if (typeof code === 'string' && code in CAUSES) {
      if (!target || WRITE_ONLY.has(code)) return code;
      if (typeof path === 'string' && concerns(resolve(path), resolve(target))) return code;
    }
    cur = (cur as { cause?: unknown }).cause;
  }
  return undefined;
}

function concerns(path: string, target: string): boolean {
  return (
    path === target ||
    path === dirname(target) ||
    path.startsWith(`${target}/`) ||
    path.startsWith(`${target}.next-`) ||
    path.startsWith(`${target}.old-`)
  );
}

/** Run `work` that writes into `folder`; a file-system failure there becomes an OutputError naming it. */
export async function writingTo<T>(folder: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (e) {
    const code = e instanceof OutputError ? undefined : fsErrorCode(e, folder);
    if (code) throw new OutputError(folder, code);
    throw e;
  }
}

/**
 * Swap every fresh folder in for its target. When any step fails, the outputs already
 * swapped are rolled back (the old folders renamed back), so nothing is half-published.
 */
export async function publish(outputs: readonly Output[], fs: PublishFs = nodeFs): Promise<void> {
  const done: Step[] = [];
  try {
    for (const out of outputs) {
      const step: Step = {
        out,
        old: fs.exists(out.target) ? stagingName(out.target, 'old') : null,
        swapped: false,
      };
      done.push(step);
      await writingTo(out.target, async () => {
        if (step.old) await fs.rename(out.target, step.old);
        await fs.rename(out.fresh, out.target);
        step.swapped = true;
      });
    }
  } catch (e) {
    const restored = await rollBack(done, fs);
    const names = outputs.map((o) => display(o.target)).join(' and ');
    const kept = restored
      ? `${names} ${outputs.length > 1 ? 'were' : 'was'} left as ${outputs.length > 1 ? 'they were' : 'it was'}`
      : `rolling back failed; the previous output is in ${done.flatMap((d) => (d.old ? [display(d.old)] : [])).join(' and ')}`;
    if (e instanceof OutputError) throw new OutputError(e.folder, e.code, kept);
    throw e;
  }
  // The old folders are no longer needed; one that cannot be removed now goes at the next start.
  for (const { old } of done) if (old) await fs.rm(old).catch(() => undefined);
}

interface Step {
  out: Output;
  /** Where the previous target was moved (null when there was none). */
  old: string | null;
  swapped: boolean;
}

/** Undo the steps in reverse: the fresh folder back aside, the previous one back in place. */
async function rollBack(done: Step[], fs: PublishFs): Promise<boolean> {
  let ok = true;
  for (const { out, old, swapped } of [...done].reverse()) {
    try {
      if (swapped) await fs.rename(out.target, out.fresh);
      if (old && fs.exists(old)) await fs.rename(old, out.target);
    } catch {
      ok = false;
    }
  }
  return ok;
}

/**
 * Remove staging folders an interrupted build left next to the targets (`dist.next-*`,
 * `dist.old-*`), unless the process that made them is still running (a parallel build).
 */
export async function removeStaleStaging(
  targets: readonly string[],
  fs: PublishFs = nodeFs,
): Promise<string[]> {
  const removed: string[] = [];
  for (const target of targets) {
    const dir = dirname(target);
    const pattern = new RegExp(`^${escapeRegExp(basename(target))}\\.(?:next|old)-(\\d+)$`);
    const names = await readdir(dir).catch(() => [] as string[]);
    for (const name of names) {
      const pid = Number(pattern.exec(name)?.[1]);
      if (!pid || (pid !== process.pid && alive(pid))) continue;
      await writingTo(join(dir, name), () => fs.rm(join(dir, name)));
      removed.push(join(dir, name));
    }
  }
  return removed;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A folder as the user knows it: relative to the working directory, with a trailing slash. */
export function display(folder: string): string {
  const rel = relative(process.cwd(), resolve(folder));
  const shown = rel && !rel.startsWith('..') ? rel : resolve(folder);
  return `${shown}/`;
}
