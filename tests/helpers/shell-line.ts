/**
 * A `kientruc …` command line as a shell runs it, with kientruc in-process (`main()`, what the bin
 * calls; the bin itself is tested in tests/cli/cli.test.ts): sh splits the words (quotes, `$VARS`),
 * and what follows a `|` runs in sh on kientruc's output. Streams, exit status and files are what
 * `sh -c` gives, without starting Node for each line.
 */
import { spawnSync } from 'node:child_process';
import { expect } from 'vitest';
import { runMain, type RunResult } from './project.js';

/** `text` cut at its first `|` outside quotes (a pipe), or undefined when it has none. */
function splitPipe(text: string): [string, string] | undefined {
  let quote: string | undefined;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quote) {
      if (c === quote) quote = undefined;
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '|') return [text.slice(0, i), text.slice(i + 1)];
  }
  return undefined;
}

/**
 * Runs `[npx ]kientruc <args> [| <shell>]` in `cwd` with the test's environment plus `env`: the exit
 * status is the last command's, stderr is both commands', as in `sh -c`.
 */
export async function runKientrucLine(line: string, cwd: string, env: Record<string, string> = {}): Promise<RunResult> {
  const [head, tail] = splitPipe(line) ?? [line, undefined];
  const m = /^\s*(?:npx\s+)?kientruc\b(.*)$/s.exec(head);
  if (!m) throw new Error(`not a kientruc command line: ${line}`);
  const all = Object.fromEntries(Object.entries({ ...process.env, NO_COLOR: '1', ...env }).filter((e): e is [string, string] => e[1] !== undefined));
  const args = m[1]!.trim();
  const words = spawnSync('sh', ['-c', `printf '%s\\0' ${args}`], { cwd, encoding: 'utf8', env: all });
  expect(words.status, words.stderr).toBe(0);
  const argv = args ? words.stdout.split('\0').slice(0, -1) : [];
  const r = await runMain(argv, cwd, all);
  if (tail === undefined) return r;
  const piped = spawnSync('sh', ['-c', tail], { cwd, input: r.stdout, encoding: 'utf8', env: all });
  return { code: piped.status ?? -1, stdout: piped.stdout, stderr: `${r.stderr}${piped.stderr}` };
}
