/**
 * With `auto`, the main thread parses files itself instead of waiting for a worker (the workers are
 * starting, or behind): the files the workers were not sent yet, from the last one back. The results
 * must be those of a parse on one thread, file by file, whoever parsed each file. Runs the built code
 * (the worker is dist/load/parse-worker.js); the load average is reported as zero so that `auto`
 * starts the workers on a busy machine too.
 */
import { syncBuiltinESMExports } from 'node:module';
import os from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { parseAll as ParseAll, ParseItem } from '../../src/load/parse-pool.js';
import { generateModel } from '../bench/generate.js';
import { REPO } from '../helpers/project.js';

interface Pool {
  parseAll: typeof ParseAll;
  parsedInWorkers: number;
  parsedWhileWaiting: number;
}
const pool = async (): Promise<Pool> => (await import(pathToFileURL(join(REPO, 'dist', 'load', 'parse-pool.js')).href)) as Pool;

const realLoadavg = os.loadavg;
beforeAll(() => {
  os.loadavg = () => [0, 0, 0];
  syncBuiltinESMExports();
});
afterAll(() => {
  os.loadavg = realLoadavg;
  syncBuiltinESMExports();
});

describe('the main thread parses while it waits for the workers', () => {
  it('gives the same results as one thread, every file parsed once', async () => {
    if (os.availableParallelism() < 2) return; // `auto` never starts workers on one core
    // More than the 2 MB from which `auto` starts workers: a generated model's files, twice under other names.
    const files = [...generateModel({ entities: 3000, seed: 4 }).files];
    const items: ParseItem[] = [];
    for (const copy of ['a', 'b']) for (const [name, text] of files) items.push({ file: `${copy}/${name}`, bytes: Buffer.from(text, 'utf8') });
    expect(items.reduce((n, it) => n + it.bytes.length, 0)).toBeGreaterThan(2 * 1024 * 1024);
    const p = await pool();
    const workers = p.parsedInWorkers;
    const here = p.parsedWhileWaiting;
    const auto = await p.parseAll(items, 'auto');
    const byWorkers = p.parsedInWorkers - workers;
    const byMain = p.parsedWhileWaiting - here;
    // Every file parsed exactly once, by a worker or by the main thread; the workers did run.
    expect(byWorkers + byMain).toBe(items.length);
    expect(byWorkers).toBeGreaterThan(0);
    const off = await p.parseAll(items, 'off');
    const plain = (r: Awaited<ReturnType<typeof ParseAll>>[number] | undefined) =>
      r?.ok ? JSON.stringify({ text: r.text, docs: r.parsed.docs, diagnostics: r.parsed.diagnostics }) : JSON.stringify(r);
    for (const [i, it] of items.entries()) expect(plain(auto[i]), it.file).toBe(plain(off[i]));
  });
});
