/**
 * Parsing in worker threads gives the same result as parsing in the main thread: diagnostics with
 * their positions, documents, and what the renderers make of them. Runs the built code (the worker
 * is dist/load/parse-worker.js), forcing the worker path even for small inputs.
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { runPipeline as RunPipeline } from '../../src/pipeline.js';
import type { RENDERERS as Renderers } from '../../src/render/index.js';
import { generateModel } from '../bench/generate.js';
import { hostileProject, invalidHostileProject } from '../injection/hostile-model.js';
import { AS_OF, makeProject, REPO } from '../helpers/project.js';
import { modelArb } from '../property/arbitraries.js';

const dist = async <T>(path: string): Promise<T> => (await import(pathToFileURL(join(REPO, 'dist', path)).href)) as T;

async function run(cwd: string, parallel: 'off' | 'force'): Promise<string> {
  const { runPipeline } = await dist<{ runPipeline: typeof RunPipeline }>('pipeline.js');
  const { RENDERERS } = await dist<{ RENDERERS: typeof Renderers }>('render/index.js');
  const r = await runPipeline({ root: 'architecture', cwd, today: AS_OF, asOf: AS_OF, rules: true, parallel });
  const ctx = { model: r.model, diagnostics: r.diagnostics, rules: r.rules, asOf: r.asOf, lang: 'vi' as const, toolVersion: 't', log: () => undefined, browser: undefined };
  const files = [];
  for (const renderer of RENDERERS) files.push(...(await renderer.render(ctx)));
  return JSON.stringify({ diagnostics: r.diagnostics, docs: r.loaded.docs, files });
}

describe('worker-thread parsing gives the same results', () => {
  it('every bad-input and invalid fixture', async () => {
    const { readdirSync } = await import('node:fs');
    for (const base of ['bad', 'invalid']) {
      for (const name of readdirSync(join(REPO, 'tests', 'fixtures', base))) {
        const cwd = join(REPO, 'tests', 'fixtures', base, name);
        expect(await run(cwd, 'force'), `${base}/${name}`).toBe(await run(cwd, 'off'));
      }
    }
  });

  it('the worker path really runs when forced', async () => {
    const pool = await dist<{ parsedInWorkers: number }>('load/parse-pool.js');
    const before = pool.parsedInWorkers;
    await run(REPO, 'force');
    expect(pool.parsedInWorkers).toBeGreaterThan(before);
  });

  it('the sample, a generated model, hostile text', async () => {
    for (const cwd of [REPO, makeProject(Object.fromEntries(generateModel({ entities: 3000, seed: 9 }).files)), makeProject(hostileProject().files), makeProject(invalidHostileProject().files)]) {
      expect(await run(cwd, 'force')).toBe(await run(cwd, 'off'));
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
