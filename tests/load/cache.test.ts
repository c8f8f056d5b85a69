/**
 * The content-hash cache changes nothing but speed: on every fixture, the sample, a generated model,
 * hostile text and random models, a run without cache, a cold run that fills the cache, a warm run
 * that reads it, and a run over a damaged cache give the same diagnostics (code, message, file,
 * range) and the same rendered outputs.
 */
import { cpSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { runPipeline } from '../../src/pipeline.js';
import { modelJsonRenderer } from '../../src/render/model/model-json.js';
import { summaryRenderer } from '../../src/render/model/summary.js';
import { generateModel } from '../bench/generate.js';
import { hostileProject, invalidHostileProject } from '../injection/hostile-model.js';
import { AS_OF, makeProject, REPO } from '../helpers/project.js';
import { modelArb } from '../property/arbitraries.js';
import { makeTempDir } from '../helpers/tmp.js';

const caches: string[] = [];
afterAll(() => {
  for (const d of caches.splice(0)) rmSync(d, { recursive: true, force: true });
});

function freshCache(): string {
  const d = makeTempDir('cache-test-');
  caches.push(d);
  return d;
}

/** Everything a run shows: diagnostics with positions, and two renderers' output. */
async function run(cwd: string, cacheDir: string | undefined, root = 'architecture'): Promise<string> {
  const r = await runPipeline({ root, cwd, today: AS_OF, asOf: AS_OF, rules: true, ...(cacheDir ? { cacheDir } : {}) });
  // Renderers take only a valid model (what every command gives them).
  const ctx = r.structuralErrors ? undefined : { model: r.model, diagnostics: r.diagnostics, rules: r.rules, asOf: r.asOf, lang: 'vi' as const, toolVersion: 't', log: () => undefined, browser: undefined };
  const files = ctx ? [...(await modelJsonRenderer.render(ctx)), ...(await summaryRenderer.render(ctx))] : [];
  return JSON.stringify({ diagnostics: r.diagnostics, files, paths: r.loaded.paths, loaded: r.loaded.files }, null, 1);
}

/** Truncates, garbles or re-keys every cache entry. */
function damage(dir: string, how: number): void {
  const walk = (d: string): void => {
    for (const e of readdirSync(d)) {
      const p = join(d, e);
      if (statSync(p).isDirectory()) walk(p);
      else {
        const text = readFileSync(p, 'utf8');
        writeFileSync(p, how === 0 ? text.slice(0, Math.floor(text.length / 2)) : how === 1 ? '{"key":"other","value":{}}' : '\u0000garbage');
      }
    }
  };
  walk(dir);
}

async function expectSame(cwd: string, root = 'architecture'): Promise<void> {
  const plain = await run(cwd, undefined, root);
  const dir = freshCache();
  expect(await run(cwd, dir, root), 'cold cache').toBe(plain);
  expect(await run(cwd, dir, root), 'warm cache').toBe(plain);
  for (const how of [0, 1, 2]) {
    const damaged = freshCache();
    cpSync(dir, damaged, { recursive: true });
    damage(damaged, how);
    expect(await run(cwd, damaged, root), `damaged cache (${how})`).toBe(plain);
  }
}

describe('content-hash cache: same results, cold, warm or damaged', () => {
  for (const base of ['invalid', 'bad']) {
    for (const name of readdirSync(join(REPO, 'tests', 'fixtures', base)).sort()) {
      it(`${base}/${name}`, async () => {
        await expectSame(join(REPO, 'tests', 'fixtures', base, name));
      });
    }
  }

  it('the sample province', async () => {
    await expectSame(REPO);
  });

  // 90 files of every kind of document the generator writes; more entities only repeat them (the
  // cache's speed at scale is tests/bench's business).
  it('a generated model (800 entities)', async () => {
    const files: Record<string, string> = Object.fromEntries(generateModel({ entities: 800, seed: 3 }).files);
    await expectSame(makeProject(files));
  });

  it('hostile text, valid and invalid', async () => {
    await expectSame(makeProject(hostileProject().files));
    await expectSame(makeProject(invalidHostileProject().files));
  });

  it('random models', async () => {
    await fc.assert(
      fc.asyncProperty(modelArb, async (m) => {
        const dir = makeProject(m.files);
        const plain = await run(dir, undefined);
        const cache = freshCache();
        expect(await run(dir, cache)).toBe(plain);
        expect(await run(dir, cache)).toBe(plain);
      }),
      { numRuns: Number(process.env['FC_RUNS'] ?? 25) },
    );
  });

  it('one file changed: only it is parsed again, and the result is the new one', async () => {
    const files: Record<string, string> = Object.fromEntries(generateModel({ entities: 500, seed: 4 }).files);
    const dir = makeProject(files);
    const cache = freshCache();
    await run(dir, cache);
    const target = Object.keys(files).find((f) => f.includes('-d001'));
    expect(target).toBeDefined();
    writeFileSync(join(dir, target as string), (files[target as string] as string).replace(/status: operating/, 'status: sai-trang-thai'));
    expect(await run(dir, cache)).toBe(await run(dir, undefined));
  });
});
