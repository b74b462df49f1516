/** Plans, whitespace and early warnings in the demo build's exports and client bundles. */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SHARE_DIR, SITE_DIR } from '../support/paths.ts';

const read = (p: string) => readFile(join(SITE_DIR, p), 'utf8');

interface AccountRow {
  account_id: string;
  status: string;
  health: string | null;
  signals: string[];
  whitespace_value: number;
}

describe('the demo build: plans, whitespace and signals', () => {
  it('exports health, sorted signals and whitespace value for every account', async () => {
    const json = JSON.parse(await read('exports/accounts.json')) as AccountRow[];
    for (const a of json) {
      expect(a.signals).toEqual([...a.signals].sort());
      expect(typeof a.whitespace_value).toBe('number');
      if (a.status === 'active')
        expect(a.health).toBe(a.signals.length === 0 ? 'green' : a.signals.length === 1 ? 'amber' : 'red');
      else expect([a.health, a.signals]).toEqual([null, []]);
    }
    expect(new Set(json.map((a) => a.health))).toEqual(new Set(['green', 'amber', 'red', null]));
    expect(new Set(json.flatMap((a) => a.signals)).size).toBe(8);
    const csv = (await read('exports/accounts.csv')).replace(/^\uFEFF/, '').split('\r\n');
    expect(csv[0]!.split(',')).toEqual(expect.arrayContaining(['health', 'signals', 'whitespace_value']));
  });

  it('exports plans.json: one record per objective with its actions', async () => {
    const plans = JSON.parse(await read('exports/plans.json')) as {
      state: string;
      progress: number | null;
      actions: { overdue: boolean; done_on: string | null }[];
    }[];
    expect(plans.length).toBeGreaterThan(10);
    expect(new Set(plans.map((p) => p.state))).toEqual(
      new Set(['overdue', 'at_risk', 'on_track', 'achieved', 'dropped']),
    );
    const actions = plans.flatMap((p) => p.actions);
    expect(actions.some((a) => a.overdue)).toBe(true);
    for (const a of actions) if (a.done_on !== null) expect(a.overdue).toBe(false);
    for (const p of plans) if (p.state === 'at_risk') expect(p.actions.some((a) => a.overdue)).toBe(true);
  });

  it('shows the joint plan in some client bundles, in the portal language', async () => {
    const dirs = (await readdir(SHARE_DIR, { withFileTypes: true })).filter((d) => d.isDirectory());
    let withPlan = 0;
    for (const d of dirs) {
      const html = await readFile(join(SHARE_DIR, d.name, 'index.html'), 'utf8');
      if (html.includes('id="plan"')) withPlan++;
    }
    expect(withPlan).toBeGreaterThan(3);
  });
});
