/**
 * npm run check-data — validate the data folder only: every problem as
 * `file › sheet › row N › column: message`, errors first, then the summary.
 * Exit 1 on errors, 0 when there are only warnings.
 */
import { dataDir, formatProblem, ingestFolder, summarize } from '../src/ingest/index.ts';
import { ingestCacheDir } from '../src/ingest/cache.ts';
import { dataMessages } from '../src/ingest/messages.ts';

const colour = process.stdout.isTTY === true && !process.env.NO_COLOR;
const paint = (code: string, text: string) => (colour ? `\x1b[${code}m${text}\x1b[0m` : text);

const dir = dataDir();
const result = await ingestFolder(dir, { cacheDir: ingestCacheDir() });

// Written in the data's language (its `locale` setting); the severity words padded to one width.
const d = dataMessages(result.locale);
const width = Math.max(d.severity.error.length, d.severity.warning.length);
console.log(d.checking(dir));
for (const p of result.problems) {
  const word =
    p.severity === 'error'
      ? paint('31;1', d.severity.error.padEnd(width))
      : paint('33', d.severity.warning.padEnd(width));
  console.log(`${word} ${formatProblem(p)}`);
}
const summary = summarize(result);
console.log(result.ok ? paint('32', summary) : paint('31;1', summary));
process.exitCode = result.ok ? 0 : 1;
