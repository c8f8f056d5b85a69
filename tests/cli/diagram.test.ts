import { cpSync, existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { findChromium } from '../../src/render/browser.js';
import { REPO, runCli as cli, runMain } from '../helpers/project.js';
import { makeTempDir } from '../helpers/tmp.js';

const FIXTURE = join(REPO, 'tests', 'fixtures', 'valid', 'diagrams');
/** Points the browser lookup at nothing: any attempt to launch Chromium would fail with exit 2. */
const NO_CHROMIUM = { KIENTRUC_CHROMIUM: '/nonexistent/chromium' };

const made: string[] = [];
afterAll(() => {
  for (const d of made.splice(0)) rmSync(d, { recursive: true, force: true });
});

function fixtureCopy(): string {
  const dir = makeTempDir('diagram-');
  made.push(dir);
  cpSync(FIXTURE, dir, { recursive: true });
  return dir;
}

function filesUnder(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string): void => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      if (e.isDirectory()) walk(join(d, e.name));
      else out.push(relative(dir, join(d, e.name)).split('\\').join('/'));
    }
  };
  walk(dir);
  return out.sort();
}

describe('kientruc diagram', () => {
  it('--no-render writes Mermaid sources and README.md without ever needing a browser', async () => {
    const dir = fixtureCopy();
    const r = await cli(['diagram', '--no-render'], dir, NO_CHROMIUM);
    expect(r.stderr).not.toContain('Chromium');
    expect(r.code).toBe(0);
    const files = filesUnder(join(dir, 'generated', 'diagrams')).filter((f) => f !== '.kientruc-manifest.json');
    expect(files).toContain('README.md');
    expect(files).toContain('landscape.mmd');
    expect(files).toContain('context/tthc-tinh.mmd');
    expect(files.every((f) => f === 'README.md' || f.endsWith('.mmd'))).toBe(true);
    const readme = readFileSync(join(dir, 'generated', 'diagrams', 'README.md'), 'utf8');
    expect(readme).toContain('[Mermaid](landscape.mmd)');
    expect(readme).not.toContain('.svg');
    expect(existsSync(join(dir, '.kientruc-cache'))).toBe(false);
  });

  it('without a browser: one line naming the install command, exit 2, previous output untouched', async () => {
    const dir = fixtureCopy();
    const r = await cli(['diagram'], dir, NO_CHROMIUM);
    expect(r.code).toBe(2);
    const lines = r.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^kientruc: Không tìm thấy trình duyệt Chromium\..*sudo apt-get install -y --no-install-recommends chromium fonts-liberation2/);
    expect(lines[0]).toContain('--no-render');
    expect(existsSync(join(dir, 'generated'))).toBe(false);
    const en = await cli(['--lang', 'en', 'diagram'], dir, NO_CHROMIUM);
    expect(en.code).toBe(2);
    expect(en.stderr).toMatch(/^kientruc: Chromium was not found\. Install Chromium .*sudo apt-get install -y --no-install-recommends chromium fonts-liberation2.*--no-render[^\n]*\n$/);
  });

  it('validate and check never need a browser', async () => {
    const dir = fixtureCopy();
    expect((await cli(['validate'], dir, NO_CHROMIUM)).code).toBe(0);
    const check = await cli(['check', '--fail-on', 'none'], dir, NO_CHROMIUM);
    expect(check.code).toBe(0);
    expect(check.stderr).not.toContain('Chromium');
  });

  it('build --no-render: diagrams/*.mmd and README.md, no images', async () => {
    const dir = fixtureCopy();
    const r = await cli(['build', '--no-render'], dir, NO_CHROMIUM);
    expect(r.code).toBe(0);
    const files = filesUnder(join(dir, 'generated'));
    expect(files).toContain('README.md');
    expect(files).toContain('diagrams/landscape.mmd');
    expect(files.filter((f) => /\.(svg|png)$/.test(f))).toEqual([]);
    expect(readFileSync(join(dir, 'generated', 'README.md'), 'utf8')).toContain('[Mermaid](diagrams/landscape.mmd)');
  });

  it('a bad --format or --max-nodes is a usage error (one line, exit 2)', async () => {
    const dir = fixtureCopy();
    const r = await runMain(['diagram', '--format', 'svg,gif'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toEqual([
      'kientruc: --format "svg,gif" không hợp lệ: dùng một hoặc nhiều định dạng svg, png, mmd, cách nhau bởi dấu phẩy (ví dụ svg,png).',
    ]);
    expect((await runMain(['diagram', '--max-nodes', '2'], dir)).code).toBe(2);
  });

  it('--help shows examples and the install command', async () => {
    const r = await runMain(['diagram', '--help'], REPO);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('kientruc diagram --no-render');
    expect(r.stdout).toContain('apt-get install');
  });

  it.skipIf(!findChromium(process.env))('renders SVG, then serves an unchanged run from .kientruc-cache/', async () => {
    const dir = fixtureCopy();
    const first = await cli(['diagram', '--format', 'svg,mmd', '--cache-dir', '.kientruc-cache'], dir);
    expect(first.code).toBe(0);
    expect(first.stderr).toMatch(/16 sơ đồ \(16 vẽ mới, 0 lấy từ bộ nhớ đệm\)/);
    const files = filesUnder(join(dir, 'generated', 'diagrams'));
    expect(files).toContain('landscape.svg');
    expect(files.filter((f) => f.endsWith('.png'))).toEqual([]);
    const svg = readFileSync(join(dir, 'generated', 'diagrams', 'landscape.svg'), 'utf8');
    const second = await cli(['diagram', '--format', 'svg,mmd', '--cache-dir', '.kientruc-cache'], dir, NO_CHROMIUM);
    expect(second.code).toBe(0);
    expect(second.stderr).toMatch(/16 sơ đồ \(0 vẽ mới, 16 lấy từ bộ nhớ đệm\)/);
    expect(readFileSync(join(dir, 'generated', 'diagrams', 'landscape.svg'), 'utf8')).toBe(svg);
    // Rendered pictures live in the render/ folder of the one content-hash cache.
    expect(existsSync(join(dir, '.kientruc-cache', 'render'))).toBe(true);
  });
});
