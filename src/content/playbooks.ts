/** Frontmatter of a playbook in content/playbooks/<locale>/<topic>.mdx (MDX). */
import { z } from 'astro/zod';

import { LOCALES, POSITIONS, SEGMENTS } from '../schema/concepts.ts';

export const AUDIENCES = ['kam', 'team', 'management', 'analyst'] as const;

const topicSlug = z
  .string()
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'use lowercase letters, digits and single dashes');

const FIELDS = 'title, summary, audience, segment, position, topic, order, locale, related';

export const playbookFrontmatter = z
  // Strict: a misspelt key (`segmnet: key`) must fail the build, not silently drop the link.
  .strictObject(
    {
      title: z.string().trim().min(1),
      summary: z.string().trim().min(1),
      audience: z.array(z.enum(AUDIENCES)).min(1),
      /** The segment or supplier position this playbook is about, if any. */
      segment: z.enum(SEGMENTS).optional(),
      position: z.enum(POSITIONS).optional(),
      /** Topic slug shared by the English and Russian version of one playbook; it is the URL. */
      topic: topicSlug,
      /** Sort order inside its group on the playbook list (smaller first). */
      order: z.number().int(),
      locale: z.enum(LOCALES),
      /** Topics of other playbooks worth reading next (checked to exist at build time). */
      related: z.array(topicSlug).default([]),
    },
    {
      error: (issue) =>
        issue.code === 'unrecognized_keys'
          ? `unknown field ${issue.keys.map((k) => `"${k}"`).join(', ')}: check the spelling (allowed: ${FIELDS})`
          : undefined,
    },
  )
  .superRefine((fm, ctx) => {
    // Account pages link to /playbooks/<locale>/segment-<segment>/ and position-<position>/:
    // the topic and the field must agree or those links break.
    if (fm.segment && fm.position) {
      ctx.addIssue({
        code: 'custom',
        path: ['position'],
        message: 'a playbook is about a segment or a supplier position, not both',
      });
    }
    for (const [field, prefix, values] of [
      ['segment', 'segment-', SEGMENTS],
      ['position', 'position-', POSITIONS],
    ] as const) {
      const value = fm[field];
      const rest = fm.topic.startsWith(prefix) ? fm.topic.slice(prefix.length) : undefined;
      const fromTopic = (values as readonly string[]).find((v) => v === rest);
      if (fromTopic !== undefined && value !== fromTopic) {
        ctx.addIssue({
          code: 'custom',
          path: [field],
          message: `topic "${fm.topic}" needs ${field}: ${fromTopic}`,
        });
      } else if (value !== undefined && fromTopic === undefined) {
        ctx.addIssue({
          code: 'custom',
          path: ['topic'],
          message: `a playbook with ${field}: ${value} must have topic ${prefix}${value}`,
        });
      }
    }
    if (fm.related.includes(fm.topic)) {
      ctx.addIssue({ code: 'custom', path: ['related'], message: 'a playbook cannot be related to itself' });
    }
  });

/** After parsing (defaults applied). */
export type PlaybookFrontmatter = z.output<typeof playbookFrontmatter>;
export type PlaybookGroup = 'segments' | 'positions' | 'practice';

export function playbookGroup(fm: Pick<PlaybookFrontmatter, 'segment' | 'position'>): PlaybookGroup {
  if (fm.segment) return 'segments';
  if (fm.position) return 'positions';
  return 'practice';
}
