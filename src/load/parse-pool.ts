import { availableParallelism, loadavg } from 'node:os';
import { Worker } from 'node:worker_threads';
import { parseFileBytes, type FileParse } from './parse-file.js';

export interface ParseItem {
  readonly file: string;
  readonly bytes: Uint8Array;
}

/** Files parsed by workers since the process started (tests check the worker path really ran). */
export let parsedInWorkers = 0;

/**
 * Below this much YAML to parse, starting workers costs more than it saves. On 2 cores, `check` of the
 * 10k project (4.2 MB) took 0.93 s of wall and 1.32 s of CPU parsing on one thread against 1.02 s and
 * 1.58 s with two workers (6 pairs, load 1.1–1.6; docs/speed.md, 3–4 December 2026); it was 2 MB.
 */
const PARALLEL_BYTES = 8 * 1024 * 1024;

/**
 * Files a worker is sent ahead of its results: it is sent more only when the main thread takes a result
 * (between its own work on the files before), so a short queue leaves it waiting. 16 files of a
 * national model are ≈ 10 ms of parsing.
 */
const IN_FLIGHT = 16;
/** While busy with ready results, the main thread takes the workers' messages (and sends them more) at least this often (ms). */
const PUMP_MS = 4;

/**
 * Parses files as they are read, in worker threads when there is enough to parse and cores to spare:
 * parsing is most of a cold run at national scale, and it is independent per file. Files are `add`ed
 * as they are read; the workers start as soon as the YAML read so far is worth them (while the rest is
 * still being read) and parse while the main thread takes each result in turn (`get`, in the order of
 * the files), so what the main thread does with a file (the schema) overlaps the parsing of the next
 * ones. Without workers every file is parsed at the first `get`. If a worker cannot start or fails,
 * the rest is parsed here, so the result never depends on how it was computed.
 */
export class ParsePool {
  private readonly items: ParseItem[] = [];
  private readonly results: (FileParse | undefined)[] = [];
  private readonly waiting = new Map<number, (r: FileParse) => void>();
  private bytes = 0;
  private ended = false;
  /** The workers' state: not started (parse here unless they start), running, or finished/failed. */
  private state: 'idle' | 'running' | 'over' = 'idle';
  private next = 0;
  private readonly kicks: (() => void)[] = [];
  /** When the main thread last took the workers' messages. */
  private pumped = 0;

  constructor(private readonly mode: 'auto' | 'off' | 'force' = 'auto') {}

  /** Adds a file to parse; returns its index for `get`. */
  add(item: ParseItem): number {
    const i = this.items.length;
    this.items.push(item);
    this.bytes += item.bytes.length;
    if (this.state === 'idle' && this.mode === 'auto' && this.bytes >= PARALLEL_BYTES && this.items.length > 1 && worthWorkers()) this.start();
    for (const kick of this.kicks) kick();
    return i;
  }

  /** No more files: the workers stop once they have parsed every file (`force` starts them now). */
  end(): void {
    this.ended = true;
    if (this.state === 'idle' && this.mode === 'force' && this.items.length > 0) this.start();
    for (const kick of this.kicks) kick();
  }

  /** The parse of file `i`: its worker's result when workers run, else parsed here, now. */
  get(i: number): FileParse | Promise<FileParse> {
    const done = this.results[i];
    if (done) {
      this.results[i] = undefined; // handed over once: the pool does not keep what the caller holds
      if (this.state === 'running' && performance.now() - this.pumped > PUMP_MS) {
        // Let the workers' finished messages in, so that they are sent more while this thread works.
        return new Promise<FileParse>((resolve) =>
          setImmediate(() => {
            this.pumped = performance.now();
            resolve(done);
          }),
        );
      }
      return done;
    }
    if (this.state === 'idle' && this.ended) {
      // No workers: every file is parsed before any is used, as before the pool streamed (file by file,
      // a single thread measured 5-11 % more CPU at 100k entities: 2 pairs on a loaded machine).
      for (let j = i + 1; j < this.items.length; j++) this.results[j] ??= this.here(j);
      return this.here(i);
    }
    if (this.state !== 'running') return this.here(i);
    return new Promise<FileParse>((resolve) =>
      this.waiting.set(i, (r) => {
        this.pumped = performance.now();
        resolve(r);
      }),
    );
  }

  private here(i: number): FileParse {
    const it = this.items[i] as ParseItem;
    return parseFileBytes(it.file, it.bytes);
  }

  private settle(i: number, r: FileParse): void {
    const waiter = this.waiting.get(i);
    if (waiter) {
      this.waiting.delete(i);
      waiter(r);
    } else this.results[i] = r;
  }

  private start(): void {
    this.state = 'running';
    const count = Math.max(1, Math.min(availableParallelism(), 4, this.items.length));
    this.run(count)
      .catch(() => undefined) // whatever the workers could not do is done here
      .finally(() => {
        this.state = 'over';
        // Files no worker returned (a failed worker) are parsed here, for whoever waits on them.
        for (const [i, resolve] of [...this.waiting]) {
          this.waiting.delete(i);
          resolve(this.here(i));
        }
      });
  }

  private async run(count: number): Promise<void> {
    const workers: Worker[] = [];
    try {
      await Promise.all(
        Array.from({ length: count }, () => {
          const worker = new Worker(workerUrl());
          workers.push(worker);
          return new Promise<void>((resolve, reject) => {
            let inFlight = 0;
            const send = (): void => {
              while (inFlight < IN_FLIGHT && this.next < this.items.length) {
                const id = this.next++;
                const it = this.items[id] as ParseItem;
                // A copy: the caller keeps its bytes (for the content hash and the cache).
                worker.postMessage({ id, file: it.file, bytes: it.bytes });
                inFlight++;
              }
              if (inFlight === 0 && this.ended) resolve();
            };
            this.kicks.push(send);
            worker.on('message', (m: { id: number; result: FileParse }) => {
              parsedInWorkers++;
              inFlight--;
              send();
              this.settle(m.id, m.result);
            });
            worker.on('error', reject);
            worker.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`parse worker exited with ${code}`))));
            send();
          });
        }),
      );
    } finally {
      this.kicks.length = 0;
      await Promise.all(workers.map((w) => w.terminate()));
    }
  }
}

/** Workers pay off only with a core to spare: handing parsed values back costs about a third of parsing them. */
function worthWorkers(): boolean {
  const cores = availableParallelism();
  return cores > 1 && (loadavg()[0] ?? 0) < cores - 1;
}

/**
 * Parses every file, in worker threads when worth it (see `ParsePool`); results in the order of `items`.
 */
export async function parseAll(items: readonly ParseItem[], mode: 'auto' | 'off' | 'force' = 'auto'): Promise<FileParse[]> {
  const pool = new ParsePool(mode);
  for (const it of items) pool.add(it);
  pool.end();
  const out: FileParse[] = [];
  for (let i = 0; i < items.length; i++) out.push(await pool.get(i));
  return out;
}

function workerUrl(): URL {
  // Beside this module: dist/load/ in tsc's output, dist/cli/ in the bundle the bin runs (the bundle
  // writes the worker there as an entry point of its own, cli/bundle.ts). Under tsx (tests, bench) this
  // module is TypeScript, and so is its worker.
  return new URL(import.meta.url.endsWith('.ts') ? './parse-worker.ts' : './parse-worker.js', import.meta.url);
}
