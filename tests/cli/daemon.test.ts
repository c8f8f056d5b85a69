import { spawnSync } from 'node:child_process';
import { appendFileSync, cpSync, existsSync, readdirSync, readFileSync, renameSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { daemonTarget, isCi } from '../../src/cli/daemon/client.js';
import { daemonFiles } from '../../src/cli/daemon/paths.js';
import { isRunning } from '../../src/core/process.js';
import { compareScans, racyEntries, scanInputs } from '../../src/cli/daemon/scan.js';
import { main } from '../../src/cli/main.js';
import { BIN, REPO, runMain } from '../helpers/project.js';
import { makeTempDir } from '../helpers/tmp.js';

const AS_OF = '2026-06-30';
const FORMATS = ['stylish', 'json', 'sarif', 'junit', 'github'] as const;

interface Project {
  readonly dir: string;
  readonly env: Record<string, string>;
  /** When the copy was made: its files are "racy" (scan.ts) for 2 s after. */
  readonly madeAt: number;
}

const started: Project[] = [];

/** A copy of the sample with a daemon folder of its own (never the user's). */
function project(): Project {
  const dir = makeTempDir('daemon-');
  cpSync(join(REPO, 'architecture'), join(dir, 'architecture'), { recursive: true });
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) if (v !== undefined && k !== 'CI') env[k] = v;
  // Short: the socket's path must fit in 103 bytes, and a deep TMPDIR (a clone's CI) leaves little room.
  env['KIENTRUC_DAEMON_DIR'] = join(dir, 'd');
  return { dir, env, madeAt: Date.now() };
}

/**
 * The folder the daemon of `p` really uses: KIENTRUC_DAEMON_DIR, unless the socket's path would be too
 * long there (a deep TMPDIR), when paths.ts falls back to /tmp/kientruc-<uid>. Asked of the same code.
 */
const daemonDirOf = (p: Project): string => daemonFiles(join(p.dir, 'architecture'), p.env).dir;

/**
 * The progress lines a step longer than 2 s prints (src/cli/progress.ts) depend on the clock, not on who
 * answered: on a loaded machine the run without the daemon passes 2 s and the daemon's answer does not.
 */
const withoutProgress = (stderr: string): string => stderr.replace(/^(… .* \(đang chạy \/ running\)|✓ .* \d+\.\d s)\n/gm, '');

function run(p: Project, argv: readonly string[], opts: { cwd?: string; env?: Record<string, string> } = {}): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [BIN, ...argv], { cwd: opts.cwd ?? p.dir, encoding: 'utf8', env: { ...p.env, ...opts.env }, timeout: 120_000 });
  return { code: r.status, stdout: r.stdout, stderr: withoutProgress(r.stderr) };
}

/**
 * The same command line without the daemon, in this process: `main()` with the environment, working
 * folder and clock the bin gives it (src/cli/bin.ts), which is also what the daemon runs for a request
 * (its argv, env, cwd and today). Only the daemon's side needs processes of its own (the client's fast
 * path is in the bin); the reference does not, and costs a fraction of a spawned bin.
 */
async function runHere(p: Project, argv: readonly string[], opts: { cwd?: string; env?: Record<string, string> } = {}): Promise<{ code: number | null; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, {
    stdout: { write: (s: string) => (stdout += s) },
    stderr: { write: (s: string) => (stderr += s) },
    cwd: opts.cwd ?? p.dir,
    today: new Date(),
    env: { ...p.env, ...opts.env },
  });
  return { code, stdout, stderr: withoutProgress(stderr) };
}

function logOf(p: Project): string {
  const { log } = daemonFiles(join(p.dir, 'architecture'), p.env);
  return existsSync(log) ? readFileSync(log, 'utf8') : '';
}

/** Requests the daemon answered so far (one log line each). */
const served = (p: Project): number => (logOf(p).match(/ → exit \d+;/g) ?? []).length;

function pidsOf(p: Project): number[] {
  const { info } = daemonFiles(join(p.dir, 'architecture'), p.env);
  if (!existsSync(info)) return [];
  const { pid, guardPid } = JSON.parse(readFileSync(info, 'utf8')) as { pid: number; guardPid: number };
  return [pid, guardPid];
}

function start(p: Project): void {
  const r = run(p, ['daemon', 'start', '--idle', '5']);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  started.push(p);
}

afterEach(() => {
  // Even when a test failed: no daemon outlives it.
  for (const p of started.splice(0)) {
    const pids = pidsOf(p);
    run(p, ['daemon', 'stop']);
    for (const pid of pids) if (isRunning(pid)) process.kill(pid, 'SIGKILL');
    // A daemon that fell back to the shared /tmp/kientruc-<uid> leaves its log there: the test's own files go.
    const files = daemonFiles(join(p.dir, 'architecture'), p.env);
    if (!files.dir.startsWith(p.dir)) for (const f of [files.log, files.info, files.socket]) rmSync(f, { force: true });
  }
});

/** The command through the daemon equals the same command without it (stdout, stderr, exit code), and the daemon did answer. */
async function expectSame(p: Project, argv: readonly string[], opts: { cwd?: string } = {}): Promise<void> {
  const before = served(p);
  const viaDaemon = run(p, argv, opts);
  expect(served(p), `${argv.join(' ')}: answered by the daemon\n${logOf(p)}\n${viaDaemon.stderr}`).toBe(before + 1);
  const alone = await runHere(p, [...argv, '--no-daemon'], opts);
  expect(viaDaemon, argv.join(' ')).toEqual(alone);
}

describe('kientruc daemon', () => {
  it('gives byte-identical results to a run without it, through edits, added, deleted and renamed files, a config change and invalid YAML', { timeout: 600_000 }, async () => {
    const p = project();
    start(p);
    // The copy's files were just written: the daemon reads each again until it is 2 s old (scan.ts
    // `racyEntries`). Wait that out, so the requests below with nothing changed can give the last result again.
    await new Promise((done) => setTimeout(done, Math.max(0, p.madeAt + 2_100 - Date.now())));
    const arch = join(p.dir, 'architecture');
    const check = (fmt: string) => ['check', '--as-of', AS_OF, '-f', fmt];
    for (const fmt of FORMATS) await expectSame(p, check(fmt));
    await expectSame(p, ['validate', '--as-of', AS_OF]);

    // An edit that changes findings (a KPI's owner removed) and the line numbers after it.
    const kpis = join(arch, 'kpis', 'du-lieu.yaml');
    writeFileSync(kpis, `# edited\n\n${readFileSync(kpis, 'utf8').replace(/^(\s+)owner: .*$/m, '$1# owner removed')}`);
    for (const fmt of FORMATS) await expectSame(p, check(fmt));

    // An added file, then deleted; a rename.
    const added = join(arch, 'systems', 'moi.yaml');
    writeFileSync(added, readFileSync(join(arch, 'systems', 'l4-kenh-tuong-tac.yaml'), 'utf8').replace(/^(\s*)id: ([a-z0-9-]+)$/gm, '$1id: $2-moi'));
    await expectSame(p, check('json'));
    await expectSame(p, check('stylish'));
    rmSync(join(arch, 'tasks', 'phap-ly.yaml'));
    await expectSame(p, check('stylish'));
    renameSync(join(arch, 'datasets', 'giao-duc.yaml'), join(arch, 'datasets', 'z-giao-duc.yaml'));
    await expectSame(p, check('sarif'));

    // A configuration next to the folder: a rule turned off, a waiver that matches nothing.
    writeFileSync(join(p.dir, 'kientruc.config.yaml'), 'rules:\n  data.quality-threshold: { severity: off, reason: "Chưa có số liệu đánh giá" }\n');
    await expectSame(p, check('stylish'));
    appendFileSync(join(p.dir, 'kientruc.config.yaml'), 'waivers:\n  - rule: data.national-sync\n    entity: dataset:khong-co\n    reason: "Thử"\n    approvedBy: "Giám đốc"\n    expires: 2027-01-01\n');
    await expectSame(p, check('json'));

    // Invalid YAML, then a file that is not YAML at all.
    writeFileSync(join(arch, 'kpis', 'hong.yaml'), 'kind: Kpi\n  id: [unclosed\n');
    await expectSame(p, check('stylish'));
    await expectSame(p, ['validate', '--as-of', AS_OF, '-f', 'github']);
    writeFileSync(join(arch, 'kpis', 'nhi-phan.yaml'), Buffer.from([0xff, 0xfe, 0x00, 0x41]));
    await expectSame(p, check('junit'));

    // Options: --fail-on, --lang en, --quiet, --state, another working folder, --output relative to it.
    await expectSame(p, ['check', '--as-of', AS_OF, '--fail-on', 'none']);
    await expectSame(p, ['--lang', 'en', 'check', '--as-of', AS_OF, '--fail-on', 'warning', '-q']);
    await expectSame(p, ['check', '--as-of', AS_OF, '--state', 'target:2030', '-f', 'json']);
    const before = served(p);
    const viaDaemon = run(p, ['check', '.', '--as-of', AS_OF, '-f', 'sarif', '-o', '../out/r.sarif'], { cwd: arch });
    expect(served(p)).toBe(before + 1);
    const written = readFileSync(join(p.dir, 'out', 'r.sarif'), 'utf8');
    rmSync(join(p.dir, 'out'), { recursive: true });
    const alone = await runHere(p, ['check', '.', '--as-of', AS_OF, '-f', 'sarif', '-o', '../out/r.sarif', '--no-daemon'], { cwd: arch });
    expect(viaDaemon).toEqual(alone);
    expect(readFileSync(join(p.dir, 'out', 'r.sarif'), 'utf8')).toBe(written);
    // A usage error is the same too.
    await expectSame(p, ['check', '--as-of', '2026-13-45']);
    // Runs with nothing changed in between give the last result again (the formats above, once the copy was older than 2 s).
    expect(logOf(p)).toMatch(/ -f [a-z]+ → exit 1; nothing changed: last result given again;/);
  });

  it('is not used with --no-daemon, in CI, for options it does not serve, nor when its code is older than the client’s', { timeout: 300_000 }, () => {
    const p = project();
    start(p);
    const n = served(p);
    run(p, ['check', '--as-of', AS_OF, '--no-daemon']);
    run(p, ['check', '--as-of', AS_OF], { env: { CI: '1' } });
    run(p, ['check', '--as-of', AS_OF], { env: { CI: 'true' } });
    run(p, ['check', '--as-of', AS_OF, '--verbose']);
    expect(served(p)).toBe(n);
    run(p, ['check', '--as-of', AS_OF]);
    expect(served(p)).toBe(n + 1);

    // A client of other code (another build of kientruc: a build id of its own, daemon/fingerprint.ts):
    // the daemon refuses, logs one line and exits; the client runs the command itself.
    const pids = pidsOf(p);
    const other = makeTempDir('other-install-');
    cpSync(join(REPO, 'dist'), join(other, 'dist'), { recursive: true, filter: (f) => !f.endsWith('.map') && !f.endsWith('.d.ts') });
    writeFileSync(join(other, 'dist', 'cli', 'build-id'), `${'0'.repeat(32)}\n`);
    cpSync(join(REPO, 'package.json'), join(other, 'package.json'));
    for (const link of ['node_modules', 'src', 'templates']) symlinkSync(join(REPO, link), join(other, link));
    const r = spawnSync(process.execPath, [join(other, 'dist', 'cli', 'bin.js'), 'check', '--as-of', AS_OF, '-f', 'json'], { cwd: p.dir, encoding: 'utf8', env: p.env });
    expect(r.status).toBe(1);
    expect(JSON.parse(r.stdout)).toHaveProperty('diagnostics');
    expect(served(p)).toBe(n + 1);
    expect(logOf(p)).toMatch(/stopping: the client runs other code .*: this daemon is out of date/);
    const deadline = Date.now() + 10_000;
    while (pids.some(isRunning) && Date.now() < deadline) spawnSync('sleep', ['0.1']);
    expect(pids.filter(isRunning)).toEqual([]);
  });

  it('stop leaves no process and no socket; the folder is the user’s own, 0700; status says so', { timeout: 120_000 }, () => {
    const p = project();
    start(p);
    const dir = daemonDirOf(p);
    expect(statSync(dir).mode & 0o777).toBe(0o700);
    const socket = basename(daemonFiles(join(p.dir, 'architecture'), p.env).socket);
    expect(statSync(join(dir, socket)).mode & 0o777).toBe(0o600);
    expect(Buffer.byteLength(join(dir, socket))).toBeLessThan(104);
    const status = run(p, ['--lang', 'en', 'daemon', 'status']);
    expect(status.code).toBe(0);
    expect(status.stdout).toMatch(/^folder +.*architecture$/m);
    const again = run(p, ['daemon', 'start']);
    expect(again.stdout).toMatch(/^Daemon đã chạy cho /);
    const pids = pidsOf(p);
    expect(pids).toHaveLength(2);
    const stop = run(p, ['daemon', 'stop']);
    expect(stop.code).toBe(0);
    expect(stop.stdout).toMatch(/^Đã dừng daemon cho /);
    expect(pids.filter(isRunning)).toEqual([]);
    const files = daemonFiles(join(p.dir, 'architecture'), p.env);
    expect([files.socket, files.info].filter((f) => existsSync(f))).toEqual([]);
    // In its own folder (not the shared fallback of a deep TMPDIR), nothing but the log is left.
    if (dir.startsWith(p.dir)) expect(readdirSync(dir).filter((f) => !f.endsWith('.log'))).toEqual([]);
    expect(logOf(p)).toMatch(/stopping: kientruc daemon stop/);
    const none = run(p, ['daemon', 'status']);
    expect(none.code).toBe(1);
    expect(none.stdout).toMatch(/^Không có daemon nào cho /);
  });

  it('a socket left by a killed daemon is not used, and start replaces it', { timeout: 120_000 }, async () => {
    const p = project();
    start(p);
    for (const pid of pidsOf(p).reverse()) process.kill(pid, 'SIGKILL');
    const n = served(p);
    const r = run(p, ['check', '--as-of', AS_OF, '-f', 'json']);
    expect(r.code).toBe(1);
    expect(served(p)).toBe(n);
    start(p);
    await expectSame(p, ['check', '--as-of', AS_OF]);
  });
});

describe('the fast path’s reading of the command line', () => {
  it('finds the folder of check and validate, and declines what the daemon cannot serve exactly', () => {
    expect(daemonTarget(['check'])).toBe('architecture');
    expect(daemonTarget(['--lang', 'en', 'check', 'arch', '-f', 'json', '--as-of=2026-01-01', '-q'])).toBe('arch');
    expect(daemonTarget(['validate', '--state', 'x'])).toBeUndefined(); // not an option of validate
    for (const argv of [['build'], ['check', '--no-daemon'], ['check', '--verbose'], ['check', '--help'], ['check', 'a', 'b'], ['check', '-f'], ['check', '--', 'x'], ['--version']]) {
      expect(daemonTarget(argv), argv.join(' ')).toBeUndefined();
    }
    expect(isCi({ CI: '1' })).toBe(true);
    expect(isCi({ CI: 'true' })).toBe(true);
    expect(isCi({ CI: '' })).toBe(false);
    expect(isCi({ CI: 'false' })).toBe(false);
    expect(isCi({})).toBe(false);
  });
});

describe('the daemon’s scan of its inputs', () => {
  it('sees edits, added and removed files, links, the configuration next to the folder, and a scan too close to a write', async () => {
    const dir = makeTempDir('scan-');
    const arch = join(dir, 'architecture');
    cpSync(join(REPO, 'architecture'), arch, { recursive: true });
    const first = await scanInputs(arch, undefined);
    expect(compareScans(first, await scanInputs(arch, undefined))).toEqual({ changed: [], added: [], removed: [] });
    // Just written: a scan now proves nothing about a write in the same tick.
    expect(racyEntries(first, Date.now()).size > 0).toBe(true);
    expect(racyEntries(first, Date.now() + 60_000).size > 0).toBe(false);
    writeFileSync(join(arch, 'agency.yaml'), `${readFileSync(join(arch, 'agency.yaml'), 'utf8')}\n`);
    writeFileSync(join(dir, 'kientruc.config.yaml'), 'rules: {}\n');
    rmSync(join(arch, 'kpis', 'du-lieu.yaml'));
    symlinkSync(join(arch, 'kpis', 'dia-phuong.yaml'), join(arch, 'kpis', 'lien-ket.yaml'));
    const c = compareScans(first, await scanInputs(arch, undefined));
    expect(c.changed).toContain(join(arch, 'agency.yaml'));
    expect(c.added).toEqual(expect.arrayContaining([join(dir, 'kientruc.config.yaml'), join(arch, 'kpis', 'lien-ket.yaml')]));
    expect(c.removed).toEqual([join(arch, 'kpis', 'du-lieu.yaml')]);
  });
});

describe('kientruc daemon in the shell completion', () => {
  it('offers its actions and options (bash and zsh)', async () => {
    const bash = await runMain(['completion', 'bash'], makeTempDir('completion-'));
    expect(bash.stdout).toContain('daemon) opts="--idle -h --help"; args="start stop status restart run" ;;');
    expect(bash.stdout).toMatch(/check\) opts="[^"]*--no-daemon/);
    const zsh = await runMain(['completion', 'zsh'], makeTempDir('completion-'));
    expect(zsh.stdout).toContain("'1:argument:(start stop status restart run)'");
  });
});
