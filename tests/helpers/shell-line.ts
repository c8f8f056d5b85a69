/**
 * A `kientruc …` command line as a shell runs it, with kientruc in-process (`main()`, what the bin
 * calls; the bin itself is tested in tests/cli/cli.test.ts): sh splits the words (quotes, `$VARS`),
 * what follows a `|` runs in sh on kientruc's output, and what follows a `||` runs in sh when kientruc
 * fails. Streams, exit status and files are what `sh -c` gives, without starting Node for each line.
 */
import { spawnSync } from 'node:child_process';
import { expect } from 'vitest';
import { runMain, type RunResult } from './project.js';

/** `text` cut at its first `|` (a pipe) or `||` (run when kientruc fails) outside quotes, or undefined when it has none. */
function splitPipe(text: string): [string, string, '|' | '||'] | undefined {
  let quote: string | undefined;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quote) {
      if (c === quote) quote = undefined;
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '|' && text[i + 1] === '|') return [text.slice(0, i), text.slice(i + 2), '||'];
    else if (c === '|') return [text.slice(0, i), text.slice(i + 1), '|'];
  }
  return undefined;
}

/**
 * Runs `[npx ]kientruc <args> [| <shell>]` or `… || <shell>` in `cwd` with the test's environment plus `env`: the exit
 * status is the last command's, stderr is both commands', as in `sh -c`.
 */
export async function runKientrucLine(line: string, cwd: string, env: Record<string, string> = {}): Promise<RunResult> {
  const [head, tail, op] = splitPipe(line) ?? [line, undefined, undefined];
  const m = /^\s*(?:npx\s+)?kientruc\b(.*)$/s.exec(head);
  if (!m) throw new Error(`not a kientruc command line: ${line}`);
  const all = Object.fromEntries(Object.entries({ ...process.env, NO_COLOR: '1', ...env }).filter((e): e is [string, string] => e[1] !== undefined));
  const args = m[1]!.trim();
  const words = spawnSync('sh', ['-c', `printf '%s\\0' ${args}`], { cwd, encoding: 'utf8', env: all });
  expect(words.status, words.stderr).toBe(0);
  const argv = args ? words.stdout.split('\0').slice(0, -1) : [];
  const r = await runMain(argv, cwd, all);
  if (tail === undefined) return r;
  if (op === '||') {
    // sh runs the right side only when kientruc failed, with `$?` its exit status.
    if (r.code === 0) return r;
    const or = spawnSync('sh', ['-c', `(exit ${r.code}) || ${tail}`], { cwd, encoding: 'utf8', env: all });
    return { code: or.status ?? -1, stdout: `${r.stdout}${or.stdout}`, stderr: `${r.stderr}${or.stderr}` };
  }
  const piped = spawnSync('sh', ['-c', tail], { cwd, input: r.stdout, encoding: 'utf8', env: all });
  return { code: piped.status ?? -1, stdout: piped.stdout, stderr: `${r.stderr}${piped.stderr}` };
}
