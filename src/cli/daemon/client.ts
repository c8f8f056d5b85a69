/**
 * The `check` fast path (bin.ts runs it before the memory guard, commander and the rest of kientruc
 * load): when a daemon serves the architecture folder, send it the command and print what it answers;
 * otherwise, or when anything is off (no socket, a stale one, a daemon of older code, a connection
 * that breaks before the exit code arrives), return undefined and the bin runs the command itself,
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

export interface ClientIo {
  readonly argv: readonly string[];
  readonly env: Env;
  readonly cwd: string;
  readonly stdout: { write(s: Buffer): unknown; cork?(): void; uncork?(): void; readonly isTTY?: boolean };
  readonly stderr: { write(s: Buffer): unknown; cork?(): void; uncork?(): void; readonly isTTY?: boolean };
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
  // Everything is held until the exit code arrives, so a daemon that dies half-way leaves nothing printed:
  // as the socket's chunks it came in (never decoded, joined or copied).
  const held: { type: number; parts: Buffer[] }[] = [];
  const code = await new Promise<number | undefined>((done) => {
    const socket = connect(files.socket);
    const reader = new FrameReader();
    let result: number | undefined;
    socket.on('connect', () => socket.end(`${JSON.stringify(request)}\n`));
    socket.on('data', (chunk: Buffer) => {
      for (const f of reader.pushParts(chunk)) {
        if (f.type === FRAME.exit) result = Number(Buffer.concat(f.parts).toString('utf8'));
        else if (f.type === FRAME.stdout || f.type === FRAME.stderr) held.push(f);
        else if (f.type === FRAME.refuse) socket.destroy();
      }
    });
    socket.on('error', () => done(undefined));
    socket.on('close', () => done(Number.isInteger(result) ? result : undefined));
  });
  if (code === undefined) return undefined;
  // In the order written; each run of one stream's frames as one batch (one writev to a pipe).
  for (let i = 0; i < held.length; ) {
    const type = (held[i] as (typeof held)[number]).type;
    const stream = type === FRAME.stdout ? io.stdout : io.stderr;
    stream.cork?.();
    for (; i < held.length && (held[i] as (typeof held)[number]).type === type; i++) for (const part of (held[i] as (typeof held)[number]).parts) stream.write(part);
    stream.uncork?.();
  }
  return code;
}
