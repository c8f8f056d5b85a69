import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_ROOT } from '../../src/cli/commands/shared.js';
import { DEFAULT_INPUT, heapFlagFor, LARGE_INPUT_BYTES, needsGuard, outOfMemoryMessage, runGuarded, sizeLine, sizeLineFilter, smallInputBound, yamlBytesUnder } from '../../src/cli/memory-guard.js';
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
    const r = spawnSync(process.execPath, args, { cwd: REPO, encoding: 'utf8', env: { ...process.env, KIENTRUC_MEMORY_GUARD: '1' } });
    const unguarded = spawnSync(process.execPath, args, { cwd: REPO, encoding: 'utf8', env: { ...process.env, KIENTRUC_MEMORY_GUARD: '0' } });
    expect(r.status).toBe(unguarded.status);
    expect(r.stdout).toBe(unguarded.stdout);
    expect((JSON.parse(r.stdout) as { version: number }).version).toBe(1);
    const bad = spawnSync(process.execPath, [BIN, 'nope'], { cwd: REPO, encoding: 'utf8', env: { ...process.env, KIENTRUC_MEMORY_GUARD: '1' } });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('không có lệnh "nope"');
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

/**
 * The Node processes one run of the built bin starts, each with its Node flags: a preload given in
 * NODE_OPTIONS (which the guarded child inherits) writes a line per process.
 */
function processesOf(args: readonly string[], cwd = REPO, env: Record<string, string> = {}): { execArgv: string[] }[] {
  const dir = makeTempDir('guard-count-');
  const preload = join(dir, 'count.cjs');
  const log = join(dir, 'processes.jsonl');
  writeFileSync(preload, `require('node:fs').appendFileSync(${JSON.stringify(log)}, JSON.stringify({ execArgv: process.execArgv }) + '\\n');\n`);
  writeFileSync(log, '');
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', NODE_OPTIONS: `--require ${preload}`, ...env } });
  expect(r.error).toBeUndefined();
  return readFileSync(log, 'utf8').trim().split('\n').filter(Boolean).map((l) => JSON.parse(l) as { execArgv: string[] });
}

describe('where the guard runs', () => {
  it('starts no second process for a command that reads nothing, nor for a small architecture', () => {
    expect(processesOf(['--version'])).toHaveLength(1);
    expect(processesOf(['schema'])).toHaveLength(1);
    expect(processesOf(['check', '--help'])).toHaveLength(1);
    expect(processesOf(['check', 'architecture', '--no-cache', '--no-daemon'])).toHaveLength(1);
    expect(processesOf(['validate', '--no-cache', '--no-daemon'])).toHaveLength(1);
    // Asked for: the same run under the guard.
    expect(processesOf(['check', 'architecture', '--no-cache', '--no-daemon'], REPO, { KIENTRUC_MEMORY_GUARD: '1' })).toHaveLength(2);
  });

  it('still guards a large architecture, with the checkers’ young generation as before', () => {
    const root = makeTempDir('guard-large-');
    mkdirSync(join(root, 'architecture'));
    // Comments only: 2 MB to size, next to nothing to parse.
    const line = `# ${'x'.repeat(98)}\n`;
    writeFileSync(join(root, 'architecture', 'large.yaml'), line.repeat(Math.ceil(LARGE_INPUT_BYTES / line.length) + 1));
    const procs = processesOf(['validate', 'architecture', '--no-cache', '--no-daemon'], root);
    expect(procs).toHaveLength(2);
    expect(procs[1]?.execArgv).toEqual(['--max-semi-space-size=8']);
    // The same folder, found as the default one from its parent.
    expect(processesOf(['validate', '--no-cache', '--no-daemon'], root)).toHaveLength(2);
  });

  it('decides from the command, the size of what it reads and the heap limit', () => {
    const heap = 4144 * 1024 * 1024;
    const at = (argv: readonly string[], env: Record<string, string> = {}, heapLimit = heap): boolean => needsGuard({ argv, cwd: REPO, env, heapLimit });
    expect(at(['check', 'architecture'])).toBe(false);
    expect(at(['--lang', 'en', 'gap', '--as-of', '2026-06-30', 'architecture'])).toBe(false);
    expect(at(['build', 'architecture', '--watch'])).toBe(true);
    expect(at(['build', '-qw'])).toBe(true);
    for (const long of ['lsp', 'daemon', 'aggregate', 'diff', 'import']) expect(at([long, 'architecture'])).toBe(true);
    for (const none of [[], ['--version'], ['init', 'x'], ['completion', 'bash'], ['nope'], ['lsp', '--help']]) expect(at(none)).toBe(false);
    expect(at(['check'], { KIENTRUC_MEMORY_GUARD: '0' }, 1)).toBe(false);
    expect(at(['schema'], { KIENTRUC_MEMORY_GUARD: '1' })).toBe(true);
    // A heap the user made small guards any architecture (the out-of-memory tests above rely on it).
    expect(at(['check', 'architecture'], {}, 64 * 1024 * 1024)).toBe(true);
    expect(smallInputBound(heap)).toBe(LARGE_INPUT_BYTES);
    expect(smallInputBound(512 * 1024 * 1024)).toBeGreaterThan(0);
    expect(smallInputBound(512 * 1024 * 1024)).toBeLessThan(LARGE_INPUT_BYTES);
    expect(DEFAULT_INPUT).toBe(DEFAULT_ROOT);
  });

  it('sizes the YAML the loader reads, stopping early', () => {
    const root = makeTempDir('guard-size-');
    mkdirSync(join(root, 'a', 'b.d'), { recursive: true });
    mkdirSync(join(root, '.hidden'));
    writeFileSync(join(root, 'a', 'one.yaml'), 'x'.repeat(100));
    writeFileSync(join(root, 'a', 'b.d', 'two.yml'), 'x'.repeat(50));
    writeFileSync(join(root, 'a', 'notes.txt'), 'x'.repeat(1000));
    writeFileSync(join(root, '.hidden', 'three.yaml'), 'x'.repeat(1000));
    expect(yamlBytesUnder([root], Infinity)).toBe(150);
    expect(yamlBytesUnder([join(root, 'a', 'one.yaml'), join(root, 'missing')], Infinity)).toBe(100);
    expect(yamlBytesUnder([root], 10)).toBeGreaterThanOrEqual(50);
  });
});

describe('the size lines the child writes on stderr', () => {
  /** What the bin relays and the sizes it reads when the child's stderr arrives cut into `pieces`. */
  function relayed(pieces: readonly string[]): { text: string; sizes: [number, number][] } {
    const sizes: [number, number][] = [];
    const filter = sizeLineFilter((files, bytes) => sizes.push([files, bytes]));
    return { text: pieces.map((p) => filter.push(p)).join('') + filter.end(), sizes };
  }

  it('are never relayed, however the pipe cuts the stream and however many there are', () => {
    // aggregate writes one per folder: two in one piece leaked the second (" kientruc-size 21 16072").
    expect(relayed([`${sizeLine(21, 16072)}${sizeLine(9, 812)}⚠ 1 cảnh báo\n`])).toEqual({ text: '⚠ 1 cảnh báo\n', sizes: [[21, 16072], [9, 812]] });
    const line = fc.oneof(
      fc.tuple(fc.nat(10_000), fc.nat(10_000_000)).map(([f, b]) => ({ size: [f, b] as [number, number], text: sizeLine(f, b) })),
      fc.string({ unit: fc.constantFrom('a', 'ệ', ' ', '✖', '\n', '-') }).map((t) => ({ size: undefined, text: `${t}\n` })),
    );
    fc.assert(
      fc.property(fc.array(line, { maxLength: 12 }), fc.array(fc.nat(200), { maxLength: 8 }), (lines, cuts) => {
        const stream = lines.map((l) => l.text).join('');
        const at = [...new Set(cuts.map((c) => c % (stream.length + 1)))].sort((a, b) => a - b);
        const pieces = [0, ...at].map((from, i) => stream.slice(from, at[i] ?? stream.length));
        const r = relayed(pieces);
        expect(r.text).toBe(lines.filter((l) => !l.size).map((l) => l.text).join(''));
        expect(r.sizes).toEqual(lines.flatMap((l) => (l.size ? [l.size] : [])));
      }),
    );
  });

  it('gives back text that only looked like the start of one', () => {
    expect(relayed(['a\u0000kientruc-si', 'de\n'])).toEqual({ text: 'a\u0000kientruc-side\n', sizes: [] });
    expect(relayed(['b\u0000kientruc'])).toEqual({ text: 'b\u0000kientruc', sizes: [] });
  });
});
