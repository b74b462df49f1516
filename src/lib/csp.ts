/**
 * The Content-Security-Policy of every internal page, delivered as a `<meta http-equiv>` (a
 * static site has no response headers of its own). Scripts come only from the site's own
 * files — no inline script, no event-handler attribute, no other origin — so text that slips
 * into the markup as a tag still cannot run. We write the policy ourselves instead of using
 * Astro's `security.csp`: that one allows inline scripts by hash and takes over `style-src`
 * with hashes, which would block the `style` attributes our bars and matrices use; here no
 * page has an inline script at all (astro.config.mjs turns off script inlining).
 *
 * - `'wasm-unsafe-eval'`: Pagefind compiles its WebAssembly search engine (no JS eval).
 * - `style-src 'unsafe-inline'`: the `style="width:…"` of bars and matrix positions; styles
 *   cannot run script.
 * - `img-src data:`: chart.js and inline SVG data images.
 * Directives a `<meta>` cannot carry (frame-ancestors, report-uri, sandbox) belong in the web
 * server's headers; see README › Publishing.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
].join('; ');
