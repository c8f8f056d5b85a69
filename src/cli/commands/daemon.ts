import { spawn } from 'node:child_process';
import { appendFileSync, closeSync, existsSync, openSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { connect } from 'node:net';
import { resolve } from 'node:path';
import { Argument, InvalidArgumentError, type Command } from 'commander';
import { UserError } from '../../core/errors.js';
import { BIN_SCRIPT as BIN } from '../../core/paths.js';
import { isRunning } from '../../core/process.js';
import { text } from '../../core/text.js';
import type { App } from '../app.js';
import { daemonFingerprint } from '../daemon/fingerprint.js';
import { daemonFiles, secureDir, type DaemonFiles } from '../daemon/paths.js';
import { FRAME, FrameReader, type ControlRequest } from '../daemon/protocol.js';
import { serveDaemon, socketAnswers, type DaemonInfo } from '../daemon/server.js';
import { GUARDED_ENV, STDERR_TTY_ENV } from '../memory-guard.js';
import { DEFAULT_ROOT } from './shared.js';

export const DEFAULT_IDLE_MINUTES = 30;
const ACTIONS = ['start', 'stop', 'status', 'restart', 'run'] as const;
/** A log over this size is moved to `<log>.1` when a daemon starts. */
const LOG_KEEP_BYTES = 1_000_000;

interface DaemonOptions {
  idle: number;
}

function parseMinutes(value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) throw new InvalidArgumentError('số phút dương / a positive number of minutes');
  return n;
}

/** Sends a control request; the daemon's answer, 'stale' (it was older and is stopping), or undefined (none answers). */
function control(files: DaemonFiles, t: ControlRequest['t']): Promise<(DaemonInfo & { stopping?: boolean }) | 'stale' | undefined> {
  const request: ControlRequest = { t, fp: daemonFingerprint() };
  return new Promise((done) => {
    if (!existsSync(files.socket)) return done(undefined);
    const socket = connect(files.socket);
    const reader = new FrameReader();
    let answer: (DaemonInfo & { stopping?: boolean }) | 'stale' | undefined;
    socket.on('connect', () => socket.end(`${JSON.stringify(request)}\n`));
    socket.on('data', (chunk: Buffer) => {
      for (const f of reader.push(chunk)) {
        if (f.type === FRAME.json) answer = JSON.parse(f.payload.toString('utf8')) as DaemonInfo;
        else if (f.type === FRAME.refuse) answer = 'stale';
      }
    });
    socket.on('error', () => done(undefined));
    socket.on('close', () => done(answer));
  });
}

async function waitFor(check: () => boolean | Promise<boolean>, ms: number): Promise<boolean> {
  const until = performance.now() + ms;
  while (performance.now() < until) {
    if (await check()) return true;
    await new Promise((r) => setTimeout(r, 50));
  }
  return check();
}

/** The pid the info file names (the daemon writes it once listening), if any. */
function infoPids(files: DaemonFiles): number[] {
  try {
    const info = JSON.parse(readFileSync(files.info, 'utf8')) as { pid?: number; guardPid?: number };
    return [info.pid, info.guardPid].filter((p): p is number => typeof p === 'number');
  } catch {
    return [];
  }
}

async function stopDaemon(app: App, files: DaemonFiles): Promise<boolean> {
  const pids = infoPids(files);
  const answer = await control(files, 'stop');
  if (answer === undefined) {
    // Nothing answers: a socket left by a daemon that was killed, removed so no client tries it.
    if (existsSync(files.socket) && !(await socketAnswers(files.socket))) rmSync(files.socket, { force: true });
    rmSync(files.info, { force: true });
    return false;
  }
  // Gone when its processes are (the daemon and the memory guard above it).
  if (!(await waitFor(() => pids.every((p) => !isRunning(p)), 15_000))) {
    app.log.warn(app.lang === 'en' ? `kientruc daemon: pid ${pids.join(', ')} still running after 15 s` : `kientruc daemon: tiến trình ${pids.join(', ')} vẫn chạy sau 15 giây`);
  }
  return true;
}

async function startDaemon(app: App, files: DaemonFiles, idleMinutes: number): Promise<void> {
  const en = app.lang === 'en';
  const problem = secureDir(files.dir, true);
  if (problem !== undefined) throw new UserError(text(`không khởi động được daemon: ${problem}`, `cannot start the daemon: ${problem}`));
  const running = await control(files, 'status');
  if (running !== undefined && running !== 'stale') {
    app.io.stdout.write(en ? `A daemon already serves ${files.folder} (pid ${running.pid}); log: ${files.log}\n` : `Daemon đã chạy cho ${files.folder} (pid ${running.pid}); nhật ký: ${files.log}\n`);
    return;
  }
  if (running === 'stale') await waitFor(() => !existsSync(files.socket), 15_000);
  try {
    if (statSync(files.log).size > LOG_KEEP_BYTES) renameSync(files.log, `${files.log}.1`);
  } catch {
    // no log yet
  }
  const log = openSync(files.log, 'a', 0o600);
  const env = { ...app.io.env };
  delete env[GUARDED_ENV];
  delete env[STDERR_TTY_ENV];
  const child = spawn(process.execPath, [...process.execArgv, BIN, 'daemon', 'run', files.folder, '--idle', String(idleMinutes)], {
    detached: true,
    stdio: ['ignore', log, log],
    cwd: '/',
    env,
  });
  closeSync(log);
  child.unref();
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  let gone = false;
  void exited.then(() => (gone = true));
  const up = await waitFor(async () => gone || (await control(files, 'status')) !== undefined, 30_000);
  if (!up || gone) {
    throw new UserError(text(`daemon không khởi động được; xem nhật ký: ${files.log}`, `the daemon did not start; see its log: ${files.log}`));
  }
  const info = await control(files, 'status');
  const pid = info !== undefined && info !== 'stale' ? info.pid : child.pid;
  app.io.stdout.write(
    en
      ? `Daemon started for ${files.folder} (pid ${pid}); it stops after ${idleMinutes} min idle. Log: ${files.log}\n`
      : `Đã khởi động daemon cho ${files.folder} (pid ${pid}); tự dừng sau ${idleMinutes} phút không dùng. Nhật ký: ${files.log}\n`,
  );
}

function filesFor(app: App, dir: string): DaemonFiles {
  try {
    return daemonFiles(resolve(app.io.cwd, dir), app.io.env);
  } catch {
    throw new UserError(text(`Không tìm thấy thư mục kiến trúc "${dir}".`, `No architecture folder "${dir}".`));
  }
}

export function registerDaemon(program: Command, app: App): void {
  const cmd = program
    .command('daemon')
    .summary('giữ bộ kiểm tra trong bộ nhớ để check chạy lại nhanh / keep the checker in memory')
    .description(
      'Tiến trình nền cho một thư mục kiến trúc, giữ kết quả đọc, kiểm tra lược đồ và quy tắc trong bộ nhớ: khi daemon đang chạy, kientruc check và kientruc validate trong thư mục đó tự dùng nó (kết quả, mã thoát giống hệt) và chỉ xử lý lại các tệp đã đổi. Không dùng khi có biến môi trường CI hoặc với --no-daemon. Xem docs/daemon.md.',
    )
    .addArgument(new Argument('<action>', 'start | stop | status | restart | run (chạy ở tiền cảnh, nhật ký cả trên terminal)').choices(ACTIONS))
    .argument('[dir]', 'thư mục kiến trúc', DEFAULT_ROOT)
    .option('--idle <minutes>', 'tự dừng sau chừng ấy phút không có yêu cầu', parseMinutes, DEFAULT_IDLE_MINUTES);
  cmd.addHelpText(
    'after',
    `
Ví dụ:
  $ kientruc daemon start                 # daemon cho architecture/; kientruc check từ nay dùng nó
  $ kientruc check                        # như trước, nhanh hơn nhiều sau khi sửa một tệp
  $ kientruc daemon status
  $ kientruc daemon start ../so-y-te/architecture --idle 120
  $ kientruc daemon stop
  $ kientruc check --no-daemon            # không dùng daemon lần này

Nhật ký và socket: $XDG_RUNTIME_DIR/kientruc/ (hoặc <thư mục tạm>/kientruc-<uid>/), chỉ người dùng đọc được.
Mã thoát: 0 thành công; status: 1 khi không có daemon; 2 lỗi sử dụng.`,
  );
  cmd.action(async (action: string, dir: string, opts: DaemonOptions) => {
    const en = app.lang === 'en';
    const files = filesFor(app, dir);
    switch (action) {
      case 'start':
        return startDaemon(app, files, opts.idle);
      case 'stop': {
        const stopped = await stopDaemon(app, files);
        app.io.stdout.write(stopped ? (en ? `Daemon stopped for ${files.folder}.\n` : `Đã dừng daemon cho ${files.folder}.\n`) : en ? `No daemon serves ${files.folder}.\n` : `Không có daemon nào cho ${files.folder}.\n`);
        return;
      }
      case 'restart':
        await stopDaemon(app, files);
        return startDaemon(app, files, opts.idle);
      case 'status': {
        const info = await control(files, 'status');
        if (info === undefined || info === 'stale') {
          app.io.stdout.write(
            info === 'stale'
              ? en ? `The daemon for ${files.folder} ran older code and is stopping. Log: ${files.log}\n` : `Daemon cho ${files.folder} chạy mã cũ và đang dừng. Nhật ký: ${files.log}\n`
              : en ? `No daemon serves ${files.folder}.\n` : `Không có daemon nào cho ${files.folder}.\n`,
          );
          app.exitCode = 1;
          return;
        }
        const rows = en
          ? [['folder', info.folder], ['pid', `${info.pid} (memory guard ${info.guardPid})`], ['since', info.started], ['requests', `${info.requests}${info.lastRequest ? `, last ${info.lastRequest}` : ''}`], ['memory', `${info.rssMb} MB`], ['stops after', `${info.idleMinutes} min idle`], ['socket', info.socket], ['log', info.log]]
          : [['thư mục', info.folder], ['pid', `${info.pid} (bộ canh bộ nhớ ${info.guardPid})`], ['từ', info.started], ['yêu cầu', `${info.requests}${info.lastRequest ? `, gần nhất ${info.lastRequest}` : ''}`], ['bộ nhớ', `${info.rssMb} MB`], ['tự dừng sau', `${info.idleMinutes} phút không dùng`], ['socket', info.socket], ['nhật ký', info.log]];
        const width = Math.max(...rows.map(([k]) => (k as string).length));
        app.io.stdout.write(rows.map(([k, v]) => `${(k as string).padEnd(width)}  ${v}`).join('\n') + '\n');
        return;
      }
      case 'run':
        app.exitCode = await serveDaemon({
          files,
          idleMs: opts.idle * 60_000,
          version: app.version,
          // Straight into the log file (synchronously: a client reading it after its answer finds its line),
          // and on the terminal when run in the foreground. The memory guard's one line comes through stderr.
          log: (line) => {
            appendFileSync(files.log, `${line}\n`, { mode: 0o600 });
            if (app.io.stderr.isTTY) app.io.stderr.write(`${line}\n`);
          },
          onInterrupt: app.io.onInterrupt,
          clock: app.io.clock ?? (() => app.io.today),
          env: app.io.env,
        });
        return;
      default:
        throw new UserError(text(`Không có thao tác daemon "${action}": dùng start, stop, status, restart hoặc run.`, `Unknown daemon action "${action}": use start, stop, status, restart or run.`));
    }
  });
}
