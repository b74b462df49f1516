/** Run one of our scripts on the same Node (24) that runs the tests. */
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { ROOT } from './paths.ts';

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

export function runScript(script: string, env: NodeJS.ProcessEnv, args: string[] = []): Promise<RunResult> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [resolve(ROOT, script), ...args], { cwd: ROOT, env });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', fail);
    child.on('close', (code) => done({ code: code ?? 1, stdout, stderr }));
  });
}
