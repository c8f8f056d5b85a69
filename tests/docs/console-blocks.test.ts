/**
 * Every ```console block in docs/*.md, run on a copy of the sample (the convention is in docs/index.md):
 * `$ kientruc …` lines run in order in one folder per block; each must exit 0 (or `# exit N`), and each
 * line shown after it must appear in its output.
 * Each line runs as `sh -c` would run it, kientruc in-process (tests/helpers/shell-line.ts).
 */
import { cpSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeProject, REPO } from '../helpers/project.js';
import { runKientrucLine } from '../helpers/shell-line.js';

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
        const r = await runKientrucLine(step.command, dir);
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
