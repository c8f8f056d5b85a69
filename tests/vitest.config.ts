import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  // @actions/workflow-parser (CI template tests) ships source maps without their sources, and vite warns
  // once per file; vite's own warnings are not test results, so only its errors are shown.
  logLevel: 'error',
  test: {
    root: new URL('..', import.meta.url).pathname,
    include: ['tests/**/*.test.ts'],
    globalSetup: ['tests/helpers/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    isolate: false,
    // CLI runs cache into a shared temp folder, never into the fixtures (content-addressed, so sharing is safe).
    env: { NO_COLOR: '1', KIENTRUC_CACHE_DIR: join(tmpdir(), 'kientruc-test-cache') },
    // @actions/workflow-parser imports its JSON schema without an import attribute, which Node's own
    // ESM loader refuses; let vite transform it instead.
    server: { deps: { inline: ['@actions/workflow-parser'] } },
  },
});
