/**
 * What the frame of every internal page shows around its content (layouts/Base.astro): the
 * company name, the banner of a failed re-read under `astro dev`, and the footer saying which
 * data the page was built from. The same for every page of one build, so it is made once per
 * context. No build time: a page a rebuild copies unchanged (page-keys.ts) would show the time
 * of the build that rendered it; the data-quality page says when the data was read.
 */
import type { Portfolio } from '../domain/types.ts';
import type { Formatters } from '../i18n/format.ts';
import type { Messages } from '../i18n/index.ts';
import type { FileSummary, Problem } from '../ingest/index.ts';
import { formatPlace } from '../ingest/problems.ts';

export interface PageFrameInput {
  portfolio: Portfolio;
  t: Messages;
  fmt: Formatters;
  /** The files read. */
  input: { files: readonly FileSummary[] };
  /** The latest read: its errors are shown above the last good data. */
  status: { ok: boolean; problems: readonly Problem[] };
}

export interface PageFrame {
  /** The company name from the settings, if set. */
  company: string | null;
  /** Errors of the latest read, at most 20; empty when it succeeded. */
  stale: { place: string; message: string }[];
  /** The footer line: files and rows, period, as-of date. */
  provenance: string;
  /** Every file read with its sheets and row counts. */
  files: { file: string; sheets: string }[];
}

const frames = new WeakMap<object, PageFrame>();

/** The frame of this context's pages (computed on the first page, then reused). */
export function pageFrame(input: PageFrameInput): PageFrame {
  let frame = frames.get(input);
  if (!frame) {
    frame = makeFrame(input);
    frames.set(input, frame);
  }
  return frame;
}

function makeFrame({ portfolio, t, fmt, input, status }: PageFrameInput): PageFrame {
  const rows = input.files.reduce((n, f) => n + f.sheets.reduce((m, s) => m + s.rows, 0), 0);
  return {
    company: portfolio.settings.company_name ?? null,
    stale: status.ok
      ? []
      : status.problems.slice(0, 20).map((p) => ({ place: formatPlace(p), message: p.message })),
    provenance: [
      t.provenance.builtFrom(input.files.length, fmt.count(rows)),
      `${t.common.period} ${fmt.period(portfolio.current_period)}`,
      `${t.provenance.asOf} ${fmt.date(portfolio.today)}`,
    ].join(' · '),
    files: input.files.map((f) => ({
      file: f.file,
      sheets: f.sheets.map((s) => `${s.sheet} (${fmt.count(s.rows)})`).join(', '),
    })),
  };
}
