import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';
import { LongFirstSequencer } from './helpers/sequencer.js';

export default defineConfig({
  // @actions/workflow-parser (CI template tests) ships source maps without their sources, and vite warns
  // once per file; vite's own warnings are not test results, so only its errors are shown.
  logLevel: 'error',
  test: {
    root: new URL('..', import.meta.url).pathname,
    include: ['tests/**/*.test.ts'],
    // Compiles the bin, prints the property-test seed, owns the run's temp root (TMPDIR) and fails the
    // run on leaked temp folders; the setup file runs before every test file (seed, per-file clean-up).
    globalSetup: ['tests/helpers/global-setup.ts'],
    setupFiles: ['tests/helpers/file-setup.ts'],
    // Tests are bounded by their work (run counts, corpus sizes), never by the clock: these limits only
    // catch a hang, and are far above what a healthy build needs on a loaded 2-core machine.
    testTimeout: 600_000,
    hookTimeout: 600_000,
    pool: 'forks',
    // vitest's default (cores − 1) runs one file at a time on a 2-core machine, while many files spend
    // much of their time waiting (on Chromium, npm, git, a watched file, a spawned bin's pipes): with one
    // worker per core the 2-core machine was idle 31 % of a quiet run (307 s of CPU in 222 s). One more
    // worker than cores fills that time.
    maxWorkers: availableParallelism() + 1,
    isolate: false,
    // Longest files first, also on a fresh clone with no recorded durations (tests/helpers/sequencer.ts).
    sequence: { sequencer: LongFirstSequencer },
    env: { NO_COLOR: '1' },
    // @actions/workflow-parser imports its JSON schema without an import attribute, which Node's own
    // ESM loader refuses; let vite transform it instead.
    server: { deps: { inline: ['@actions/workflow-parser'] } },
  },
});
