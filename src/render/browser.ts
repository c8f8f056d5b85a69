import { execFileSync } from 'node:child_process';
import { existsSync, realpathSync, statSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'puppeteer-core';
import { UserError } from '../core/errors.js';
import { text } from '../core/text.js';

/** Where Debian, Ubuntu and common setups put Chromium; KIENTRUC_CHROMIUM overrides. */
const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'];

/** Flags from TOOLCHAIN.md: no sandbox as root, and no background networking on a closed network. */
export const CHROMIUM_ARGS: readonly string[] = [
  '--no-sandbox',
  '--disable-setuid-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--font-render-hinting=none',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/** No Chromium to draw with: a problem of the user's machine, said in the run's language with how to install it. */
export class BrowserMissingError extends UserError {
  override name = 'BrowserMissingError';
}

/**
 * The temp folder Chromium is given. It makes its SingletonSocket in `$TMPDIR/org.chromium.Chromium.XXXXXX/`
 * (45 more characters). A Unix socket path has 108 bytes with its final NUL, but Chromium refused one of
 * 104 bytes ("Socket path too long": a 59-byte TMPDIR under `.ci/run`'s private temp folder, 4 December
 * 2026), so the socket path is kept within 100 bytes, as the daemon keeps its own within 103
 * (cli/daemon/paths.ts): a TMPDIR over 55 bytes is replaced by /tmp for Chromium only; the profile stays
 * where the user's TMPDIR says.
 */
export const CHROMIUM_TMP_MAX_BYTES = 55;

export function chromiumTmp(tmp: string): string {
  return Buffer.byteLength(tmp) <= CHROMIUM_TMP_MAX_BYTES ? tmp : '/tmp';
}

export function findChromium(env: Readonly<Record<string, string | undefined>>): string | undefined {
  const override = env['KIENTRUC_CHROMIUM'];
  if (override) return existsSync(override) ? override : undefined;
  return CANDIDATES.find((p) => existsSync(p));
}

export const INSTALL_HINT = text(
  'Cài Chromium và phông chữ tiếng Việt: sudo apt-get install -y --no-install-recommends chromium fonts-liberation2 fonts-croscore ' +
    '(hoặc đặt KIENTRUC_CHROMIUM=/đường/dẫn/chromium). Dùng --no-render để chỉ tạo mã nguồn Mermaid, HTML và Markdown.',
  'Install Chromium and fonts with Vietnamese letters: sudo apt-get install -y --no-install-recommends chromium fonts-liberation2 fonts-croscore ' +
    '(or set KIENTRUC_CHROMIUM=/path/to/chromium). Use --no-render to make only the Mermaid sources, HTML and Markdown.',
);

/**
 * One headless Chromium per command, launched on first use and closed by the command in `finally`
 * (§5.4). Renderers ask for it; commands that never render (validate, check) never start it.
 */
/** The families kientruc's documents and diagrams are set in (document-layout.yaml, mermaid-config.ts, the reports' code). */
export const PRINTED_FAMILIES: readonly string[] = ['Times New Roman', 'Liberation Sans', 'Liberation Mono'];

/** The font file fontconfig (which Chromium asks) gives a family, or undefined without fontconfig. */
function fcMatch(family: string): string | undefined {
  try {
    return execFileSync('fc-match', ['-f', '%{file}', family], { encoding: 'utf8', timeout: 10_000, stdio: ['ignore', 'pipe', 'ignore'] }).trim() || undefined;
  } catch {
    return undefined;
  }
}

let fonts: string | undefined;

/**
 * Which font files draw the printed families: path, size and time of change of each. Installing Times
 * New Roman beside Tinos, or a font package update, changes the PDFs and diagrams Chromium draws, so it
 * is part of `identity()` and a build after it draws them again instead of reusing the cache. Asked
 * once per process (three `fc-match` runs, ≈ 15 ms). `match` is for tests.
 */
export function fontsIdentity(match: (family: string) => string | undefined = fcMatch): string {
  const read = (): string =>
    PRINTED_FAMILIES.map((family) => {
      const file = match(family);
      if (!file) return `${family}:?`;
      try {
        const st = statSync(file);
        return `${family}:${file}:${st.size}:${Math.trunc(st.mtimeMs)}`;
      } catch {
        return `${family}:${file}:?`;
      }
    }).join(';');
  if (match !== fcMatch) return read();
  fonts ??= read();
  return fonts;
}

export class BrowserProvider {
  private browser: Promise<Browser> | undefined;
  private profile: string | undefined;

  /**
   * `handleSignals: false` when the command handles Ctrl-C itself (build --watch) and closes the browser;
   * otherwise puppeteer's own handlers close it and exit on SIGINT, SIGTERM and SIGHUP.
   */
  constructor(
    private readonly env: Readonly<Record<string, string | undefined>>,
    private readonly opts: { readonly handleSignals?: boolean } = {},
  ) {}

  /**
   * Which Chromium this provider would launch, without launching it: its real path, size and time of
   * change (a new version is a new file). Part of the cache key of printed outputs; undefined when no
   * Chromium is found.
   */
  identity(): string | undefined {
    const path = findChromium(this.env);
    if (!path) return undefined;
    try {
      const real = realpathSync(path);
      const st = statSync(real);
      return `${real}:${st.size}:${Math.trunc(st.mtimeMs)}|${fontsIdentity()}`;
    } catch {
      return undefined;
    }
  }

  get launched(): boolean {
    return this.browser !== undefined;
  }

  async get(): Promise<Browser> {
    if (!this.browser) {
      const executablePath = findChromium(this.env);
      if (!executablePath) throw new BrowserMissingError(text(`Không tìm thấy trình duyệt Chromium. ${INSTALL_HINT.vi}`, `Chromium was not found. ${INSTALL_HINT.en}`));
      this.browser = (async () => {
        const { launch } = await import('puppeteer-core');
        this.profile = await mkdtemp(join(tmpdir(), 'kientruc-chromium-'));
        const handle = this.opts.handleSignals ?? true;
        return launch({
          executablePath,
          headless: true,
          args: [...CHROMIUM_ARGS, `--user-data-dir=${this.profile}`],
          env: { ...process.env, TMPDIR: chromiumTmp(tmpdir()) },
          handleSIGINT: handle,
          handleSIGTERM: handle,
          handleSIGHUP: handle,
        });
      })();
    }
    return this.browser;
  }

  async close(): Promise<void> {
    const b = this.browser;
    this.browser = undefined;
    try {
      if (b) await (await b).close();
    } catch {
      // A browser that failed to launch has nothing to close.
    } finally {
      if (this.profile) await rm(this.profile, { recursive: true, force: true });
      this.profile = undefined;
    }
  }
}
