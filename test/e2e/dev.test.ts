/**
 * `npm run dev` picks up a saved spreadsheet without a restart, and a save with errors shows
 * them in a banner while the last valid data stays on the page.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createServer } from 'node:net';
import { outsideVitest, ROOT, TEST_TODAY } from '../support/paths.ts';

// A free port, so several checkouts can run their tests at once.
let PORT = 0;
function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const srv = createServer();
    srv.once('error', fail);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => ok(port));
    });
  });
}
let dir: string;
let server: ChildProcess;
let log = '';

async function page(path: string): Promise<string> {
  // A request made while Vite re-optimises dependencies can hang: give up and ask again.
  const res = await fetch(`http://127.0.0.1:${PORT}${path}`, { signal: AbortSignal.timeout(30_000) });
  return res.text();
}

async function until(check: () => Promise<boolean>, what: string, ms = 180_000) {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await check().catch(() => false)) return;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`timed out waiting for ${what}\n${log}`);
}

beforeAll(async () => {
  PORT = await freePort();
  dir = await mkdtemp(join(tmpdir(), 'kam-dev-'));
  await cp(resolve(ROOT, 'data'), dir, { recursive: true });
  server = spawn(
    process.execPath,
    [resolve(ROOT, 'node_modules/astro/bin/astro.mjs'), 'dev', '--port', String(PORT), '--host', '127.0.0.1'],
    {
      cwd: ROOT,
      env: {
        ...outsideVitest(),
        KAM_DATA_DIR: dir,
        // The reading cache of this test's files stays out of the project's state folder.
        KAM_STATE_DIR: `${dir}.state`,
        KAM_TODAY: TEST_TODAY,
        TZ: 'UTC',
      },
    },
  );
  server.stdout?.on('data', (d: Buffer) => (log += d.toString()));
  server.stderr?.on('data', (d: Buffer) => (log += d.toString()));
  await until(async () => (await page('/accounts/')).includes('accounts-table'), 'the dev server');
});

afterAll(async () => {
  server?.kill('SIGTERM');
  await rm(dir, { recursive: true, force: true });
  await rm(`${dir}.state`, { recursive: true, force: true });
});

describe('npm run dev', () => {
  it('refreshes pages when a spreadsheet is saved, and keeps the last good data on a bad save', async () => {
    const file = join(dir, 'contacts.csv');
    const original = await readFile(file, 'utf8');
    const lines = original.split('\n');
    const header = lines[0]!.replace(/^\uFEFF/, '').split(';');
    const nameCol = header.indexOf('name');
    const accountCol = header.indexOf('account_id');
    const influenceCol = header.indexOf('influence');
    const cells = lines[1]!.split(';');
    const account = cells[accountCol]!;
    const renamed = 'Zebulon Quickfox';
    cells[nameCol] = renamed;
    lines[1] = cells.join(';');
    await writeFile(file, lines.join('\n'));
    await until(async () => (await page(`/accounts/${account}/`)).includes(renamed), 'the renamed contact');

    cells[influenceCol] = '9';
    lines[1] = cells.join(';');
    await writeFile(file, lines.join('\n'));
    // The place as check-data prints it, with the cell address.
    const place = /contacts\.csv › contacts › row 2 \([A-Z]+2\) › influence/;
    let html = '';
    await until(async () => {
      html = await page(`/accounts/${account}/`);
      return html.includes('role="alert"') && place.test(html);
    }, 'the error banner naming the cell');
    expect(html).toContain(renamed);
  });
});
