/**
 * Every ```console block in docs/*.md, run on a copy of the sample (the convention is in docs/index.md):
 * `$ kientruc …` lines run in order in one folder per block; each must exit 0 (or `# exit N`), and each
 * line shown after it must appear in its output.
 *
 * kientruc runs in-process (`main()`, what the bin calls; the bin itself is cli.test.ts's), its words
 * split by sh as a shell splits them, and what follows a `|` runs in sh on its output: the same
 * streams, exit status and files as `sh -c` gives, without starting Node for each of the examples.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeProject, REPO, runMain, type RunResult } from '../helpers/project.js';

interface Step {
  readonly command: string;
  readonly exit: number;
  readonly expected: readonly string[];
}

interface Block {
  readonly page: string;
  readonly line: number;
  readonly steps: readonly Step[];
}

/** The console blocks of a Markdown page, as steps. Exported shape kept local: the test is the only reader. */
function blocksOf(page: string, text: string): Block[] {
  const blocks: Block[] = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    if (lines[i]!.trim() !== '```console') continue;
    const start = i + 1;
    const steps: { command: string; exit: number; expected: string[] }[] = [];
    let current: { command: string; exit: number; expected: string[] } | undefined;
    for (i = start; i < lines.length && lines[i]!.trim() !== '```'; i++) {
      const l = lines[i]!;
      if (l.startsWith('$ ')) {
        const m = /^\$ (.*?)(?:\s+# exit (\d+))?\s*$/.exec(l)!;
        current = m[1]!.startsWith('kientruc') ? { command: m[1]!, exit: Number(m[2] ?? 0), expected: [] } : undefined;
        if (current) steps.push(current);
      } else if (current && l.trim()) current.expected.push(l.trim());
    }
    if (steps.length) blocks.push({ page, line: start, steps });
  }
  return blocks;
}

const norm = (s: string) => s.replace(/\s+/g, ' ').trim();

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

/** `$ kientruc <args> [| <shell>]`, as `sh -c` runs it: status of the last command, stderr of both. */
async function runStep(command: string, cwd: string): Promise<RunResult> {
  const [head, tail] = splitPipe(command) ?? [command, undefined];
  const args = head.replace(/^kientruc\b/, '').trim();
  const words = spawnSync('sh', ['-c', `printf '%s\\0' ${args}`], { cwd, encoding: 'utf8' });
  expect(words.status, words.stderr).toBe(0);
  const argv = args ? words.stdout.split('\0').slice(0, -1) : [];
  const env = Object.fromEntries(Object.entries({ ...process.env, NO_COLOR: '1' }).filter((e): e is [string, string] => e[1] !== undefined));
  const r = await runMain(argv, cwd, env);
  if (tail === undefined) return r;
  const piped = spawnSync('sh', ['-c', tail], { cwd, input: r.stdout, encoding: 'utf8', env });
  return { code: piped.status ?? -1, stdout: piped.stdout, stderr: `${r.stderr}${piped.stderr}` };
}

const DOCS = join(REPO, 'docs');
const pages = readdirSync(DOCS).filter((f) => f.endsWith('.md')).sort();
const blocks = pages.flatMap((p) => blocksOf(p, readFileSync(join(DOCS, p), 'utf8')));

describe('docs: every console example runs on the sample', () => {
  it('there are examples to run', () => {
    expect(blocks.length).toBeGreaterThanOrEqual(4);
  });

  for (const block of blocks) {
    it(`docs/${block.page}:${block.line}`, { timeout: 120_000 }, async () => {
      const dir = makeProject({});
      cpSync(join(REPO, 'architecture'), join(dir, 'architecture'), { recursive: true });
      // The import examples read the committed inventory fixture at its repository path.
      cpSync(join(REPO, 'tests', 'fixtures', 'xlsx'), join(dir, 'tests', 'fixtures', 'xlsx'), { recursive: true });
      for (const step of block.steps) {
        const r = await runStep(step.command, dir);
        const output = norm(`${r.stdout}\n${r.stderr}`);
        const where = `docs/${block.page}:${block.line}: $ ${step.command}`;
        expect(r.code, `${where}\n${r.stderr}`).toBe(step.exit);
        for (const line of step.expected) {
          const want = norm(line.endsWith('…') ? line.slice(0, -1) : line);
          expect(output, `${where}\n  expected line: ${line}`).toContain(want);
        }
      }
    });
  }
});
