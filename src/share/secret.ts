/**
 * The secret behind share links (docs/RULES.md#client-bundles): `KAM_SHARE_SECRET`, else a random secret kept in
 * `<root>/.kam-share-secret`. The file is created once and then reused, so a client's link
 * stays the same from build to build.
 */
import { randomBytes } from 'node:crypto';
import { chmodSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const SECRET_ENV = 'KAM_SHARE_SECRET';
export const SECRET_FILE = '.kam-share-secret';

export interface SecretSource {
  /** Project root: where `.kam-share-secret` lives. */
  root: string;
  env: NodeJS.ProcessEnv;
}

export function resolveShareSecret({ root, env }: SecretSource): string {
  const fromEnv = env[SECRET_ENV]?.trim();
  if (fromEnv) return fromEnv;
  const file = join(root, SECRET_FILE);
  const existing = readSecretFile(file);
  if (existing) return existing;
  const secret = randomBytes(32).toString('hex');
  try {
    // 'wx' fails when another process (a parallel build, a dev server) created it first:
    // then its secret wins, so every process derives the same links.
    writeFileSync(file, `${secret}\n`, { mode: 0o600, flag: existing === '' ? 'w' : 'wx' });
    chmodSync(file, 0o600); // `mode` only applies to a new file; an emptied one keeps its old mode
    return secret;
  } catch (e) {
    const raced = readSecretFile(file);
    if (raced) return raced;
    throw e;
  }
}

/** The file's secret; '' when the file exists but is empty; null when there is none. */
function readSecretFile(file: string): string | null {
  try {
    return readFileSync(file, 'utf8').trim();
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw e;
  }
}
