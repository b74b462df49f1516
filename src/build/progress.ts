/**
 * Build progress on the terminal: one line per phase with its count and duration, and a
 * ticking elapsed time while a long phase runs (only on a TTY, so CI logs stay clean).
 */
export interface Progress {
  phase<T>(label: string, run: () => Promise<T>, describe?: (result: T) => string): Promise<T>;
  /** Seconds spent per phase label, in order. */
  readonly timings: Record<string, number>;
  /** CPU seconds (user + system, all threads of this process; not its child processes) per phase label. */
  readonly cpu: Record<string, number>;
}

export function createProgress(stream: NodeJS.WriteStream = process.stderr, total?: number): Progress {
  const timings: Record<string, number> = {};
  const cpu: Record<string, number> = {};
  let n = 0;
  return {
    timings,
    cpu,
    async phase(label, run, describe) {
      n += 1;
      const tag = total ? `[${n}/${total}]` : `[${n}]`;
      const started = performance.now();
      const cpuStarted = process.cpuUsage();
      const tty = stream.isTTY === true;
      const tick = tty
        ? setInterval(() => {
            stream.write(`\r${tag} ${label} … ${seconds(started)} s`);
          }, 250)
        : undefined;
      if (!tty) stream.write(`${tag} ${label} …\n`);
      try {
        const result = await run();
        const s = seconds(started);
        // Millisecond precision for the benchmark; the line below shows one decimal.
        timings[label] = Math.round(performance.now() - started) / 1000;
        const used = process.cpuUsage(cpuStarted);
        cpu[label] = Math.round((used.user + used.system) / 1000) / 1000;
        const detail = describe ? ` ${describe(result)}` : '';
        stream.write(`${tty ? '\r' : ''}${tag} ${label}:${detail} (${s} s)${tty ? '\x1b[K' : ''}\n`);
        return result;
      } catch (e) {
        if (tty) stream.write('\n');
        throw e;
      } finally {
        if (tick) clearInterval(tick);
      }
    },
  };
}

function seconds(started: number): string {
  return ((performance.now() - started) / 1000).toFixed(1);
}
