/**
 * The playbook files themselves: every required topic exists in both languages, the two
 * versions agree on what they are about, the frontmatter passes the collection schema, and
 * every live block a playbook uses exists and accepts the attributes it is given.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { playbookFrontmatter, type PlaybookFrontmatter } from '../../../src/content/playbooks.ts';
import { LOCALES as PLAYBOOK_LOCALES } from '../../../src/schema/concepts.ts';
import { computePortfolio } from '../../../src/domain/index.ts';
import { messages } from '../../../src/i18n/index.ts';
import {
  isBlockName,
  playbookBlock,
  playbookContext,
  type BlockProps,
} from '../../../src/views/playbooks.ts';
import { datasets } from '../domain/factories.ts';
import { splitFrontmatter } from './frontmatter.ts';

const ROOT = join(import.meta.dirname, '../../../content/playbooks');
const REGISTRY = join(import.meta.dirname, '../../../src/components/playbook/PlaybookContent.astro');

const REQUIRED = [
  'segment-key',
  'segment-developing',
  'segment-maintained',
  'segment-opportunistic',
  'position-partner',
  'position-managed',
  'position-desired',
  'position-independent',
  'value-dossier',
  'contacts-dmu',
  'team-communication',
  'team-skills',
  'workload-norms',
  'pay-policy',
  'voice-of-customer',
  'reinvest-new-key-clients',
];

interface Loaded {
  file: string;
  folder: string;
  name: string;
  fm: PlaybookFrontmatter;
  body: string;
}

function load(): Loaded[] {
  const out: Loaded[] = [];
  for (const folder of readdirSync(ROOT)) {
    for (const f of readdirSync(join(ROOT, folder)).filter((n) => n.endsWith('.mdx'))) {
      const file = `${folder}/${f}`;
      const { data, body } = splitFrontmatter(readFileSync(join(ROOT, folder, f), 'utf8'), file);
      const parsed = playbookFrontmatter.safeParse(data);
      if (!parsed.success) throw new Error(`${file}: ${parsed.error.message}`);
      out.push({ file, folder, name: basename(f, '.mdx'), fm: parsed.data, body });
    }
  }
  return out;
}

const files = load();
const byLocale = (l: string) => new Map(files.filter((f) => f.fm.locale === l).map((f) => [f.fm.topic, f]));

/** Prose words: without JSX tags, table rules, markdown punctuation. */
function words(body: string): number {
  const text = body
    .replace(/<[A-Z][^>]*\/>/g, ' ')
    .replace(/^\|[-| ]+\|$/gm, ' ')
    .replace(/[#*|`[\]>-]/g, ' ');
  return text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
}

/** `<Block name="DmuGaps" segment="key" limit={5} />` → its attributes; anything else fails. */
function blockTags(body: string): { source: string; props: BlockProps }[] {
  return [...body.matchAll(/<Block\b([^>]*?)\/>/g)].map((m) => {
    const source = m[0];
    const props: Record<string, unknown> = {};
    const rest = (m[1] ?? '').replace(/\s*([\w-]+)=(?:"([^"]*)"|\{(\d+)\})\s*/g, (_, k: string, str, num) => {
      props[k] = str ?? Number(num);
      return '';
    });
    if (rest.trim() !== '') throw new Error(`cannot read the attributes of ${source}`);
    return { source, props };
  });
}

describe('playbook files', () => {
  it('live only in a locale folder named like their locale, file name = topic', () => {
    for (const f of files) {
      expect(f.folder, f.file).toBe(f.fm.locale);
      expect(f.name, f.file).toBe(f.fm.topic);
    }
    expect([...new Set(files.map((f) => f.folder))].sort()).toEqual([...PLAYBOOK_LOCALES].sort());
  });

  it.each(PLAYBOOK_LOCALES)('every required topic exists in %s', (locale) => {
    expect([...byLocale(locale).keys()].sort()).toEqual(expect.arrayContaining(REQUIRED));
  });

  it('every topic exists in both languages with the same segment, position, order, audience and related', () => {
    const en = byLocale('en');
    const ru = byLocale('ru');
    expect([...en.keys()].sort()).toEqual([...ru.keys()].sort());
    for (const [topic, e] of en) {
      const r = ru.get(topic);
      const pick = (f: Loaded | undefined) =>
        f && {
          segment: f.fm.segment,
          position: f.fm.position,
          order: f.fm.order,
          audience: f.fm.audience,
          related: f.fm.related,
        };
      expect(pick(r), topic).toEqual(pick(e));
    }
  });

  it('segment and position playbooks are titled with the glossary term', () => {
    for (const f of files) {
      const s = messages(f.fm.locale).playbook;
      if (f.fm.segment) expect(f.fm.title, f.file).toBe(s.segment[f.fm.segment]);
      if (f.fm.position) expect(f.fm.title, f.file).toBe(s.position[f.fm.position]);
    }
  });

  it('related topics exist', () => {
    const topics = new Set(files.map((f) => f.fm.topic));
    for (const f of files) for (const r of f.fm.related) expect(topics.has(r), `${f.file} → ${r}`).toBe(true);
  });

  it('are 250–600 words of prose with headings and a checklist', () => {
    for (const f of files) {
      const n = words(f.body);
      expect(n, `${f.file}: ${n} words`).toBeGreaterThanOrEqual(250);
      expect(n, `${f.file}: ${n} words`).toBeLessThanOrEqual(600);
      expect(f.body, f.file).toMatch(/^## /m);
      expect(f.body, f.file).toMatch(/^- \[ \] /m);
    }
  });

  it('use only registered live components, and never raw HTML injection', () => {
    const registry = readFileSync(REGISTRY, 'utf8');
    const registered = new Set(
      [...registry.matchAll(/^import (\w+) from '\.\/\w+\.astro';$/gm)].map((m) => m[1]),
    );
    expect(registered).toContain('Block');
    for (const f of files) {
      for (const m of f.body.matchAll(/<([A-Z]\w*)/g))
        expect(registered.has(m[1]), `${f.file}: <${m[1]}>`).toBe(true);
      expect(f.body, f.file).not.toMatch(/set:html|dangerouslySetInnerHTML|^import /m);
    }
  });

  it('name only live blocks of the registry, with attributes the block accepts', () => {
    // No data at all: every block must still render (its empty text) in both languages.
    const p = computePortfolio(datasets(), { today: '2026-07-15' });
    let blocks = 0;
    for (const f of files) {
      const ctx = { ...playbookContext(p, `/playbooks/${f.fm.locale}/${f.fm.topic}/`), memberName: String };
      for (const tag of blockTags(f.body)) {
        blocks++;
        expect(isBlockName(tag.props.name), `${f.file}: ${tag.source}`).toBe(true);
        expect(() => playbookBlock(p, ctx, tag.props), `${f.file}: ${tag.source}`).not.toThrow();
      }
    }
    expect(blocks).toBeGreaterThan(10);
  });

  it('Russian and English versions use the same live components', () => {
    const tags = (f: Loaded) => [...f.body.matchAll(/<[A-Z][^>]*\/>/g)].map((m) => m[0]);
    const ru = byLocale('ru');
    for (const [topic, e] of byLocale('en')) {
      const r = ru.get(topic);
      expect(r && tags(r), topic).toEqual(tags(e));
    }
  });
});
