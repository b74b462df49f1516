/** "Today" for commitments and contacts: KAM_TODAY when set, else the build date in UTC. */

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function isCalendarDate(text: string): boolean {
  const m = DATE.exec(text);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === text;
}

/** Throws on a KAM_TODAY that is not a real `YYYY-MM-DD` date (silently ignoring it would mislead). */
export function resolveToday(env: NodeJS.ProcessEnv = process.env, now: Date = new Date()): string {
  const set = env['KAM_TODAY']?.trim();
  if (set) {
    if (!isCalendarDate(set)) throw new Error(`KAM_TODAY must be a date YYYY-MM-DD, got "${set}"`);
    return set;
  }
  return now.toISOString().slice(0, 10);
}
