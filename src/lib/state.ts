/**
 * The state folder: what one build leaves for the next (build snapshots for "what changed",
 * each data file's reading). `KAM_STATE_DIR`, else `.kam/` in the project root; deleting it
 * only costs the next build its comparison and its cache.
 */
import { resolve } from 'node:path';

export function stateDir(root: string = process.cwd(), env: NodeJS.ProcessEnv = process.env): string {
  const dir = env.KAM_STATE_DIR?.trim();
  return resolve(root, dir ? dir : '.kam');
}
