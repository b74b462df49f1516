/**
 * What pages read: the build context (context.ts) that the entry published — the datasets, the
 * portfolio computed from them once, the UI strings and formatters for the settings locale,
 * share links and build changes when a build made them. Nothing here reads the environment, the
 * working directory or the file system.
 *
 * The rule for components: data comes in props. A page calls `loadPortal()`, turns what it
 * shows into view models (src/views) and passes them down; components and layouts never read
 * the portfolio, the rows or the build's changes themselves. Only the presentation tools — the
 * UI strings `t`, the formatter `fmt` and the locale — come from `loadLocale()`, so leaf
 * components (a badge, a table, a chart) need not have them threaded through every prop. The
 * one other caller of `loadPortal()` is the playbook `<Block>` element, which analysts write in
 * MDX where no page can hand it data.
 */
import { publishedBuildContext, type BuildContext } from './context.ts';

export type Portal = BuildContext;

/** The presentation tools of the context: strings, formatter and language, no data. */
export type LocaleTools = Pick<BuildContext, 't' | 'fmt' | 'locale'>;

const unpublished = () => new Error('No build context was published: run npm run build or npm run dev.');

export function loadPortal(): Promise<Portal> {
  const context = publishedBuildContext();
  return context ? Promise.resolve(context) : Promise.reject(unpublished());
}

/** For components: the portal's UI strings, formatter and language (see the rule above). */
export function loadLocale(): LocaleTools {
  const context = publishedBuildContext();
  if (!context) throw unpublished();
  return { t: context.t, fmt: context.fmt, locale: context.locale };
}
