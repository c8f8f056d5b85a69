/**
 * One benchmark stage in a fresh process (so each stage pays its own cold start, JIT and memory, as a
 * CLI run does): `tsx tests/bench/stage.ts <stage> <project> [cacheDir]`. Prints one JSON line:
 * `{ ms, cpuMs, peakMb, note }` — time and CPU of the stage alone (process start excluded) and the
 * process's peak resident memory.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseAllDocuments } from 'yaml';
import type { KIND_BY_DOC_KIND as KindByDocKind } from '../../src/core/ref.js';
import type { availablePacks as AvailablePacks, loadPack as LoadPack } from '../../src/framework/load-pack.js';
import type { decodeYamlBytes as DecodeYamlBytes } from '../../src/load/decode.js';
import type { fastParse as FastParse } from '../../src/load/fast-yaml.js';
import type { PipelineResult, runPipeline as RunPipeline } from '../../src/pipeline.js';
import type { RENDERERS as Renderers } from '../../src/render/index.js';
import type { RenderContext } from '../../src/render/types.js';
import type { compileSchemas as CompileSchemas } from '../../src/validate/ajv.js';

// The built code, as users run it (with the validators and pack precompiled by the package build).
const DIST = fileURLToPath(new URL('../../dist/', import.meta.url));
const load = async <T>(path: string): Promise<T> => (await import(pathToFileURL(join(DIST, path)).href)) as T;
const { KIND_BY_DOC_KIND } = await load<{ KIND_BY_DOC_KIND: typeof KindByDocKind }>('core/ref.js');
const { availablePacks, loadPack } = await load<{ availablePacks: typeof AvailablePacks; loadPack: typeof LoadPack }>('framework/load-pack.js');
const { decodeYamlBytes } = await load<{ decodeYamlBytes: typeof DecodeYamlBytes }>('load/decode.js');
const { fastParse } = await load<{ fastParse: typeof FastParse }>('load/fast-yaml.js');
const { runPipeline } = await load<{ runPipeline: typeof RunPipeline }>('pipeline.js');
const { RENDERERS } = await load<{ RENDERERS: typeof Renderers }>('render/index.js');
const { compileSchemas } = await load<{ compileSchemas: typeof CompileSchemas }>('validate/ajv.js');

const AS_OF = '2026-09-30';

function yamlFiles(dir: string): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir)) {
    const p = join(dir, e);
    if (statSync(p).isDirectory()) out.push(...yamlFiles(p));
    else if (/\.ya?ml$/.test(e)) out.push(p);
  }
  return out.sort();
}

/** The bare baseline: read every file, parse it, validate each document with ajv. No positions, no messages. */
function baseline(project: string, parse: (text: string) => unknown[]): string {
  const schemas = compileSchemas(loadPack(), availablePacks());
  let docs = 0;
  let invalid = 0;
  for (const file of yamlFiles(join(project, 'architecture'))) {
    const dec = decodeYamlBytes(readFileSync(file));
    if (!dec.ok) continue;
    for (const value of parse(dec.text)) {
      docs++;
      const kind = KIND_BY_DOC_KIND.get(String((value as Record<string, unknown> | null)?.['kind']));
      if (kind && !schemas.validate(kind, value).ok) invalid++;
    }
  }
  return `${docs} tài liệu, ${invalid} không hợp lệ`;
}

async function checked(project: string, cacheDir?: string, parallel: 'auto' | 'force' = 'auto'): Promise<PipelineResult> {
  return runPipeline({ root: 'architecture', cwd: project, today: AS_OF, asOf: AS_OF, rules: true, parallel, ...(cacheDir ? { cacheDir } : {}) });
}

function contextOf(r: PipelineResult): RenderContext {
  if (r.structuralErrors) throw new Error('the generated project has structural errors; nothing to render');
  return { model: r.model, diagnostics: r.diagnostics, rules: r.rules, asOf: r.asOf, lang: 'vi', toolVersion: 'bench', log: () => undefined, browser: undefined };
}

/** A stage: `prepare` is not timed, `run` is. */
interface Stage {
  prepare?(project: string, cacheDir?: string): Promise<unknown>;
  run(project: string, cacheDir: string | undefined, prepared: unknown): Promise<string | undefined> | string | undefined;
}

/** Renders with the renderers whose id matches (no browser: Markdown, HTML, Mermaid text). */
function renderStage(match: RegExp): Stage {
  return {
    prepare: (project) => checked(project),
    async run(_project, _cache, prepared) {
      const renderers = RENDERERS.filter((r) => match.test(r.id));
      if (renderers.length === 0) return 'n/a';
      let files = 0;
      for (const r of renderers) files += (await r.render(contextOf(prepared as PipelineResult))).length;
      return `${renderers.map((r) => r.id).join('+')}: ${files} tệp`;
    },
  };
}

export const STAGES: Record<string, Stage> = {
  validate: { run: async (p, c) => `${(await runPipeline({ root: 'architecture', cwd: p, today: AS_OF, asOf: AS_OF, rules: false, ...(c ? { cacheDir: c } : {}) })).diagnostics.length} phát hiện` },
  check: { run: async (p, c) => `${(await checked(p, c)).diagnostics.length} phát hiện` },
  'check-workers': { run: async (p, c) => `${(await checked(p, c, 'force')).diagnostics.length} phát hiện` },
  'baseline-yaml': {
    run: (p) =>
      baseline(p, (t) => {
        const docs = parseAllDocuments(t, { version: '1.2' });
        return Array.isArray(docs) ? docs.map((d) => d.toJS()) : [];
      }),
  },
  'baseline-fast': {
    run: (p) =>
      baseline(p, (t) => {
        const r = fastParse(t);
        return r.ok ? r.docs.map((d) => d.value) : [];
      }),
  },
  gap: renderStage(/gap/),
  document: renderStage(/strategy|document/),
  'build-text': renderStage(/./),
};

const [stage, project, cacheDir] = process.argv.slice(2);
const s = STAGES[stage ?? ''];
if (!s || !project) {
  process.stderr.write(`usage: stage.ts <${Object.keys(STAGES).join('|')}> <project> [cacheDir]\n`);
  process.exit(2);
}
const prepared = await s.prepare?.(project, cacheDir);
const c0 = process.cpuUsage();
const t0 = performance.now();
const note = await s.run(project, cacheDir, prepared);
const ms = performance.now() - t0;
const c = process.cpuUsage(c0);
process.stdout.write(`${JSON.stringify({ ms, cpuMs: (c.user + c.system) / 1000, peakMb: process.resourceUsage().maxRSS / 1024, note })}\n`);
