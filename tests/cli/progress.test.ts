import { describe, expect, it } from 'vitest';
import { createApp } from '../../src/cli/app.js';
import { step } from '../../src/cli/progress.js';

function appWith(isTTY: boolean, quiet = false) {
  let err = '';
  const app = createApp({ stdout: { write: () => true }, stderr: { write: (s: string) => ((err += s), true), isTTY }, cwd: '/', today: new Date('2026-01-15T00:00:00Z'), env: {} });
  app.quiet = quiet;
  return { app, err: () => err };
}

const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('progress of long steps', () => {
  it('says nothing for a step under 2 s', async () => {
    const { app, err } = appWith(false);
    expect(await step(app, 'Tạo PDF', async () => (await wait(10), 42))).toBe(42);
    expect(err()).toBe('');
  });

  it('prints plain lines when stderr is not a terminal: while running, then the time it took', async () => {
    const { app, err } = appWith(false);
    await step(app, 'Tạo PDF', () => wait(2300));
    expect(err()).toMatch(/^… Tạo PDF \(đang chạy \/ running\)\n✓ Tạo PDF 2\.\d s\n$/);
  }, 10_000);

  it('counts seconds in place on a terminal', async () => {
    const { app, err } = appWith(true);
    await step(app, 'Tạo DOCX', () => wait(2300));
    expect(err()).toMatch(/^\r… Tạo DOCX 2 s\r\u001b\[K✓ Tạo DOCX 2\.\d s\n$/);
  }, 10_000);

  it('is silent with --quiet, and a failing step still fails', async () => {
    const { app, err } = appWith(false, true);
    await step(app, 'Tạo PDF', () => wait(2100));
    await expect(step(app, 'x', async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(err()).toBe('');
  }, 10_000);
});
