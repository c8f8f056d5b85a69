/**
 * The `check` fast path (bin.ts runs it before the memory guard, commander and the rest of kientruc
 * load): when a daemon serves the architecture folder, send it the command and print what it answers;
 * otherwise, or when anything is off before the answer's first output (no socket, a stale one, a
 * daemon of older code, a connection that breaks), return undefined and the bin runs the command itself,
 * having printed nothing. Node built-ins only.
 */
import { existsSync } from 'node:fs';
import { connect } from 'node:net';
import { resolve } from 'node:path';
import { daemonFiles, secureDir } from './paths.js';
import { daemonFingerprint } from './fingerprint.js';
import { FRAME, FrameReader, type RunRequest } from './protocol.js';

type Env = Readonly<Record<string, string | undefined>>;

/** Options of `check`/`validate` the daemon serves exactly (the rest — --verbose's timings, --help — run here). */
const VALUED: Readonly<Record<string, ReadonlySet<string>>> = {
  check: new Set(['--lang', '--as-of', '--max-file-size', '--cache-dir', '--state', '--config', '-f', '--format', '-o', '--output', '--fail-on']),
  validate: new Set(['--lang', '--as-of', '--max-file-size', '--cache-dir', '-f', '--format', '-o', '--output', '--fail-on']),
};
const FLAGS: ReadonlySet<string> = new Set(['-q', '--quiet', '--no-color', '--no-cache']);

/** `CI` set to anything but empty, 0 or false: a CI job runs every command itself. */
export function isCi(env: Env): boolean {
  const ci = env['CI'];
  return ci !== undefined && ci !== '' && ci !== '0' && ci.toLowerCase() !== 'false';
}

/**
 * The architecture folder a `check`/`validate` command line names (as typed; default
 * `architecture`), when the daemon may serve it; undefined otherwise (another command, --no-daemon,
 * an option it does not serve, anything it does not understand: commander will say).
 */
export function daemonTarget(argv: readonly string[]): string | undefined {
  let command: string | undefined;
  let dir: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] as string;
    if (a.startsWith('-')) {
      const name = a.startsWith('--') && a.includes('=') ? a.slice(0, a.indexOf('=')) : a;
      const valued = name === '--lang' || (command !== undefined && (VALUED[command]?.has(name) ?? false));
      if (valued) {
        if (name === a) {
          if (i + 1 >= argv.length) return undefined;
          i++;
        }
        continue;
      }
      if (FLAGS.has(a)) continue;
      return undefined; // --no-daemon, --verbose, --help, --version, an unknown option, `--`
    }
    if (command === undefined) {
      if (a !== 'check' && a !== 'validate') return undefined;
      command = a;
    } else if (dir === undefined) dir = a;
    else return undefined;
  }
  return command === undefined ? undefined : (dir ?? 'architecture');
}

/** What the client writes to (process.stdout/stderr; a test's collector). */
export interface ClientStream {
  write(s: Buffer): unknown;
  readonly isTTY?: boolean;
  /** Bytes written and not yet taken by the reader (a Node stream's). */
  readonly writableLength?: number;
  once?(event: 'drain', listener: () => void): unknown;
}

export interface ClientIo {
  readonly argv: readonly string[];
  readonly env: Env;
  readonly cwd: string;
  readonly stdout: ClientStream;
  readonly stderr: ClientStream;
  readonly today: Date;
}

/** Runs the command through the folder's daemon: its exit code, or undefined to run it here. */
export async function runThroughDaemon(io: ClientIo): Promise<number | undefined> {
  if (isCi(io.env)) return undefined;
  const target = daemonTarget(io.argv);
  if (target === undefined) return undefined;
  let files;
  try {
    files = daemonFiles(resolve(io.cwd, target), io.env);
  } catch {
    return undefined; // no such folder: the command says so itself
  }
  if (!existsSync(files.socket) || secureDir(files.dir, false) !== undefined) return undefined;
  const request: RunRequest = {
    t: 'run',
    fp: daemonFingerprint(),
    argv: io.argv,
    cwd: io.cwd,
    env: io.env,
    today: io.today.toISOString(),
    stdoutTTY: io.stdout.isTTY === true,
    stderrTTY: io.stderr.isTTY === true,
  };
  // Output is written as it comes, not held until the exit code: holding a national model's 63 MB of
  // findings cost the client ≈0.1 s of its ≈0.45 s in page faults and garbage collection (100k, paired by
  // hand with `/usr/bin/time`, docs/speed.md). The socket is paused while more than QUEUED bytes wait for
  // a slow reader (a pipe to `less`), so memory stays bounded. Until the first output frame, anything
  // that goes wrong still falls back to running the command here, with nothing printed; once output has
  // been written, a connection that breaks before the exit code is said in one line (exit 2).
  let wrote = false;
  const code = await new Promise<number | undefined>((done) => {
    const socket = connect(files.socket);
    const reader = new FrameReader();
    let result: number | undefined;
    socket.on('connect', () => socket.end(`${JSON.stringify(request)}\n`));
    socket.on('data', (chunk: Buffer) => {
      for (const f of reader.pushParts(chunk)) {
        if (f.type === FRAME.exit) result = Number(Buffer.concat(f.parts).toString('utf8'));
        else if (f.type === FRAME.stdout || f.type === FRAME.stderr) {
          const stream = f.type === FRAME.stdout ? io.stdout : io.stderr;
          wrote = true;
          let more = true;
          for (const part of f.parts) more = stream.write(part) !== false && more;
          if (!more && (stream.writableLength ?? 0) > QUEUED && stream.once !== undefined) {
            socket.pause();
            stream.once('drain', () => socket.resume());
          }
        } else if (f.type === FRAME.refuse) socket.destroy();
      }
    });
    socket.on('error', () => done(undefined));
    socket.on('close', () => done(Number.isInteger(result) ? result : undefined));
  });
  if (code === undefined && wrote) {
    io.stderr.write(Buffer.from(brokenLine(io.argv)));
    return 2;
  }
  return code;
}

/** Bytes a slow reader may leave waiting in the client before it stops reading the socket. */
const QUEUED = 8 << 20;

/** The line said when a daemon's answer breaks off after output was written (the command's --lang). */
export function brokenLine(argv: readonly string[]): string {
  const i = argv.findIndex((a) => a === '--lang' || a.startsWith('--lang='));
  const lang = i < 0 ? undefined : argv[i] === '--lang' ? argv[i + 1] : (argv[i] as string).slice('--lang='.length);
  return lang === 'en'
    ? 'kientruc: the daemon stopped before finishing its answer, so the output above is incomplete; run the command again (with --no-daemon to run it without the daemon).\n'
    : 'kientruc: daemon dừng trước khi trả lời xong nên kết quả ở trên không đầy đủ; hãy chạy lại lệnh (thêm --no-daemon để chạy không qua daemon).\n';
}
