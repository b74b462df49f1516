/// <reference types="vitest/config" />
import { getViteConfig } from 'astro/config';

export default getViteConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Browser and build tests spawn builds; keep them from running two at once on 2 cores.
    fileParallelism: true,
    testTimeout: 30_000,
    env: { TZ: 'UTC' },
  },
});
