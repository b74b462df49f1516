/**
 * Page weight of a built site: what a browser transfers for one page (HTML + the CSS and JS it
 * loads, statically imported chunks included), each file gzipped. Reports the heaviest account
 * page, and whether chart code reaches pages that draw no chart.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, posix } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface WeightReport {
  /** HTML + CSS + JS of the heaviest account page, gzip, KB (1,024 bytes). */
  heaviest_page_kb_gz: number;
  heaviest_page: string;
  /** Its HTML alone, gzip, KB. */
  heaviest_html_kb_gz: number;
  /** Largest account page HTML before compression, KB. */
  largest_html_kb: number;
  /** Pages without a `<canvas>` that still load chart code. */
  chartless_pages_with_chart_code: number;
  chart_pages: number;
}

/** Chart.js's registry method names survive minification; only chart code carries them. */
const CHART_SIGNATURE = 'addControllers(';

const SCRIPT_SRC = /<script\b[^>]*\bsrc="([^"]+)"/g;
const LINK = /<link\b[^>]*>/g;
const INLINE_SCRIPT = /<script\b(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g;
const JS_IMPORT = /(?:\bimport\s*|\bfrom\s*)["'`]([^"'`]+\.(?:js|mjs|css))["'`]/g;

export function measureSite(dist: string): WeightReport {
  const assets = new Map<string, { gz: number; chart: boolean; imports: string[] }>();
  const asset = (url: string) => {
    let a = assets.get(url);
    if (a) return a;
    const path = join(dist, decodeURIComponent(url.split(/[?#]/)[0] ?? url));
    let text = '';
    try {
      text = readFileSync(path, 'utf8');
    } catch {
      // an external or missing file weighs nothing here
    }
    const imports = url.endsWith('.css')
      ? []
      : [...text.matchAll(JS_IMPORT)].map((m) => resolveUrl(url, m[1] ?? ''));
    a = { gz: text ? gzipSync(text).length : 0, chart: text.includes(CHART_SIGNATURE), imports };
    assets.set(url, a);
    return a;
  };
  const closure = (roots: string[]): string[] => {
    const seen = new Set<string>();
    const stack = [...roots];
    while (stack.length) {
      const u = stack.pop()!;
      if (seen.has(u)) continue;
      seen.add(u);
      stack.push(...asset(u).imports);
    }
    return [...seen].sort();
  };

  let chartPages = 0;
  let offenders = 0;
  // Account pages grouped by the assets they load; gzip only the largest HTML of each group.
  const groups = new Map<string, { urls: string[]; pages: { file: string; bytes: number }[] }>();
  for (const file of htmlFiles(dist)) {
    const html = readFileSync(join(dist, file), 'utf8');
    const urls = closure(pageAssets(html, '/' + posix.dirname(file.replaceAll('\\', '/')) + '/'));
    const hasCanvas = html.includes('<canvas');
    if (hasCanvas) chartPages++;
    else if (urls.some((u) => asset(u).chart)) offenders++;
    if (!file.startsWith('accounts/') || file === 'accounts/index.html') continue;
    const key = urls.join(' ');
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { urls, pages: [] }));
    g.pages.push({ file, bytes: html.length });
  }

  let best = { file: '', kb: 0, htmlKb: 0 };
  let largest = 0;
  for (const g of groups.values()) {
    const assetsGz = g.urls.reduce((n, u) => n + asset(u).gz, 0);
    const top = g.pages.sort((x, y) => y.bytes - x.bytes).slice(0, 20);
    for (const p of top) {
      const raw = readFileSync(join(dist, p.file));
      largest = Math.max(largest, raw.length / 1024);
      const htmlGz = gzipSync(raw).length;
      const kb = (htmlGz + assetsGz) / 1024;
      if (kb > best.kb) best = { file: p.file, kb, htmlKb: htmlGz / 1024 };
    }
  }
  return {
    heaviest_page_kb_gz: round1(best.kb),
    heaviest_page: best.file,
    heaviest_html_kb_gz: round1(best.htmlKb),
    largest_html_kb: round1(largest),
    chartless_pages_with_chart_code: offenders,
    chart_pages: chartPages,
  };
}

function pageAssets(html: string, pageDir: string): string[] {
  const urls: string[] = [];
  for (const m of html.matchAll(SCRIPT_SRC)) urls.push(resolveUrl(pageDir, m[1] ?? ''));
  for (const m of html.matchAll(LINK)) {
    const tag = m[0];
    if (!/\brel="(?:stylesheet|modulepreload)"/.test(tag)) continue;
    const h = /\bhref="([^"]+)"/.exec(tag)?.[1];
    if (h) urls.push(resolveUrl(pageDir, h));
  }
  for (const m of html.matchAll(INLINE_SCRIPT)) {
    for (const i of (m[1] ?? '').matchAll(JS_IMPORT)) urls.push(resolveUrl(pageDir, i[1] ?? ''));
  }
  return urls.filter((u) => u.startsWith('/'));
}

function resolveUrl(from: string, ref: string): string {
  if (/^[a-z]+:/i.test(ref) || ref.startsWith('//')) return ref;
  if (ref.startsWith('/')) return posix.normalize(ref);
  const base = from.endsWith('/') ? from : posix.dirname(from) + '/';
  return posix.normalize(base + ref);
}

function htmlFiles(dir: string): string[] {
  return (readdirSync(dir, { recursive: true }) as string[])
    .filter((f) => f.endsWith('.html') && !f.startsWith('pagefind') && statSync(join(dir, f)).isFile())
    .sort();
}

function round1(n: number): number {
  return Math.round(n * 10) / 10;
}
