import type { App } from './app.js';

/** After how long a step says it is still running. */
export const PROGRESS_AFTER_MS = 2000;

/**
 * Runs one step of a command and, when it lasts more than 2 s, says so on stderr: on a terminal one
 * line that counts the seconds in place (`… Tạo PDF 5 s`), elsewhere (CI logs, pipes) one plain line
 * when the step passes 2 s, and in both cases the time it took at the end. Nothing with --quiet, and
 * nothing at all for a step shorter than 2 s. Only an asynchronous step can be reported while it runs
 * (a synchronous one holds the event loop); its time is still reported when it ends.
 */
export async function step<T>(app: App, label: string, run: () => Promise<T> | T): Promise<T> {
  if (app.quiet) return run();
  const started = performance.now();
  const tty = Boolean(app.io.stderr.isTTY);
  let shown = false;
  const seconds = () => Math.round((performance.now() - started) / 1000);
  const tick = () => {
    if (tty) app.io.stderr.write(`\r… ${label} ${seconds()} s`);
    else if (!shown) app.io.stderr.write(`… ${label} ${app.lang === 'en' ? '(running)' : '(đang chạy / running)'}\n`);
    shown = true;
  };
  let timer: ReturnType<typeof setInterval> | undefined;
  const first = setTimeout(() => {
    tick();
    if (tty) timer = setInterval(tick, 1000);
  }, PROGRESS_AFTER_MS);
  try {
    return await run();
  } finally {
    clearTimeout(first);
    if (timer) clearInterval(timer);
    const took = performance.now() - started;
    if (took >= PROGRESS_AFTER_MS) app.io.stderr.write(`${tty && shown ? '\r\u001b[K' : ''}✓ ${label} ${(took / 1000).toFixed(1)} s\n`);
  }
}
