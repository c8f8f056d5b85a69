/**
 * Issue #14, items 1 and 8: waivers by pattern, capped severities reported, init without --code, and
 * the aggregate conflicts that were false positives (two provinces each feeding a national database).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mergeAgencies } from '../../src/aggregate/merge.js';
import type { AgencyInput } from '../../src/aggregate/types.js';
import type { Diagnostic } from '../../src/core/diagnostic.js';
import { runPipeline } from '../../src/pipeline.js';
import { AGENCY, AS_OF, makeProject, pipelineFor, runMain } from '../helpers/project.js';

const SYSTEMS = ['hsmc', 'qlvb', 'camera-giao-thong']
  .map(
    (id) => `apiVersion: kientruc/v1
kind: System
id: ${id}
name: Hệ thống ${id}
layer: L3
component: sectoral-app
status: operating
owner: agency:tinh-thu
`,
  )
  .join('---\n');

const codes = (ds: readonly Diagnostic[], code: string) => ds.filter((d) => d.code === code);

describe('waivers by rule × entity pattern', () => {
  const waiver = (entity: string, expires = '2026-06-30') => `waivers:
  - rule: system.security-level
    entity: "${entity}"
    reason: Kiểm kê lần đầu; hồ sơ cấp độ lập trong năm 2026 theo kế hoạch của Công an tỉnh
    approvedBy: Giám đốc Sở Khoa học và Công nghệ
    expires: ${expires}
`;
  it('a glob waives every matching finding, with its reason and expiry', async () => {
    const r = await pipelineFor({ 'architecture/agency.yaml': AGENCY, 'architecture/systems/s.yaml': SYSTEMS, 'kientruc.config.yaml': waiver('system:*') });
    const found = codes(r.diagnostics, 'system.security-level');
    expect(found).toHaveLength(3);
    expect(found.every((d) => d.waived?.expires === '2026-06-30')).toBe(true);
    expect(codes(r.diagnostics, 'waiver.unused')).toEqual([]);
  });
  it('a narrower pattern waives only what it matches', async () => {
    const r = await pipelineFor({ 'architecture/agency.yaml': AGENCY, 'architecture/systems/s.yaml': SYSTEMS, 'kientruc.config.yaml': waiver('system:camera-*') });
    expect(codes(r.diagnostics, 'system.security-level').map((d) => `${d.entity} ${d.waived ? 'waived' : 'open'}`).sort()).toEqual([
      'system:camera-giao-thong waived',
      'system:hsmc open',
      'system:qlvb open',
    ]);
  });
  it('an expired pattern waiver waives nothing and is an error', async () => {
    const r = await pipelineFor({ 'architecture/agency.yaml': AGENCY, 'architecture/systems/s.yaml': SYSTEMS, 'kientruc.config.yaml': waiver('system:*', '2025-12-31') });
    expect(codes(r.diagnostics, 'system.security-level').some((d) => d.waived)).toBe(false);
    expect(codes(r.diagnostics, 'waiver.expired')).toHaveLength(1);
  });
  it('a pattern matching nothing is unused', async () => {
    const r = await pipelineFor({ 'architecture/agency.yaml': AGENCY, 'architecture/systems/s.yaml': SYSTEMS, 'kientruc.config.yaml': waiver('system:ioc-*') });
    expect(codes(r.diagnostics, 'waiver.unused')).toHaveLength(1);
  });
});

describe('severity above a rule cap', () => {
  it('is reported, and the rule keeps its cap', async () => {
    const r = await pipelineFor({
      'architecture/agency.yaml': AGENCY,
      'architecture/systems/s.yaml': SYSTEMS,
      'kientruc.config.yaml': 'rules:\n  system.duplicates-national:\n    severity: error\n  system.security-level:\n    severity: warning\n',
    });
    const capped = codes(r.diagnostics, 'config.severity-capped');
    expect(capped.map((d) => `${d.file}:${d.range.start.line}:${d.range.start.col} ${d.severity}`)).toEqual(['kientruc.config.yaml:3:15 warning']);
    expect(capped[0]?.message.en).toContain('system.duplicates-national');
    expect(capped[0]?.fix?.vi).toContain('severity: warning');
  });
});

describe('kientruc init without --code', () => {
  it('writes code: chưa xác định, which check warns about and aggregate names', async () => {
    const dir = makeProject({});
    expect((await runMain(['init', 'xa', '--name', 'Ủy ban nhân dân xã An Phú', '--level', 'commune'], dir)).code).toBe(0);
    const agency = readFileSync(join(dir, 'xa', 'architecture', 'agency.yaml'), 'utf8');
    expect(agency).toContain('code: "chưa xác định"');
    const r = await runPipeline({ root: 'architecture', cwd: join(dir, 'xa'), today: AS_OF, asOf: AS_OF, rules: true });
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(codes(r.diagnostics, 'agency.unknown-fact').map((d) => d.path.join('.'))).toEqual(['code']);
    // The starter KPI aims at a national target whose deadline has passed: no warning left to clear.
    expect(codes(r.diagnostics, 'kpi.below-national-target')).toEqual([]);
    const input: AgencyInput = { dir: 'xa/architecture', model: r.model, diagnostics: r.diagnostics, sources: r.loaded.sources, files: r.loaded.files, structuralErrors: r.structuralErrors };
    const merged = mergeAgencies([input], { today: AS_OF });
    const missing = merged.conflicts.find((c) => c.code === 'aggregate.missing-code');
    expect(missing?.message.vi).toContain('ghi "chưa xác định" cho mã định danh');
    expect(merged.agencies[0]?.code).toBeUndefined();
  });
});

describe('aggregate: national databases fed by several agencies', () => {
  const province = (id: string, code: string, role = '') => ({
    [`${id}/agency.yaml`]: `apiVersion: kientruc/v1
kind: Agency
id: ${id}
name: Ủy ban nhân dân tỉnh ${id}
framework: vn-2025
level: province
code: ${code}
`,
    [`${id}/datasets/dat-dai.yaml`]: `apiVersion: kientruc/v1
kind: Dataset
id: dia-chinh
name: Cơ sở dữ liệu địa chính tỉnh ${id}
scope: sectoral
owner: agency:${id}
nationalDatabase: national:csdlqg-dat-dai
${role}`,
  });
  async function merge(files: Record<string, string>, dirs: readonly string[]) {
    const cwd = makeProject(files);
    const inputs: AgencyInput[] = [];
    for (const dir of dirs) {
      const r = await runPipeline({ root: dir, cwd, today: AS_OF, asOf: AS_OF, rules: true });
      inputs.push({ dir, model: r.model, diagnostics: r.diagnostics, sources: r.loaded.sources, files: r.loaded.files, structuralErrors: r.structuralErrors });
    }
    return mergeAgencies(inputs, { today: AS_OF });
  }
  it('two provinces each feeding the national land database is no conflict', async () => {
    const r = await merge({ ...province('lam-dong', '000.00.00.H42'), ...province('gia-lai', '000.00.00.H38') }, ['lam-dong', 'gia-lai']);
    expect(r.conflicts.filter((c) => c.code === 'aggregate.national-db-owned-twice')).toEqual([]);
  });
  it('two agencies both claiming to manage it are', async () => {
    const r = await merge(
      { ...province('lam-dong', '000.00.00.H42', 'nationalRole: custodian\n'), ...province('gia-lai', '000.00.00.H38', 'nationalRole: custodian\n') },
      ['lam-dong', 'gia-lai'],
    );
    const c = r.conflicts.filter((x) => x.code === 'aggregate.national-db-owned-twice');
    expect(c).toHaveLength(1);
    expect(c[0]?.message.en).toContain('nationalRole: custodian');
  });
});
