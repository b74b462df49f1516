/** The version of an installed package, read from its package.json ("unknown" when it cannot be read). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export function installedVersion(root: string, name: string): string {
  try {
    const pkg = readFileSync(join(root, 'node_modules', name, 'package.json'), 'utf8');
    return (JSON.parse(pkg) as { version: string }).version;
  } catch {
    return 'unknown';
  }
}
