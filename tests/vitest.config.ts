import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    root: new URL('..', import.meta.url).pathname,
    include: ['tests/**/*.test.ts'],
    globalSetup: ['tests/helpers/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // CLI runs cache into a shared temp folder, never into the fixtures (content-addressed, so sharing is safe).
    env: { NO_COLOR: '1', KIENTRUC_CACHE_DIR: join(tmpdir(), 'kientruc-test-cache') },
  },
});
