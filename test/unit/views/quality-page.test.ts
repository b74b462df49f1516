/**
 * The data-quality page speaks the data's language: every finding of the portfolio appears as
 * its sentence from that locale's catalogue, under that locale's group titles, with
 * spreadsheet text escaped. Rendered with Astro's container from a published build context.
 */
import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { afterEach, describe, expect, it } from 'vitest';
import QualityPage from '../../../src/pages/quality/index.astro';
import { createBuildContext, publishBuildContext } from '../../../src/content/context.ts';
import type { Locale } from '../../../src/i18n/index.ts';
import { findingNames, findingText } from '../../../src/views/findings.ts';
import { fixtureDatasets, TODAY } from '../share/fixture.ts';

const HOSTILE = '<img src=x onerror=alert(1)> & "Co"';

afterEach(() => publishBuildContext(undefined));

async function qualityPage(locale: Locale) {
  const data = fixtureDatasets();
  data.settings = { ...data.settings, locale };
  // A contact never contacted, so its name reaches a finding's sentence.
  data.contacts = data.contacts.map((c) =>
    c.contact_id === 'C0002' ? { ...c, name: HOSTILE, last_contact: undefined } : c,
  );
  const ctx = createBuildContext({
    dataDir: '/data',
    today: TODAY,
    input: { ok: true, data, problems: [], files: [], locale, origins: {} },
  });
  publishBuildContext(ctx);
  const container = await AstroContainer.create();
  return { ctx, html: await container.renderToString(QualityPage) };
}

const decode = (s: string) =>
  s
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&#x27;/g, "'")
    .replace(/&amp;/g, '&');
/** The text of each finding line and each group title on the page. */
const items = (html: string) => [...html.matchAll(/<li[^>]*>(.*?)<\/li>/gs)].map((m) => decode(m[1]!));
const summaries = (html: string) =>
  [...html.matchAll(/<summary[^>]*>(.*?)<\/summary>/gs)].map((m) => decode(m[1]!).trim());

describe('the data-quality page', () => {
  it('shows each finding in Russian when the data is Russian', async () => {
    const { ctx, html } = await qualityPage('ru');
    const { portfolio, t, fmt, memberName } = ctx;
    const names = findingNames(portfolio, memberName);
    expect(portfolio.findings.length).toBeGreaterThan(0);
    const lines = items(html);
    for (const f of portfolio.findings) {
      const sentence = findingText(f, t, fmt, names);
      expect(
        lines.some((l) => l.startsWith(sentence)),
        sentence,
      ).toBe(true);
      expect(
        summaries(html).some((s) => s.includes(t.findingTitle[f.code])),
        f.code,
      ).toBe(true);
    }
    expect(lines.join('\n')).toContain(`С контактом C0002 (${HOSTILE}) клиента Northwind Metals (A001)`);
    expect(lines.join('\n')).not.toMatch(/\b(Account|Contact|has|never|of the)\b/);
  });

  it('shows the English sentences for English data, and never spreadsheet text as markup', async () => {
    const { html } = await qualityPage('en');
    expect(items(html).join('\n')).toContain(
      `Contact C0002 (${HOSTILE}) of account Northwind Metals (A001) has never been contacted.`,
    );
    expect(html).not.toContain('<img');
  });
});
