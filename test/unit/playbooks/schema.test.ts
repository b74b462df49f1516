import { describe, expect, it } from 'vitest';
import { playbookFrontmatter, playbookGroup } from '../../../src/content/playbooks.ts';

const valid = {
  title: 'Key client',
  summary: 'How to work with key clients.',
  audience: ['kam', 'team'],
  segment: 'key',
  topic: 'segment-key',
  order: 1,
  locale: 'en',
};

function issues(data: unknown): string[] {
  const r = playbookFrontmatter.safeParse(data);
  return r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
}

describe('playbook frontmatter schema', () => {
  it('accepts a valid segment playbook and defaults related to []', () => {
    const r = playbookFrontmatter.parse(valid);
    expect(r.related).toEqual([]);
    expect(playbookGroup(r)).toBe('segments');
  });

  it('accepts a position playbook and a team-practice playbook with related topics', () => {
    const { segment: _s, ...base } = valid;
    expect(issues({ ...base, topic: 'position-partner', position: 'partner' })).toEqual([]);
    const practice = playbookFrontmatter.parse({ ...base, topic: 'value-dossier', related: ['segment-key'] });
    expect(playbookGroup(practice)).toBe('practice');
    expect(playbookGroup({ position: 'managed' })).toBe('positions');
  });

  const invalid: [string, Record<string, unknown>, string][] = [
    ['missing title', { title: undefined }, 'title'],
    ['empty title', { title: '  ' }, 'title'],
    ['missing summary', { summary: undefined }, 'summary'],
    ['audience not a list', { audience: 'kam' }, 'audience'],
    ['empty audience', { audience: [] }, 'audience'],
    ['unknown audience', { audience: ['sales'] }, 'audience.0'],
    ['unknown segment', { segment: 'vip' }, 'segment'],
    ['unknown position', { topic: 'position-partner', segment: undefined, position: 'vendor' }, 'position'],
    ['missing topic', { topic: undefined }, 'topic'],
    ['topic with capitals', { topic: 'Segment-Key', segment: undefined }, 'topic'],
    ['topic with spaces', { topic: 'value dossier', segment: undefined }, 'topic'],
    ['order not an integer', { order: 1.5 }, 'order'],
    ['order as text', { order: 'first' }, 'order'],
    ['missing order', { order: undefined }, 'order'],
    ['unknown locale', { locale: 'de' }, 'locale'],
    ['missing locale', { locale: undefined }, 'locale'],
    ['unknown key (typo)', { segmnet: 'key' }, ''],
    ['segment and position together', { position: 'partner' }, 'position'],
    ['segment topic without its segment', { segment: undefined }, 'segment'],
    ['segment topic with another segment', { segment: 'developing' }, 'segment'],
    ['segment field on another topic', { topic: 'value-dossier' }, 'topic'],
    ['position topic without its position', { topic: 'position-desired', segment: undefined }, 'position'],
    ['related not a list', { related: 'value-dossier' }, 'related'],
    ['related with a bad slug', { related: ['Value Dossier'] }, 'related.0'],
    ['related to itself', { related: ['segment-key'] }, 'related'],
  ];

  it('names a misspelt key in the error', () => {
    expect(issues({ ...valid, segmnet: 'key' })).toContain(
      ': unknown field "segmnet": check the spelling (allowed: title, summary, audience, segment, position, topic, order, locale, related)',
    );
  });

  it.each(invalid)('rejects %s', (_name, change, path) => {
    const list = issues({ ...valid, ...change });
    expect(list.length).toBeGreaterThan(0);
    expect(list.some((i) => i.startsWith(`${path}:`))).toBe(true);
  });
});
