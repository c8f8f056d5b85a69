/** `npm test`'s configuration plus the per-file CPU set-up (tests/bench/suite/run.ts runs it). */
import { mergeConfig } from 'vitest/config';
import base from '../../vitest.config.js';

export default mergeConfig(base, {
  // A cache of its own (vitest's recorded durations decide the file order): KIENTRUC_SUITE_CACHE empty
  // or new is a fresh clone's first run; the same folder again is a later run.
  ...(process.env['KIENTRUC_SUITE_CACHE'] ? { cacheDir: process.env['KIENTRUC_SUITE_CACHE'] } : {}),
  test: { setupFiles: ['tests/bench/suite/file-cpu.ts'] },
});
