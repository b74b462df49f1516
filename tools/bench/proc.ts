/**
 * Run a child process (always on the running Node, `process.execPath`) and measure its wall
 * time and the peak resident memory of its whole process tree: every ~100 ms the children of
 * the child are found through `/proc/<pid>/stat` (ppid) and their `VmRSS` summed.
 */
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

export interface Measured {
  code: number;
  wall_s: number;
  peak_rss_mb: number;
  /**
   * CPU seconds (user + system) of the process tree, from the same polling: less sensitive to
   * other load on a shared machine than wall time. A descendant's last ~100 ms may be missed.
   */
  cpu_s: number;
  /** The last lines the child wrote on stderr (for error messages). */
  tail: string;
}

export interface RunOptions {
  cwd: string;
  env: NodeJS.ProcessEnv;
  /** Prefix for the child's stderr lines echoed on ours; undefined keeps it quiet. */
  echo?: string;
  intervalMs?: number;
}

export function runMeasured(args: string[], opts: RunOptions): Promise<Measured> {
  return new Promise((done, fail) => {
    const started = performance.now();
    const child = spawn(process.execPath, args, {
      cwd: opts.cwd,
      env: opts.env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let peak = 0;
    const ticks = new Map<number, number>();
    const sample = () => {
      if (child.pid === undefined) return;
      peak = Math.max(peak, treeRssKb(child.pid, ticks));
    };
    const timer = setInterval(sample, opts.intervalMs ?? 100);
    let tail = '';
    let partial = '';
    const onData = (d: Buffer) => {
      const text = d.toString();
      tail = (tail + text).slice(-4000);
      if (opts.echo === undefined) return;
      const lines = (partial + text).split('\n');
      partial = lines.pop() ?? '';
      for (const line of lines) process.stderr.write(`${opts.echo}${line}\n`);
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('error', (e) => {
      clearInterval(timer);
      fail(e);
    });
    child.on('close', (code) => {
      clearInterval(timer);
      const cpu = [...ticks.values()].reduce((n, t) => n + t, 0) / CLOCK_TICKS;
      if (opts.echo !== undefined && partial) process.stderr.write(`${opts.echo}${partial}\n`);
      done({
        code: code ?? 1,
        wall_s: (performance.now() - started) / 1000,
        peak_rss_mb: peak / 1024,
        cpu_s: cpu,
        tail,
      });
    });
    sample();
  });
}

/** USER_HZ: the unit of utime/stime in /proc/<pid>/stat (100 on Linux). */
const CLOCK_TICKS = 100;

/**
 * Sum of VmRSS (kB) of `root` and all its descendants right now; records each one's CPU ticks
 * (utime + stime, children not included so nothing counts twice) into `ticks`.
 */
export function treeRssKb(root: number, ticks?: Map<number, number>): number {
  const cpu = new Map<number, number>();
  const children = new Map<number, number[]>();
  let pids: string[];
  try {
    pids = readdirSync('/proc');
  } catch {
    return 0;
  }
  for (const name of pids) {
    const c = name.charCodeAt(0);
    if (c < 48 || c > 57) continue;
    const stat = readProc(`/proc/${name}/stat`);
    if (!stat) continue;
    // "pid (comm) state ppid …": comm may hold spaces and parentheses, so split after the last ')'.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ppid = Number(fields[1]);
    // After the comm: state(0) ppid(1) … utime(11) stime(12).
    cpu.set(Number(name), Number(fields[11]) + Number(fields[12]));
    const list = children.get(ppid);
    if (list) list.push(Number(name));
    else children.set(ppid, [Number(name)]);
  }
  let total = 0;
  const queue = [root];
  const seen = new Set<number>();
  while (queue.length) {
    const pid = queue.pop()!;
    if (seen.has(pid)) continue;
    seen.add(pid);
    const status = readProc(`/proc/${pid}/status`);
    const m = status ? /VmRSS:\s+(\d+)\s+kB/.exec(status) : null;
    if (m) total += Number(m[1]);
    const t = cpu.get(pid);
    if (ticks && t !== undefined) ticks.set(pid, Math.max(ticks.get(pid) ?? 0, t));
    for (const c of children.get(pid) ?? []) queue.push(c);
  }
  return total;
}

function readProc(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined; // the process ended between listing and reading
  }
}
