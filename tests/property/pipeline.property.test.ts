/**
 * Property-based, in two halves. Whatever the architecture folder holds, validate, check and every
 * diagnostic format finish without throwing and without internal.* findings, and two runs give the
 * same bytes. Renderers are given only what passed validation (a `ValidModel`), so they are driven by
 * valid models: every renderer, the diff and the aggregation finish, and twice give the same bytes.
 *
 * The seed is fixed (tests/helpers/fast-check-setup.ts) and printed at start-up; FC_SEED=<n> explores
 * another, FC_RUNS=<n> changes the number of models. A failure prints its seed and path.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mergeAgencies } from '../../src/aggregate/merge.js';
import { createApp } from '../../src/cli/app.js';
import { renderAggregate } from '../../src/cli/commands/aggregate.js';
import { FORMAT_NAMES, FORMATTERS } from '../../src/diagnostics/format/index.js';
import { compareSides } from '../../src/diff/compare.js';
import { formatDiffJson, formatDiffMarkdown } from '../../src/diff/format.js';
import { buildPeriodicReport } from '../../src/analysis/periodic.js';
import { parsePeriod } from '../../src/core/dates.js';
import { runPipeline, type PipelineResult, type ValidPipelineResult } from '../../src/pipeline.js';
import { RENDERERS } from '../../src/render/index.js';
import { renderGapReport, gapReportFor } from '../../src/render/gap/gap-report.js';
import { renderPeriodicReport } from '../../src/render/periodic/periodic-report.js';
import type { GeneratedFile, RenderContext } from '../../src/render/types.js';
import { AS_OF, makeProject, TODAY } from '../helpers/project.js';
import { modelArb, validModelArb, type ModelFiles } from './arbitraries.js';

/**
 * Folders and valid models per property: run counts, never a wall-clock budget (FC_RUNS sets both, to
 * search longer). Each draw is rich (a valid model declares one to four entities of every kind, with
 * hostile, NFD and astral text, YAML-special words, empty lists, one to three files): at the fixed seed
 * every such feature shows up within the first three draws of both properties, so these counts keep
 * what the defaults catch while a run of the suite stays short.
 */
const FOLDER_RUNS = Number(process.env['FC_RUNS'] ?? 50);
const VALID_RUNS = Number(process.env['FC_RUNS'] ?? 15);

const asText = (f: GeneratedFile): string => `${f.path}\n${typeof f.contents === 'string' ? f.contents : Buffer.from(f.contents).toString('base64')}`;

async function run(dir: string, rules: boolean): Promise<PipelineResult> {
  return runPipeline({ root: 'architecture', cwd: dir, today: AS_OF, asOf: AS_OF, rules });
}

/** Diagnostics in every format, and the `internal.*` findings (there must be none). */
function formatted(r: PipelineResult): { texts: string[]; internal: string[] } {
  const internal = r.diagnostics.filter((d) => d.code.startsWith('internal.')).map((d) => `${d.code}: ${d.message.en}`);
  const ctx = { codes: [], toolVersion: 'test', color: false, lang: 'vi' as const, files: r.loaded.paths };
  return { texts: FORMAT_NAMES.map((f) => FORMATTERS[f](r.diagnostics, ctx)), internal };
}

function contextOf(r: ValidPipelineResult): RenderContext {
  return { model: r.model, diagnostics: r.diagnostics, rules: r.rules, asOf: r.asOf, lang: 'vi', toolVersion: 'test', log: () => undefined, browser: undefined, assets: r.assets };
}

/** Every renderer `kientruc build --no-render` runs, in its order, each seeing what the earlier ones made. */
async function renderAll(r: ValidPipelineResult): Promise<string[]> {
  const files: GeneratedFile[] = [];
  for (const renderer of RENDERERS) files.push(...(await renderer.render({ ...contextOf(r), outputs: [...files] })));
  // The commands that render one document: gap (every format) and report (an explicit period too).
  files.push(...renderGapReport(gapReportFor(r), ['md', 'html', 'json']));
  files.push(...(await renderPeriodicReport(contextOf(r), parsePeriod('2025-Q4')!, ['md', 'html', 'json'])));
  return files.map(asText);
}

/** `kientruc diff` both ways, and `kientruc aggregate` of both folders, as text. */
async function compareAndAggregate(a: ValidPipelineResult, aDir: string, b: ValidPipelineResult, bDir: string): Promise<string[]> {
  const side = (r: ValidPipelineResult, label: string) => ({ label, model: r.model, diagnostics: r.diagnostics, asOf: r.asOf, root: r.loaded.root, structuralErrors: r.structuralErrors });
  const texts: string[] = [];
  for (const [x, y] of [
    [side(a, 'a'), side(b, 'b')],
    [side(b, 'b'), side(a, 'a')],
  ] as const) {
    const report = compareSides(x, y);
    texts.push(formatDiffJson(report), formatDiffMarkdown(report, 'vi'), formatDiffMarkdown(report, 'en', 2000));
  }
  const input = (r: ValidPipelineResult, dir: string) => ({ dir, model: r.model, diagnostics: r.diagnostics, sources: r.loaded.sources, files: r.loaded.files, structuralErrors: r.structuralErrors });
  const merged = mergeAgencies([input(a, aDir), input(b, bDir)], { today: AS_OF, asOf: AS_OF });
  const app = createApp({ stdout: { write: () => true }, stderr: { write: () => true }, cwd: aDir, today: TODAY, env: {} });
  texts.push(...(await renderAggregate(app, merged, undefined, undefined)).map(asText));
  return texts;
}

describe('property: any folder — checking never crashes and is deterministic', () => {
  it(`validate, check and every diagnostic format (${FOLDER_RUNS} random folders)`, async () => {
    await fc.assert(
      fc.asyncProperty(modelArb, fc.boolean(), async (model: ModelFiles, rules) => {
        const dir = makeProject(model.files);
        const first = await run(dir, rules);
        const out = formatted(first);
        expect(out.internal).toEqual([]);
        const again = formatted(await run(dir, rules));
        expect(again.texts).toEqual(out.texts);
        // The rare random folder that passes validation is rendered too.
        if (!first.structuralErrors && rules) await renderAll(first);
      }),
      { numRuns: FOLDER_RUNS },
    );
  });
});

describe('property: valid models — every renderer is total and deterministic', () => {
  it(`every build renderer, gap, periodic, diff and aggregate (${VALID_RUNS} pairs of valid models)`, async () => {
    await fc.assert(
      fc.asyncProperty(validModelArb, validModelArb, async (a: ModelFiles, b: ModelFiles) => {
        const aDir = makeProject(a.files);
        const bDir = makeProject(b.files);
        const ra = await run(aDir, true);
        const rb = await run(bDir, true);
        // The arbitrary draws only schema-valid, resolvable folders: anything else is a bug in it.
        if (ra.structuralErrors || rb.structuralErrors) {
          const bad = (ra.structuralErrors ? ra : rb).diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.file}:${d.range.start.line} ${d.code} ${d.message.en}`);
          expect.fail(`validModelArb drew a folder with structural errors:\n${bad.join('\n')}`);
        }
        expect(formatted(ra).internal).toEqual([]);
        const first = [...(await renderAll(ra)), ...(await compareAndAggregate(ra, aDir, rb, bDir))];
        const ra2 = await run(aDir, true);
        const rb2 = await run(bDir, true);
        if (ra2.structuralErrors || rb2.structuralErrors) return expect.fail('a second run of the same folder found structural errors');
        const second = [...(await renderAll(ra2)), ...(await compareAndAggregate(ra2, aDir, rb2, bDir))];
        expect(second).toEqual(first);
      }),
      { numRuns: VALID_RUNS },
    );
  });
});
