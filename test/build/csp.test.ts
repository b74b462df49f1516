/**
 * Every page of the built demo portal carries the Content-Security-Policy first thing in its
 * head and has nothing the policy would have to allow inline: no inline script, no event
 * handler attribute, no javascript: link. (The browser tests check that pages work under it.)
 */
import { describe, expect, it } from 'vitest';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { CONTENT_SECURITY_POLICY } from '../../src/lib/csp.ts';
import { SITE_DIR } from '../support/paths.ts';

describe('Content-Security-Policy', () => {
  it('forbids inline script and other origins', () => {
    const directives = new Map(
      CONTENT_SECURITY_POLICY.split(';').map((d) => {
        const [name, ...values] = d.trim().split(/\s+/);
        return [name!, values] as const;
      }),
    );
    expect(directives.get('default-src')).toEqual(["'self'"]);
    expect(directives.get('script-src')).toEqual(["'self'", "'wasm-unsafe-eval'"]);
    expect(directives.get('object-src')).toEqual(["'none'"]);
    for (const values of directives.values()) {
      expect(values).not.toContain('*');
      expect(values.filter((v) => /^(https?:|\*\.)/.test(v))).toEqual([]);
    }
    // A <meta> policy ignores these and Chromium logs an error for each.
    expect(
      [...directives.keys()].filter((d) => ['frame-ancestors', 'report-uri', 'sandbox'].includes(d)),
    ).toEqual([]);
  });

  it('is on every page, before any script, and no page has inline script', async () => {
    const files = (await readdir(SITE_DIR, { recursive: true })).filter((f) => f.endsWith('.html'));
    expect(files.length).toBeGreaterThan(50);
    const meta = `<meta http-equiv="content-security-policy" content="${CONTENT_SECURITY_POLICY}">`;
    const problems: string[] = [];
    for (const f of files) {
      const html = await readFile(join(SITE_DIR, f), 'utf8');
      // The preview copies of client bundles carry the bundle's own, stricter policy: nothing
      // but their inline style may load.
      if (f.startsWith('share-preview/')) {
        if (!/http-equiv="Content-Security-Policy"\s+content="default-src 'none';/.test(html))
          problems.push(`${f}: no bundle CSP meta`);
        if (html.includes('<script')) problems.push(`${f}: a script in a bundle`);
        continue;
      }
      const at = html.indexOf(meta);
      if (at < 0) problems.push(`${f}: no CSP meta`);
      else if (html.slice(0, at).includes('<script')) problems.push(`${f}: a script before the CSP meta`);
      for (const tag of html.match(/<script\b[^>]*>/g) ?? [])
        if (!/\bsrc=/.test(tag) && !/type="application\/(ld\+)?json"/.test(tag))
          problems.push(`${f}: inline ${tag}`);
      // Attributes outside quoted values: blank the values first.
      const bare = html.replace(/="[^"]*"/g, '=""');
      for (const m of bare.match(/<[a-z][^>]*\son[a-z]+=/gi) ?? []) problems.push(`${f}: handler in ${m}`);
      if (/href="javascript:/i.test(html)) problems.push(`${f}: javascript: link`);
    }
    expect(problems).toEqual([]);
  });
});
