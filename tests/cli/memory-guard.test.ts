import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { heapFlagFor, LARGE_INPUT_BYTES, outOfMemoryMessage, runGuarded } from '../../src/cli/memory-guard.js';
import { BIN, REPO } from '../helpers/project.js';
import { makeTempDir } from '../helpers/tmp.js';

/** The built bin under a tiny heap, on the sample: Node runs out of memory while reading it. */
function starved(args: readonly string[]): { status: number | null; stderr: string; stdout: string } {
  const r = spawnSync(process.execPath, ['--max-old-space-size=8', BIN, ...args, '--no-cache'], { cwd: REPO, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { status: r.status, stderr: r.stderr, stdout: r.stdout };
}

describe('running out of memory', () => {
  it('is one line naming the command and what to do, exit 2, never V8’s trace', () => {
    const r = starved(['check', 'architecture']);
    expect(r.status).toBe(2);
    const last = r.stderr.trimEnd().split('\n').pop() ?? '';
    expect(last).toMatch(/^kientruc check: hết bộ nhớ — Node dừng ở giới hạn heap [\d.]+ MB khi (đọc kho kiến trúc|xử lý [\d.]+ tệp YAML \([\d,]+ MB\))\. Chạy lại với NODE_OPTIONS=--max-old-space-size=\d+ \(MB\), hoặc tách kho kiến trúc thành nhiều kho rồi gộp bằng kientruc aggregate\.$/);
    expect(r.stderr).not.toMatch(/Last few GCs|FATAL ERROR|Native stack trace|JavaScript heap/);
  });

  it('speaks English with --lang en, and shows V8’s own report with --verbose', () => {
    const en = starved(['--lang', 'en', 'check', 'architecture']);
    expect(en.status).toBe(2);
    expect(en.stderr.trimEnd().split('\n').pop()).toMatch(/^kientruc check: out of memory — Node stopped at its [\d,]+ MB heap limit .*--max-old-space-size=\d+ \(MB\), or split the architecture/);
    const verbose = starved(['check', 'architecture', '--verbose']);
    expect(verbose.status).toBe(2);
    expect(verbose.stderr).toMatch(/heap out of memory|Reached heap limit/);
    expect(verbose.stderr).toContain('kientruc check: hết bộ nhớ');
  });

  it('names the size read when it is known and suggests a heap twice the current one', () => {
    expect(outOfMemoryMessage({ command: 'build', lang: 'vi', heapLimitMb: 4144, files: 5050, bytes: 42_591_477 })).toBe(
      'kientruc build: hết bộ nhớ — Node dừng ở giới hạn heap 4.144 MB khi xử lý 5.050 tệp YAML (42,6 MB). Chạy lại với NODE_OPTIONS=--max-old-space-size=9216 (MB), hoặc tách kho kiến trúc thành nhiều kho rồi gộp bằng kientruc aggregate.',
    );
    expect(outOfMemoryMessage({ command: 'gap', lang: 'en', heapLimitMb: 4144, files: 5050, bytes: 42_591_477 })).toContain('while processing 5,050 YAML files (42.6 MB). Run again with NODE_OPTIONS=--max-old-space-size=9216 (MB)');
  });

  it('leaves a normal run as it was: output, exit code, and the child’s stderr relayed', () => {
    const args = [BIN, 'check', 'architecture', '--no-cache', '-f', 'json', '--as-of', '2026-09-30'];
    const r = spawnSync(process.execPath, args, { cwd: REPO, encoding: 'utf8' });
    const unguarded = spawnSync(process.execPath, args, { cwd: REPO, encoding: 'utf8', env: { ...process.env, KIENTRUC_MEMORY_GUARD: '0' } });
    expect(r.status).toBe(unguarded.status);
    expect(r.stdout).toBe(unguarded.stdout);
    expect((JSON.parse(r.stdout) as { version: number }).version).toBe(1);
    const bad = spawnSync(process.execPath, [BIN, 'nope'], { cwd: REPO, encoding: 'utf8' });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain("unknown command 'nope'");
  });

  it('grows the heap slowly only for a writing command that read a large architecture, unless the user chose', () => {
    const large = LARGE_INPUT_BYTES;
    expect(heapFlagFor(['build', 'architecture'], [], undefined, large)).toBe('--heap-growing-percent=20');
    expect(heapFlagFor(['--lang', 'en', 'doc', 'architecture'], [], undefined, large)).toBe('--heap-growing-percent=20');
    expect(heapFlagFor(['build', 'architecture'], [], undefined, large - 1)).toBeUndefined();
    expect(heapFlagFor(['check', 'architecture'], [], undefined, 10 * large)).toBeUndefined();
    expect(heapFlagFor(['build'], ['--heap-growing-percent=50'], undefined, large)).toBeUndefined();
    expect(heapFlagFor(['build'], [], '--max-old-space-size=8192 --heap-growing-percent=30', large)).toBeUndefined();
    expect(heapFlagFor(['build'], [], '--max-old-space-size=8192', large)).toBe('--heap-growing-percent=20');
  });
});

describe('the Node flags of the guarded child', () => {
  /** The flags runGuarded gives the child for `argv`, read back from a script that prints its own. */
  async function childFlags(argv: readonly string[], execArgv: readonly string[] = [], env: Record<string, string> = {}): Promise<string[]> {
    const script = join(makeTempDir('guard-'), 'flags.mjs');
    writeFileSync(script, 'process.stderr.write(JSON.stringify(process.execArgv));\n');
    let said = '';
    const code = await runGuarded({ argv, execArgv, script, env: { PATH: process.env['PATH'], ...env }, stderr: { write: (s: string) => (said += s) }, onSignal: () => undefined });
    expect(code).toBe(0);
    return JSON.parse(said) as string[];
  }

  it('gives check and validate a smaller young generation, unless the user chose one', async () => {
    expect(await childFlags(['check', 'architecture'])).toEqual(['--max-semi-space-size=8']);
    expect(await childFlags(['validate'])).toEqual(['--max-semi-space-size=8']);
    expect(await childFlags(['check'], ['--max-semi-space-size=16'])).toEqual(['--max-semi-space-size=16']);
    expect(await childFlags(['check'], [], { NODE_OPTIONS: '--max-semi-space-size=16' })).toEqual([]);
    // A writing command sets its heap growth itself once it knows how much YAML it read (heapFlagFor).
    expect(await childFlags(['build'])).toEqual([]);
    expect(await childFlags(['schema'])).toEqual([]);
  });
});
