/**
 * What every page and component reads: the build context (context.ts) that the entry published
 * — the datasets, the portfolio computed from them once, the UI strings and formatters for the
 * settings locale, share links and build changes when a build made them. Nothing here reads
 * the environment, the working directory or the file system.
 */
import { publishedBuildContext, type BuildContext } from './context.ts';

export type Portal = BuildContext;

export function loadPortal(): Promise<Portal> {
  const context = publishedBuildContext();
  return context
    ? Promise.resolve(context)
    : Promise.reject(new Error('No build context was published: run npm run build or npm run dev.'));
}
