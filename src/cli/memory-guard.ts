/**
 * Node has no way to catch "JavaScript heap out of memory": V8 prints a page of internals and aborts.
 * So the bin runs the command in a child process with the same Node flags and watches it: when the
 * child dies of exhausted memory, the user reads one line naming the command, the size of what it was
 * reading, and what to do, instead of V8's trace (shown with --verbose). Everything else passes
 * through unchanged: stdin and stdout are the child's own, stderr is relayed as it comes (set
 * KIENTRUC_MEMORY_GUARD=0 to run in one process, e.g. under a profiler).
 */
import { spawn } from 'node:child_process';
import { constants } from 'node:os';
import { getHeapStatistics } from 'node:v8';

/** Set in the child: run the command here. */
export const GUARDED_ENV = 'KIENTRUC_GUARDED';
/** `0` runs the command in this process, without the guard (a debugger, a profiler). */
export const GUARD_ENV = 'KIENTRUC_MEMORY_GUARD';
/** Set in the child when the user's stderr is a terminal (the child's is a pipe to us). */
export const STDERR_TTY_ENV = 'KIENTRUC_STDERR_TTY';
/** The line on which the child tells the bin what it read (`<mark> files bytes`); the bin does not relay it. */
export const SIZE_MARK = '\u0000kientruc-size';

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
  child.stderr?.on('data', (chunk: string) => {
    const mark = chunk.indexOf(SIZE_MARK);
    if (mark >= 0) {
      const end = chunk.indexOf('\n', mark);
      const m = /^ (\d+) (\d+)$/.exec(chunk.slice(mark + SIZE_MARK.length, end < 0 ? undefined : end));
      if (m) size = { files: Number(m[1]), bytes: Number(m[2]) };
      chunk = chunk.slice(0, mark) + (end < 0 ? '' : chunk.slice(end + 1));
    }
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
  });
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
