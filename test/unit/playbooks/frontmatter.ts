/**
 * Playbook frontmatter as the tests read it: the `--- … ---` block at the top, parsed by the
 * `yaml` package (duplicate keys are an error, as they are for Astro).
 */
import { parse } from 'yaml';

export interface PlaybookFile {
  body: string;
  data: Record<string, unknown>;
}

const FENCE = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?/;

export function splitFrontmatter(text: string, file: string): PlaybookFile {
  const m = FENCE.exec(text);
  if (!m) throw new Error(`${file}: no --- frontmatter --- block at the top`);
  let data: unknown;
  try {
    data = parse(m[1] ?? '', { uniqueKeys: true });
  } catch (e) {
    throw new Error(`${file}: frontmatter: ${e instanceof Error ? e.message : String(e)}`);
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data))
    throw new Error(`${file}: frontmatter is not a set of "key: value" lines`);
  return { data: data as Record<string, unknown>, body: text.slice(m[0].length) };
}
