/**
 * Every temp folder a test makes lives under the run's temp root (tests/helpers/global-setup.ts
 * creates it, passes it in KIENTRUC_TEST_TMP and removes it at teardown). Folders made while a test
 * file runs are removed when that file ends (tests/helpers/file-setup.ts), so a run never holds more
 * than one file's worth of them.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';

/** Name of the environment variable that carries the run's temp root to the workers. */
export const TMP_ROOT_ENV = 'KIENTRUC_TEST_TMP';

/** The run's temp root; tests run outside tests/vitest.config.ts have none and fail here, loudly. */
export function tmpRoot(): string {
  const root = process.env[TMP_ROOT_ENV];
  if (!root) throw new Error(`${TMP_ROOT_ENV} is not set: run the tests with --config tests/vitest.config.ts (its global set-up makes the temp root).`);
  return root;
}

const made: string[] = [];

/**
 * A fresh folder under the run's temp root (`<root>/t/<prefix>XXXXXX`), removed when the current test
 * file ends. `prefix` says what it is for: `project-`, `kill-`, `outside-` …
 */
export function makeTempDir(prefix = 'tmp-'): string {
  const parent = join(tmpRoot(), 't');
  mkdirSync(parent, { recursive: true });
  const dir = mkdtempSync(join(parent, prefix));
  made.push(dir);
  return dir;
}

/** Removes every folder `makeTempDir` made since the last call (end of a test file). */
export function removeTempDirs(): void {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
}
