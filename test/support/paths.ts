/** Where the test build of the demo portal lives (shared by global setup and tests). */
import { resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '../..');
export const SITE_ROOT = resolve(ROOT, 'test-results/site');
export const SITE_DIR = resolve(SITE_ROOT, 'dist');
export const SHARE_DIR = resolve(SITE_ROOT, 'dist-share');
/** A fixed "today" so overdue commitments are the same on every run. */
export const TEST_TODAY = '2026-11-27';
export const TEST_SECRET = 'test-share-secret-not-for-production';

/** The environment without Vitest's own variables (NODE_ENV=test, VITEST…), which change how Vite builds and serves. */
export function outsideVitest(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const key of Object.keys(env))
    if (key === 'NODE_ENV' || key === 'TEST' || key.startsWith('VITEST')) delete env[key];
  return env;
}

export function buildEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const out = extra.KAM_OUT_DIR ?? SITE_DIR;
  return {
    ...outsideVitest(),
    TZ: 'UTC',
    KAM_TODAY: TEST_TODAY,
    KAM_SHARE_SECRET: TEST_SECRET,
    KAM_OUT_DIR: SITE_DIR,
    KAM_SHARE_DIR: SHARE_DIR,
    // Build snapshots go with each test build's output, never into the project's own state
    // folder, and one test's builds are never compared with another's.
    KAM_STATE_DIR: `${out}.state`,
    ...extra,
  };
}
