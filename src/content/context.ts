/**
 * The build context: everything the pages render from, made once by whichever entry runs —
 * `npm run build` (src/build/pipeline.ts) before it calls Astro's build, or, under `astro dev`
 * and `astro sync`, our content loader (loaders.ts) on each (re)load of the data folder. Pages
 * and components receive it only through `loadPortal()` (portal.ts), which never reads the
 * environment, the working directory or the file system.
 *
 * The channel is one globalThis slot: Astro bundles the pages with their own copies of our
 * modules, so a module-level variable set by the build script (or by the loader, which Astro
 * loads separately from the pages) is not the one the pages would read. The validated rows
 * travel this way rather than in the content layer because Astro serialises its data store into
 * the build as one JavaScript string, and carrying every row there cost more than the rest of
 * the page build at 1,000+ accounts.
 */
import { computePortfolio } from '../domain/index.ts';
import type { Portfolio } from '../domain/types.ts';
import { messages, type Messages } from '../i18n/index.ts';
import { formatters, type Formatters, type Locale } from '../i18n/format.ts';
import type { IngestResult, Origins, Problem } from '../ingest/index.ts';
import type { Datasets } from '../schema/index.ts';
import type { ShareLinks } from '../share/links.ts';
import type { BuildChanges } from '../views/changes.ts';

/** The latest attempt to read the data folder (under `astro dev` it may have failed). */
export interface InputStatus {
  ok: boolean;
  /** Its errors, shown in a banner above the last good data. */
  problems: Problem[];
}

export interface BuildContext {
  /** The data folder the input was read from. */
  dataDir: string;
  /** "Today" of the analyses, `YYYY-MM-DD`. */
  today: string;
  /** The portal language, from the `locale` setting. */
  locale: Locale;
  /** When the input was read (ISO time), for the footer of every page. */
  readAt: string;
  /** What the reader returned: the datasets, their problems, the files read, where each record came from. */
  input: IngestResult;
  /** Shorthands of `input.data`, `input.origins` and the input's warnings. */
  data: Datasets;
  origins: Origins;
  warnings: Problem[];
  /** The portfolio computed from `input.data` for `today`, once per context. */
  portfolio: Portfolio;
  t: Messages;
  fmt: Formatters;
  /** Each account's client-bundle link; undefined unless `npm run build` writes the bundles. */
  shareLinks: ShareLinks | undefined;
  /** What changed since the previous build; undefined unless `npm run build` compared. */
  changes: BuildChanges | undefined;
  /** The latest read: under `astro dev` a bad save fails here while `input` keeps the last good data. */
  status: InputStatus;
  /** Member names by id, for "manager" columns. */
  memberName(id: string | null | undefined): string;
}

export interface BuildContextOptions {
  dataDir: string;
  today: string;
  input: IngestResult;
  /** Given when the entry computed it already (the build times it as its own phase). */
  portfolio?: Portfolio;
  shareLinks?: ShareLinks;
  changes?: BuildChanges;
  status?: InputStatus;
  readAt?: string;
}

export function createBuildContext(opts: BuildContextOptions): BuildContext {
  const { input } = opts;
  const data = input.data;
  const locale = data.settings.locale;
  const names = new Map(data.team.map((m) => [m.member_id, m.name]));
  return {
    dataDir: opts.dataDir,
    today: opts.today,
    locale,
    readAt: opts.readAt ?? new Date().toISOString(),
    input,
    data,
    origins: input.origins,
    warnings: input.problems.filter((p) => p.severity === 'warning'),
    portfolio: opts.portfolio ?? computePortfolio(data, { today: opts.today }),
    t: messages(locale),
    fmt: formatters(locale, data.settings.currency),
    shareLinks: opts.shareLinks,
    changes: opts.changes,
    status: opts.status ?? statusOf(input),
    memberName: (id) => (id ? (names.get(id) ?? id) : '—'),
  };
}

export function statusOf(result: IngestResult): InputStatus {
  return { ok: result.ok, problems: result.problems.filter((p) => p.severity === 'error') };
}

const SLOT = Symbol.for('kam.build.context');
type WithContext = typeof globalThis & { [SLOT]?: BuildContext };

/** Hand the context to the pages (the entry calls this; undefined withdraws it). */
export function publishBuildContext(context: BuildContext | undefined): void {
  (globalThis as WithContext)[SLOT] = context;
}

/** The context the entry published, if any. */
export function publishedBuildContext(): BuildContext | undefined {
  return (globalThis as WithContext)[SLOT];
}
