import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';
import { accountsLoader, teamLoader } from './content/loaders.ts';
import type { AccountEntry, MemberEntry } from './content/entries.ts';
import { playbookFrontmatter } from './content/playbooks.ts';

// The data collections are validated by our own schemas in src/ingest (with file, sheet,
// row and column in every message); the collection schema only carries the type.
export const collections = {
  accounts: defineCollection({ loader: accountsLoader, schema: z.custom<AccountEntry>() }),
  team: defineCollection({ loader: teamLoader, schema: z.custom<MemberEntry>() }),
  playbooks: defineCollection({
    loader: glob({ pattern: '**/*.mdx', base: './content/playbooks' }),
    schema: playbookFrontmatter,
  }),
};
