/**
 * Where a daemon lives: one per architecture folder (its real path), reached through a unix domain
 * socket in a folder only its user can enter. Light on purpose: the `check` fast path imports this
 * before anything else of kientruc loads (node built-ins only).
 *
 * The folder is `$KIENTRUC_DAEMON_DIR`, else `$XDG_RUNTIME_DIR/kientruc`, else `<os temp>/kientruc-<uid>`;
 * it is created 0700 and refused when another user owns it or others can enter it (a socket there is
 * then never created nor used). Each daemon has three files named by a hash of the folder's real path:
 * `<hash>.sock` (the socket, 0600), `<hash>.log` (its log) and `<hash>.json` (pid, folder, code).
 */
import { chmodSync, lstatSync, mkdirSync, realpathSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/** Overrides the daemons' folder (tests, a user who wants them elsewhere). */
export const DAEMON_DIR_ENV = 'KIENTRUC_DAEMON_DIR';

/** A unix socket path must fit in sun_path (108 bytes on Linux, 104 on macOS, with the NUL). */
const MAX_SOCKET_PATH = 103;

export interface DaemonFiles {
  /** The architecture folder, real path. */
  readonly folder: string;
  readonly dir: string;
  readonly socket: string;
  readonly log: string;
  readonly info: string;
}

type Env = Readonly<Record<string, string | undefined>>;

function uid(): number {
  return typeof process.getuid === 'function' ? process.getuid() : 0;
}

/** The daemons' folder for this user (not created). */
export function daemonDir(env: Env): string {
  const own = env[DAEMON_DIR_ENV];
  if (own) return resolve(own);
  const runtime = env['XDG_RUNTIME_DIR'];
  if (runtime) return join(runtime, 'kientruc');
  return join(tmpdir(), `kientruc-${uid()}`);
}

/**
 * Creates the folder if needed and checks it is the user's own, 0700. Returns why it is not usable,
 * or undefined when it is. `create` false only checks (the client never creates anything).
 */
export function secureDir(dir: string, create: boolean): string | undefined {
  if (create) {
    try {
      mkdirSync(dir, { recursive: true, mode: 0o700 });
    } catch (err: unknown) {
      return `cannot create ${dir}: ${(err as Error).message}`;
    }
  }
  let info;
  try {
    info = lstatSync(dir);
  } catch {
    return `${dir} does not exist`;
  }
  if (!info.isDirectory()) return `${dir} is not a folder`;
  if (info.uid !== uid()) return `${dir} belongs to another user (uid ${info.uid})`;
  if ((info.mode & 0o077) !== 0) {
    if (!create) return `${dir} can be entered by other users (mode ${(info.mode & 0o777).toString(8)})`;
    chmodSync(dir, 0o700);
  }
  return undefined;
}

/** The daemon files of the architecture folder `folder` (any spelling: its real path names it). */
export function daemonFiles(folder: string, env: Env): DaemonFiles {
  const real = realpathSync(folder);
  const hash = fnv1a64(real);
  let dir = daemonDir(env);
  // A deep folder would make the socket path too long: use the short one (checked by the same rules).
  if (Buffer.byteLength(join(dir, `${hash}.sock`)) > MAX_SOCKET_PATH) dir = join('/tmp', `kientruc-${uid()}`);
  return { folder: real, dir, socket: join(dir, `${hash}.sock`), log: join(dir, `${hash}.log`), info: join(dir, `${hash}.json`) };
}

/**
 * FNV-1a, 64 bits, of the UTF-8 bytes of `text`, as 16 hex digits: names a daemon's files and stamps
 * its code (fingerprint.ts). Not node:crypto: loading that module was ≈7 ms of every `check` a daemon
 * answers (a client of ≈180 ms CPU, 10k; `node -e` with and without it, paired), and neither use needs
 * a cryptographic hash — a daemon serves only its own folder (engine.ts), whatever socket was reached.
 */
export function fnv1a64(text: string): string {
  // The 64-bit state as two 32-bit halves; the prime is 2^40 + 0x1b3.
  let hi = 0xcbf29ce4;
  let lo = 0x84222325;
  const bytes = Buffer.from(text, 'utf8');
  for (let i = 0; i < bytes.length; i++) {
    lo ^= bytes[i] as number;
    const low = (lo >>> 0) * 0x1b3;
    hi = (Math.imul(hi, 0x1b3) + Math.floor(low / 0x1_0000_0000) + (lo << 8)) >>> 0;
    lo = low >>> 0;
  }
  return (hi >>> 0).toString(16).padStart(8, '0') + (lo >>> 0).toString(16).padStart(8, '0');
}
