/**
 * Output ownership (docs/outputs.md): every writing command refuses a dangerous --out with one line and
 * exit 2, before any work, leaving every file byte-identical; writes land with the usual modes, work on
 * mount points and on a full disk leave the old output whole; the same input gives the same bytes from
 * any working directory, spelling of the folder, TZ and LANG.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, rmSync, statfsSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { BIN, REPO, TODAY } from '../helpers/project.js';
import { makeTempDir } from '../helpers/tmp.js';

const AS_OF = ['--as-of', '2026-09-30'];
const ARCH = 'kien-truc/architecture';

/** Every entry under `dir`: files with their sha256, folders and links by kind. */
function snapshot(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (d: string): void => {
    for (const e of readdirSync(d, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const p = join(d, e.name);
      const rel = relative(dir, p);
      if (e.isSymbolicLink()) out.set(rel, 'link');
      else if (e.isDirectory()) {
        out.set(rel, 'dir');
        walk(p);
      } else out.set(rel, createHash('sha256').update(readFileSync(p)).digest('hex'));
    }
  };
  walk(dir);
  return out;
}

/** Files only (no folder entries), for comparing two outputs. */
function files(dir: string): Map<string, string> {
  return new Map([...snapshot(dir)].filter(([, v]) => v !== 'dir' && v !== 'link'));
}

async function run(argv: readonly string[], cwd: string, env: Record<string, string> = {}): Promise<{ code: number; stderr: string }> {
  let stderr = '';
  const code = await main(argv, {
    stdout: { write: () => true },
    stderr: { write: (s: string) => (stderr += s) },
    cwd,
    today: TODAY,
    env: { NO_COLOR: '1', ...(process.env['KIENTRUC_CACHE_DIR'] ? { KIENTRUC_CACHE_DIR: process.env['KIENTRUC_CACHE_DIR'] } : {}), ...env },
  });
  return { code, stderr };
}

/** The lines a run printed that are not progress (`[1/8] …`) or logs. */
const lastLine = (stderr: string): string => stderr.trimEnd().split('\n').at(-1) ?? '';

/** A folder under the run's temp root, removed when this file ends (tests/helpers/tmp.ts). */
function tempDir(prefix: string): string {
  return makeTempDir(`${prefix}-`);
}

/** A scratch git repository with a commit, the sample architecture one level down, and foreign files. */
function scratchRepo(): string {
  const repo = tempDir('safety');
  cpSync(join(REPO, 'architecture'), join(repo, ARCH), { recursive: true });
  writeFileSync(join(repo, 'notes.txt'), 'ghi chú của tôi\n');
  mkdirSync(join(repo, 'www'));
  writeFileSync(join(repo, 'www', 'other.html'), '<p>trang khác</p>\n');
  writeFileSync(join(repo, 'www', 'robots.txt'), 'User-agent: *\n');
  mkdirSync(join(repo, 'vendor', 'lib', '.git'), { recursive: true });
  writeFileSync(join(repo, 'vendor', 'lib', '.git', 'HEAD'), 'ref: refs/heads/main\n');
  writeFileSync(join(repo, 'vendor', 'lib', 'lib.md'), '# thư viện\n');
  const git = (...args: string[]) => spawnSync('git', args, { cwd: repo, encoding: 'utf8', env: { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@t', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@t' } });
  git('init', '-q', '.');
  git('add', '-A');
  git('commit', '-qm', 'init');
  return repo;
}

const COMMANDS: Record<string, readonly string[]> = {
  build: ['build', ARCH, '--no-render', ...AS_OF],
  diagram: ['diagram', ARCH, '--no-render', ...AS_OF],
  site: ['site', ARCH, '--no-render', ...AS_OF],
  aggregate: ['aggregate', ARCH, '--no-render', ...AS_OF],
  doc: ['doc', ARCH, '--format', 'md', '--no-render', ...AS_OF],
  gap: ['gap', ARCH, ...AS_OF],
  report: ['report', ARCH, ...AS_OF],
  export: ['export', ARCH, '--format', 'archimate', ...AS_OF],
};

/** `--out` → what the one line must say. */
const DANGEROUS: readonly [string, RegExp][] = [
  ['.', /^kientruc: Không ghi vào "\.": .*(chứa thư mục kiến trúc|\.git)/],
  ['', /^kientruc: Không ghi vào "": đường dẫn rỗng/],
  [ARCH, /^kientruc: Không ghi vào "kien-truc\/architecture": đây là thư mục kiến trúc/],
  [`${ARCH}/ra`, /nằm trong thư mục kiến trúc/],
  ['kien-truc', /^kientruc: Không ghi vào "kien-truc": thư mục chứa thư mục kiến trúc/],
  ['vendor/lib', /^kientruc: Không ghi vào "vendor\/lib": thư mục chứa \.git/],
  ['.git/x', /nằm trong thư mục \.git/],
  ['www', /^kientruc: Không ghi vào "www": thư mục không trống và không do kientruc quản lý .*--force/],
  ['notes.txt', /^kientruc: Không ghi vào "notes\.txt": đây là một tệp đã có/],
];

describe('a writing command refuses a dangerous --out and touches nothing', () => {
  let repo: string;
  let before: Map<string, string>;
  beforeAll(() => {
    repo = scratchRepo();
    before = snapshot(repo);
  });

  for (const [command, argv] of Object.entries(COMMANDS)) {
    it(`${command}: every dangerous --out exits 2 with one line; every file byte-identical`, async () => {
      for (const [out, says] of DANGEROUS) {
        const r = await run([...argv, '--out', out], repo);
        expect(r.code, `${command} --out ${JSON.stringify(out)}: ${r.stderr}`).toBe(2);
        const line = lastLine(r.stderr);
        expect(line, `${command} --out ${JSON.stringify(out)}`).toMatch(says);
        expect(r.stderr, 'one line, no stack trace, no "lỗi nội bộ"').not.toMatch(/lỗi nội bộ|lỗi không lường trước|internal error|unexpected error|\n\s+at /);
      }
      expect(snapshot(repo)).toEqual(before);
    });
  }

  it('schema --out, home, the file-system root, and --lang en: refused the same way', async () => {
    const home = join(repo, 'vendor');
    for (const [argv, says] of [
      [['schema', '--out', '.'], /thư mục chứa \.git/],
      [['schema', '--out', 'notes.txt'], /đây là một tệp đã có/],
      [['gap', ARCH, '--out', home], /đây là thư mục nhà \(home\) của bạn/],
      [['gap', ARCH, '--out', 'vendor/../vendor/'], /đây là thư mục nhà \(home\) của bạn/],
      [['gap', ARCH, '--out', '/'], /thư mục gốc của hệ thống tệp/],
      [['gap', ARCH, '--out', 'notes.txt/bao-cao'], /một phần của đường dẫn là tệp, không phải thư mục/],
      [['check', ARCH, ...AS_OF, '-o', 'www'], /^kientruc: Không ghi được "www": đây là thư mục, không phải tệp \(EISDIR\)\./],
      [['--lang', 'en', 'build', ARCH, '--no-render', '--out', 'www'], /^kientruc: Not writing to "www": the folder is not empty and kientruc does not manage it .* add --force/],
    ] as const) {
      const r = await run(argv, repo, { HOME: home });
      expect(r.code, r.stderr).toBe(2);
      expect(lastLine(r.stderr)).toMatch(says);
    }
    expect(snapshot(repo)).toEqual(before);
  });

  it('a folder of output-like files kientruc did not write is refused after rendering, untouched; --force writes beside, never over', async () => {
    const dir = tempDir('foreign');
    cpSync(join(repo, 'kien-truc'), join(dir, 'kien-truc'), { recursive: true });
    mkdirSync(join(dir, 'www'));
    writeFileSync(join(dir, 'www', 'gap-report.md'), '# báo cáo của tôi\n');
    const mine = snapshot(join(dir, 'www'));
    const refused = await run(['gap', ARCH, '--format', 'md', ...AS_OF, '--out', 'www'], dir);
    expect(refused.code).toBe(2);
    expect(lastLine(refused.stderr)).toMatch(/"www": thư mục không trống và không do kientruc quản lý/);
    const forced = await run(['gap', ARCH, '--format', 'md', ...AS_OF, '--out', 'www', '--force'], dir);
    expect(forced.code).toBe(2);
    expect(lastLine(forced.stderr)).toMatch(/"www\/gap-report\.md": tệp này đã có và không do kientruc ghi/);
    expect(snapshot(join(dir, 'www'))).toEqual(mine);
    // Beside a foreign file of another name, --force writes and lists only its own files.
    writeFileSync(join(dir, 'www', 'other.html'), '<p>x</p>\n');
    rmSync(join(dir, 'www', 'gap-report.md'));
    expect((await run(['gap', ARCH, '--format', 'md,json', ...AS_OF, '--out', 'www', '--force'], dir)).code).toBe(0);
    expect(readFileSync(join(dir, 'www', 'other.html'), 'utf8')).toBe('<p>x</p>\n');
    const manifest = JSON.parse(readFileSync(join(dir, 'www', '.kientruc-manifest.json'), 'utf8')) as { files: string[]; version: string };
    expect(manifest.files).toEqual(['gap-report.json', 'gap-report.md']);
    // A later replace (site) deletes only what kientruc listed; the foreign file stays.
    expect((await run(['site', ARCH, '--no-render', ...AS_OF, '--out', 'www'], dir)).code).toBe(0);
    expect(readdirSync(join(dir, 'www')).sort()).toEqual(['.kientruc-manifest.json', 'index.html', 'other.html']);
  });
});

describe('same bytes wherever it runs', () => {
  it('from the root, a subfolder (trailing slash), an absolute path, a symlink, and another TZ and LANG', async () => {
    const repo = scratchRepo();
    mkdirSync(join(repo, 'sub', 'deep'), { recursive: true });
    symlinkSync('kien-truc/architecture', join(repo, 'lien-ket'));
    const build = async (cwd: string, dir: string, out: string): Promise<void> => {
      const r = await run(['build', dir, '--no-render', ...AS_OF, '--out', out], cwd);
      expect(r.code, r.stderr).toBe(0);
    };
    await build(repo, ARCH, 'out/root');
    await build(join(repo, 'sub', 'deep'), `../../${ARCH}/`, '../../out/sub');
    await build(join(repo, 'sub'), join(repo, ARCH), join(repo, 'out', 'abs'));
    await build(repo, 'lien-ket', 'out/link');
    // Another time zone and locale need a process of their own (ICU reads LANG once).
    const env = { ...process.env, NO_COLOR: '1', TZ: 'Pacific/Kiritimati', LANG: 'sv_SE.UTF-8', LC_ALL: 'sv_SE.UTF-8' };
    const spawned = spawnSync(process.execPath, [BIN, 'build', `./${ARCH}`, '--no-render', ...AS_OF, '--out', 'out/env'], { cwd: repo, env, encoding: 'utf8' });
    expect(spawned.status, spawned.stderr).toBe(0);
    const root = files(join(repo, 'out', 'root'));
    expect(root.size).toBeGreaterThan(50);
    for (const other of ['sub', 'abs', 'link', 'env']) {
      const o = files(join(repo, 'out', other));
      const differ = [...root.keys()].filter((k) => o.get(k) !== root.get(k));
      expect({ other, differ, extra: [...o.keys()].filter((k) => !root.has(k)) }).toEqual({ other, differ: [], extra: [] });
    }
    // Paths in outputs start at the repository root, whatever the spelling.
    expect(readFileSync(join(repo, 'out', 'root', 'gap-report.md'), 'utf8')).toContain('`kien-truc/architecture/');
    // Commands writing into the build's folder, or a folder inside it, keep it what build --check expects.
    for (const argv of [['schema', '--out', 'out/root/schema'], ['site', ARCH, '--no-render', ...AS_OF, '--out', 'out/root/site'], ['gap', ARCH, ...AS_OF, '--out', 'out/root']]) {
      const r = await run(argv, repo);
      expect(r.code, r.stderr).toBe(0);
    }
    expect(files(join(repo, 'out', 'root'))).toEqual(root);
    const check = await run(['build', ARCH, '--check', '--no-render', ...AS_OF, '--out', 'out/root'], repo);
    expect(check.code, check.stderr).toBe(0);
    // A generated/ from a kientruc without manifests: another command is told to run build once; build
    // takes it over (every file there is one it writes) and the manifest appears.
    cpSync(join(repo, 'out', 'root'), join(repo, 'out', 'legacy'), { recursive: true });
    rmSync(join(repo, 'out', 'legacy', '.kientruc-manifest.json'));
    const gap = await run(['gap', ARCH, ...AS_OF, '--out', 'out/legacy'], repo);
    expect(gap.code).toBe(2);
    expect(lastLine(gap.stderr)).toMatch(/"out\/legacy": thư mục có vẻ do một phiên bản kientruc cũ tạo .*kientruc build/);
    expect((await run(['build', ARCH, '--no-render', ...AS_OF, '--out', 'out/legacy'], repo)).code).toBe(0);
    expect(files(join(repo, 'out', 'legacy'))).toEqual(root);
  });
});

/** Mounting needs root (CI runs as root) and a container allowed to mount: probed once with a tiny tmpfs. */
function mountable(): boolean {
  if (process.getuid?.() !== 0) return false;
  const probe = makeTempDir('mount-probe-');
  try {
    if (spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', probe]).status !== 0) return false;
    spawnSync('umount', [probe]);
    return true;
  } finally {
    rmSync(probe, { recursive: true, force: true });
  }
}
const canMount = mountable();

describe.skipIf(!canMount)('real file systems (skipped unless root in a container allowed to mount: mount -t tmpfs needs it)', () => {
  const mounts: string[] = [];
  let repo: string;
  beforeAll(() => {
    repo = scratchRepo();
  });
  afterAll(() => {
    for (const m of mounts.splice(0).reverse()) spawnSync('umount', [m]);
  });

  function mount(args: readonly string[], target: string): void {
    mkdirSync(target, { recursive: true });
    const r = spawnSync('mount', [...args, target], { encoding: 'utf8' });
    expect(r.status, `mount ${args.join(' ')}: ${r.stderr}`).toBe(0);
    mounts.push(target);
  }

  const leftovers = (dir: string): string[] => [...snapshot(dir).keys()].filter((p) => /(^|\/)\.kientruc-(tmp|old)-/.test(p));

  it('into a tmpfs mount point and a bind mount: written, rewritten, 0755/0644 under umask 022, no temp left', async () => {
    const old = process.umask(0o022);
    try {
      const tmpfs = join(repo, 'tmpfs-out');
      mount(['-t', 'tmpfs', '-o', 'size=64m,mode=0755', 'tmpfs'], tmpfs);
      mkdirSync(join(repo, 'bind-src'));
      const bind = join(repo, 'bind-out');
      mount(['--bind', join(repo, 'bind-src')], bind);
      for (const out of [tmpfs, bind]) {
        for (let i = 0; i < 2; i++) {
          const r = await run(['build', ARCH, '--no-render', ...AS_OF, '--out', out], repo);
          expect(r.code, r.stderr).toBe(0);
        }
        expect(leftovers(out)).toEqual([]);
        expect(existsSync(join(out, '.kientruc-manifest.json'))).toBe(true);
        const modes = new Set([...snapshot(out)].map(([p, v]) => `${v === 'dir' ? 'dir' : 'file'} ${(lstatSync(join(out, p)).mode & 0o777).toString(8)}`));
        expect([...modes].sort()).toEqual(['dir 755', 'file 644']);
      }
      expect(files(bind)).toEqual(files(tmpfs));
      expect(readdirSync(repo).filter((e) => e.startsWith('.kientruc-'))).toEqual([]);
    } finally {
      process.umask(old);
    }
  });

  it('a read-only file system: EROFS is one line naming the path, exit 2', async () => {
    const ro = join(repo, 'ro-out');
    mount(['-t', 'tmpfs', '-o', 'ro,size=1m', 'tmpfs'], ro);
    const r = await run(['--lang', 'en', 'gap', ARCH, ...AS_OF, '--out', join(ro, 'reports')], repo);
    expect(r.code).toBe(2);
    expect(lastLine(r.stderr)).toMatch(/^kientruc: Cannot write ".*ro-out\/reports": the file system is read-only \(EROFS\)\./);
  });

  it('a nearly full tmpfs: ENOSPC is one line with exit 2, the old output byte-identical, no temp file left', async () => {
    const full = join(repo, 'full-out');
    mount(['-t', 'tmpfs', '-o', 'size=4m,mode=0755', 'tmpfs'], full);
    const first = await run(['build', ARCH, '--no-render', ...AS_OF, '--out', join(full, 'generated')], repo);
    expect(first.code, first.stderr).toBe(0);
    // Leave less free space than a second copy of the output needs.
    const s = statfsSync(full);
    writeFileSync(join(full, 'filler'), Buffer.alloc(Math.max(0, s.bavail * s.bsize - 64 * 1024)));
    const old = snapshot(full);
    const r = await run(['build', ARCH, '--no-render', '--as-of', '2026-10-31', '--out', join(full, 'generated')], repo);
    expect(r.code).toBe(2);
    expect(lastLine(r.stderr)).toMatch(/^kientruc: Không ghi được ".*": hết chỗ trống trên ổ đĩa \(ENOSPC\)\./);
    expect(r.stderr).not.toMatch(/lỗi nội bộ|internal error/);
    expect(snapshot(full)).toEqual(old);
    expect(leftovers(full)).toEqual([]);
    expect(statSync(join(full, 'generated')).isDirectory()).toBe(true);
  });
});

describe('the manifest', () => {
  it('is sorted and dated by version only; entries that would leave the folder are ignored', async () => {
    const { manifestJson, parseManifest } = await import('../../src/write/ownership.js');
    const text = manifestJson('1.2.3', ['b.md', 'a/c.svg', 'b.md']);
    expect(JSON.parse(text)).toMatchObject({ generator: 'kientruc', version: '1.2.3', files: ['a/c.svg', 'b.md'] });
    expect(manifestJson('1.2.3', ['a/c.svg', 'b.md'])).toBe(text);
    const hostile = JSON.stringify({ generator: 'kientruc', version: 'x', files: ['../notes.txt', '/etc/passwd', 'a/../../x', 'ok.md', 'a\\..\\b', '', 7, 'sub/.kientruc-manifest.json'] });
    expect(parseManifest(hostile)).toEqual({ state: 'ok', files: ['ok.md'] });
    expect(parseManifest('{"files": []}')).toEqual({ state: 'invalid' });
    expect(parseManifest('not json')).toEqual({ state: 'invalid' });
  });
});

describe('errors from the operating system', () => {
  it('each is one line naming the path and the cause, in both languages; other codes stay bugs', async () => {
    const { osUserError } = await import('../../src/core/errors.js');
    for (const code of ['ENOTDIR', 'EPERM', 'EACCES', 'EROFS', 'ENOSPC', 'EEXIST', 'EISDIR', 'EDQUOT', 'EXDEV', 'EBUSY']) {
      const err = Object.assign(new Error(`${code}: x`), { code });
      const u = osUserError(err, 'ra/bao-cao.md');
      expect(u, code).toBeDefined();
      for (const line of [u?.text.vi, u?.text.en]) {
        expect(line).toContain('"ra/bao-cao.md"');
        expect(line).toContain(`(${code})`);
        expect(line).not.toContain('\n');
      }
    }
    // ENOENT is the user's only on a file kientruc creates (its folder takes no new files); elsewhere a bug.
    expect(osUserError(Object.assign(new Error('x'), { code: 'ENOENT' }), 'a', 'use')).toBeUndefined();
    expect(osUserError(Object.assign(new Error('x'), { code: 'ENOENT' }), 'a')?.text.en).toMatch(/^Cannot write "a": the folder does not take new files .*\(ENOENT\)\./);
    for (const code of ['EIO', 'EFBIG', 'ENXIO']) expect(osUserError(Object.assign(new Error('x'), { code }), 'a', 'use'), code).toBeDefined();
    expect(osUserError(new TypeError('x'), 'a')).toBeUndefined();
    expect(osUserError(Object.assign(new Error('x'), { code: 'EACCES' }), 'dòng\n::error::x')?.text.vi).toContain('"dòng\\n::error::x"');
  });
});

describe('two runs writing beside each other', () => {
  it("a run clears a dead run's staging in the parent folder, never a live run's", async () => {
    const repo = scratchRepo();
    const parent = join(repo, 'ra');
    mkdirSync(parent);
    // A live writer (this process stands in for another kientruc run) and a run that is gone.
    const live = join(parent, `.kientruc-tmp-${process.pid}-aaaaaaaaaaaa`);
    const gone = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
    const dead = join(parent, `.kientruc-tmp-${gone.stdout}-bbbbbbbbbbbb`);
    const fresh = join(parent, '.kientruc-tmp-cccccccccccc');
    for (const d of [live, dead, fresh]) {
      mkdirSync(d);
      writeFileSync(join(d, 'gap-report.md'), 'đang ghi\n');
    }
    expect((await run(['gap', ARCH, '--out', 'ra/gap', ...AS_OF], repo)).code).toBe(0);
    expect(existsSync(dead)).toBe(false);
    // This process's own pid means "a write still under way here"; an entry with no pid is an older kientruc's leftover.
    expect(existsSync(join(live, 'gap-report.md'))).toBe(true);
    expect(existsSync(fresh)).toBe(false);
    expect(existsSync(join(parent, 'gap', 'gap-report.md'))).toBe(true);
  });
});
