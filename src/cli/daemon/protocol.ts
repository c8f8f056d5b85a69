/**
 * The daemon's wire format, over its unix socket. The client sends one request, a line of JSON; the
 * daemon answers with frames: one byte of type, four bytes of length (big-endian), the payload (UTF-8).
 * Node built-ins only (see paths.ts).
 */

/** A run of `check` or `validate` as the user typed it, with what the command reads from its process. */
export interface RunRequest {
  readonly t: 'run';
  /** The client's code fingerprint (fingerprint.ts): a daemon with another one refuses and exits. */
  readonly fp: string;
  readonly argv: readonly string[];
  readonly cwd: string;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** The client's clock (ISO), read once as the bin does. */
  readonly today: string;
  readonly stdoutTTY: boolean;
  readonly stderrTTY: boolean;
}

/** `status` asks (and says which code the asker runs); `stop` ends the daemon. */
export interface ControlRequest {
  readonly t: 'status' | 'stop';
  readonly fp: string;
}

export type Request = RunRequest | ControlRequest;

/** Frame types. */
export const FRAME = {
  stdout: 0x6f, // o
  stderr: 0x65, // e
  exit: 0x78, // x: the exit code, in decimal
  json: 0x6a, // j: an answer to status or stop
  refuse: 0x72, // r: the daemon cannot serve this request (stale code, another folder): run it yourself
} as const;

/** A frame's five-byte header: its type, then the payload's length in bytes. */
function frameHead(type: number, bytes: number): Buffer {
  const head = Buffer.allocUnsafe(5);
  head[0] = type;
  head.writeUInt32BE(bytes, 1);
  return head;
}

export function frame(type: number, payload: string): Buffer {
  const body = Buffer.from(payload, 'utf8');
  return Buffer.concat([frameHead(type, body.length), body]);
}

/**
 * Writes one frame to `out` without building it in memory: the header, then the text, which the socket
 * encodes as it writes (a national model's findings are tens of megabytes; `frame` would encode them
 * into a buffer and copy that buffer again). The same bytes as `frame`. False when the writer's queue is
 * full (as a stream's `write`): wait for 'drain'.
 */
export function writeFrame(out: { write(chunk: Uint8Array | string, encoding?: BufferEncoding): boolean; cork(): void; uncork(): void }, type: number, payload: string): boolean {
  out.cork();
  out.write(frameHead(type, Buffer.byteLength(payload, 'utf8')));
  const more = out.write(payload, 'utf8');
  out.uncork();
  return more;
}

/** Cuts a byte stream into frames. */
export class FrameReader {
  private buf: Buffer = Buffer.alloc(0);

  push(chunk: Buffer): { type: number; payload: Buffer }[] {
    this.buf = this.buf.length === 0 ? chunk : Buffer.concat([this.buf, chunk]);
    const out: { type: number; payload: Buffer }[] = [];
    while (this.buf.length >= 5) {
      const len = this.buf.readUInt32BE(1);
      if (this.buf.length < 5 + len) break;
      out.push({ type: this.buf[0] as number, payload: this.buf.subarray(5, 5 + len) });
      this.buf = this.buf.subarray(5 + len);
    }
    return out;
  }
}
