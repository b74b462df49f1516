/**
 * The build context: made once from explicit options, handed to the pages through one slot,
 * and read back by `loadPortal()` without consulting the environment.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createBuildContext, publishBuildContext } from '../../../src/content/context.ts';
import { loadLocale, loadPortal } from '../../../src/content/portal.ts';
import type { IngestResult } from '../../../src/ingest/index.ts';
import { shareLinks } from '../../../src/share/links.ts';
import { fixtureDatasets, TODAY } from '../share/fixture.ts';

function input(ok = true): IngestResult {
  return {
    ok,
    data: fixtureDatasets(),
    problems: [
      { severity: 'warning', message: 'a warning', file: 'accounts.csv', row: 3 },
      ...(ok ? [] : [{ severity: 'error' as const, message: 'an error', file: 'accounts.csv', row: 4 }]),
    ],
    files: [],
    locale: 'en',
    origins: {},
  };
}

afterEach(() => publishBuildContext(undefined));

describe('createBuildContext', () => {
  it('computes the portfolio for the given day and derives the locale, strings and names from the data', () => {
    const ctx = createBuildContext({ dataDir: '/data', today: TODAY, input: input() });
    expect(ctx.portfolio.today).toBe(TODAY);
    expect(ctx.portfolio.accounts.length).toBe(ctx.data.accounts.length);
    expect(ctx.locale).toBe(ctx.data.settings.locale);
    expect(ctx.t.lang).toBe(ctx.locale);
    const member = ctx.data.team[0]!;
    expect(ctx.memberName(member.member_id)).toBe(member.name);
    expect(ctx.memberName(null)).toBe('—');
    expect(ctx.warnings.map((w) => w.message)).toEqual(['a warning']);
    expect(ctx.status).toEqual({ ok: true, problems: [] });
    // Only a build writes bundles and compares with the previous build.
    expect(ctx.shareLinks).toBeUndefined();
    expect(ctx.changes).toBeUndefined();
  });

  it('keeps what the entry computed instead of computing it again', () => {
    const first = createBuildContext({ dataDir: '/data', today: TODAY, input: input() });
    const links = shareLinks(first.portfolio, 'secret');
    const ctx = createBuildContext({
      dataDir: '/data',
      today: TODAY,
      input: first.input,
      portfolio: first.portfolio,
      shareLinks: links,
    });
    expect(ctx.portfolio).toBe(first.portfolio);
    expect(ctx.shareLinks).toBe(links);
  });

  it('reports the errors of a failed reading as its status', () => {
    const ctx = createBuildContext({ dataDir: '/data', today: TODAY, input: input(false) });
    expect(ctx.status.ok).toBe(false);
    expect(ctx.status.problems.map((p) => p.message)).toEqual(['an error']);
  });
});

describe('loadPortal', () => {
  it('fails plainly when no entry published a context', async () => {
    await expect(loadPortal()).rejects.toThrow(/No build context/);
  });

  it('returns the published context, whatever the environment says now', async () => {
    const ctx = createBuildContext({ dataDir: '/data', today: TODAY, input: input() });
    publishBuildContext(ctx);
    const before = process.env.KAM_TODAY;
    process.env.KAM_TODAY = '2030-01-01';
    try {
      const portal = await loadPortal();
      expect(portal).toBe(ctx);
      expect(portal.today).toBe(TODAY);
    } finally {
      if (before === undefined) delete process.env.KAM_TODAY;
      else process.env.KAM_TODAY = before;
    }
  });
});

describe('loadLocale', () => {
  it('gives components the strings, formatter and language of the published context, and no data', () => {
    expect(() => loadLocale()).toThrow(/No build context/);
    const ctx = createBuildContext({ dataDir: '/data', today: TODAY, input: input() });
    publishBuildContext(ctx);
    const tools = loadLocale();
    expect(tools).toEqual({ t: ctx.t, fmt: ctx.fmt, locale: ctx.locale });
    expect(Object.keys(tools).sort()).toEqual(['fmt', 'locale', 't']);
  });
});
