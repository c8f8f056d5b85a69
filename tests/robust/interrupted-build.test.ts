/**
 * "Nothing lost": `kientruc build` is killed (SIGKILL, no chance to clean up) at every moment of its
 * write, and at arbitrary moments; `generated/` must always be the complete old output or the
 * complete new one (or, in the instant between the two renames, absent with the complete old one
 * beside it, which the next run puts back). Read-only commands must leave the YAML byte-identical.
 *
 * The killed builds run on the 7-file diagram fixture (its `build --no-render` writes 32 files in
 * four folders: schema/, diagrams/, site/ and the top level), not the sample (111 files): what is
 * tested is the write's protocol, which is the same for any output; a build of the fixture costs
 * about two thirds of the sample's, and this file spawns eleven and runs twice as many in-process.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WriteStep } from '../../src/write/write-generated.js';
import { BIN, REPO, runMain } from '../helpers/project.js';
import { makeTempDir, tmpRoot } from '../helpers/tmp.js';

/** path → sha256 of every file under `dir` (undefined when `dir` does not exist). */
function snapshot(dir: string): Map<string, string> | undefined {
  if (!existsSync(dir)) return undefined;
  const out = new Map<string, string>();
  const walk = (d: string): void => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else out.set(relative(dir, p), createHash('sha256').update(readFileSync(p)).digest('hex'));
    }
  };
  walk(dir);
  return new Map([...out].sort(([a], [b]) => (a < b ? -1 : 1)));
}

const made: string[] = [];
afterAll(() => {
  for (const d of made.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** The sample's architecture folder, and the smaller one the killed builds use. */
const SAMPLE = join(REPO, 'architecture');
const FIXTURE = join(REPO, 'tests', 'fixtures', 'valid', 'diagrams', 'architecture');

function project(from: string): string {
  const dir = makeTempDir('kill-');
  made.push(dir);
  cpSync(from, join(dir, 'architecture'), { recursive: true });
  return dir;
}

const ARGS = ['build', '--no-render', '--as-of', '2026-09-30'];

/**
 * The same build in-process, for the builds nobody kills: the outputs to compare against and the run
 * after a kill (the same code; only the SIGKILL needs a process of its own). The render cache is the
 * run's, as for the bin, so nothing is written beside the project.
 */
async function buildHere(dir: string, extra: readonly string[] = []): Promise<void> {
  const r = await runMain([...ARGS, ...extra], dir, { NO_COLOR: '1', KIENTRUC_CACHE_DIR: join(tmpRoot(), 'cache') });
  expect(r.code, r.stderr).toBe(0);
}

/** Starts a build and SIGKILLs it when `when` says so; resolves once the process is gone, with how long it ran. */
function killDuring(dir: string, when: { step: WriteStep } | { afterMs: number }): Promise<{ killed: boolean; stderr: string; ms: number }> {
  return new Promise((resolve) => {
    const t0 = performance.now();
    const env: Record<string, string | undefined> = { ...process.env, NO_COLOR: '1' };
    if ('step' in when) env['KIENTRUC_TEST_WRITE_PAUSE'] = when.step;
    // The writer itself is killed at the step: under the memory guard the bin only relays, and its
    // child would go on writing for up to 100 ms after the bin dies (src/cli/memory-guard.ts).
    env['KIENTRUC_MEMORY_GUARD'] = '0';
    const child = spawn(process.execPath, [BIN, ...ARGS], { cwd: dir, env });
    let stderr = '';
    let killed = false;
    const kill = (): void => {
      if (child.exitCode === null && !killed) {
        killed = true;
        child.kill('SIGKILL');
      }
    };
    child.stderr.setEncoding('utf8').on('data', (d: string) => {
      stderr += d;
      if ('step' in when && stderr.includes(`kientruc:write-step ${when.step}\n`)) kill();
    });
    const timer = 'afterMs' in when ? setTimeout(kill, when.afterMs) : undefined;
    child.on('close', () => {
      if (timer) clearTimeout(timer);
      resolve({ killed, stderr, ms: performance.now() - t0 });
    });
  });
}

type State = 'old' | 'new' | 'old-beside' | 'other';

function state(dir: string, oldSnap: Map<string, string>, newSnap: Map<string, string>): State {
  const same = (a: Map<string, string> | undefined, b: Map<string, string>): boolean =>
    a !== undefined && a.size === b.size && [...b].every(([k, v]) => a.get(k) === v);
  const current = snapshot(join(dir, 'generated'));
  if (same(current, oldSnap)) return 'old';
  if (same(current, newSnap)) return 'new';
  if (current === undefined) {
    const beside = readdirSync(dir).filter((e) => e.startsWith('.kientruc-old-generated-'));
    if (beside.length === 1 && same(snapshot(join(dir, beside[0] as string)), oldSnap)) return 'old-beside';
  }
  return 'other';
}

describe('interrupted build leaves generated/ whole', () => {
  let base: string;
  let oldSnap: Map<string, string>;
  let newSnap: Map<string, string>;

  beforeAll(async () => {
    base = project(FIXTURE);
    await buildHere(base);
    oldSnap = snapshot(join(base, 'generated')) as Map<string, string>;
    cpSync(join(base, 'generated'), join(base, 'generated-old'), { recursive: true });
    const agency = join(base, 'architecture', 'agency.yaml');
    const text = readFileSync(agency, 'utf8');
    expect(text).toMatch(/^name: /m);
    writeFileSync(agency, text.replace(/^name: .*$/m, 'name: Ủy ban nhân dân tỉnh Thử (bản mới)'));
    await buildHere(base, ['--out', 'generated-new']);
    newSnap = snapshot(join(base, 'generated-new')) as Map<string, string>;
    // Enough files, in enough folders, that a write stopped half-way is visible ("staging-half").
    expect(oldSnap.size).toBeGreaterThan(20);
    expect(new Set([...oldSnap.keys()].filter((p) => p.includes('/')).map((p) => p.split('/')[0])).size).toBeGreaterThanOrEqual(3);
    expect(newSnap).not.toEqual(oldSnap);
  });

  /** A fresh copy of the project whose generated/ holds the old output, and whose YAML gives the new one. */
  function fresh(): string {
    const dir = makeTempDir('kill-run-');
    made.push(dir);
    cpSync(join(base, 'architecture'), join(dir, 'architecture'), { recursive: true });
    cpSync(join(base, 'generated-old'), join(dir, 'generated'), { recursive: true });
    return dir;
  }

  /** How long a whole build took, from the run killed at "done". */
  let doneMs: number | undefined;

  const EXPECTED: Record<WriteStep, State> = {
    staging: 'old',
    'staging-half': 'old',
    staged: 'old',
    'swapped-out': 'old-beside',
    'swapped-in': 'new',
    done: 'new',
  };

  for (const [step, expected] of Object.entries(EXPECTED) as [WriteStep, State][]) {
    it(`killed at "${step}": ${expected}, and the next run completes`, async () => {
      const dir = fresh();
      const r = await killDuring(dir, { step });
      expect(r.killed, r.stderr).toBe(true);
      if (step === 'done') doneMs = r.ms;
      expect(state(dir, oldSnap, newSnap)).toBe(expected);
      await buildHere(dir);
      expect(state(dir, oldSnap, newSnap)).toBe('new');
      expect(readdirSync(dir).filter((e) => e.startsWith('.kientruc-'))).toEqual([]);
    });
  }

  it('killed after N ms, for N across a whole build: never partial', async () => {
    // How long the bin takes to write everything: a run killed once it is done writing (the test of
    // that step above measured it, unless it was filtered out), so no extra build is spent timing one.
    const full = doneMs ?? (await killDuring(fresh(), { step: 'done' })).ms;
    const seen = new Set<State>();
    // Every write step is killed exactly above; these land at arbitrary moments: early, mid-render,
    // around the write, and just after a build's usual length.
    for (const fraction of [0.2, 0.6, 0.9, 1.05]) {
      const dir = fresh();
      await killDuring(dir, { afterMs: Math.round(full * fraction) });
      const s = state(dir, oldSnap, newSnap);
      seen.add(s);
      expect(s, `killed after ${Math.round(full * fraction)} ms of ~${Math.round(full)}`).not.toBe('other');
    }
    expect(seen.has('old')).toBe(true);
  });
});

describe('read-only commands never touch the YAML', () => {
  it('validate, check (every format), build --check, schema --list leave architecture/ byte-identical, mtimes included', async () => {
    const dir = project(SAMPLE);
    await buildHere(dir);
    const tree = (): string[] => {
      const out: string[] = [];
      const walk = (d: string): void => {
        for (const e of readdirSync(d, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
          const p = join(d, e.name);
          if (e.isDirectory()) walk(p);
          else out.push(`${relative(dir, p)} ${statSync(p).mtimeMs} ${createHash('sha256').update(readFileSync(p)).digest('hex')}`);
        }
      };
      walk(join(dir, 'architecture'));
      return out;
    };
    const before = tree();
    const commands = [
      ['validate'],
      ...['stylish', 'json', 'sarif', 'junit', 'github'].map((f) => ['check', '-f', f]),
      ['build', '--check', '--no-render', '--as-of', '2026-09-30'],
      ['schema', '--list', 'codes'],
    ];
    for (const argv of commands) {
      const r = await runMain(argv, dir);
      expect(r.code, `${argv.join(' ')}: ${r.stderr}`).not.toBe(2);
    }
    expect(tree()).toEqual(before);
  });
});
