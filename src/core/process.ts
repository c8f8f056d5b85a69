import { osErrorCode } from './errors.js';

/** Whether a process with this pid exists (one of another user's counts: signalling it is refused, not missed). */
export function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return osErrorCode(err) !== 'ESRCH';
  }
}
