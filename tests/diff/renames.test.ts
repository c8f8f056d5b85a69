import { cpSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compareSides } from '../../src/diff/compare.js';
import { formatDiffMarkdown } from '../../src/diff/format.js';
import type { DiffSide } from '../../src/diff/types.js';
import { edit } from '../helpers/git.js';
import { AGENCY, makeProject, pipelineFor, REPO, runMain } from '../helpers/project.js';

const system = (id: string, name = 'Hệ thống một cửa điện tử', status = 'operating') => `apiVersion: kientruc/v1
kind: System
id: ${id}
name: ${name}
layer: L3
component: tthc
status: ${status}
owner: agency:tinh-thu
security: { level: 3, dossier: approved, decision: { number: 1/QĐ-UBND, date: 2025-01-02 } }
hosting: { deployment: provincial-dc }
goLive: 2021-08-01
`;
const dataset = (id: string, systemRef: string, sharing = 'restricted') => `apiVersion: kientruc/v1
kind: Dataset
id: ${id}
name: Dữ liệu hồ sơ một cửa
scope: sectoral
sharing: ${sharing}
personalData: basic
system: ${systemRef}
`;

async function side(files: Record<string, string>, label: string): Promise<DiffSide> {
  const r = await pipelineFor({ 'architecture/agency.yaml': AGENCY, ...files });
  return { label, model: r.model, diagnostics: r.diagnostics, asOf: r.asOf, root: r.loaded.root, structuralErrors: r.structuralErrors };
}

const BASE = { 'architecture/s.yaml': system('mot-cua'), 'architecture/d.yaml': dataset('ho-so', 'system:mot-cua') };

describe('diff: an entity whose id changed', () => {
  it('is one rename ("đổi mã a → b"), not a removal and an addition, and breaks nothing when every reference follows', async () => {
    const r = compareSides(await side(BASE, 'a'), await side({ 'architecture/s.yaml': system('mot-cua-dien-tu'), 'architecture/d.yaml': dataset('ho-so', 'system:mot-cua-dien-tu') }, 'b'));
    expect(r.entities.renamed).toEqual([expect.objectContaining({ kind: 'system', from: 'system:mot-cua', ref: 'system:mot-cua-dien-tu', change: 'renamed', fields: [] })]);
    expect(r.entities.added).toEqual([]);
    expect(r.entities.removed).toEqual([]);
    expect(r.entities.changed.map((c) => c.ref)).toEqual(['dataset:ho-so']);
    expect(r.breaking).toEqual([]);
    // Its findings are the same findings under the new id: neither new nor resolved.
    expect([r.findings.introduced, r.findings.resolved]).toEqual([[], []]);
    const md = formatDiffMarkdown(r, 'vi');
    expect(md).toContain('không có thay đổi phá vỡ · thực thể: +0 thêm, −0 xóa, 1 sửa, 1 đổi mã');
    expect(md).toContain('<details><summary>Hệ thống: +0 thêm · −0 xóa · 0 sửa · 1 đổi mã</summary>');
    expect(md).toContain('| `system:mot-cua` → `system:mot-cua-dien-tu` | Hệ thống một cửa điện tử | `architecture/s.yaml:3` |');
    expect(formatDiffMarkdown(r, 'en')).toContain('entities: +0 added, −0 removed, 1 changed, 1 renamed');
  });

  it('lists what else changed with the id, without the id itself', async () => {
    const r = compareSides(await side(BASE, 'a'), await side({ 'architecture/s.yaml': system('mot-cua-dien-tu', undefined, 'upgrading'), 'architecture/d.yaml': dataset('ho-so', 'system:mot-cua-dien-tu') }, 'b'));
    expect(r.entities.renamed[0]?.fields.map((f) => [f.path.join('.'), f.before, f.after])).toEqual([['status', 'operating', 'upgrading']]);
    expect(formatDiffMarkdown(r, 'vi')).toContain('**Hệ thống `system:mot-cua` → `system:mot-cua-dien-tu`** — Hệ thống một cửa điện tử');
  });

  it('is breaking when a reference on the head side still names the old id', async () => {
    const r = compareSides(await side(BASE, 'a'), await side({ 'architecture/s.yaml': system('mot-cua-dien-tu'), 'architecture/d.yaml': dataset('ho-so', 'system:mot-cua') }, 'b'));
    expect(r.entities.renamed.map((c) => c.ref)).toEqual(['system:mot-cua-dien-tu']);
    expect(r.breaking.map((b) => [b.code, b.ref, b.message.vi, `${b.where.file}:${b.where.line}`])).toEqual([
      [
        'renamed-referenced',
        'system:mot-cua-dien-tu',
        'Đổi mã Hệ thống "Hệ thống một cửa điện tử" system:mot-cua → system:mot-cua-dien-tu: 1 thực thể vẫn tham chiếu mã cũ (dataset:ho-so).',
        'architecture/s.yaml:3',
      ],
    ]);
  });

  it('is breaking for a dataset published to other agencies (shared or open): they may name it as kind:id@code', async () => {
    const r = compareSides(
      await side({ ...BASE, 'architecture/d.yaml': dataset('ho-so', 'system:mot-cua', 'open') }, 'a'),
      await side({ ...BASE, 'architecture/d.yaml': dataset('ho-so-mot-cua', 'system:mot-cua', 'open') }, 'b'),
    );
    expect(r.breaking.map((b) => [b.code, b.ref])).toEqual([['renamed-referenced', 'dataset:ho-so-mot-cua']]);
    expect(r.breaking[0]?.message.vi).toContain('cơ quan khác có thể đang tham chiếu dataset:ho-so@000.00.00.H98');
    expect(r.breaking[0]?.message.en).toContain('other agencies may refer to it as dataset:ho-so@000.00.00.H98');
  });

  it('is a removal and an addition when the name changed too, or when the pairing is ambiguous', async () => {
    const renamed = compareSides(await side(BASE, 'a'), await side({ 'architecture/s.yaml': system('mot-cua-moi', 'Hệ thống một cửa mới'), 'architecture/d.yaml': dataset('ho-so', 'system:mot-cua-moi') }, 'b'));
    expect(renamed.entities.renamed).toEqual([]);
    expect([renamed.entities.added.map((c) => c.ref), renamed.entities.removed.map((c) => c.ref)]).toEqual([['system:mot-cua-moi'], ['system:mot-cua']]);
    // Two systems alike but for their id, and one new one: which one it replaces cannot be told.
    const twins = { ...BASE, 'architecture/s2.yaml': system('mot-cua-2') };
    const ambiguous = compareSides(await side(twins, 'a'), await side({ 'architecture/s.yaml': system('mot-cua-dien-tu'), 'architecture/d.yaml': dataset('ho-so', 'system:mot-cua-dien-tu') }, 'b'));
    expect(ambiguous.entities.renamed).toEqual([]);
    expect(ambiguous.entities.removed.map((c) => c.ref)).toEqual(['system:mot-cua', 'system:mot-cua-2']);
  });

  it('the sample with a system renamed and both integrations updated: no breaking change, --fail-on-breaking exits 0', async () => {
    const dir = makeProject({});
    cpSync(join(REPO, 'architecture'), join(dir, 'a'), { recursive: true });
    cpSync(join(REPO, 'architecture'), join(dir, 'b'), { recursive: true });
    edit(dir, 'b/systems/l4-kenh-tuong-tac.yaml', (t) => t.replace('id: dashboard-cds\n', 'id: dieu-hanh-cds\n'));
    edit(dir, 'b/integrations/noi-tinh.yaml', (t) => t.replaceAll('to: system:dashboard-cds\n', 'to: system:dieu-hanh-cds\n'));
    const r = await runMain(['diff', 'a', 'b', '--fail-on-breaking'], dir);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('không có thay đổi phá vỡ · thực thể: +0 thêm, −0 xóa, 2 sửa, 1 đổi mã');
    expect(r.stdout).toContain('| `system:dashboard-cds` → `system:dieu-hanh-cds` | Hệ thống đo lường, đánh giá chuyển đổi số và Chiến lược dữ liệu tỉnh Sơn Hà |');
    expect(r.stdout).not.toContain('Xóa thực thể đang được tham chiếu');
  });
});
