/**
 * Parsing in worker threads gives the same result as parsing in the main thread: diagnostics with
 * their positions, documents, and what the renderers make of them. Runs the built code (the worker
 * is dist/load/parse-worker.js), forcing the worker path even for small inputs. Parsing is the only
 * step the mode changes, so the fixture corpus and the random models are parsed in one batch each
 * (one pool of workers, not one per folder); whole runs, renderers included, compare the rest.
 */
import { lstatSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { runPipeline as RunPipeline } from '../../src/pipeline.js';
import type { RENDERERS as Renderers } from '../../src/render/index.js';
import type { discoverYamlFiles as DiscoverYamlFiles } from '../../src/load/discover.js';
import type { parseAll as ParseAll, ParseItem } from '../../src/load/parse-pool.js';
import { generateModel } from '../bench/generate.js';
import { hostileProject, invalidHostileProject } from '../injection/hostile-model.js';
import { AS_OF, makeProject, REPO } from '../helpers/project.js';
import { modelArb } from '../property/arbitraries.js';

const dist = async <T>(path: string): Promise<T> => (await import(pathToFileURL(join(REPO, 'dist', path)).href)) as T;

async function run(cwd: string, parallel: 'off' | 'force'): Promise<string> {
  const { runPipeline } = await dist<{ runPipeline: typeof RunPipeline }>('pipeline.js');
  const { RENDERERS } = await dist<{ RENDERERS: typeof Renderers }>('render/index.js');
  const r = await runPipeline({ root: 'architecture', cwd, today: AS_OF, asOf: AS_OF, rules: true, parallel });
  const files = [];
  // Renderers take only a valid model (what every command gives them).
  if (!r.structuralErrors) {
    const ctx = { model: r.model, diagnostics: r.diagnostics, rules: r.rules, asOf: r.asOf, lang: 'vi' as const, toolVersion: 't', log: () => undefined, browser: undefined };
    for (const renderer of RENDERERS) files.push(...(await renderer.render(ctx)));
  }
  return JSON.stringify({ diagnostics: r.diagnostics, docs: r.loaded.docs, files });
}

/** Every YAML file the loader would parse in the folders, read as the loader reads them. */
async function itemsOf(cwds: readonly string[]): Promise<ParseItem[]> {
  const { discoverYamlFiles } = await dist<{ discoverYamlFiles: typeof DiscoverYamlFiles }>('load/discover.js');
  const items: ParseItem[] = [];
  for (const cwd of cwds) {
    for (const f of await discoverYamlFiles(join(cwd, 'architecture'), cwd)) {
      if (f.refused || !lstatSync(f.abs).isFile()) continue;
      items.push({ file: `${cwd}:${f.display}`, bytes: readFileSync(f.abs) });
    }
  }
  return items;
}

/** The same files parsed in workers and here: equal results, and the workers really parsed them. */
async function expectSameParses(items: readonly ParseItem[]): Promise<void> {
  const pool = await dist<{ parseAll: typeof ParseAll; parsedInWorkers: number }>('load/parse-pool.js');
  const before = pool.parsedInWorkers;
  const inWorkers = await pool.parseAll(items, 'force');
  expect(pool.parsedInWorkers - before).toBe(items.length);
  const here = await pool.parseAll(items, 'off');
  // yaml's syntax tree stays behind in the worker (see parse-worker.ts); the rest must be equal.
  const plain = (p: Awaited<ReturnType<typeof ParseAll>>[number] | undefined) =>
    p?.ok ? JSON.stringify({ text: p.text, docs: p.parsed.docs, diagnostics: p.parsed.diagnostics }) : JSON.stringify(p);
  for (const [i, it] of items.entries()) expect(plain(inWorkers[i]), it.file).toBe(plain(here[i]));
}

describe('worker-thread parsing gives the same results', () => {
  it('every bad-input and invalid fixture', async () => {
    const { readdirSync } = await import('node:fs');
    const under = (base: string) => readdirSync(join(REPO, 'tests', 'fixtures', base)).map((name) => join(REPO, 'tests', 'fixtures', base, name));
    // Every file of every fixture, parsed in one pool of workers and here.
    const items = await itemsOf([...under('bad'), ...under('invalid')]);
    expect(items.length).toBeGreaterThan(50);
    await expectSameParses(items);
    // Whole runs where later stages place diagnostics on the parsed nodes (schema, model): the
    // worker's parse travels without yaml's syntax tree, so the locator parses again.
    for (const cwd of under('invalid')) expect(await run(cwd, 'force'), cwd).toBe(await run(cwd, 'off'));
  });

  // The generated model (90 files, 335 kB) keeps both workers busy through many rounds of the pool's
  // in-flight window; a bigger one only repeats the same documents (scale is tests/bench's business).
  it('the sample, a generated model, hostile text; the worker path really runs when forced', async () => {
    const pool = await dist<{ parsedInWorkers: number }>('load/parse-pool.js');
    for (const cwd of [REPO, makeProject(Object.fromEntries(generateModel({ entities: 800, seed: 9 }).files)), makeProject(hostileProject().files), makeProject(invalidHostileProject().files)]) {
      const before = pool.parsedInWorkers;
      expect(await run(cwd, 'force')).toBe(await run(cwd, 'off'));
      expect(pool.parsedInWorkers, cwd).toBeGreaterThan(before);
    }
  });

  it('random models', async () => {
    await fc.assert(
      fc.asyncProperty(modelArb, async (m) => {
        const dir = makeProject(m.files);
        expect(await run(dir, 'force')).toBe(await run(dir, 'off'));
      }),
      { numRuns: Number(process.env['FC_RUNS'] ?? 15) },
    );
  });
});
