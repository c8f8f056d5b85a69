import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { isIgnored, isRelevant } from '../../src/cli/watch.js';
import { edit } from '../helpers/git.js';
import { AGENCY, BIN, makeProject } from '../helpers/project.js';

const SYSTEM = `apiVersion: kientruc/v1
kind: System
id: mot-cua
name: Hệ thống một cửa điện tử
layer: L3
component: tthc
status: planned
owner: agency:tinh-thu
`;

const TASK = `apiVersion: kientruc/v1
kind: Task
id: trien-khai-mot-cua
name: Triển khai hệ thống một cửa điện tử
area: applications
lead: agency:tinh-thu
deadline: 2026
`;

/** A running `kientruc build --watch`, with its stderr collected and a way to wait for a line. */
function start(cwd: string, tmp: string, extra: readonly string[] = []): { child: ChildProcess; stderr: () => string; waitFor: (text: string, count?: number) => Promise<void>; exit: Promise<number | null> } {
  // Diagrams are drawn (Chromium); TMPDIR is private so the browser profile left behind, if any, shows.
  const child = spawn(process.execPath, [BIN, 'build', 'architecture', '--out', 'generated', '--watch', ...extra], {
    cwd,
    // The cache is private too: the diagrams must be drawn, not served from another test's run.
    env: { ...process.env, NO_COLOR: '1', TMPDIR: tmp, KIENTRUC_CACHE_DIR: join(tmp, 'cache') },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let err = '';
  const waiters: { text: string; count: number; resolve: () => void }[] = [];
  const occurrences = (text: string) => err.split(text).length - 1;
  child.stderr?.on('data', (b: Buffer) => {
    err += b.toString('utf8');
    for (const w of [...waiters]) {
      if (occurrences(w.text) >= w.count) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve();
      }
    }
  });
  const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return {
    child,
    stderr: () => err,
    exit,
    waitFor: (text, count = 1) =>
      new Promise<void>((resolve, reject) => {
        if (occurrences(text) >= count) return resolve();
        const timer = setTimeout(() => reject(new Error(`timed out waiting for "${text}" ×${count}; stderr:\n${err}`)), 300_000);
        waiters.push({ text, count, resolve: () => (clearTimeout(timer), resolve()) });
      }),
  };
}

const running: ChildProcess[] = [];
afterEach(() => {
  for (const c of running.splice(0)) if (c.exitCode === null) c.kill('SIGKILL');
});

describe('kientruc build --watch', () => {
  it('rebuilds when a YAML file changes, drawing the diagrams, and exits cleanly on Ctrl-C, its browser closed', async () => {
    const dir = makeProject({ 'architecture/agency.yaml': AGENCY, 'architecture/systems/s.yaml': SYSTEM });
    const tmp = makeProject({});
    const w = start(dir, tmp);
    running.push(w.child);
    await w.waitFor('✓ Xong sau', 1);
    const model = () => readFileSync(join(dir, 'generated', 'model.json'), 'utf8');
    expect(model()).toContain('Hệ thống một cửa điện tử');

    edit(dir, 'architecture/systems/s.yaml', (t) => t.replace('name: Hệ thống một cửa điện tử', 'name: Hệ thống một cửa điện tử dùng chung'));
    await w.waitFor('✓ Xong sau', 2);
    expect(w.stderr()).toContain('↻ Thay đổi: architecture/systems/s.yaml — đang tạo lại…');
    expect(model()).toContain('Hệ thống một cửa điện tử dùng chung');

    // What a rebuild does with a broken edit and with new folders does not depend on drawing: the
    // test below checks it without the browser (each rebuild here prints the documents' PDFs too).
    w.child.kill('SIGINT');
    expect(await w.exit).toBe(0);
    expect(w.stderr()).toContain('Đã dừng theo dõi.');
    // The browser was used (diagrams drawn), then closed and its profile removed.
    expect(w.stderr()).toMatch(/sơ đồ: [1-9]\d* vẽ mới/);
    expect(readdirSync(tmp).filter((f) => f.startsWith('kientruc-chromium-'))).toEqual([]);
  });

  // Longer than a waiter's own limit (300 s), so a missed event fails with the line it waited for and the
  // watcher's stderr rather than a bare test timeout (one such timeout on Node 24, 4 December 2026; not
  // reproduced in 60 further runs).
  it('survives atomic saves, renames, new folders and a broken edit (no browser)', { timeout: 400_000 }, async () => {
    const dir = makeProject({ 'architecture/agency.yaml': AGENCY, 'architecture/systems/s.yaml': SYSTEM });
    const tmp = makeProject({});
    const w = start(dir, tmp, ['--no-render']);
    running.push(w.child);
    await w.waitFor('✓ Xong sau', 1);
    const model = () => readFileSync(join(dir, 'generated', 'model.json'), 'utf8');
    // Until the model shows `seen`; else fails naming the step, with the watcher's stderr (which changes
    // it saw, which builds it ran): one such wait failed on Node 24 under load, 4 December 2026.
    const modelShows = async (step: string, seen: RegExp, timeout: number): Promise<void> => {
      const end = Date.now() + timeout;
      for (;;) {
        let text = '';
        try {
          text = model();
        } catch {
          // between builds: read again
        }
        if (seen.test(text)) return;
        if (Date.now() > end) throw new Error(`${step}: the model did not show ${seen} within ${timeout / 1000} s; stderr:\n${w.stderr()}`);
        await new Promise((r) => setTimeout(r, 200));
      }
    };
    const file = join(dir, 'architecture', 'systems', 's.yaml');

    // Atomic save, as editors and sed -i do it: write a temp file beside it, rename it over the original.
    writeFileSync(`${file}.tmp-save`, SYSTEM.replace('name: Hệ thống một cửa điện tử', 'name: Một cửa (lưu nguyên tử)'));
    renameSync(`${file}.tmp-save`, file);
    await w.waitFor('✓ Xong sau', 2);
    expect(model()).toContain('Một cửa (lưu nguyên tử)');
    // …and the replaced file is still followed: a later in-place write rebuilds (fs.watch lost it).
    writeFileSync(file, SYSTEM.replace('name: Hệ thống một cửa điện tử', 'name: Một cửa (ghi tại chỗ)'));
    await w.waitFor('✓ Xong sau', 3);
    expect(model()).toContain('Một cửa (ghi tại chỗ)');

    // Rename: the file under its new name is followed.
    const renamed = join(dir, 'architecture', 'systems', 'mot-cua.yaml');
    renameSync(file, renamed);
    await w.waitFor('✓ Xong sau', 4);
    writeFileSync(renamed, SYSTEM.replace('name: Hệ thống một cửa điện tử', 'name: Một cửa (đã đổi tên tệp)'));
    await w.waitFor('✓ Xong sau', 5);
    expect(model()).toContain('Một cửa (đã đổi tên tệp)');

    // A folder created after the watch started, then a file written into it, then edited.
    mkdirSync(join(dir, 'architecture', 'nhiem-vu', 'nam-2026'), { recursive: true });
    const task = join(dir, 'architecture', 'nhiem-vu', 'nam-2026', 't.yaml');
    writeFileSync(task, TASK);
    await modelShows('a file written into a new folder', /task:trien-khai-mot-cua/, 30_000);
    const builds = w.stderr().split('✓ Xong sau').length - 1;
    writeFileSync(task, TASK.replace('deadline: 2026', 'deadline: 2027'));
    await w.waitFor('✓ Xong sau', builds + 1);
    await modelShows('that file edited', /"deadline": "?2027/, 30_000);

    // A syntax error: reported, the previous outputs stay; the fix rebuilds.
    const before = model();
    const refused = w.stderr().split('Không tạo đầu ra').length - 1;
    writeFileSync(task, TASK.replace('deadline: 2026', 'deadline: [2028'));
    await w.waitFor('Không tạo đầu ra', refused + 1);
    expect(model()).toBe(before);
    const built = w.stderr().split('✓ Xong sau').length - 1;
    writeFileSync(task, TASK.replace('deadline: 2026', 'deadline: 2029'));
    await w.waitFor('✓ Xong sau', built + 1);
    await modelShows('the broken edit fixed', /"deadline": "?2029/, 120_000);

    w.child.kill('SIGINT');
    expect(await w.exit).toBe(0);
    expect(w.stderr()).toContain('Đã dừng theo dõi.');
  });

  it('does not even watch the output folder, dot folders or node_modules', () => {
    expect(isIgnored('/p/architecture', '/p/architecture', '/p/generated')).toBe(false);
    expect(isIgnored('/p/architecture/systems/a.yaml', '/p/architecture', '/p/generated')).toBe(false);
    expect(isIgnored('/p/architecture/.git', '/p/architecture', '/p/generated')).toBe(true);
    expect(isIgnored('/p/architecture/node_modules/x', '/p/architecture', '/p/generated')).toBe(true);
    expect(isIgnored('/p/architecture/out/model.json', '/p/architecture', '/p/architecture/out')).toBe(true);
  });

  it('ignores what cannot change the build', () => {
    const root = '/p/architecture';
    expect(isRelevant('systems/a.yaml', root, '/p/generated')).toBe(true);
    expect(isRelevant('systems', root, '/p/generated')).toBe(true);
    expect(isRelevant('systems/a.yaml~', root, '/p/generated')).toBe(false);
    expect(isRelevant('.git/index', root, '/p/generated')).toBe(false);
    expect(isRelevant('notes.md', root, '/p/generated')).toBe(false);
    expect(isRelevant('strategy/tam-nhin.md', root, '/p/generated')).toBe(true);
    expect(isRelevant('generated/model.json', root, '/p/architecture/generated')).toBe(false);
    expect(isRelevant('generated/x.yaml', root, '/p/architecture/generated')).toBe(false);
  });
});
