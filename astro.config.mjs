// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';

export default defineConfig({
  output: 'static',
  integrations: [mdx()],
  trailingSlash: 'ignore',
  // Component styles go to shared, cacheable CSS files instead of being repeated in every page.
  // Four pages in flight: one renders while the others' files are written (one at a time, the
  // page build mostly waited on file writes; four took about 10 % off at 1,000 accounts).
  build: { format: 'directory', inlineStylesheets: 'never', concurrency: 4 },
  devToolbar: { enabled: false },
  // A rebuild copies every page whose cache key (src/views/page-keys.ts) and code are unchanged
  // from the previous build instead of rendering it again.
  experimental: { incrementalBuild: true },
  vite: {
    build: {
      // Never inline a script into the page: the Content-Security-Policy (src/lib/csp.ts)
      // allows only the site's own script files.
      assetsInlineLimit: 0,
      rollupOptions: {
        // MDX modules carry Astro's own "use astro:head-inject" marker; the bundler's notice
        // about module-level directives is noise for every playbook.
        onLog(level, log, handler) {
          if (log.code === 'MODULE_LEVEL_DIRECTIVE') return;
          handler(level, log);
        },
      },
    },
  },
});
