/**
 * Page cache keys: an account's key follows its own rows and everything shared, and nothing of
 * another account's. (test/build/rebuild.test.ts checks the copied pages end to end.)
 */
import { describe, expect, it } from 'vitest';
import { createBuildContext } from '../../../src/content/context.ts';
import type { Datasets } from '../../../src/schema/index.ts';
import { accountKey } from '../../../src/views/page-keys.ts';
import { fixtureDatasets, TODAY } from '../share/fixture.ts';

const keys = (data: Datasets) => {
  const ctx = createBuildContext({
    dataDir: '/data',
    today: TODAY,
    input: { ok: true, data, problems: [], files: [], locale: 'en', origins: {} },
  });
  return new Map(data.accounts.map((a) => [a.account_id, accountKey(ctx, a.account_id)]));
};

describe('account page keys', () => {
  const base = fixtureDatasets();
  const before = keys(base);
  const [first, second] = base.accounts.map((a) => a.account_id);

  it('are stable and distinct per account', () => {
    expect(keys(fixtureDatasets())).toEqual(before);
    expect(new Set(before.values()).size).toBe(base.accounts.length);
  });

  it("change with the account's own rows, and only its own", () => {
    const data = fixtureDatasets();
    data.contacts = data.contacts.map((c) => (c.account_id === first ? { ...c, name: `${c.name} Jr` } : c));
    expect(data.contacts.some((c) => c.account_id === first)).toBe(true);
    const after = keys(data);
    expect(after.get(first!)).not.toBe(before.get(first!));
    expect(after.get(second!)).toBe(before.get(second!));
  });

  it('all change with a shared row or setting', () => {
    const renamed = fixtureDatasets();
    renamed.team = renamed.team.map((m, i) => (i === 0 ? { ...m, name: `${m.name} X` } : m));
    const currency = fixtureDatasets();
    currency.settings = { ...currency.settings, currency: 'JPY' };
    for (const data of [renamed, currency]) {
      const after = keys(data);
      for (const [id, key] of before) expect(after.get(id), id).not.toBe(key);
    }
  });
});
