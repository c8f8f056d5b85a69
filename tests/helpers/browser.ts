/**
 * One headless Chromium per test worker, shared by every browser test the worker runs: launched on
 * first use, with its profile under the run's temp root, and killed (profile removed) when the worker
 * exits; vitest stops workers with SIGTERM before global teardown. Tests hand it to renderers as the
 * command's browser; its `close()` does nothing, so a renderer or test cannot close it for the others.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'puppeteer-core';
import { BrowserProvider, CHROMIUM_ARGS, chromiumTmp, findChromium } from '../../src/render/browser.js';
import { tmpRoot } from './tmp.js';

/** Chromium found on this machine (KIENTRUC_CHROMIUM or a usual path); browser suites skip without it. */
export const CHROMIUM = findChromium(process.env);

class WorkerBrowser extends BrowserProvider {
  private shared: Promise<Browser> | undefined;

  override get launched(): boolean {
    return this.shared !== undefined;
  }

  override get(): Promise<Browser> {
    this.shared ??= launchShared();
    return this.shared;
  }

  /** Shared: the worker's exit closes it. */
  override async close(): Promise<void> {}
}

async function launchShared(): Promise<Browser> {
  if (!CHROMIUM) throw new Error('no Chromium on this machine (install chromium or set KIENTRUC_CHROMIUM)');
  const parent = join(tmpRoot(), 't');
  mkdirSync(parent, { recursive: true });
  const profile = mkdtempSync(join(parent, 'chromium-'));
  const { launch } = await import('puppeteer-core');
  const browser = await launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [...CHROMIUM_ARGS, `--user-data-dir=${profile}`],
    // As the product launches it (render/browser.ts): under a deep TMPDIR (.ci/run's) its SingletonSocket
    // path would pass what Chromium accepts.
    env: { ...process.env, TMPDIR: chromiumTmp(tmpdir()) },
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
  });
  const shutdown = (): void => {
    browser.process()?.kill('SIGKILL');
    rmSync(profile, { recursive: true, force: true });
  };
  process.once('exit', shutdown);
  // Close it properly when vitest stops the worker (so Chromium is reaped, and its CPU time counted);
  // the 'exit' hook kills it if that does not finish.
  process.once('SIGTERM', () => {
    const timer = setTimeout(() => process.exit(143), 5000);
    void browser
      .close()
      .catch(() => undefined)
      .finally(() => {
        clearTimeout(timer);
        process.exit(143);
      });
  });
  return browser;
}

let worker: WorkerBrowser | undefined;

/** The worker's browser (a `BrowserProvider` renderers accept); never close it. */
export function sharedBrowser(): BrowserProvider {
  worker ??= new WorkerBrowser(process.env);
  return worker;
}
