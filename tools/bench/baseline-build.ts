/**
 * Build a baseline project (see baseline.ts) the way our pipeline builds the portal: Astro's
 * JS API, then Pagefind's Node API over the output. Writes the two phase times:
 *
 *   node tools/bench/baseline-build.ts <project dir> <out.json>
 */
import { readdir, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';

const [dirArg, out] = process.argv.slice(2);
if (!dirArg || !out) {
  console.error('usage: node tools/bench/baseline-build.ts <project dir> <out.json>');
  process.exit(2);
}
const dir = resolve(dirArg);
const outDir = join(dir, 'dist');
await rm(outDir, { recursive: true, force: true });
await rm(join(dir, '.cache'), { recursive: true, force: true });

let t = performance.now();
const cpu0 = process.cpuUsage();
const { build } = await import('astro');
await build({ root: dir, outDir, logLevel: 'warn' });
const astro_s = (performance.now() - t) / 1000;
const used = process.cpuUsage(cpu0);
const astro_cpu_s = (used.user + used.system) / 1e6;
const pages = (await readdir(outDir, { recursive: true })).filter((e) => e.endsWith('.html')).length;

t = performance.now();
const pagefind = await import('pagefind');
let indexed = 0;
try {
  const { index, errors } = await pagefind.createIndex({});
  if (!index) throw new Error(`pagefind: ${errors.join('; ')}`);
  const added = await index.addDirectory({ path: outDir });
  if (added.errors.length) throw new Error(`pagefind: ${added.errors.join('; ')}`);
  indexed = added.page_count;
  const written = await index.writeFiles({ outputPath: join(outDir, 'pagefind') });
  if (written.errors.length) throw new Error(`pagefind: ${written.errors.join('; ')}`);
} finally {
  await pagefind.close();
}
const index_s = (performance.now() - t) / 1000;

await writeFile(out, JSON.stringify({ astro_s, astro_cpu_s, index_s, pages, indexed }));
