import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createApp } from '../../src/cli/app.js';
import { step } from '../../src/cli/progress.js';

function appWith(isTTY: boolean, quiet = false) {
  let err = '';
  const app = createApp({ stdout: { write: () => true }, stderr: { write: (s: string) => ((err += s), true), isTTY }, cwd: '/', today: new Date('2026-01-15T00:00:00Z'), env: {} });
  app.quiet = quiet;
  return { app, err: () => err };
}

const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * The clock is vitest's fake one (timers and performance.now): a step "takes" exactly the time the
 * test advances, so the lines are checked to the tenth of a second with no real waiting, whatever
 * the machine's load.
 */
async function timed<T>(ms: number, running: Promise<T>): Promise<T> {
  await vi.advanceTimersByTimeAsync(ms);
  return running;
}

describe('progress of long steps', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'performance'] });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('says nothing for a step under 2 s', async () => {
    const { app, err } = appWith(false);
    expect(await timed(1999, step(app, 'Tạo PDF', async () => (await wait(1999), 42)))).toBe(42);
    expect(err()).toBe('');
  });

  it('prints plain lines when stderr is not a terminal: while running, then the time it took', async () => {
    const { app, err } = appWith(false);
    await timed(2300, step(app, 'Tạo PDF', () => wait(2300)));
    expect(err()).toBe('… Tạo PDF (đang chạy / running)\n✓ Tạo PDF 2.3 s\n');
  });

  it('counts seconds in place on a terminal', async () => {
    const { app, err } = appWith(true);
    await timed(3300, step(app, 'Tạo DOCX', () => wait(3300)));
    expect(err()).toBe('\r… Tạo DOCX 2 s\r… Tạo DOCX 3 s\r\u001b[K✓ Tạo DOCX 3.3 s\n');
  });

  it('is silent with --quiet, and a failing step still fails', async () => {
    const { app, err } = appWith(false, true);
    await timed(2100, step(app, 'Tạo PDF', () => wait(2100)));
    await expect(step(app, 'x', async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(err()).toBe('');
  });
});
