/**
 * Work done once per test run and shared by every worker (the packed tarball, its install, the sample
 * build): the caller that creates the work's folder does it; the others wait for its "done" or "failed"
 * marker, bounded only by the test's timeout.
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';

/** True when this caller created `dir` and so does the work; false when another caller (any worker) did. */
export function claimOnce(dir: string): boolean {
  try {
    mkdirSync(dir);
    return true;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    return false;
  }
}

/** Throws the other caller's failure, naming `what`, when its `failed` marker exists. */
function throwIfFailed(failed: string, what: string): void {
  if (existsSync(failed)) throw new Error(`${what} failed in another test of this run:\n${readFileSync(failed, 'utf8')}`);
}

/** Blocks until `done` exists (for synchronous helpers); throws the other caller's failure. */
export function waitForOtherSync(done: string, failed: string, what: string): void {
  for (;;) {
    if (existsSync(done)) return;
    throwIfFailed(failed, what);
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 100);
  }
}

/** Waits until `done` exists, letting the worker's event loop run; throws the other caller's failure. */
export async function waitForOther(done: string, failed: string, what: string): Promise<void> {
  for (;;) {
    if (existsSync(done)) return;
    throwIfFailed(failed, what);
    await sleep(250);
  }
}
