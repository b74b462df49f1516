/**
 * Renders a client's value dossier (a `ClientView`) as one self-contained HTML document:
 * inline CSS, no scripts, no external resources, print-ready on A4 and readable on a phone.
 * The build writes it once per account (src/share/write.ts), also as the portal's preview copy.
 *
 * Every spreadsheet string goes through the auto-escaping `html` template.
 */
import { formatters, type Formatters, type Locale } from '../i18n/format.ts';
import { bundleMessages, type BundleMessages } from '../i18n/index.ts';
import { escapeHtml, html, raw, type Html } from './html.ts';
import type { ClientDossierEntry, ClientKpi, ClientView } from './view.ts';

interface Ctx {
  view: ClientView;
  m: BundleMessages;
  f: Formatters;
}

// Building Intl formatters costs more than rendering a bundle; thousands of bundles share a few.
const formatterCache = new Map<string, Formatters>();

function cachedFormatters(locale: Locale, currency: string): Formatters {
  const key = `${locale}:${currency}`;
  let f = formatterCache.get(key);
  if (!f) formatterCache.set(key, (f = formatters(locale, currency)));
  return f;
}

export function renderBundle(view: ClientView, locale: Locale): string {
  const ctx: Ctx = { view, m: bundleMessages(locale), f: cachedFormatters(locale, view.currency) };
  const { m } = ctx;
  return html`<!doctype html>
    <html lang="${locale}">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex, nofollow" />
        <meta name="referrer" content="no-referrer" />
        <meta
          http-equiv="Content-Security-Policy"
          content="default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'"
        />
        <title>${m.documentTitle} — ${view.client_name}</title>
        <style>
          ${raw(STYLE)}
        </style>
      </head>
      <body>
        <main class="doc">
          ${cover(ctx)} ${valueSection(ctx)} ${entriesSection(ctx)} ${kpiSection(ctx)}
          ${commitmentSection(ctx)} ${planSection(ctx)} ${timelineSection(ctx)}
        </main>
      </body>
    </html> `.value;
}

const SECTIONS = ['value', 'entries', 'kpis', 'commitments', 'plan', 'timeline'] as const;

/** The joint plan appears only when the client has one; the other sections always do. */
function sectionsOf(view: ClientView): (typeof SECTIONS)[number][] {
  return SECTIONS.filter((id) => id !== 'plan' || view.joint_plan.length > 0);
}

function sectionTitle(m: BundleMessages, id: (typeof SECTIONS)[number]): string {
  return {
    value: m.valueTitle,
    entries: m.entriesTitle,
    kpis: m.kpisTitle,
    commitments: m.commitmentsTitle,
    plan: m.planTitle,
    timeline: m.timelineTitle,
  }[id];
}

function cover({ view, m, f }: Ctx): Html {
  const t = view.value_totals;
  const headline =
    t.count > 0
      ? html`<div class="headline">
          <div class="figure main">
            <span class="label">${m.headlineValue}</span
            ><span class="amount">${f.money(t.client_value)}</span>
          </div>
          <div class="figure">
            <span class="label">${m.headlineInvestment}</span
            ><span class="amount">${f.money(t.our_investment)}</span>
          </div>
          <div class="figure">
            <span class="label">${m.headlineConfirmed}</span
            ><span class="amount">${f.money(t.validated_value)}</span>
          </div>
        </div>`
      : null;
  return html`<section class="sheet cover" id="cover">
    <p class="kicker">${view.company_name}</p>
    <h1><span class="doc-title">${m.documentTitle}</span><span class="client">${view.client_name}</span></h1>
    <dl class="meta">
      ${
        view.company_name
          ? html`<div>
              <dt>${m.preparedBy}</dt>
              <dd>${view.company_name}</dd>
            </div>`
          : null
      }
      ${
        view.period
          ? html`<div>
              <dt>${m.reportingPeriod}</dt>
              <dd>${f.period(view.period)}</dd>
            </div>`
          : null
      }
      <div>
        <dt>${m.issued}</dt>
        <dd>${f.date(view.generated_on)}</dd>
      </div>
      <div>
        <dt>${m.since}</dt>
        <dd>${f.date(view.since)}</dd>
      </div>
    </dl>
    ${headline}
    <p class="intro">${m.intro(view.client_name, view.company_name)}</p>
    ${view.description ? html`<p class="description">${view.description}</p>` : null}
    <nav class="contents" aria-label="${m.contents}">
      <h2>${m.contents}</h2>
      <ol>
        ${sectionsOf(view).map((id) => html`<li><a href="#${id}">${sectionTitle(m, id)}</a></li>`)}
      </ol>
    </nav>
    <p class="confidential">${m.confidential(view.client_name)}</p>
  </section>`;
}

function section(id: (typeof SECTIONS)[number], m: BundleMessages, lead: string, body: Html): Html {
  return html`<section class="sheet" id="${id}">
    <h2>${sectionTitle(m, id)}</h2>
    <p class="lead">${lead}</p>
    ${body}
  </section>`;
}

const empty = (text: string) => html`<p class="empty">${text}</p>`;

/**
 * A data table; columns are [header, numeric]. On a phone each row becomes a small card and
 * every cell shows its column header (`data-label`, added here, so any table gets it).
 */
function dataTable(className: string, columns: [string, boolean][], rows: Html[], foot?: Html): Html {
  const labels = columns.map(([label]) => label);
  return html`<div class="table-wrap">
    <table class="${className}">
      <thead>
        <tr>
          ${columns.map(([label, num]) => html`<th scope="col" class="${num ? 'num' : ''}">${label}</th>`)}
        </tr>
      </thead>
      <tbody>
        ${rows.map((r) => labelCells(r, labels))}
      </tbody>
      ${
        foot
          ? html`<tfoot>
              ${labelCells(foot, labels)}
            </tfoot>`
          : null
      }
    </table>
  </div>`;
}

/**
 * Gives the n-th cell of a row the n-th column label. Safe on `Html`: every `<` in it comes
 * from this file's templates, since interpolated text is escaped, so each `<td`/`<th` found
 * is a real cell of this row.
 */
function labelCells(row: Html, labels: readonly string[]): Html {
  let i = 0;
  return raw(
    row.value.replace(/<(td|th)(?=[\s>])/g, (_, tag: string) => {
      const label = labels[i++];
      return label ? `<${tag} data-label="${escapeHtml(label)}"` : `<${tag}`;
    }),
  );
}

function valueSection({ view, m, f }: Ctx): Html {
  const t = view.value_totals;
  if (view.value_by_category.length === 0) return section('value', m, m.valueLead, empty(m.valueNone));
  const rows = view.value_by_category.map((c) => {
    const share = t.client_value > 0 ? c.client_value / t.client_value : 0;
    return html`<tr>
      <th scope="row">${m.categories[c.category]}</th>
      <td class="num">${f.count(c.count)}</td>
      <td class="num">${f.money(c.our_investment)}</td>
      <td class="num strong">${f.money(c.client_value)}</td>
      <td class="num">${f.money(c.validated_value)}</td>
      <td class="share">
        <span class="bar" aria-hidden="true"><span style="width:${barWidth(share)}%"></span></span
        ><span class="pct">${f.percent(share)}</span>
      </td>
    </tr>`;
  });
  return section(
    'value',
    m,
    m.valueLead,
    dataTable(
      'value-table',
      [
        [m.colCategory, false],
        [m.colEntries, true],
        [m.colInvestment, true],
        [m.colValue, true],
        [m.colConfirmed, true],
        [m.colShare, false],
      ],
      rows,
      html`<tr>
        <th scope="row">${m.total}</th>
        <td class="num">${f.count(t.count)}</td>
        <td class="num">${f.money(t.our_investment)}</td>
        <td class="num">${f.money(t.client_value)}</td>
        <td class="num">${f.money(t.validated_value)}</td>
        <td></td>
      </tr>`,
    ),
  );
}

/** A bar width in percent with one decimal; the number is ours, never spreadsheet text. */
function barWidth(share: number): string {
  return (Math.round(Math.min(1, Math.max(0, share)) * 1000) / 10).toString();
}

function entriesSection({ view, m, f }: Ctx): Html {
  if (view.entries.length === 0) return section('entries', m, m.entriesLead, empty(m.entriesNone));
  const rows = view.entries.map(
    (e) =>
      html`<tr>
        <td class="date">${f.date(e.date)}</td>
        <td class="entry">${entryBody(e, m)}</td>
        <td class="num">${moneyOrDash(f, e.our_investment)}</td>
        <td class="num strong">
          ${moneyOrDash(f, e.client_value)}${e.client_value > 0 ? html`<span class="status ${e.validated ? 'ok' : 'est'}">${e.validated ? m.confirmed : m.notConfirmed}</span>` : null}
        </td>
      </tr>`,
  );
  return section(
    'entries',
    m,
    m.entriesLead,
    dataTable(
      'entries-table',
      [
        [m.colDate, false],
        [m.colEntry, false],
        [m.colInvestment, true],
        [m.colValue, true],
      ],
      rows,
    ),
  );
}

function entryBody(e: ClientDossierEntry, m: BundleMessages): Html {
  return html`<span class="category">${m.categories[e.category]}</span>
    <strong class="title">${e.title}</strong>
    ${e.description ? html`<span class="text">${e.description}</span>` : null}
    ${e.evidence ? html`<span class="evidence">${m.colEvidence}: ${evidence(e.evidence)}</span>` : null}`;
}

/** A web address becomes a link that opens outside the bundle; anything else stays text. */
function evidence(text: string): Html {
  if (/^https?:\/\/[^\s<>"']+$/i.test(text)) {
    return html`<a href="${text}" target="_blank" rel="noopener noreferrer">${text}</a>`;
  }
  return html`${text}`;
}

function moneyOrDash(f: Formatters, v: number): string {
  return v === 0 ? '—' : f.money(v);
}

function kpiSection({ view, m, f }: Ctx): Html {
  if (view.kpis.length === 0) return section('kpis', m, m.kpisLead, empty(m.kpisNone));
  const rows = view.kpis.map((k, i) => {
    const first = i === 0 || view.kpis[i - 1]?.metric !== k.metric;
    return html`<tr class="${first ? 'group-start' : ''}">
      <th scope="row">${first ? k.metric : ''}</th>
      <td>${f.period(k.period)}</td>
      <td class="num strong">${kpiValue(f, k, k.value)}</td>
      <td class="num">${kpiValue(f, k, k.target)}</td>
      <td class="num">${kpiValue(f, k, k.benchmark)}</td>
    </tr>`;
  });
  return section(
    'kpis',
    m,
    m.kpisLead,
    dataTable(
      'kpi-table',
      [
        [m.colMetric, false],
        [m.colPeriod, false],
        [m.colResult, true],
        [m.colTarget, true],
        [m.colBenchmark, true],
      ],
      rows,
    ),
  );
}

function kpiValue(f: Formatters, k: ClientKpi, v: number | null): string {
  if (v === null) return '—';
  const n = f.number(v, 2);
  if (!k.unit) return n;
  return k.unit === '%' && f.locale === 'en' ? `${n}%` : `${n}\u00a0${k.unit}`;
}

function commitmentSection({ view, m, f }: Ctx): Html {
  if (view.commitments.length === 0)
    return section('commitments', m, m.commitmentsLead, empty(m.commitmentsNone));
  const s = view.commitment_summary;
  const judged = s.done_on_time + s.done_late + s.overdue;
  const rows = view.commitments.map(
    (c) =>
      html`<tr>
        <td class="text-cell">${c.description}</td>
        <td class="date">${c.made_on ? f.date(c.made_on) : '—'}</td>
        <td class="date">${f.date(c.due)}</td>
        <td class="date">${c.done_on ? f.date(c.done_on) : '—'}</td>
        <td><span class="badge ${c.state}">${m.states[c.state]}</span></td>
      </tr>`,
  );
  return section(
    'commitments',
    m,
    m.commitmentsLead,
    html`${judged > 0 ? html`<p class="summary">${m.commitmentsKept(f.count(s.done_on_time), f.count(judged))}</p>` : null}
    ${dataTable(
      'commitment-table',
      [
        [m.colCommitment, false],
        [m.colMadeOn, false],
        [m.colDue, false],
        [m.colDoneOn, false],
        [m.colStatus, false],
      ],
      rows,
    )}`,
  );
}

function planSection({ view, m, f }: Ctx): Html {
  if (view.joint_plan.length === 0) return html``;
  const rows = view.joint_plan.map(
    (o) =>
      html`<tr>
        <td class="text-cell">${o.title}</td>
        <td class="text-cell">${o.metric ?? '—'}</td>
        <td class="num">${f.number(o.target, 2)}</td>
        <td class="date">${f.date(o.due)}</td>
        <td><span class="badge plan-${o.state}">${m.planStates[o.state]}</span></td>
      </tr>`,
  );
  return section(
    'plan',
    m,
    m.planLead,
    dataTable(
      'plan-table',
      [
        [m.colObjective, false],
        [m.colMetric, false],
        [m.colTarget, true],
        [m.colDue, false],
        [m.colStatus, false],
      ],
      rows,
    ),
  );
}

function timelineSection({ view, m, f }: Ctx): Html {
  const items = view.timeline.map(
    (e) =>
      html`<li class="tl-item">
        <span class="tl-date">${f.date(e.date)}</span>
        <div class="tl-body">
          <strong class="title">${e.title}</strong>
          ${e.description ? html`<span class="text">${e.description}</span>` : null}
          ${e.client_value > 0 ? html`<span class="tl-value">${m.colValue}: ${f.money(e.client_value)}</span>` : null}
          ${e.evidence ? html`<span class="evidence">${m.colEvidence}: ${evidence(e.evidence)}</span>` : null}
        </div>
      </li>`,
  );
  return section(
    'timeline',
    m,
    m.timelineLead,
    html`<ol class="timeline">
        <li class="tl-item start">
          <span class="tl-date">${f.date(view.since)}</span>
          <div class="tl-body"><strong class="title">${m.timelineStart}</strong></div>
        </li>
        ${items}
      </ol>
      ${view.timeline.length === 0 ? empty(m.timelineNone) : null}`,
  );
}

const STYLE = `
@page { size: A4; margin: 16mm 15mm 16mm; }
:root {
  --ink: #1c2431; --muted: #5d6776; --line: #dde2e8; --paper: #fff;
  --accent: #1d5b87; --accent-soft: #e3eef6; --ok: #23744a; --ok-soft: #e2f3e9;
  --late: #8a5a00; --late-soft: #fbf0d9; --bad: #a3261d; --bad-soft: #fbe5e3; --open-soft: #eceff3;
}
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { margin: 0; background: #e9edf1; color: var(--ink);
  font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
.doc { max-width: 210mm; margin: 24px auto; }
.sheet { background: var(--paper); padding: 16mm 15mm; margin: 0 0 18px; box-shadow: 0 1px 4px rgba(20, 30, 45, .14); }
h1, h2 { line-height: 1.2; margin: 0; }
h2 { font-size: 22px; color: var(--accent); margin-bottom: 4px; }
.lead { color: var(--muted); margin: 0 0 18px; }
.empty { color: var(--muted); font-style: italic; }
.kicker { margin: 0 0 28px; font-weight: 600; letter-spacing: .06em; text-transform: uppercase; color: var(--accent); }
.cover h1 { display: flex; flex-direction: column; gap: 8px; margin-bottom: 28px; }
.doc-title { font-size: 16px; font-weight: 600; color: var(--muted); letter-spacing: .04em; text-transform: uppercase; }
.client { font-size: 34px; font-weight: 700; overflow-wrap: anywhere; }
.meta { display: grid; grid-template-columns: repeat(auto-fit, minmax(150px, 1fr)); gap: 12px 24px; margin: 0 0 28px;
  padding: 14px 0; border-top: 1px solid var(--line); border-bottom: 1px solid var(--line); }
.meta dt { font-size: 12px; color: var(--muted); text-transform: uppercase; letter-spacing: .04em; }
.meta dd { margin: 2px 0 0; font-weight: 600; overflow-wrap: break-word; }
.headline { display: grid; grid-template-columns: 1.4fr 1fr 1fr; gap: 12px; margin: 0 0 24px; }
.figure { background: var(--accent-soft); border-radius: 6px; padding: 14px 16px; display: flex; flex-direction: column; gap: 4px; }
.figure.main { background: var(--accent); color: #fff; }
.figure .label { font-size: 12.5px; opacity: .85; }
.figure .amount { font-size: 22px; font-weight: 700; font-variant-numeric: tabular-nums; }
.figure.main .amount { font-size: 28px; }
.intro { margin: 0 0 12px; }
.description { margin: 0 0 24px; padding-left: 12px; border-left: 3px solid var(--accent-soft); color: var(--muted); white-space: pre-line; }
.contents h2 { font-size: 15px; color: var(--ink); margin: 0 0 6px; }
.contents ol { margin: 0 0 24px; padding-left: 22px; }
.contents a { color: var(--accent); }
.confidential { font-size: 12px; color: var(--muted); border-top: 1px solid var(--line); padding-top: 8px; margin: 0; }
table { width: 100%; border-collapse: collapse; font-size: 13.5px; }
th, td { text-align: left; padding: 7px 7px; border-bottom: 1px solid var(--line); vertical-align: top; }
/* Long words and addresses in spreadsheet text wrap instead of widening the page. */
p, li, dd, h1, h2, tbody th, .title, .text, .text-cell, .tl-body { overflow-wrap: anywhere; }
.title, .text, .text-cell, .description { hyphens: auto; }
thead th { font-size: 11px; text-transform: uppercase; letter-spacing: .02em; color: var(--muted); font-weight: 600; border-bottom: 2px solid var(--line); }
tbody th { font-weight: 600; }
.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
thead th.num { white-space: normal; } /* long headings wrap; the figures under them do not */
.strong { font-weight: 700; }
tfoot th, tfoot td { font-weight: 700; border-top: 2px solid var(--ink); border-bottom: none; }
.share { white-space: nowrap; }
/* A fixed bar width keeps the column from being squeezed to nothing in a narrow print layout. */
.bar { display: inline-block; vertical-align: middle; width: 64px; height: 10px; background: var(--accent-soft); border-radius: 5px; overflow: hidden; }
.bar > span { display: block; height: 100%; background: var(--accent); }
.pct { display: inline-block; width: 40px; text-align: right; font-size: 12.5px; color: var(--muted); font-variant-numeric: tabular-nums; }
.date { white-space: nowrap; color: var(--muted); }
.entry { width: 60%; }
.entry .category { display: block; font-size: 11px; text-transform: uppercase; letter-spacing: .05em; color: var(--accent); font-weight: 600; }
.title { display: block; }
.text { display: block; color: var(--ink); white-space: pre-line; }
.text-cell { white-space: pre-line; }
.evidence { display: block; font-size: 12px; color: var(--muted); overflow-wrap: anywhere; }
.evidence a { color: var(--accent); }
.status { display: block; font-size: 11px; font-weight: 500; color: var(--muted); }
.status.ok { color: var(--ok); }
.kpi-table tr.group-start td, .kpi-table tr.group-start th { border-top: 2px solid var(--line); }
.summary { font-weight: 600; margin: 0 0 12px; }
.badge { display: inline-block; padding: 2px 8px; border-radius: 10px; font-size: 12px; font-weight: 600; }
.badge.done_on_time { background: var(--ok-soft); color: var(--ok); }
.badge.done_late { background: var(--late-soft); color: var(--late); }
.badge.open { background: var(--open-soft); color: var(--ink); }
.badge.overdue { background: var(--bad-soft); color: var(--bad); }
.badge.plan-achieved, .badge.plan-on_track { background: var(--ok-soft); color: var(--ok); }
.badge.plan-at_risk { background: var(--late-soft); color: var(--late); }
.badge.plan-overdue { background: var(--bad-soft); color: var(--bad); }
.badge.plan-dropped { background: var(--open-soft); color: var(--ink); }
.timeline { list-style: none; margin: 8px 0 0; padding: 0 0 0 18px; border-left: 2px solid var(--accent-soft); }
.tl-item { position: relative; display: grid; grid-template-columns: 130px 1fr; gap: 12px; padding: 0 0 18px 8px; }
.tl-item::before { content: ""; position: absolute; left: -25px; top: 5px; width: 12px; height: 12px; border-radius: 50%; background: var(--paper); border: 2px solid var(--accent); }
.tl-item.start::before { background: var(--accent); }
.tl-date { color: var(--muted); font-variant-numeric: tabular-nums; }
.tl-value { display: block; font-size: 13px; font-weight: 600; color: var(--accent); }
.table-wrap { overflow-x: auto; }
/* On a phone every table row becomes a card: cells stack, each labelled by its column. */
@media (max-width: 640px) {
  body { font-size: 14.5px; }
  .doc { margin: 0; }
  .sheet { padding: 20px 16px; margin: 0 0 10px; }
  .kicker { margin-bottom: 16px; }
  .client { font-size: 26px; }
  .headline { grid-template-columns: 1fr; }
  .tl-item { grid-template-columns: 1fr; gap: 2px; }
  .table-wrap { overflow: visible; }
  .table-wrap table, .table-wrap tbody, .table-wrap tfoot, .table-wrap tr, .table-wrap th, .table-wrap td { display: block; }
  .table-wrap thead { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); }
  .table-wrap tr { padding: 8px 0; border-bottom: 1px solid var(--line); }
  .table-wrap tfoot tr { border-top: 2px solid var(--ink); border-bottom: none; }
  .table-wrap th, .table-wrap td { border: none; padding: 2px 0; text-align: right; white-space: normal; }
  .table-wrap tbody th, .table-wrap tfoot th, .table-wrap .entry, .table-wrap .text-cell { text-align: left; }
  .table-wrap th:empty, .table-wrap td:empty { display: none; }
  .table-wrap td::before { content: attr(data-label); float: left; margin-right: 12px; color: var(--muted); font-size: 12px; font-weight: 400; text-transform: uppercase; letter-spacing: .02em; }
  /* The entry and commitment text is the card's body: no label, full width. */
  .entry::before, .text-cell::before { display: none; }
  .entry { width: auto; }
  .kpi-table tr.group-start td, .kpi-table tr.group-start th { border-top: none; }
  .kpi-table tr.group-start { border-top: 2px solid var(--line); }
}
@media print {
  body { background: none; font-size: 10pt; }
  .doc { max-width: none; margin: 0; }
  /* Sections follow one another; a page ends only when it is full. */
  .sheet { box-shadow: none; padding: 0; margin: 0 0 9mm; }
  .cover h1 { margin-bottom: 14px; }
  .kicker { margin-bottom: 12px; }
  .client { font-size: 24pt; }
  .meta { margin-bottom: 14px; padding: 8px 0; }
  .headline { margin-bottom: 14px; }
  .figure { padding: 8px 12px; }
  .figure .amount { font-size: 15pt; }
  .figure.main .amount { font-size: 18pt; }
  .description { margin-bottom: 12px; }
  .contents { display: none; }
  h2 { font-size: 15pt; }
  .lead { margin-bottom: 8px; }
  th, td { padding: 4px 6px; }
  .tl-item { padding-bottom: 8px; }
  thead { display: table-header-group; }
  .table-wrap { overflow: visible; }
  tr, .tl-item, .figure, .summary { break-inside: avoid; }
  h2, .lead { break-after: avoid; }
  a { color: inherit; text-decoration: none; }
}
`;
