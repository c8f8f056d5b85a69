import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { mergeAgencies } from '../../src/aggregate/merge.js';
import type { AgencyInput, AggregateResult } from '../../src/aggregate/types.js';
import { runPipeline } from '../../src/pipeline.js';
import { AS_OF, makeProject, REPO, runCli } from '../helpers/project.js';

const SO_Y_TE = 'tests/fixtures/agencies/so-y-te';
const XA = 'tests/fixtures/agencies/xa-lam-nguyen';

async function input(dir: string, cwd = REPO): Promise<AgencyInput> {
  const r = await runPipeline({ root: dir, cwd, today: AS_OF, rules: true });
  return { dir, model: r.model, diagnostics: r.diagnostics, sources: r.loaded.sources, files: r.loaded.files, structuralErrors: r.structuralErrors };
}

function at(r: AggregateResult, code: string): string[] {
  return r.conflicts.filter((c) => c.code === code).map((c) => `${c.file}:${c.range.start.line}:${c.range.start.col} ${c.entity}`);
}

describe('aggregate: the sample province with a department and a commune', () => {
  let r: AggregateResult;
  beforeAll(async () => {
    r = mergeAgencies([await input('architecture'), await input(SO_Y_TE), await input(XA)], { today: AS_OF });
  });

  it('namespaces every entity by its agency code and speaks for the province', () => {
    expect(r.model.agency?.ref).toBe('agency:ubnd-tinh-son-ha@000.00.00.H99');
    expect(r.agencies.map((a) => [a.namespace, a.primary, a.merged])).toEqual([
      ['000.00.00.H99', true, true],
      ['000.07.00.H99', false, true],
      ['000.22.07.H99', false, true],
    ]);
    expect(r.model.get('system:his-benh-vien@000.07.00.H99')?.name).toBe('Hệ thống thông tin bệnh viện (HIS) Bệnh viện Đa khoa tỉnh Sơn Hà');
    expect(r.model.get('system:tthc-tinh@000.00.00.H99')).toBeDefined();
    // Refs inside entities are namespaced too; national refs and the pack's central bodies are not.
    const ds = r.model.get<'dataset'>('dataset:benh-an-dien-tu@000.07.00.H99');
    expect(ds?.system).toBe('system:his-benh-vien@000.07.00.H99');
    expect(r.model.get<'integration'>('integration:his-giam-dinh-bhyt@000.07.00.H99')?.to).toBe('national:csdlqg-bao-hiem');
    expect(r.model.all('system').length).toBe(37 + 2 + 2);
  });

  it('resolves system:x@code refs across agencies', () => {
    const refs = r.model.referrers('system:csdl-y-te-tinh@000.00.00.H99').map((x) => x.from);
    expect(refs).toContain('integration:his-len-csdl-y-te-tinh@000.07.00.H99');
    // Every integration between two agencies, the ones whose other end does not exist or was not checked too.
    expect(r.links.map((l) => `${l.integration} ${l.fromAgency}→${l.toAgency} ${l.end}`)).toEqual([
      'integration:bao-cao-tram-y-te@000.22.07.H99 000.22.07.H99→000.07.00.H99 missing',
      'integration:his-len-csdl-y-te-tinh@000.07.00.H99 000.07.00.H99→000.00.00.H99 resolved',
      'integration:ho-tich-len-so-tu-phap@000.22.07.H99 000.22.07.H99→000.09.00.H99 unchecked',
      'integration:mot-cua-len-tinh@000.22.07.H99 000.22.07.H99→000.00.00.H99 resolved',
      'integration:tram-y-te-len-csdl-y-te-tinh@000.07.00.H99 000.07.00.H99→000.00.00.H99 resolved',
    ]);
    expect(r.aliases.get('org:so-y-te@000.00.00.H99')).toBe('agency:so-y-te@000.07.00.H99');
    expect(r.aliases.get('org:xa-lam-nguyen@000.00.00.H99')).toBe('agency:xa-lam-nguyen@000.22.07.H99');
  });

  it('reports the commune’s conflicts with file and line; the department has none', () => {
    expect(at(r, 'aggregate.national-db-owned-twice')).toEqual([`${XA}/datasets/du-lieu.yaml:18:19 dataset:dia-chinh-xa@000.22.07.H99`]);
    expect(at(r, 'aggregate.unresolved-ref')).toEqual([`${XA}/integrations/ket-noi.yaml:21:5 integration:bao-cao-tram-y-te@000.22.07.H99`]);
    expect(at(r, 'aggregate.unknown-agency')).toEqual([`${XA}/integrations/ket-noi.yaml:34:5 integration:ho-tich-len-so-tu-phap@000.22.07.H99`]);
    expect(at(r, 'aggregate.system-claimed-twice')).toEqual([
      `${XA}/systems/he-thong.yaml:7:12 system:qlvb-xa@000.22.07.H99`,
      `${XA}/systems/he-thong.yaml:29:9 system:mot-cua-xa@000.22.07.H99`,
    ]);
    expect(r.conflicts.filter((c) => c.file.startsWith(SO_Y_TE))).toEqual([]);
    const owned = r.conflicts.find((c) => c.code === 'aggregate.national-db-owned-twice');
    expect(owned?.message.vi).toContain('(architecture/datasets/dat-dai-moi-truong.yaml:19)');
  });

  it('rolls KPIs up per national target with stated weights', () => {
    const hoSo = r.rollups.find((x) => x.target === 'target:ho-so-xu-ly-truc-tuyen');
    expect(hoSo?.basis).toBe('denominator');
    expect(hoSo?.contributions.map((c) => [c.agency, c.value, c.weight])).toEqual([
      ['000.00.00.H99', 81.5, 196690],
      ['000.07.00.H99', 88.4, 11800],
      ['000.22.07.H99', 71.2, 3300],
    ]);
    // (81.5·196690 + 88.4·11800 + 71.2·3300) / 211790
    expect(hoSo?.value).toBe(81.72);
    expect(hoSo?.status).toBe('met');
    // The commune gave no denominator: population weights for everyone, and the output says why.
    const adults = r.rollups.find((x) => x.target === 'target:dan-so-truong-thanh-dung-dvctt');
    expect(adults?.basis).toBe('population');
    expect(adults?.basisNote.vi).toBe('Trọng số: dân số của cơ quan (không dùng mẫu số vì UBND xã Lâm Nguyên không có).');
    expect(adults?.contributions.map((c) => c.weight)).toEqual([1412600, 18450]);
    expect(adults?.status).toBe('overdue');
  });

  it('keeps each agency’s own findings, namespaced', () => {
    expect(r.diagnostics.some((d) => d.code === 'system.security-level' && d.entity === 'system:ttdl-du-phong@000.00.00.H99')).toBe(true);
  });

  it('--weights equal gives every agency the same weight', async () => {
    const eq = mergeAgencies([await input('architecture'), await input(SO_Y_TE), await input(XA)], { today: AS_OF, weights: 'equal' });
    const hoSo = eq.rollups.find((x) => x.target === 'target:ho-so-xu-ly-truc-tuyen');
    expect(hoSo?.basis).toBe('equal');
    expect(hoSo?.value).toBe(80.37);
    expect(hoSo?.contributions.map((c) => c.share)).toEqual([0.3333, 0.3333, 0.3333]);
  });
});

describe('aggregate: codes', () => {
  const agency = (id: string, code: string | undefined, level = 'department') => `apiVersion: kientruc/v1
kind: Agency
id: ${id}
name: Cơ quan ${id}
framework: vn-2025
level: ${level}
${code ? `code: ${code}\n` : ''}`;

  it('duplicate codes: the second folder is not merged; a missing code is an error with a temporary namespace', async () => {
    const dir = makeProject({
      'a/agency.yaml': agency('so-a', '000.01.00.H98', 'province'),
      'b/agency.yaml': agency('so-b', '000.01.00.H98'),
      'c/agency.yaml': agency('so-c', undefined),
    });
    const r = mergeAgencies([await input('a', dir), await input('b', dir), await input('c', dir)], { today: AS_OF });
    expect(r.conflicts.map((c) => `${c.code} ${c.file}:${c.range.start.line}`)).toEqual(['aggregate.duplicate-code b/agency.yaml:7', 'aggregate.missing-code c/agency.yaml:1']);
    expect(r.conflicts[0]?.message.vi).toContain('trùng với Cơ quan so-a (a/agency.yaml:7)');
    expect(r.agencies.map((a) => [a.namespace, a.merged])).toEqual([
      ['000.01.00.H98', true],
      ['so-c', true],
      ['000.01.00.H98', false],
    ]);
    expect(r.model.get('agency:so-c@so-c')).toBeDefined();
  });
});

describe('kientruc aggregate (CLI, in-process)', () => {
  it('writes the provincial view and prints the conflicts; exits 1 on conflict errors', async () => {
    const out = makeProject({});
    const res = await runCli(['aggregate', 'architecture', SO_Y_TE, XA, '--out', join(out, 'tinh'), '--as-of', '2026-09-30', '--no-render'], REPO);
    expect(res.code, res.stderr).toBe(1);
    expect(res.stdout).toContain(`${XA}/integrations/ket-noi.yaml:21:5  error`);
    expect(res.stdout).toContain('✖ 2 lỗi, 3 cảnh báo');
    const md = readFileSync(join(out, 'tinh', 'aggregate.md'), 'utf8');
    expect(md).toContain('# Tổng hợp kiến trúc số — Ủy ban nhân dân tỉnh Sơn Hà');
    expect(md).toContain(`| \`${XA}/datasets/du-lieu.yaml:18:19\` | lỗi | \`aggregate.national-db-owned-twice\` |`);
    expect(md).toContain('| Hồ sơ thủ tục hành chính được xử lý trực tuyến | ≥ 80% | 31/12/2025 | 81,72% | Đạt | 3 |');
    const appendix = readFileSync(join(out, 'tinh', 'appendix.md'), 'utf8');
    expect(appendix).toContain('### Sở Y tế tỉnh Sơn Hà (000.07.00.H99)');
    expect(appendix).toContain('| 1 | Hệ thống thông tin bệnh viện (HIS) Bệnh viện Đa khoa tỉnh Sơn Hà | L3 | Đang vận hành | 3 | BVĐK tỉnh |');
    const gap = JSON.parse(readFileSync(join(out, 'tinh', 'gap-report.json'), 'utf8')) as { kind: string; agency: { ref: string }; summary: { targets: number } };
    expect(gap.kind).toBe('gap-report');
    expect(gap.agency.ref).toBe('agency:ubnd-tinh-son-ha@000.00.00.H99');
    expect(gap.summary.targets).toBeGreaterThan(20);
    const json = JSON.parse(readFileSync(join(out, 'tinh', 'aggregate.json'), 'utf8')) as { primary: string; conflicts: unknown[] };
    expect(json.primary).toBe('agency:ubnd-tinh-son-ha@000.00.00.H99');
    expect(json.conflicts).toHaveLength(5);
    const model = JSON.parse(readFileSync(join(out, 'tinh', 'model.json'), 'utf8')) as { entities: { system: unknown[] } };
    expect(model.entities.system).toHaveLength(41);
    // The cross-agency diagram (Mermaid; SVG only when rendering), in the report and the site.
    const mmd = readFileSync(join(out, 'tinh', 'diagrams', 'lien-co-quan.mmd'), 'utf8');
    expect(mmd).toContain('system__mot_cua_xa__000_22_07_H99 -.->|"LGSP"| system__phan_mem_tram_y_te__000_07_00_H99');
    expect(mmd).toContain('["phan-mem-tram-y-te<br/>(không tồn tại)"]');
    expect(md).toContain('```mermaid\nflowchart LR');
    const site = readFileSync(join(out, 'tinh', 'site', 'index.html'), 'utf8');
    expect(site).toContain('data-f-agency="000.22.07.H99"');
    expect(site).toContain('Kết nối, chia sẻ dữ liệu giữa các cơ quan được tổng hợp');
  });

  it('--agency picks the aggregating agency; an unknown code is a usage error', async () => {
    const out = makeProject({});
    const ok = await runCli(['aggregate', SO_Y_TE, 'architecture', XA, '--out', join(out, 'a'), '--agency', '000.07.00.H99', '--fail-on', 'none', '-q'], REPO);
    expect(ok.code, ok.stderr).toBe(0);
    const md = readFileSync(join(out, 'a', 'aggregate.md'), 'utf8');
    expect(md).toContain('# Tổng hợp kiến trúc số — Sở Y tế tỉnh Sơn Hà');
    // Rendered in Chromium: the report shows the SVG; the site loads its own copy beside the page, lazily.
    expect(md).toContain('](diagrams/lien-co-quan.svg)');
    expect(readFileSync(join(out, 'a', 'diagrams', 'lien-co-quan.svg'), 'utf8')).toContain('<svg');
    expect(readFileSync(join(out, 'a', 'site', 'index.html'), 'utf8')).toMatch(/<div class="svg"><a class="zoom" href="diagrams\/lien-co-quan.svg"[^>]*><img src="diagrams\/lien-co-quan.svg"[^>]* loading="lazy"/);
    expect(readFileSync(join(out, 'a', 'site', 'diagrams', 'lien-co-quan.svg'), 'utf8')).toContain('<svg');
    const bad = await runCli(['aggregate', SO_Y_TE, '--out', join(out, 'b'), '--agency', '000.99.00.H99'], REPO);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--agency 000.99.00.H99');
    const dup = await runCli(['aggregate', SO_Y_TE, `${SO_Y_TE}/`, '--out', join(out, 'c')], REPO);
    expect(dup.code).toBe(2);
  });
});
