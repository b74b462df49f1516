/**
 * The build's search phase. Pagefind has no incremental mode, so a rebuild either indexes the
 * whole site again or, when nothing Pagefind reads has changed, takes the previous build's
 * index as it is. "What Pagefind reads" is taken from the built pages themselves: every
 * searchable page's `lang`, `<title>` and the markup inside `data-pagefind-body` minus the
 * `data-pagefind-ignore` parts (figures, tables, findings). Editing a revenue figure leaves it
 * unchanged; renaming a client or a contact does not. The digest of that text and the index it
 * produced are remembered in the state folder once the build is published.
 */
import { createHash } from 'node:crypto';
import { cp, mkdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import { globSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The pages that carry `data-pagefind-body` (account, team member, playbook): Pagefind indexes
 * only those anyway, and not reading the other thousand-odd pages (each account's printable
 * review, the portfolio pages) saves it parsing them. A new searchable kind of page goes here.
 */
export const SEARCHABLE_PAGES = ['accounts/*/index.html', 'team/*/index.html', 'playbooks/*/*/index.html'];

/** Bump when the indexing itself changes (options, Pagefind version), so no old index is reused. */
const INDEX_VERSION = 1;
const STATE_FILE = 'search-index.json';

/** Elements that never have a closing tag. */
const VOID = new Set([
  'area',
  'base',
  'br',
  'col',
  'embed',
  'hr',
  'img',
  'input',
  'link',
  'meta',
  'source',
  'track',
  'wbr',
]);
const TAG = /<(\/?)([a-zA-Z][\w-]*)\b([^>]*)>/g;

/**
 * The parts of one page Pagefind reads: its language, its title and the markup inside each
 * `data-pagefind-body` element without the `data-pagefind-ignore` subtrees. Astro writes
 * well-formed HTML (every element closed, or void), so a tag scanner with a stack is enough.
 */
export function searchableMarkup(html: string): string {
  const lang = /<html\b[^>]*\blang="([^"]*)"/.exec(html)?.[1] ?? '';
  const title = /<title>([\s\S]*?)<\/title>/.exec(html)?.[1] ?? '';
  const out: string[] = [lang, title];
  // Depth of open elements; where the body and the current ignored subtree started.
  let depth = 0;
  let bodyAt = -1;
  let ignoreAt = -1;
  let from = 0;
  TAG.lastIndex = 0;
  for (let m = TAG.exec(html); m; m = TAG.exec(html)) {
    const closing = m[1] === '/';
    const name = m[2]!.toLowerCase();
    const attrs = m[3] ?? '';
    const selfClosing = VOID.has(name) || attrs.endsWith('/');
    if (closing) {
      depth--;
      if (ignoreAt === depth) {
        ignoreAt = -1;
        from = m.index + m[0].length;
      } else if (bodyAt === depth && ignoreAt < 0) {
        out.push(html.slice(from, m.index));
        bodyAt = -1;
      }
      continue;
    }
    if (bodyAt < 0 && attrs.includes('data-pagefind-body')) {
      bodyAt = depth;
      from = m.index;
    } else if (bodyAt >= 0 && ignoreAt < 0 && attrs.includes('data-pagefind-ignore')) {
      out.push(html.slice(from, m.index));
      if (selfClosing) from = m.index + m[0].length;
      else ignoreAt = depth;
    }
    if (!selfClosing) depth++;
  }
  // Markup this scanner cannot follow counts whole: any change then means a new index.
  if (depth !== 0 || bodyAt >= 0 || ignoreAt >= 0) return html;
  return out.join('\u0000');
}

/** Per searchable page: a digest of its bytes and of what Pagefind reads of it. */
type PageDigests = Record<string, [bytes: string, searchable: string]>;

/**
 * The digest of everything Pagefind would read in `site` (the searchable pages, in order).
 * Scanning markup is the slow part, so a page whose bytes are those of a page seen before (most
 * of a rebuild's pages are copies) reuses that page's searchable digest.
 */
export async function searchInputDigest(
  site: string,
  version: string,
  seen: PageDigests = {},
): Promise<{ digest: string; pages: PageDigests }> {
  const files = globSync(SEARCHABLE_PAGES, { cwd: site }).sort();
  const hash = createHash('sha256').update(`${INDEX_VERSION}\u0000${version}\u0000`);
  const pages: PageDigests = {};
  for (const file of files) {
    const bytes = await readFile(join(site, file));
    const own = createHash('sha1').update(bytes).digest('base64url');
    const known = seen[file];
    const searchable =
      known?.[0] === own
        ? known[1]
        : createHash('sha1')
            .update(searchableMarkup(bytes.toString('utf8')))
            .digest('base64url');
    pages[file] = [own, searchable];
    hash.update(file).update('\u0001').update(searchable).update('\u0002');
  }
  return { digest: hash.digest('base64url'), pages };
}

interface Remembered {
  digest: string;
  pages: number;
  /** Where that build published its site (and so its `pagefind/` folder). */
  site: string;
  files: PageDigests;
}

/**
 * Index `site`, or copy the previous build's index (the `pagefind/` folder of the site it
 * published) when the searchable text is the same as when that index was made. `save()`
 * remembers this build's digest and `target`; call it only once `site` is published there.
 */
export async function indexSearch(opts: {
  site: string;
  target: string;
  stateDir: string;
  index: (site: string) => Promise<number>;
  version: string;
  log: NodeJS.WritableStream;
}): Promise<{ pages: number; reused: boolean; save(): Promise<void> }> {
  const stateFile = join(opts.stateDir, STATE_FILE);
  const before = await readFile(stateFile, 'utf8')
    .then((t) => JSON.parse(t) as Remembered)
    .catch(() => null);
  const now = await searchInputDigest(opts.site, opts.version, before?.files);
  const previousIndex = before ? join(before.site, 'pagefind') : '';
  let reused = false;
  let pages: number;
  if (before?.digest === now.digest && (await stat(previousIndex).catch(() => null))?.isDirectory()) {
    await cp(previousIndex, join(opts.site, 'pagefind'), { recursive: true });
    reused = true;
    pages = before.pages;
  } else {
    pages = await opts.index(opts.site);
  }
  return {
    pages,
    reused,
    async save() {
      try {
        await mkdir(opts.stateDir, { recursive: true });
        const tmp = `${stateFile}.${process.pid}.tmp`;
        await writeFile(
          tmp,
          JSON.stringify({
            digest: now.digest,
            pages,
            site: opts.target,
            files: now.pages,
          } satisfies Remembered),
        );
        await rename(tmp, stateFile);
      } catch (e) {
        // The portal is built; only the next build's reuse of this index is lost.
        opts.log.write(`  warning the search state could not be saved in ${opts.stateDir}: ${String(e)}\n`);
      }
    },
  };
}
