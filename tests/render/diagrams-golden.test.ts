import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runPipeline } from '../../src/pipeline.js';
import { renderDiagramFiles, DIAGRAM_FORMATS } from '../../src/render/mermaid/renderer.js';
import { AS_OF, REPO, renderContextOf, valid } from '../helpers/project.js';

const FIXTURE = join(REPO, 'tests', 'fixtures', 'valid', 'diagrams');
const SAMPLE = join(REPO, 'architecture');
/** The sample province states its data as of this day (agency.yaml); pinned here so the golden files never move. */
const SAMPLE_AS_OF = '2026-09-30';

/** Mermaid sources and README exactly as `kientruc build --no-render` writes them. */
async function mermaidFiles(cwd: string, asOf: string): Promise<Map<string, string>> {
  const r = valid(await runPipeline({ root: 'architecture', cwd, today: asOf, asOf, rules: false }));
  expect(r.structuralErrors).toBe(false);
  const ctx = renderContextOf(r);
  const out = await renderDiagramFiles(ctx, { formats: DIAGRAM_FORMATS, dir: 'diagrams' });
  return new Map(out.files.map((f) => [f.path, String(f.contents)]));
}

describe('golden Mermaid sources', () => {
  it('test fixture (every diagram type, hostile names)', async () => {
    const files = await mermaidFiles(FIXTURE, AS_OF);
    expect([...files.keys()].every((p) => p === 'README.md' || p.endsWith('.mmd'))).toBe(true);
    for (const [path, text] of files) await expect(text).toMatchFileSnapshot(join('..', 'golden', 'diagrams', 'fixture', path));
  });

  it.skipIf(!existsSync(join(SAMPLE, 'agency.yaml')))('sample province in architecture/', async () => {
    const files = await mermaidFiles(REPO, SAMPLE_AS_OF);
    for (const [path, text] of files) await expect(text).toMatchFileSnapshot(join('..', 'golden', 'diagrams', 'sample', path));
  });
});
