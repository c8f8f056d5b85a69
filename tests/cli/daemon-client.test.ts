/**
 * The `check` fast path's client (daemon/client.ts) against a fake daemon on a real unix socket: what it
 * writes, when it falls back (undefined: the bin runs the command itself, nothing printed), when it
 * says the answer broke off, and that a slow reader pauses the socket instead of the client holding
 * the whole answer.
 */
import { EventEmitter } from 'node:events';
import { mkdirSync } from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { brokenLine, runThroughDaemon, type ClientStream } from '../../src/cli/daemon/client.js';
import { daemonFiles, DAEMON_DIR_ENV } from '../../src/cli/daemon/paths.js';
import { frame, FRAME } from '../../src/cli/daemon/protocol.js';
import { makeTempDir } from '../helpers/tmp.js';

/** A stream that keeps what it is given; `slow` makes it report a full queue until drained by hand. */
class Collector extends EventEmitter implements ClientStream {
  readonly chunks: Buffer[] = [];
  writableLength = 0;
  constructor(private readonly slow = false) {
    super();
  }
  write(s: Buffer): boolean {
    this.chunks.push(Buffer.from(s));
    if (!this.slow) return true;
    this.writableLength += s.length;
    return false;
  }
  drain(): void {
    this.writableLength = 0;
    this.emit('drain');
  }
  get text(): string {
    return Buffer.concat(this.chunks).toString('utf8');
  }
}

const servers: Server[] = [];
afterEach(async () => {
  for (const s of servers.splice(0)) await new Promise((r) => s.close(r));
});

/** A fake daemon for a fresh folder: `answer` is given the request's socket once the request line came. */
async function fakeDaemon(answer: (socket: Socket) => void): Promise<{ cwd: string; env: Record<string, string> }> {
  const cwd = makeTempDir('daemon-client-');
  mkdirSync(join(cwd, 'architecture'));
  const env = { [DAEMON_DIR_ENV]: join(cwd, 'daemons') };
  const files = daemonFiles(join(cwd, 'architecture'), env);
  mkdirSync(files.dir, { recursive: true, mode: 0o700 });
  const server = createServer({ allowHalfOpen: true }, (socket) => {
    let got = '';
    socket.on('data', (d) => {
      got += d.toString('utf8');
      if (got.endsWith('\n')) answer(socket);
    });
    socket.on('error', () => undefined);
  });
  servers.push(server);
  await new Promise<void>((r) => server.listen(files.socket, r));
  return { cwd, env };
}

const run = (cwd: string, env: Record<string, string>, stdout: ClientStream, stderr: ClientStream, argv = ['check']) =>
  runThroughDaemon({ argv, env, cwd, stdout, stderr, today: new Date('2026-12-04T00:00:00Z') });

describe('the daemon client', () => {
  it('writes stdout and stderr in the order they come and returns the exit code', async () => {
    const { cwd, env } = await fakeDaemon((s) => {
      s.write(frame(FRAME.stderr, 'tiến độ\n'));
      s.write(frame(FRAME.stdout, 'một\n'));
      s.end(Buffer.concat([frame(FRAME.stdout, 'hai\n'), frame(FRAME.exit, '1')]));
    });
    const out = new Collector();
    const err = new Collector();
    expect(await run(cwd, env, out, err)).toBe(1);
    expect(out.text).toBe('một\nhai\n');
    expect(err.text).toBe('tiến độ\n');
  });

  it('falls back, with nothing printed, when the daemon refuses or the connection breaks before any output', async () => {
    for (const answer of [(s: Socket) => s.end(frame(FRAME.refuse, 'older code')), (s: Socket) => s.destroy()]) {
      const { cwd, env } = await fakeDaemon(answer);
      const out = new Collector();
      const err = new Collector();
      expect(await run(cwd, env, out, err)).toBeUndefined();
      expect(out.chunks.length + err.chunks.length).toBe(0);
    }
  });

  it('says in one line, exit 2, that an answer broke off after output was written (the command’s language)', async () => {
    for (const argv of [['check'], ['check', '--lang', 'en']]) {
      const { cwd, env } = await fakeDaemon((s) => {
        s.write(frame(FRAME.stdout, 'một phần\n'));
        setImmediate(() => s.destroy());
      });
      const out = new Collector();
      const err = new Collector();
      expect(await run(cwd, env, out, err, argv)).toBe(2);
      expect(out.text).toBe('một phần\n');
      expect(err.text).toBe(brokenLine(argv));
      expect(err.text.split('\n').length).toBe(2);
    }
    expect(brokenLine(['check', '--lang', 'en'])).toMatch(/^kientruc: the daemon stopped/);
    expect(brokenLine(['check'])).toMatch(/^kientruc: daemon dừng/);
  });

  it('stops reading while a slow reader has more than 8 MB waiting, and resumes on drain: every byte, in order', async () => {
    const frames = Array.from({ length: 12 }, (_, i) => frame(FRAME.stdout, String.fromCharCode(97 + i).repeat(1 << 20)));
    let paused = 0;
    const { cwd, env } = await fakeDaemon((s) => {
      // 12 one-megabyte frames: the reader's queue passes 8 MB, so the client pauses and the daemon's
      // writes fill the socket (write returns false) until the reader drains.
      let i = 0;
      const more = (): void => {
        while (i < 12) {
          const ok = s.write(frames[i] as Buffer);
          i++;
          if (!ok) {
            paused++;
            s.once('drain', more);
            return;
          }
        }
        s.end(frame(FRAME.exit, '0'));
      };
      more();
    });
    const out = new Collector(true);
    const answered = run(cwd, env, out, new Collector());
    // The reader takes nothing until the client has stopped reading: its queue grows past 8 MB, then no
    // more (a bounded wait, by count: at most 400 looks).
    let last = -1;
    for (let i = 0, still = 0; i < 400 && still < 10; i++) {
      await new Promise((r) => setTimeout(r, 5));
      if (out.writableLength === last) still++;
      else [still, last] = [0, out.writableLength];
    }
    const waiting = out.writableLength;
    const draining = setInterval(() => out.writableLength > 0 && out.drain(), 2);
    const code = await answered;
    clearInterval(draining);
    expect(code).toBe(0);
    expect(waiting).toBeGreaterThan(8 << 20);
    expect(waiting).toBeLessThan(12 << 20);
    const all = Buffer.concat(out.chunks);
    expect(all.length).toBe(12 << 20);
    for (let i = 0; i < 12; i++) expect(all[i << 20]).toBe(97 + i);
    // The daemon had to wait for the client at least once: it did not read on while the reader was behind.
    expect(paused).toBeGreaterThan(0);
  });
});
