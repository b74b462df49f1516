/**
 * Publish a freshly built folder in place of the old one. The new output is written next to
 * the target and swapped in only when complete, so a failed build never leaves a half-written
 * or empty `dist/`.
 */
import { rename, rm } from 'node:fs/promises';
import { existsSync } from 'node:fs';

export async function swapInto(fresh: string, target: string): Promise<void> {
  const old = `${target}.old-${process.pid}`;
  const hadTarget = existsSync(target);
  if (hadTarget) await rename(target, old);
  try {
    await rename(fresh, target);
  } catch (e) {
    if (hadTarget) await rename(old, target);
    throw e;
  }
  if (hadTarget) await rm(old, { recursive: true, force: true });
}
