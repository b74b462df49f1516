/** Build the demo portal once for the build and browser tests. */
import { rm } from 'node:fs/promises';
import { buildEnv, SITE_ROOT } from './paths.ts';
import { runScript } from './run.ts';

export default async function setup() {
  await rm(SITE_ROOT, { recursive: true, force: true });
  const r = await runScript('scripts/build.ts', buildEnv());
  if (r.code !== 0) throw new Error(`The demo build failed (exit ${r.code}):\n${r.stderr}\n${r.stdout}`);
}
