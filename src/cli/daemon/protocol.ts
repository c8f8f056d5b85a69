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
  return writeFramePieces(out, type, [payload], Buffer.byteLength(payload, 'utf8'));
}

/**
 * Writes one frame made of `pieces` (text and bytes, `bytes` in all) to `out` as one batch (corked):
 * the header, then each piece as it is, bytes not copied. The same bytes as `frame` of their text
 * joined. False when the writer's queue is full: wait for 'drain'.
 */
export function writeFramePieces(
  out: { write(chunk: Uint8Array | string, encoding?: BufferEncoding): boolean; cork(): void; uncork(): void },
  type: number,
  pieces: readonly (string | Uint8Array)[],
  bytes: number,
): boolean {
  out.cork();
  let more = out.write(frameHead(type, bytes));
  for (const p of pieces) more = typeof p === 'string' ? out.write(p, 'utf8') : out.write(p);
  out.uncork();
  return more;
}

/**
 * Cuts a byte stream into frames. Each byte is copied at most once: a payload within one chunk is a
 * view of it, one across chunks is joined once when it is whole (a frame of a megabyte comes in
 * sixteen chunks of the socket), or given as the views of its chunks (`pushParts`).
 */
export class FrameReader {
  private parts: Buffer[] = [];
  private size = 0;

  push(chunk: Buffer): { type: number; payload: Buffer }[] {
    return this.pushParts(chunk).map(({ type, parts }) => ({ type, payload: parts.length === 1 ? (parts[0] as Buffer) : Buffer.concat(parts) }));
  }

  /** `push`, each payload as the views of the chunks it came in (nothing copied: the client writes them as they are). */
  pushParts(chunk: Buffer): { type: number; parts: Buffer[] }[] {
    if (chunk.length > 0) {
      this.parts.push(chunk);
      this.size += chunk.length;
    }
    const out: { type: number; parts: Buffer[] }[] = [];
    while (this.size >= 5) {
      const head = this.take(5, false);
      const len = head.readUInt32BE(1);
      if (this.size < 5 + len) break;
      this.take(5, true);
      out.push({ type: head[0] as number, parts: this.takeParts(len) });
    }
    return out;
  }

  /** The first `n` bytes held (`n` ≤ held) as views of the chunks, removed from what is held. */
  private takeParts(n: number): Buffer[] {
    const got: Buffer[] = [];
    let left = n;
    let whole = 0;
    while (left > 0 && (this.parts[whole] as Buffer).length <= left) {
      const p = this.parts[whole++] as Buffer;
      got.push(p);
      left -= p.length;
    }
    if (whole > 0) this.parts.splice(0, whole);
    if (left > 0) {
      const p = this.parts[0] as Buffer;
      got.push(p.subarray(0, left));
      this.parts[0] = p.subarray(left);
    }
    this.size -= n;
    return got;
  }

  /** The first `n` bytes held (`n` ≤ held, a header), removed from what is held when `consume`. */
  private take(n: number, consume: boolean): Buffer {
    const first = this.parts[0] as Buffer;
    let got: Buffer;
    if (first.length >= n) got = first.subarray(0, n);
    else {
      got = Buffer.allocUnsafe(n);
      let at = 0;
      for (const p of this.parts) {
        const k = Math.min(p.length, n - at);
        p.copy(got, at, 0, k);
        at += k;
        if (at === n) break;
      }
    }
    if (consume) this.takeParts(n);
    return got;
  }
}
