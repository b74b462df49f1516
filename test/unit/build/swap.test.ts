/**
 * Publishing the two outputs: both swap or neither, a failed swap rolls back what was already
 * swapped, left-over staging folders go at the next start, and file-system failures are told
 * in one line naming the folder.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  fsErrorCode,
  nodeFs,
  OutputError,
  publish,
  removeStaleStaging,
  stagingName,
  writingTo,
  type Output,
  type PublishFs,
} from '../../../src/build/swap.ts';

let work: string;
let outputs: Output[];

const fsError = (code: string) => Object.assign(new Error(`${code}: simulated`), { code });

/** Real file operations, except that moving the fresh folder `fresh` into place throws `code`. */
function failingRename(fresh: string, code: string): PublishFs {
  return {
    ...nodeFs,
    rename: async (from, to) => {
      // As Node reports a failed rename: the source path and the destination.
      if (from === fresh) throw Object.assign(fsError(code), { path: from, dest: to });
      return nodeFs.rename(from, to);
    },
  };
}

async function folder(path: string, content: string) {
  await mkdir(path, { recursive: true });
  await writeFile(join(path, 'index.html'), content);
}
const content = (path: string) => readFile(join(path, 'index.html'), 'utf8');

beforeEach(async () => {
  work = await mkdtemp(join(tmpdir(), 'kam-swap-'));
  const site = join(work, 'dist');
  const share = join(work, 'dist-share');
  outputs = [
    { fresh: stagingName(site, 'next'), target: site },
    { fresh: stagingName(share, 'next'), target: share },
  ];
  for (const o of outputs) {
    await folder(o.target, 'old');
    await folder(o.fresh, 'new');
  }
});
afterEach(async () => {
  await rm(work, { recursive: true, force: true });
});

describe('publish', () => {
  it('swaps both outputs in and removes the old folders', async () => {
    await publish(outputs);
    for (const o of outputs) expect(await content(o.target)).toBe('new');
    expect((await readdir(work)).sort()).toEqual(['dist', 'dist-share']);
  });

  it('works when there was no previous output', async () => {
    for (const o of outputs) await rm(o.target, { recursive: true });
    await publish(outputs);
    for (const o of outputs) expect(await content(o.target)).toBe('new');
  });

  it('rolls dist/ back when dist-share/ cannot be replaced, and says what was kept', async () => {
    const [site, share] = outputs as [Output, Output];
    const err = await publish(outputs, failingRename(share.fresh, 'EACCES')).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(OutputError);
    const e = err as OutputError;
    expect(e.folder).toBe(share.target);
    expect(e.message).toMatch(/^Cannot write .*dist-share\/: permission denied \(EACCES\)$/);
    expect(e.kept).toMatch(/dist\/ and .*dist-share\/ were left as they were/);
    expect(await content(site.target)).toBe('old');
    expect(await content(share.target)).toBe('old');
    // The fresh folders are back aside for the caller to remove; nothing else was left.
    expect(existsSync(stagingName(site.target, 'old'))).toBe(false);
    expect(existsSync(stagingName(share.target, 'old'))).toBe(false);
  });

  it('changes nothing when the first output cannot be replaced (disk full)', async () => {
    const [site, share] = outputs as [Output, Output];
    const err = (await publish(outputs, failingRename(site.fresh, 'ENOSPC')).catch(
      (e: unknown) => e,
    )) as OutputError;
    expect(err.message).toMatch(/dist\/: no space left on device \(ENOSPC\)$/);
    expect(await content(site.target)).toBe('old');
    expect(await content(share.target)).toBe('old');
    expect(await content(share.fresh)).toBe('new');
  });

  it('reports when even the roll-back failed, naming where the old output is', async () => {
    const [site, share] = outputs as [Output, Output];
    const fs: PublishFs = {
      ...nodeFs,
      rename: async (from, to) => {
        if (to === share.target || to === site.fresh)
          throw Object.assign(fsError('EIO'), { path: from, dest: to });
        return nodeFs.rename(from, to);
      },
    };
    const err = (await publish(outputs, fs).catch((e: unknown) => e)) as OutputError;
    expect(err.kept).toContain(`${stagingName(site.target, 'old')}/`);
    expect(await content(stagingName(site.target, 'old'))).toBe('old');
  });
});

describe('removeStaleStaging', () => {
  it('removes the staging folders of dead builds and keeps those of running ones', async () => {
    const [site, share] = outputs as [Output, Output];
    const dead = 2 ** 22 + 1; // above Linux's largest pid
    for (const o of outputs) await rm(o.fresh, { recursive: true });
    await folder(stagingName(site.target, 'next', dead), 'x');
    await folder(stagingName(share.target, 'old', dead), 'x');
    await folder(stagingName(site.target, 'next', process.ppid), 'running');
    await folder(join(work, 'dist.next-backup'), 'not ours');
    const removed = await removeStaleStaging([site.target, share.target]);
    expect(removed.sort()).toEqual(
      [stagingName(site.target, 'next', dead), stagingName(share.target, 'old', dead)].sort(),
    );
    expect(existsSync(stagingName(site.target, 'next', process.ppid))).toBe(true);
    expect(existsSync(join(work, 'dist.next-backup'))).toBe(true);
    expect(await content(site.target)).toBe('old');
  });

  it('tolerates a missing parent folder', async () => {
    expect(await removeStaleStaging([join(work, 'nowhere', 'dist')])).toEqual([]);
  });
});

describe('writingTo', () => {
  it('turns a file-system failure, however deeply wrapped, into one line naming the folder', async () => {
    const wrapped = new Error('[vite] build failed', {
      cause: new Error('write', { cause: fsError('EROFS') }),
    });
    expect(fsErrorCode(wrapped)).toBe('EROFS');
    const err = await writingTo(join(work, 'dist'), () => Promise.reject(wrapped)).catch((e: unknown) => e);
    expect((err as Error).message).toMatch(/^Cannot write .*dist\/: read-only file system \(EROFS\)$/);
  });

  it('names the folder when the failing path is in it, its staging folder or its parent', async () => {
    const dist = join(work, 'dist');
    for (const path of [dist, join(dist, 'a/index.html'), `${dist}.next-12/x`, work]) {
      const err = Object.assign(fsError('EACCES'), { path });
      expect(
        (await writingTo(dist, () => Promise.reject(err)).catch((e: unknown) => e)) as Error,
      ).toBeInstanceOf(OutputError);
    }
  });

  it('lets other errors through unchanged, a missing source file included', async () => {
    const dist = join(work, 'dist');
    const bug = new TypeError('x is undefined');
    expect(await writingTo(dist, () => Promise.reject(bug)).catch((e: unknown) => e)).toBe(bug);
    for (const path of [join(work, 'src/pages/x.astro'), join(work, 'dist-share/x')]) {
      const missing = Object.assign(fsError('ENOENT'), { path });
      expect(await writingTo(dist, () => Promise.reject(missing)).catch((e: unknown) => e)).toBe(missing);
    }
  });
});
