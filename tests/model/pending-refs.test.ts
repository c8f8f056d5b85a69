import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/core/diagnostic.js';
import { ModelMemo } from '../../src/model/build.js';
import { runPipeline } from '../../src/pipeline.js';
import { AGENCY, AS_OF, makeProject } from '../helpers/project.js';

/** The system every integration below points at; `head` replaces its first lines (apiVersion, kind). */
const TARGET = (head = 'apiVersion: kientruc/v1\nkind: System\n', body = '') => `${head}id: cong-dvc
name: Cổng dịch vụ công tỉnh
layer: L3
component: sectoral-app
status: operating
owner: agency:tinh-thu
security:
  level: 3
${body}`;

const OTHER = `apiVersion: kientruc/v1
kind: System
id: cong-dvd
name: Hệ thống có id gần giống
layer: L3
component: sectoral-app
status: operating
owner: agency:tinh-thu
`;

const LINKS = (target = 'system:cong-dvc') => `apiVersion: kientruc/v1
kind: Integration
id: a-to-b
name: Kết nối một
from: system:cong-dvd
to: ${target}
channel: lgsp
status: live
---
apiVersion: kientruc/v1
kind: Integration
id: b-to-a
name: Kết nối hai
from: ${target}
to: system:cong-dvd
channel: lgsp
status: live
`;

async function run(target: string | Uint8Array, links = LINKS(), memo?: ModelMemo, dir?: string): Promise<{ dir: string; diagnostics: readonly Diagnostic[] }> {
  const root = dir ?? makeProject({ 'architecture/agency.yaml': AGENCY, 'architecture/systems/other.yaml': OTHER, 'architecture/integrations.yaml': links, 'architecture/systems/target.yaml': target });
  if (dir) writeFileSync(join(dir, 'architecture/systems/target.yaml'), target);
  const r = await runPipeline({ root: 'architecture', cwd: root, today: AS_OF, asOf: AS_OF, rules: false, ...(memo ? { modelMemo: memo } : {}) });
  return { dir: root, diagnostics: r.diagnostics };
}

const brief = (ds: readonly Diagnostic[]) => ds.map((d) => `${d.file.replace(/^.*architecture\//, '')}:${d.range.start.line}:${d.range.start.col} ${d.code}`);

describe('references to an entity whose document did not load', () => {
  const broken: [string, string | Uint8Array, string][] = [
    ['a lower-case kind', TARGET('apiVersion: kientruc/v1\nkind: system\n'), 'schema.unknown-kind'],
    ['no kind at all', TARGET('apiVersion: kientruc/v1\n'), 'schema.missing-kind'],
    ['no apiVersion', TARGET('kind: System\n'), 'schema.missing-api-version'],
    ['a tab for indentation', TARGET(undefined).replace('  level: 3', '\tlevel: 3'), 'yaml.tab-indent'],
    ['a duplicate key', TARGET(undefined, 'name: Lần hai\n'), 'yaml.duplicate-key'],
    ['a file saved as Windows-1258', Buffer.from(TARGET(), 'latin1'), 'load.invalid-utf8'],
  ];
  for (const [name, target, code] of broken) {
    it(`${name}: the document's own error, one note, no dangling reference and no "did you mean"`, async () => {
      const { diagnostics } = await run(target);
      expect(diagnostics.map((d) => d.code)).toContain(code);
      expect(diagnostics.filter((d) => d.code === 'model.unresolved-ref')).toEqual([]);
      expect(diagnostics.some((d) => /cong-dvd/.test(d.fix?.en ?? '') || /did you mean "cong-dvd"/.test(d.message.en))).toBe(false);
      const notes = diagnostics.filter((d) => d.code === 'model.pending-refs');
      expect(notes).toHaveLength(1);
      expect(notes[0]).toMatchObject({ severity: 'info', file: 'architecture/systems/target.yaml' });
      expect(notes[0]?.message.en).toMatch(/^2 references to (system:cong-dvc|"cong-dvc") not checked yet/);
    });
  }

  it('a typo of the pending id is still reported, and named after it (not after another declared id)', async () => {
    const { diagnostics } = await run(TARGET('apiVersion: kientruc/v1\nkind: system\n'), LINKS('system:cong-dvcc'));
    const dangling = diagnostics.filter((d) => d.code === 'model.unresolved-ref');
    expect(dangling).toHaveLength(2);
    expect(dangling[0]?.fix?.en).toBe('Change it to "system:cong-dvc".');
    expect(diagnostics.some((d) => d.code === 'model.pending-refs')).toBe(false);
  });

  it('a reference of another kind to the same id is still dangling', async () => {
    const { diagnostics } = await run(TARGET('apiVersion: kientruc/v1\nkind: system\n'), `apiVersion: kientruc/v1
kind: Dataset
id: ds
name: Dữ liệu
owner: agency:tinh-thu
sourceSystem: dataset:cong-dvc
`);
    expect(brief(diagnostics)).not.toContain('systems/target.yaml:3:5 model.pending-refs');
  });

  it('a long-running build (the language server, build --watch) gives the same findings as the file breaks and is mended', async () => {
    const memo = new ModelMemo();
    const first = await run(TARGET(), undefined, memo);
    expect(first.diagnostics).toEqual([]);
    const broke = await run(TARGET('apiVersion: kientruc/v1\nkind: system\n'), undefined, memo, first.dir);
    expect(brief(broke.diagnostics)).toEqual(['systems/target.yaml:2:7 schema.unknown-kind', 'systems/target.yaml:3:5 model.pending-refs']);
    const tab = await run(TARGET().replace('  level: 3', '\tlevel: 3'), undefined, memo, first.dir);
    expect(tab.diagnostics.filter((d) => d.code === 'model.unresolved-ref')).toEqual([]);
    expect(tab.diagnostics.filter((d) => d.code === 'model.pending-refs')).toHaveLength(1);
    const mended = await run(TARGET(), undefined, memo, first.dir);
    expect(mended.diagnostics).toEqual([]);
  });
});
