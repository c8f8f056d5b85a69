/**
 * The daemon: a unix socket server for one architecture folder that runs `check` and `validate` as the
 * CLI does (the same `main`, with the client's arguments, working folder, environment, clock and
 * terminals) but answers the pipeline from the engine it keeps in memory (engine.ts). Requests run one
 * at a time. It stops on `kientruc daemon stop`, SIGTERM/SIGINT, after an idle time, and when a client
 * runs other code (its fingerprint differs: a rebuild, an upgrade): one line in its log each time.
 */
import { chmodSync, existsSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { connect, createServer, type Socket } from 'node:net';
import { UserError } from '../../core/errors.js';
import { text } from '../../core/text.js';
import { FindingTextMemo } from '../../diagnostics/format/context.js';
import { main } from '../main.js';
import { DaemonEngine } from './engine.js';
import { daemonFingerprint } from './fingerprint.js';
import { secureDir, type DaemonFiles } from './paths.js';
import { frame, FRAME, writeFramePieces, type Request, type RunRequest } from './protocol.js';

export interface ServeOptions {
  readonly files: DaemonFiles;
  /** Stop after this long without a request. */
  readonly idleMs: number;
  readonly version: string;
  /** One line of the log (the caller adds nothing; lines carry their own time). */
  readonly log: (line: string) => void;
  /** The daemon's environment (the warm-up run's). */
  readonly env: Readonly<Record<string, string | undefined>>;
  /** The time of log lines, and the day of the warm-up run. */
  readonly clock: () => Date;
  /** Calls the handler on SIGINT/SIGTERM (the CLI's `io.onInterrupt`). */
  readonly onInterrupt?: ((handler: () => void) => unknown) | undefined;
}

/** Whether something answers on `socket` (a live daemon) or not (absent, or stale after a crash). */
export function socketAnswers(socket: string): Promise<boolean> {
  return new Promise((done) => {
    const s = connect(socket);
    s.on('connect', () => {
      s.destroy();
      done(true);
    });
    s.on('error', () => done(false));
  });
}

export interface DaemonInfo {
  readonly pid: number;
  /** The memory guard's process (the daemon's parent), which stops with it. */
  readonly guardPid: number;
  readonly folder: string;
  readonly socket: string;
  readonly log: string;
  readonly fingerprint: string;
  readonly version: string;
  readonly started: string;
  readonly idleMinutes: number;
  requests: number;
  lastRequest: string | undefined;
  busy: boolean;
  rssMb?: number;
}

/**
 * What the command's `emit` (output.ts) waits on when a write to the socket returned false, through
 * `events.once(stdout, 'drain')`: the socket's 'drain', or the socket gone (a client that went away must
 * not hold the daemon's queue of requests). Only 'drain' is waited on; 'error' never comes from here
 * (the socket's own handler ignores errors, and 'close' ends the wait).
 */
export function drainWaiter(socket: Pick<Socket, 'on' | 'off' | 'destroyed'>): {
  once(event: string, listener: () => void): void;
  on(event: string, listener: () => void): void;
  removeListener(): void;
} {
  const once = (event: string, listener: () => void): void => {
    if (event !== 'drain') return;
    if (socket.destroyed) return void queueMicrotask(listener);
    const done = (): void => {
      socket.off('drain', done);
      socket.off('close', done);
      listener();
    };
    socket.on('drain', done);
    socket.on('close', done);
  };
  // `events.once` asks for an emitter's `on` before it calls `once`; never called otherwise.
  return { once, on: once, removeListener: () => undefined };
}

/** Frames gathered up to this many bytes before they are written. */
const BATCH = 1 << 20;

/**
 * The writer of a request's stdout and stderr frames to the client's socket: pieces of one stream are
 * gathered into one frame until a megabyte is held (or the other stream writes, or `flush`), then
 * written as one batch (protocol.ts `writeFramePieces`). `write` returns what the socket's last write
 * returned, true while only gathering. Nothing is written to a socket that is gone.
 */
export function frameBatcher(socket: Pick<Socket, 'write' | 'cork' | 'uncork' | 'destroyed'>): { write(type: number, chunk: string | Uint8Array): boolean; flush(): boolean } {
  let type = -1;
  let pieces: (string | Uint8Array)[] = [];
  let bytes = 0;
  const flush = (): boolean => {
    if (bytes === 0 || socket.destroyed) {
      pieces = [];
      bytes = 0;
      return true;
    }
    const more = writeFramePieces(socket, type, pieces, bytes);
    pieces = [];
    bytes = 0;
    return more;
  };
  return {
    write(t, chunk) {
      const n = typeof chunk === 'string' ? Buffer.byteLength(chunk, 'utf8') : chunk.length;
      if (n === 0) return true;
      // The other stream's frame goes first; whether the socket is full is told by this write.
      let more = true;
      if (t !== type) {
        more = flush();
        type = t;
      }
      pieces.push(chunk);
      bytes += n;
      return bytes >= BATCH ? flush() : more;
    },
    flush,
  };
}

/** Serves until stopped; returns the exit code (0, or 1 when it could not start). */
export async function serveDaemon(opts: ServeOptions): Promise<number> {
  const { files } = opts;
  const now = (): string => opts.clock().toISOString();
  const problem = secureDir(files.dir, true);
  if (problem !== undefined) throw new UserError(text(`không khởi động được daemon: ${problem}`, `cannot start the daemon: ${problem}`));
  const log = opts.log;
  if (existsSync(files.socket)) {
    if (await socketAnswers(files.socket)) {
      log(`${now()} cannot start: a daemon already serves ${files.folder} (${files.socket})`);
      return 1;
    }
    rmSync(files.socket, { force: true }); // left by a daemon that was killed
  }
  const fingerprint = daemonFingerprint();
  const engine = new DaemonEngine(files.folder, opts.clock);
  // The findings' text as printed, kept while the findings live (the rule memo keeps those that did not change).
  const findingText = new FindingTextMemo();
  const info: DaemonInfo = {
    pid: process.pid,
    guardPid: process.ppid,
    folder: files.folder,
    socket: files.socket,
    log: files.log,
    fingerprint,
    version: opts.version,
    started: now(),
    idleMinutes: opts.idleMs / 60_000,
    requests: 0,
    lastRequest: undefined,
    busy: false,
  };
  let queue: Promise<void> = Promise.resolve();
  let idle: NodeJS.Timeout | undefined;
  let stopping = false;
  let stopped!: (code: number) => void;
  const finished = new Promise<number>((r) => (stopped = r));

  const server = createServer({ allowHalfOpen: true }, (socket) => void accept(socket));
  const stop = (why: string): void => {
    if (stopping) return;
    stopping = true;
    log(`${now()} stopping: ${why}`);
    if (idle) clearTimeout(idle);
    server.close();
    rmSync(files.socket, { force: true });
    rmSync(files.info, { force: true });
    // Requests already queued finish first (their clients are waiting).
    void queue.then(() => stopped(0));
  };
  const armIdle = (): void => {
    if (idle) clearTimeout(idle);
    if (stopping) return; // a request that ends after the stop must not keep the process alive
    idle = setTimeout(() => stop(`idle for ${Math.round(opts.idleMs / 60_000)} min`), opts.idleMs);
  };

  async function accept(socket: Socket): Promise<void> {
    socket.on('error', () => undefined); // a client that went away: nothing to answer
    const text = await new Promise<string>((done) => {
      let got = '';
      socket.setEncoding('utf8');
      socket.on('data', (chunk: string) => {
        got += chunk;
        if (got.includes('\n')) done(got);
      });
      socket.on('end', () => done(got));
      socket.on('close', () => done(got));
    });
    let request: Request;
    try {
      request = JSON.parse(text.slice(0, text.indexOf('\n'))) as Request;
    } catch {
      socket.end(frame(FRAME.refuse, 'bad request'));
      return;
    }
    if (request.fp !== fingerprint) {
      // The client runs other code than this daemon: it is out of date.
      socket.end(frame(FRAME.refuse, 'stale'));
      stop(`the client runs other code (fingerprint ${request.fp}, mine ${fingerprint}): this daemon is out of date`);
      return;
    }
    if (request.t === 'status') {
      socket.end(frame(FRAME.json, JSON.stringify({ ...info, rssMb: Math.round(process.memoryUsage().rss / 1e6) })));
      return;
    }
    if (request.t === 'stop') {
      socket.end(frame(FRAME.json, JSON.stringify({ stopping: true, pid: process.pid })));
      stop('kientruc daemon stop');
      return;
    }
    if (stopping || request.t !== 'run') {
      socket.end(frame(FRAME.refuse, stopping ? 'stopping' : 'bad request'));
      return;
    }
    armIdle();
    const run: RunRequest = request;
    queue = queue.then(() => runRequest(run, socket));
    await queue;
    settleLater();
    armIdle();
  }

  /**
   * After the first run of a set of options (answered already), the engine's second pass over the same
   * inputs (engine.ts `settle`), queued like a request: the next request, an edit, then costs what the
   * edit reaches.
   */
  function settleLater(): void {
    queue = queue.then(async () => {
      const started = process.cpuUsage();
      const t0 = performance.now();
      const done = await engine.settle().catch((err: unknown) => (log(`${now()} settling failed: ${(err as Error).message}`), false));
      const cpu = process.cpuUsage(started);
      if (done) log(`${now()} settled the last run's options in ${Math.round(performance.now() - t0)} ms, CPU ${Math.round((cpu.user + cpu.system) / 1000)} ms`);
    });
  }

  async function runRequest(request: RunRequest, socket: Socket): Promise<void> {
    const started = process.cpuUsage();
    const t0 = performance.now();
    info.busy = true;
    info.requests++;
    info.lastRequest = now();
    let changes = '';
    engine.onRun = ({ changes: c, reusedWorkspace, unchanged, read }) => {
      const n = c.changed.length + c.added.length + c.removed.length;
      changes = !reusedWorkspace
        ? 'first run of these options'
        : unchanged
          ? 'nothing changed: last result given again'
          : `${n} input(s) changed${n > 0 && n <= 3 ? ` (${[...c.changed, ...c.added, ...c.removed].join(', ')})` : ''}, ${read} file(s) read`;
    };
    // Output is gathered into frames of about a megabyte (kept bytes are not copied: a national model's
    // findings are thousands of blocks, one per file) and each frame is written as one batch. A write
    // that sends a frame returns false when the socket holds more than its high-water mark: the command
    // then waits for 'drain' (output.ts `emit`), so the findings pass through as the client reads them
    // instead of all waiting in the socket's queue.
    const out = frameBatcher(socket);
    const drained = drainWaiter(socket);
    let code: number;
    try {
      code = await main(request.argv, {
        stdout: { write: (c: string | Uint8Array) => out.write(FRAME.stdout, c), isTTY: request.stdoutTTY, ...drained },
        stderr: { write: (c: string | Uint8Array) => out.write(FRAME.stderr, c), isTTY: request.stderrTTY },
        cwd: request.cwd,
        today: new Date(request.today),
        env: request.env,
        pipeline: (o) => engine.run(o),
        findingText,
      });
      out.flush();
    } catch (err: unknown) {
      log(`${now()} request failed: ${(err as Error).stack ?? String(err)}`);
      socket.destroy(); // the client runs the command itself
      info.busy = false;
      return;
    }
    const cpu = process.cpuUsage(started);
    info.busy = false;
    // Logged before the client is answered: what it reads next in the log includes this request.
    log(`${now()} ${request.argv.join(' ')} → exit ${code}; ${changes}; ${Math.round(performance.now() - t0)} ms, CPU ${Math.round((cpu.user + cpu.system) / 1000)} ms`);
    if (!socket.destroyed) socket.end(frame(FRAME.exit, String(code)));
  }

  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(files.socket, () => {
      server.off('error', fail);
      ok();
    });
  });
  chmodSync(files.socket, 0o600);
  writeFileSync(files.info, `${JSON.stringify({ pid: info.pid, guardPid: info.guardPid, folder: info.folder, socket: info.socket, log: info.log, started: info.started }, null, 2)}\n`, { mode: 0o600 });
  log(`${now()} serving ${files.folder} on ${files.socket} (pid ${process.pid}, kientruc ${opts.version}, stops after ${info.idleMinutes} min idle)`);
  armIdle();
  // Warm up: a plain `check` of the folder from its parent (what `kientruc check` typed in the project
  // runs), output discarded; requests with other options share its parse and validation results.
  queue = queue.then(async () => {
    const t0 = performance.now();
    const discard = { write: () => true };
    const code = await main(['check', files.folder, '--quiet'], { stdout: discard, stderr: discard, cwd: dirname(files.folder), today: opts.clock(), env: opts.env, pipeline: (o) => engine.run(o) }).catch(
      (err: unknown) => (log(`${now()} warm-up failed: ${(err as Error).message}`), 2),
    );
    log(`${now()} warmed up (check → exit ${code}) in ${Math.round(performance.now() - t0)} ms`);
  });
  // Not settled: a request that comes right after the start would wait for that pass too (at 100k, a
  // first request measured 66 s of the daemon's CPU with it against 35 s without, load ≈ 20).
  opts.onInterrupt?.(() => stop('signal (SIGINT or SIGTERM)'));
  return finished;
}

