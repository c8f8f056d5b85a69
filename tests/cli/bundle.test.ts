/**
 * The bin is an esbuild bundle of src/ (src/cli/bundle.ts), written flat in dist/cli/ beside tsc's
 * output. What a bundle could break, run on the built bin: its files must import only each other (never
 * tsc's modules, which would load the code twice), the parse worker must start from the bundle's own
 * dist/cli/parse-worker.js, and the code fingerprint it computes from its chunks' URL must be the one
 * the build computed from tsc's layout (else the validators precompiled for it are never found).
 * The daemon (daemon.test.ts, daemon-*.test.ts), the memory guard (memory-guard.test.ts), the LSP
 * (lsp*.test.ts) and the installed tarball (tests/package/) run the same bundle.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { compileSchemas as CompileSchemas } from '../../src/validate/ajv.js';
import type { availablePacks as AvailablePacks, loadPack as LoadPack } from '../../src/framework/load-pack.js';
import { BIN, REPO } from '../helpers/project.js';
import { makeTempDir } from '../helpers/tmp.js';

const OUT = join(REPO, 'dist', 'cli');
const BANNER = '// kientruc bundle (esbuild, src/cli/bundle.ts)';

/** The files of the bundle: those whose first line (after the bin's `#!`) is its banner. */
function bundleFiles(): string[] {
  return readdirSync(OUT)
    .filter((n) => n.endsWith('.js') && readFileSync(join(OUT, n), 'utf8').split('\n', 2).some((line) => line.startsWith(BANNER)))
    .sort();
}

// Preloaded into the spawned bin (`--require`): records each worker thread it starts (its URL, and
// whether it came online or failed) and each read of a precompiled validator, to the file in
// KIENTRUC_TEST_TRACE. The ESM bindings of the built-ins are synced to the patched CommonJS exports.
const TRACE_PRELOAD = `
const fs = require('node:fs');
const wt = require('node:worker_threads');
const trace = (line) => fs.appendFileSync(process.env.KIENTRUC_TEST_TRACE, line + '\\n');
const Base = wt.Worker;
wt.Worker = class extends Base {
  constructor(url, options) {
    super(url, options);
    const where = String(url);
    this.once('online', () => trace('online ' + where));
    this.once('error', (e) => trace('error ' + where + ' ' + e.message));
  }
};
const read = fs.readFileSync;
fs.readFileSync = function (path, ...rest) {
  if (typeof path === 'string' && path.includes('/precompiled/v1/ajv/')) trace('read ' + path);
  return read.call(this, path, ...rest);
};
require('node:module').syncBuiltinESMExports();
`;

describe('the bundled bin', () => {
  it('is dist/cli/bin.js, and its files sit in dist/cli/ and import only each other, Node built-ins and npm packages', () => {
    const files = bundleFiles();
    expect(files).toContain('bin.js');
    expect(files).toContain('parse-worker.js');
    expect(readFileSync(BIN, 'utf8').split('\n', 2)).toEqual(['#!/usr/bin/env node', expect.stringContaining(BANNER)]);
    // Lazy chunks: `--version` and `check` must not load every command.
    expect(files.length).toBeGreaterThan(20);
    const relative: string[] = [];
    for (const f of files) {
      const code = readFileSync(join(OUT, f), 'utf8');
      for (const m of code.matchAll(/(?:\bfrom\s*|\bimport\s*\(\s*|^\s*import\s*)"(\.[^"]*)"/gm)) relative.push(`${f} → ${m[1]}`);
    }
    expect(relative.length).toBeGreaterThan(files.length);
    const known = new Set(files.map((f) => `./${f}`));
    expect(relative.filter((r) => !known.has(r.slice(r.indexOf('→ ') + 2)))).toEqual([]);
  });

  it('check starts its parse workers from the bundle and finds the validators the build precompiled, with the output of a run without workers', async () => {
    const dir = makeTempDir('bundle-trace-');
    const preload = join(dir, 'trace.cjs');
    writeFileSync(preload, TRACE_PRELOAD);
    const run = (parallel: '0' | '1', trace: string) =>
      spawnSync(process.execPath, ['--require', preload, BIN, 'check', 'architecture', '--no-cache', '--no-daemon', '-f', 'json', '--as-of', '2026-01-15'], {
        cwd: REPO,
        encoding: 'utf8',
        env: { ...process.env, NO_COLOR: '1', KIENTRUC_PARALLEL: parallel, KIENTRUC_TEST_TRACE: trace, KIENTRUC_MEMORY_GUARD: '0' },
      });
    const withWorkers = run('1', join(dir, 'workers.log'));
    const without = run('0', join(dir, 'alone.log'));
    expect(withWorkers.status, withWorkers.stderr).toBe(1);
    expect(withWorkers.stdout).toBe(without.stdout);
    expect(JSON.parse(withWorkers.stdout)).toHaveProperty('diagnostics');

    const workers = readFileSync(join(dir, 'workers.log'), 'utf8').trim().split('\n');
    const worker = pathToFileURL(join(OUT, 'parse-worker.js')).href;
    expect(workers.filter((l) => l.startsWith('online '))).not.toEqual([]);
    expect(workers.filter((l) => l.startsWith('online ') || l.startsWith('error ')).map((l) => l.split(' ').slice(0, 2).join(' '))).toEqual(
      workers.filter((l) => l.startsWith('online ') || l.startsWith('error ')).map(() => `online ${worker}`),
    );

    // The key of the precompiled validators is a hash of the schema and of the code fingerprint: the
    // bundle (chunks in dist/cli/) must compute the one tsc's modules (dist/validate/, dist/load/) do.
    const dist = async <T>(path: string): Promise<T> => (await import(pathToFileURL(join(REPO, 'dist', path)).href)) as T;
    const { compileSchemas } = await dist<{ compileSchemas: typeof CompileSchemas }>('validate/ajv.js');
    const { loadPack, availablePacks } = await dist<{ loadPack: typeof LoadPack; availablePacks: typeof AvailablePacks }>('framework/load-pack.js');
    const { hash } = compileSchemas(loadPack('vn-2025'), availablePacks());
    const reads = readFileSync(join(dir, 'alone.log'), 'utf8').trim().split('\n');
    expect(reads).toContain(`read ${join(REPO, 'dist', 'precompiled', 'v1', 'ajv', hash.slice(0, 2), `${hash}.cjs`)}`);
  });
});
