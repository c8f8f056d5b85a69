/**
 * Node has no way to catch "JavaScript heap out of memory": V8 prints a page of internals and aborts.
 * So the bin runs the command in a child process with the same Node flags and watches it: when the
 * child dies of exhausted memory, the user reads one line naming the command, the size of what it was
 * reading, and what to do, instead of V8's trace (shown with --verbose). Everything else passes
 * through unchanged: stdin and stdout are the child's own, stderr is relayed as it comes.
 *
 * The child is a second Node start (≈ 0.07–0.1 s wall, ≈ 0.07 s CPU on the 2-core machine), so the
 * bin pays it only where running out of memory is possible (`needsGuard`): not for commands that read
 * no architecture, nor for an architecture small against the heap limit. KIENTRUC_MEMORY_GUARD=0 runs
 * every command in one process (a profiler, a debugger), KIENTRUC_MEMORY_GUARD=1 every one under the guard.
 */
import { spawn } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { constants } from 'node:os';
import { join, resolve } from 'node:path';
import { getHeapStatistics, setFlagsFromString } from 'node:v8';
import { GUARDED_ENV, STDERR_TTY_ENV } from './guard-env.js';

export { GUARDED_ENV, STDERR_TTY_ENV };
/** `0` runs the command in this process, without the guard (a debugger, a profiler). */
export const GUARD_ENV = 'KIENTRUC_MEMORY_GUARD';
/** The line on which the child tells the bin what it read (`<mark> files bytes`); the bin does not relay it. */
export const SIZE_MARK = '\u0000kientruc-size';

/** Sets a heap flag `heapFlagFor` chose, in this process (the bin's child). */
export function setHeapFlag(flag: string): void {
  setFlagsFromString(flag);
}

/** What the child writes on stderr once it has read the architecture. */
export function sizeLine(files: number, bytes: number): string {
  return `${SIZE_MARK} ${files} ${bytes}\n`;
}

/**
 * In the child: if the bin is gone (killed with SIGKILL, which it cannot relay), stop too, at once,
 * rather than go on writing for nobody.
 */
export function followParent(): void {
  const parent = process.ppid;
  setInterval(() => {
    if (process.ppid !== parent) process.kill(process.pid, 'SIGKILL');
  }, 100).unref();
}

const V8_BANNER = '<--- Last few GCs --->';

/** Commands that read no architecture (nor any input that grows with the user's data), and help, version, unknown words. */
const NO_INPUT: ReadonlySet<string> = new Set(['', 'help', 'schema', 'init', 'completion']);
/**
 * Commands whose input is one architecture folder, read once: guarded when it is large (`needsGuard`).
 * `build --watch` is not among them: it runs for hours while the folder can grow.
 */
const SIZED: ReadonlySet<string> = new Set(['validate', 'check', 'gap', 'report', 'build', 'diagram', 'doc', 'export', 'site']);
/**
 * Always guarded: `lsp` and `daemon` live as long as the editor or the session while the workspace
 * grows; `aggregate` builds one model per repository of a whole nation; `diff` reads two versions,
 * from git; `import` reads a spreadsheet of any size.
 */
const ALWAYS: ReadonlySet<string> = new Set(['lsp', 'daemon', 'aggregate', 'diff', 'import']);
/** The folder a command reads when none is named (`DEFAULT_ROOT` in commands/shared.ts; a test holds them equal). */
export const DEFAULT_INPUT = 'architecture';

/**
 * Heap a command can need per byte of YAML, and at least whatever the input: from the peaks measured
 * at 100k entities (42.6 MB of YAML, Node 20, docs/speed.md, 3 December 2026), the worst command is
 * `build --no-render` at 1,426 MB of RSS, ≈ 34 bytes per byte of YAML (`check` 764–787 MiB, ≈ 19);
 * on the sample (0.24 MB) the largest peak is `report` (md, html, docx, json) at 338 MB. RSS bounds
 * the heap from above, so these over-estimate. With a safety factor of 5 (170 bytes per byte, which
 * covers even the 6.8 GB, ≈ 160 per byte, that build needed at 100k before its memory was bounded), a
 * command cannot run out of heap while `BASE + 170 × bytes` < V8's heap limit: ≈ 22 MB of YAML with a
 * 4.1 GB heap (Node's default on this 24 GB machine), ≈ 10 MB with 2 GB. The bound used is the smaller of that
 * and LARGE_INPUT_BYTES (2 MB, ≈ 5,000 entities), above which the GC flags of the guarded child apply
 * (`--max-semi-space-size=8`, `--heap-growing-percent=20`): a large architecture runs exactly as it did.
 * A heap the user made small (`--max-old-space-size=8`) lowers the bound below any input: guarded.
 */
const BASE_HEAP_BYTES = 384 * 1024 * 1024;
const HEAP_PER_YAML_BYTE = 34;
const SAFETY = 5;
/** Entries walked while sizing the input, beyond which it counts as large (a home folder given by mistake). */
const MAX_ENTRIES_WALKED = 20_000;

/** The YAML bytes below which `needsGuard` runs the command in this process, for V8's heap limit `heapLimit`. */
export function smallInputBound(heapLimit: number): number {
  return Math.min(LARGE_INPUT_BYTES, Math.floor((heapLimit - BASE_HEAP_BYTES) / (HEAP_PER_YAML_BYTE * SAFETY)));
}

/**
 * The bytes of the `*.yaml`/`*.yml` files at or under `paths`, summed as the loader finds them (hidden
 * entries and node_modules skipped, links followed: their targets count even when the loader refuses
 * them); stops as soon as the sum reaches `stopAt`, or after MAX_ENTRIES_WALKED entries (then Infinity).
 */
export function yamlBytesUnder(paths: readonly string[], stopAt: number): number {
  const yaml = /\.ya?ml$/i;
  let bytes = 0;
  let walked = 0;
  const pending = [...paths];
  while (pending.length > 0 && bytes < stopAt) {
    const path = pending.pop() as string;
    try {
      const st = statSync(path);
      if (!st.isDirectory()) {
        if (yaml.test(path)) bytes += st.size;
        continue;
      }
      const entries = readdirSync(path, { withFileTypes: true });
      walked += entries.length;
      if (walked > MAX_ENTRIES_WALKED) return Number.POSITIVE_INFINITY;
      for (const e of entries) {
        if (e.name.startsWith('.') || e.name === 'node_modules') continue;
        // Folders, links and YAML files; other files are skipped without a stat.
        if (e.isDirectory() || e.isSymbolicLink() || yaml.test(e.name)) pending.push(join(path, e.name));
      }
    } catch {
      continue; // missing or unreadable: the command says so itself
    }
  }
  return bytes;
}

/**
 * Whether the bin should run `argv` under the guard (in a child) rather than in its own process:
 * see the sets above and `smallInputBound`. The input is sized from the command line alone, without
 * knowing which options take a value: every operand after the command (and everything after `--`)
 * that exists is counted, plus the default folder when none of them is a folder — more than the
 * command reads when an option's value is a folder (`--cache-dir`, `--out`), never less.
 */
export function needsGuard(input: { argv: readonly string[]; cwd: string; env: Readonly<Record<string, string | undefined>>; heapLimit?: number }): boolean {
  const mode = input.env[GUARD_ENV];
  if (mode === '0') return false;
  if (mode === '1') return true;
  const { argv } = input;
  const dashes = argv.indexOf('--');
  const options = dashes < 0 ? argv : argv.slice(0, dashes);
  if (options.some((a) => a === '-h' || a === '--help' || a === '-V' || a === '--version')) return false;
  const command = commandOf(options);
  if (ALWAYS.has(command)) return true;
  if (NO_INPUT.has(command) || !SIZED.has(command)) return false; // an unknown command only prints an error
  if (command === 'build' && options.some((a) => a === '--watch' || /^-[a-zA-Z]*w/.test(a))) return true;
  const bound = smallInputBound(input.heapLimit ?? getHeapStatistics().heap_size_limit);
  if (bound <= 0) return true;
  const after = options.slice(options.indexOf(command) + 1).filter((a, i, all) => !a.startsWith('-') && all[i - 1] !== '--lang');
  const operands = [...after, ...(dashes < 0 ? [] : argv.slice(dashes + 1))].map((a) => resolve(input.cwd, a));
  const named = operands.filter((p) => {
    try {
      return statSync(p).isDirectory();
    } catch {
      return false;
    }
  });
  const paths = named.length > 0 ? operands : [...operands, resolve(input.cwd, DEFAULT_INPUT)];
  return yamlBytesUnder(paths, bound) >= bound;
}

/**
 * Commands that write large outputs make many short-lived strings; with Node's default heap growth V8
 * lets the heap grow far past what is alive before collecting (a 100k-entity build peaked at 3 GB for
 * well under 1 GB alive). Growing the heap by 20 % at a time instead keeps the peak near what is alive,
 * for more garbage collection: about 15 % more CPU at 10k entities, and a quarter of a small build's
 * CPU (the sample's rebuild after one edit: ≈ 0.8 s of 3.4 s), where the heap stays small either way.
 * So the tighter growth is set once the architecture has been read (`heapFlagFor`), and only when it
 * is large. The heap limit itself stays Node's default (or the user's).
 */
const WRITERS: ReadonlySet<string> = new Set(['build', 'gap', 'report', 'diagram', 'site', 'doc', 'aggregate', 'export']);
const WRITER_GC_FLAG = '--heap-growing-percent=20';
/** YAML read from which a writing command grows its heap slowly: ≈ 5,000 entities (10k = 4.2 MB). */
export const LARGE_INPUT_BYTES = 2_000_000;

/**
 * The V8 flag a writing command sets once it has read `bytes` of YAML (`v8.setFlagsFromString`), or
 * undefined: for other commands, small inputs, and when the user chose a heap growth in Node's flags.
 */
export function heapFlagFor(argv: readonly string[], execArgv: readonly string[], nodeOptions: string | undefined, bytes: number): string | undefined {
  if (bytes < LARGE_INPUT_BYTES || !WRITERS.has(commandOf(argv))) return undefined;
  if (userSet('--heap-growing-percent', execArgv, nodeOptions)) return undefined;
  return WRITER_GC_FLAG;
}

/** Whether the user gave the V8 flag `name` (on Node's command line or in NODE_OPTIONS): it is then theirs. */
function userSet(name: string, execArgv: readonly string[], nodeOptions: string | undefined): boolean {
  return [...execArgv, ...(nodeOptions ?? '').split(/\s+/)].some((a) => a.startsWith(name));
}

/** The command named on the command line (the first word that is neither an option nor --lang's value). */
function commandOf(argv: readonly string[]): string {
  return argv.find((a, i) => !a.startsWith('-') && argv[i - 1] !== '--lang') ?? '';
}

/**
 * `check` and `validate` keep a large model alive while making many short-lived objects (parsed values,
 * findings). Their young generation is held at 8 MB per half: measured on the 2-core machine
 * (3 December 2026, docs/speed.md, after parsing and validation were overlapped), 100k entities peak at
 * 963–968 MiB against 982–989 MiB with 16 MB (V8's own choice for this heap) and 1,009–1,020 MiB with
 * the 32 MB used before, for the same CPU or less (8.2–9.5 s vs 8.5–10.6 s and 8.6–11.1 s); at 10k the
 * CPU is the same (median 1.69 s vs 1.75 s for 16 and 32 MB) and the peak 182 MiB instead of 200/230.
 */
const CHECKERS: ReadonlySet<string> = new Set(['check', 'validate']);
const CHECKER_GC_FLAGS = ['--max-semi-space-size=8'];
const V8_FATAL = /heap out of memory|Reached heap limit|Allocation failed/;

export interface GuardIo {
  readonly argv: readonly string[];
  readonly execArgv: readonly string[];
  readonly script: string;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly stderr: { write(s: string): unknown; readonly isTTY?: boolean };
  /** Signals to relay to the child (SIGTERM sent to the bin alone). */
  readonly onSignal: (signal: NodeJS.Signals, relay: () => void) => void;
}

const fmt = (n: number, lang: 'vi' | 'en', digits = 0): string => n.toLocaleString(lang === 'vi' ? 'vi-VN' : 'en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

/** The one line printed when the command ran out of memory. Pure (tests read it). */
export function outOfMemoryMessage(input: { command: string; lang: 'vi' | 'en'; heapLimitMb: number; files?: number | undefined; bytes?: number | undefined }): string {
  const { command, lang, heapLimitMb } = input;
  const next = Math.max(2048, Math.ceil((heapLimitMb * 2) / 1024) * 1024);
  const size =
    input.files !== undefined && input.bytes !== undefined
      ? lang === 'vi'
        ? ` khi xử lý ${fmt(input.files, lang)} tệp YAML (${fmt(input.bytes / 1e6, lang, 1)} MB)`
        : ` while processing ${fmt(input.files, lang)} YAML files (${fmt(input.bytes / 1e6, lang, 1)} MB)`
      : lang === 'vi'
        ? ' khi đọc kho kiến trúc'
        : ' while reading the architecture';
  return lang === 'vi'
    ? `kientruc ${command}: hết bộ nhớ — Node dừng ở giới hạn heap ${fmt(heapLimitMb, lang)} MB${size}. Chạy lại với NODE_OPTIONS=--max-old-space-size=${next} (MB), hoặc tách kho kiến trúc thành nhiều kho rồi gộp bằng kientruc aggregate.`
    : `kientruc ${command}: out of memory — Node stopped at its ${fmt(heapLimitMb, lang)} MB heap limit${size}. Run again with NODE_OPTIONS=--max-old-space-size=${next} (MB), or split the architecture into several repositories and merge them with kientruc aggregate.`;
}

/**
 * Takes the child's stderr as it comes and returns what to relay, without the size lines (`sizeLine`),
 * which go to `onSize`. A pipe cuts the stream anywhere, so a size line can arrive in two pieces, and
 * several can come in one piece (aggregate and diff write one per folder read): text from a NUL (which
 * the size line starts with, and the child's messages never hold) up to the next newline is held back
 * until the line is whole. `end()` gives back what was held if it never became a size line.
 */
export function sizeLineFilter(onSize: (files: number, bytes: number) => void): { push(chunk: string): string; end(): string } {
  let held = '';
  return {
    push(chunk: string): string {
      let text = held + chunk;
      held = '';
      let out = '';
      for (;;) {
        const mark = text.indexOf('\u0000');
        if (mark < 0) return out + text;
        out += text.slice(0, mark);
        const end = text.indexOf('\n', mark);
        const rest = text.slice(mark, end < 0 ? undefined : end);
        if (end < 0 && (SIZE_MARK.startsWith(rest) || rest.startsWith(SIZE_MARK))) {
          held = rest;
          return out;
        }
        const m = rest.startsWith(SIZE_MARK) ? /^ (\d+) (\d+)$/.exec(rest.slice(SIZE_MARK.length)) : null;
        if (m) onSize(Number(m[1]), Number(m[2]));
        else out += rest + (end < 0 ? '' : '\n');
        if (end < 0) return out;
        text = text.slice(end + 1);
      }
    },
    end(): string {
      const rest = held;
      held = '';
      return rest;
    },
  };
}

/** Runs the bin again as a child and waits; returns the exit code the bin should set. */
export async function runGuarded(io: GuardIo): Promise<number> {
  const verbose = io.argv.includes('--verbose');
  const lang = io.argv[io.argv.indexOf('--lang') + 1] === 'en' || io.argv.includes('--lang=en') ? 'en' : 'vi';
  const command = commandOf(io.argv);
  const gcFlags: readonly string[] = CHECKERS.has(command) && !userSet('--max-semi-space-size', io.execArgv, io.env['NODE_OPTIONS']) ? CHECKER_GC_FLAGS : [];
  const child = spawn(process.execPath, [...io.execArgv, ...gcFlags, io.script, ...io.argv], {
    stdio: ['inherit', 'inherit', 'pipe'],
    env: { ...io.env, [GUARDED_ENV]: '1', ...(io.stderr.isTTY ? { [STDERR_TTY_ENV]: '1' } : {}) },
  });
  let swallowing = false;
  let sawFatal = false;
  let tail = '';
  child.stderr?.setEncoding('utf8');
  let size: { files: number; bytes: number } | undefined;
  const sizes = sizeLineFilter((files, bytes) => {
    // aggregate and diff read several folders, one line each: the size is what they read in all.
    size = { files: (size?.files ?? 0) + files, bytes: (size?.bytes ?? 0) + bytes };
  });
  child.stderr?.on('data', (data: string) => relay(sizes.push(data)));
  child.stderr?.on('end', () => relay(sizes.end()));
  function relay(chunk: string): void {
    if (chunk === '') return;
    if (!swallowing) {
      const at = chunk.indexOf(V8_BANNER);
      if (at < 0) {
        io.stderr.write(chunk);
        return;
      }
      swallowing = true;
      if (at > 0) io.stderr.write(chunk.slice(0, at));
      chunk = chunk.slice(at);
    }
    tail = (tail + chunk).slice(-4096);
    if (V8_FATAL.test(tail)) sawFatal = true;
    if (verbose) io.stderr.write(chunk);
  }
  // Relayed: a signal sent to the bin alone reaches the command. Ctrl-C at a terminal reaches both (one
  // process group); the child then sees it twice and treats the second as the same interruption.
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) io.onSignal(signal, () => child.kill(signal));
  const [code, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((done) => child.on('close', (c, s) => done([c, s])));
  const aborted = signal === 'SIGABRT' || code === 134;
  if (aborted && (sawFatal || swallowing)) {
    const heapLimitMb = Math.round(getHeapStatistics().heap_size_limit / (1024 * 1024));
    io.stderr.write(`${outOfMemoryMessage({ command, lang, heapLimitMb, files: size?.files, bytes: size?.bytes })}\n`);
    return 2;
  }
  if (swallowing && !verbose) io.stderr.write(tail);
  if (signal) return 128 + (constants.signals[signal] ?? 0);
  return code ?? 2;
}
