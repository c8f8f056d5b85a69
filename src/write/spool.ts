/**
 * A build renders a dozen kinds of output before it writes any (the write is one swap, all or nothing).
 * For a national model those outputs together are larger than a default Node heap, so each renderer's
 * large files go to a private temporary folder as soon as they are made, and the writer streams them
 * from there: only one renderer's output is in memory at a time. The folder is removed in every case.
 */
import { closeSync, openSync, readFileSync, readSync } from 'node:fs';
import { mkdir, mkdtemp, open, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { leftByDeadRun } from './ownership.js';
import { dirname, join } from 'node:path';
import { StringDecoder } from 'node:string_decoder';
import type { GeneratedFile } from '../render/types.js';

/** Text outputs smaller than this stay in memory (most diagrams): the spool is for the large ones. */
const SPOOL_FROM_CHARS = 1 << 16;
const READ_BYTES = 1 << 20;

/** The text of a spooled file, piece by piece (a piece never splits a character). */
function* readPieces(path: string): Generator<string> {
  const fd = openSync(path, 'r');
  try {
    const decoder = new StringDecoder('utf8');
    const buf = Buffer.allocUnsafe(READ_BYTES);
    for (;;) {
      const n = readSync(fd, buf, 0, READ_BYTES, null);
      if (n === 0) break;
      const s = decoder.write(buf.subarray(0, n));
      if (s !== '') yield s;
    }
    const rest = decoder.end();
    if (rest !== '') yield rest;
  } finally {
    closeSync(fd);
  }
}

const SPOOL_PREFIX = 'kientruc-spool-';

export class Spool {
  private count = 0;
  private constructor(private readonly dir: string) {}

  static async open(): Promise<Spool> {
    await clearDeadSpools();
    return new Spool(await mkdtemp(join(tmpdir(), `${SPOOL_PREFIX}${process.pid}-`)));
  }

  /** `files` with the large text ones moved to disk (same paths, same text; binary and small ones as they are). */
  async keep(files: readonly GeneratedFile[]): Promise<GeneratedFile[]> {
    const out: GeneratedFile[] = [];
    for (const f of files) {
      const streamed = f.chunks !== undefined;
      if (!streamed && (typeof f.contents !== 'string' || f.contents.length < SPOOL_FROM_CHARS)) {
        out.push(f);
        continue;
      }
      const at = join(this.dir, String(this.count++));
      await mkdir(dirname(at), { recursive: true });
      const handle = await open(at, 'w');
      try {
        if (f.chunks) for (const piece of f.chunks()) await handle.write(piece);
        else await handle.write(f.contents as string);
      } finally {
        await handle.close();
      }
      out.push({
        path: f.path,
        chunks: () => readPieces(at),
        get contents(): string {
          return readFileSync(at, 'utf8');
        },
      });
    }
    return out;
  }

  async close(): Promise<void> {
    await rm(this.dir, { recursive: true, force: true });
  }
}

/** Removes spools left in the temp folder by killed runs (their names carry the writer's pid). */
async function clearDeadSpools(): Promise<void> {
  const entries = await readdir(tmpdir()).catch(() => [] as string[]);
  for (const e of entries.filter((x) => leftByDeadRun(x, SPOOL_PREFIX))) await rm(join(tmpdir(), e), { recursive: true, force: true }).catch(() => undefined);
}
