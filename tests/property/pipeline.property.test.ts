/**
 * Property-based: whatever the architecture folder holds, validate, check, every diagnostic format
 * and every renderer finish without throwing and without internal.* findings, and two runs give the
 * same bytes. Reproduce a failure with the seed fast-check prints: FC_SEED=<seed> npm test -- property
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FORMAT_NAMES, FORMATTERS } from '../../src/diagnostics/format/index.js';
import { runPipeline } from '../../src/pipeline.js';
import { RENDERERS } from '../../src/render/index.js';
import type { GeneratedFile } from '../../src/render/types.js';
import { AS_OF, makeProject } from '../helpers/project.js';
import { modelArb, type ModelFiles } from './arbitraries.js';

const SEED = process.env['FC_SEED'] === undefined ? undefined : Number(process.env['FC_SEED']);
const RUNS = Number(process.env['FC_RUNS'] ?? 60);

/** Everything a run produces, as text: diagnostics in every format, then every rendered file. */
async function outputs(dir: string, rules: boolean): Promise<{ texts: string[]; internal: string[] }> {
  const r = await runPipeline({ root: 'architecture', cwd: dir, today: AS_OF, asOf: AS_OF, rules });
  const internal = r.diagnostics.filter((d) => d.code.startsWith('internal.')).map((d) => `${d.code}: ${d.message.en}`);
  const ctx = { codes: [], toolVersion: 'test', color: false, lang: 'vi' as const, files: r.loaded.paths };
  const texts = FORMAT_NAMES.map((f) => FORMATTERS[f](r.diagnostics, ctx));
  if (rules) {
    const files: GeneratedFile[] = [];
    for (const renderer of RENDERERS) {
      files.push(
        ...(await renderer.render({
          model: r.model,
          diagnostics: r.diagnostics,
          rules: r.rules,
          asOf: r.asOf,
          lang: 'vi',
          toolVersion: 'test',
          log: () => undefined,
          browser: undefined,
        })),
      );
    }
    for (const f of files) texts.push(`${f.path}\n${typeof f.contents === 'string' ? f.contents : Buffer.from(f.contents).toString('base64')}`);
  }
  return { texts, internal };
}

describe('property: random models never crash anything, and runs are deterministic', () => {
  it(`validate, check, formats and renderers (${RUNS} random models)`, async () => {
    await fc.assert(
      fc.asyncProperty(modelArb, fc.boolean(), async (model: ModelFiles, rules) => {
        const dir = makeProject(model.files);
        const first = await outputs(dir, rules);
        expect(first.internal).toEqual([]);
        const second = await outputs(dir, rules);
        expect(second.texts).toEqual(first.texts);
      }),
      { numRuns: RUNS, ...(SEED === undefined ? {} : { seed: SEED }), endOnFailure: false },
    );
  }, Math.max(300_000, RUNS * 3000));
});
