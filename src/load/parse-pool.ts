import { availableParallelism, loadavg } from 'node:os';
import { Worker } from 'node:worker_threads';
import { parseFileBytes, type FileParse } from './parse-file.js';

export interface ParseItem {
  readonly file: string;
  readonly bytes: Uint8Array;
}

/** Files parsed by workers since the process started (tests check the worker path really ran). */
export let parsedInWorkers = 0;

/** Below this much YAML to parse, starting workers costs more than it saves. */
const PARALLEL_BYTES = 2 * 1024 * 1024;

/**
 * Parses files, in worker threads when there is enough to parse and cores to spare: parsing is most
 * of a cold run at national scale, and it is independent per file. Results come back in the
 * order of `items`, whatever the threads did; if a worker cannot start or fails, the rest is parsed
 * here, so the result never depends on how it was computed.
 */
export async function parseAll(items: readonly ParseItem[], mode: 'auto' | 'off' | 'force' = 'auto'): Promise<FileParse[]> {
  const total = items.reduce((n, it) => n + it.bytes.length, 0);
  const cores = availableParallelism();
  const threads = Math.min(cores, 4, items.length);
  // Handing parsed values back costs about a third of parsing them: worth it only with idle cores.
  const idle = loadavg()[0] ?? 0;
  const parallel = mode === 'force' ? items.length > 0 : mode === 'auto' && threads > 1 && total >= PARALLEL_BYTES && idle < cores - 1;
  if (!parallel) return items.map((it) => parseFileBytes(it.file, it.bytes));
  const results: (FileParse | undefined)[] = new Array(items.length);
  try {
    await runWorkers(items, results, Math.max(threads, 1));
  } catch {
    // Whatever the workers could not do is done here.
  }
  return items.map((it, i) => results[i] ?? parseFileBytes(it.file, it.bytes));
}

function workerUrl(): URL {
  // Under tsx (tests, bench) this module is TypeScript, and so is its worker.
  return new URL(import.meta.url.endsWith('.ts') ? './parse-worker.ts' : './parse-worker.js', import.meta.url);
}

async function runWorkers(items: readonly ParseItem[], results: (FileParse | undefined)[], count: number): Promise<void> {
  let next = 0;
  const workers: Worker[] = [];
  try {
    await Promise.all(
      Array.from({ length: count }, () => {
        const worker = new Worker(workerUrl());
        workers.push(worker);
        return new Promise<void>((resolve, reject) => {
          let inFlight = 0;
          const send = (): void => {
            while (inFlight < 4 && next < items.length) {
              const id = next++;
              const it = items[id] as ParseItem;
              // A copy: the caller keeps its bytes (for the content hash and the cache).
              worker.postMessage({ id, file: it.file, bytes: it.bytes });
              inFlight++;
            }
            if (inFlight === 0) resolve();
          };
          worker.on('message', (m: { id: number; result: FileParse }) => {
            results[m.id] = m.result;
            parsedInWorkers++;
            inFlight--;
            send();
          });
          worker.on('error', reject);
          worker.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`parse worker exited with ${code}`))));
          send();
        });
      }),
    );
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}
