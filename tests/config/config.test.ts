import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/core/diagnostic.js';
import { AGENCY, makeProject, pipelineFor, runMain } from '../helpers/project.js';

const SYSTEM = `apiVersion: kientruc/v1
kind: System
id: hsmc
name: Hệ thống một cửa điện tử
layer: L3
component: tthc
status: operating
owner: agency:tinh-thu
`;

const FILES = { 'architecture/agency.yaml': AGENCY, 'architecture/systems/hsmc.yaml': SYSTEM };

const where = (d: Diagnostic) => `${d.file}:${d.range.start.line}:${d.range.start.col}`;
const codes = (ds: readonly Diagnostic[], prefix: string) => ds.filter((d) => d.code.startsWith(prefix)).map((d) => `${d.code} ${where(d)} ${d.severity}`);

const WAIVER = (expires: string, entity = 'system:hsmc') => `waivers:
  - rule: system.security-level
    entity: ${entity}
    reason: Hệ thống đang được nâng cấp, hồ sơ cấp độ trình trong quý I/2026
    approvedBy: Phó Giám đốc Sở Khoa học và Công nghệ
    expires: ${expires}
`;

describe('kientruc.config.yaml', () => {
  it('changes severities and switches rules off with a reason', async () => {
    const r = await pipelineFor({
      ...FILES,
      'kientruc.config.yaml': 'rules:\n  system.security-level:\n    severity: warning\n  system.continuity-plans:\n    severity: off\n    reason: Đánh giá riêng theo hướng dẫn của Công an tỉnh\n',
    });
    expect(r.config.file).toBe('kientruc.config.yaml');
    expect(r.diagnostics.find((d) => d.code === 'system.security-level')?.severity).toBe('warning');
    expect(r.diagnostics.some((d) => d.code === 'system.continuity-plans')).toBe(false);
    expect(r.rules.map((x) => x.id)).not.toContain('system.continuity-plans');
    expect(codes(r.diagnostics, 'config.')).toEqual([]);
  });

  it('an unconfirmed rule is never raised above warning', async () => {
    const r = await pipelineFor({ ...FILES, 'kientruc.config.yaml': 'rules:\n  agency.security-assessment:\n    severity: error\n' });
    expect(r.diagnostics.find((d) => d.code === 'agency.security-assessment')?.severity).toBe('warning');
  });

  it('refuses to switch a rule off without a reason, and names unknown rules', async () => {
    const r = await pipelineFor({
      ...FILES,
      'kientruc.config.yaml': 'rules:\n  system.continuity-plans:\n    severity: off\n  system.security-levle:\n    severity: info\n',
    });
    expect(codes(r.diagnostics, 'config.')).toEqual([
      'config.off-without-reason kientruc.config.yaml:3:15 error',
      'config.unknown-rule kientruc.config.yaml:4:3 error',
    ]);
    expect(r.diagnostics.find((d) => d.code === 'config.unknown-rule')?.message.vi).toContain('ý bạn là "system.security-level"');
    // Neither setting applies.
    expect(r.diagnostics.some((d) => d.code === 'system.continuity-plans')).toBe(true);
    expect(r.diagnostics.find((d) => d.code === 'system.security-level')?.severity).toBe('error');
  });

  it('reports schema problems at their node and ignores only the broken entries', async () => {
    const r = await pipelineFor({
      ...FILES,
      'kientruc.config.yaml': `rules:\n  system.security-level:\n    severity: fatal\n${WAIVER('2026-06-30')}  - rule: system.continuity-plans\n    entity: system:hsmc\n    reason: x\n    expires: 2026-03-01\n`,
    });
    expect(codes(r.diagnostics, 'config.')).toEqual(['config.enum kientruc.config.yaml:3:15 error', 'config.required kientruc.config.yaml:10:5 error']);
    expect(r.diagnostics.find((d) => d.code === 'system.security-level')?.waived?.approvedBy).toBe('Phó Giám đốc Sở Khoa học và Công nghệ');
    expect(r.diagnostics.find((d) => d.code === 'system.continuity-plans')?.waived).toBeUndefined();
  });

  it('a YAML syntax error in the configuration is located', async () => {
    const r = await pipelineFor({ ...FILES, 'kientruc.config.yaml': 'rules:\n  system.security-level: { severity: warning\n' });
    expect(codes(r.diagnostics, 'config.')[0]).toMatch(/^config\.syntax kientruc\.config\.yaml:\d+:\d+ error$/);
  });

  it('is found inside the architecture folder too, and is not read as an architecture document', async () => {
    const r = await pipelineFor({ ...FILES, 'architecture/kientruc.config.yaml': WAIVER('2026-06-30') });
    expect(r.config.file).toBe('architecture/kientruc.config.yaml');
    expect(r.diagnostics.filter((d) => d.code.startsWith('schema.'))).toEqual([]);
    expect(r.diagnostics.find((d) => d.code === 'system.security-level')?.waived).toBeDefined();
  });

  it('--config points elsewhere', async () => {
    const r = await pipelineFor({ ...FILES, 'ci/strict.yaml': 'rules:\n  data.layer-block:\n    severity: error\n' }, { config: 'ci/strict.yaml' });
    expect(r.config.file).toBe('ci/strict.yaml');
  });
});

describe('waivers', () => {
  it('a matching waiver keeps the finding, marked waived, and no longer fails the run', async () => {
    const dir = makeProject({ ...FILES, 'kientruc.config.yaml': `rules:\n  system.continuity-plans: { severity: off, reason: Theo dõi riêng }\n  task.gap-unaddressed: { severity: off, reason: Chưa lập lộ trình }\n${WAIVER('2026-06-30')}` });
    const json = await runMain(['check', '-f', 'json', '--as-of', '2026-01-15'], dir);
    const out = JSON.parse(json.stdout) as { diagnostics: { code: string; waived: { reason: string } | null }[] };
    const waived = out.diagnostics.find((d) => d.code === 'system.security-level');
    expect(waived?.waived?.reason).toContain('nâng cấp');
    const errors = out.diagnostics.filter((d) => !d.waived && d.code !== 'system.security-level');
    expect(errors.map((d) => d.code).filter((c) => !c.startsWith('agency.') && !c.startsWith('waiver.'))).toEqual([]);
    const stylish = await runMain(['check', '--as-of', '2026-01-15'], dir);
    expect(stylish.stdout).toContain('Đã miễn trừ: Hệ thống đang được nâng cấp');
    expect(stylish.code).toBe(0);
    const sarif = await runMain(['check', '-f', 'sarif', '--as-of', '2026-01-15'], dir);
    expect(sarif.stdout).toContain('"suppressions"');
  });

  it('an expired waiver is an error at the waiver, and waives nothing', async () => {
    const r = await pipelineFor({ ...FILES, 'kientruc.config.yaml': WAIVER('2025-12-31') });
    expect(codes(r.diagnostics, 'waiver.')).toEqual(['waiver.expired kientruc.config.yaml:2:5 error']);
    expect(r.diagnostics.find((d) => d.code === 'system.security-level')?.waived).toBeUndefined();
  });

  it('check exits 1 on an expired waiver even when nothing else fails', async () => {
    const off = 'rules:\n' + ['system.continuity-plans', 'task.gap-unaddressed', 'agency.incident-plans', 'agency.network-rules', 'agency.security-assessment', 'agency.lgsp'].map((id) => `  ${id}: { severity: off, reason: Không áp dụng trong phép thử }\n`).join('');
    const dir = makeProject({ ...FILES, 'kientruc.config.yaml': `${off}${WAIVER('2026-06-30')}` });
    expect((await runMain(['check', '--as-of', '2026-01-15'], dir)).code).toBe(0);
    expect((await runMain(['check', '--as-of', '2026-07-01'], dir)).code).toBe(1);
  });

  it('the expiry day itself is still covered', async () => {
    const r = await pipelineFor({ ...FILES, 'kientruc.config.yaml': WAIVER('2026-01-15') });
    expect(codes(r.diagnostics, 'waiver.')).toEqual([]);
  });

  it('a waiver that matches nothing is a warning, saying why', async () => {
    const r = await pipelineFor({ ...FILES, 'kientruc.config.yaml': WAIVER('2026-06-30', 'system:khong-co') });
    expect(codes(r.diagnostics, 'waiver.')).toEqual(['waiver.unused kientruc.config.yaml:2:5 warning']);
    expect(r.diagnostics.find((d) => d.code === 'waiver.unused')?.message.vi).toContain('system:khong-co không tồn tại');
  });

  it('a missing --config file is a usage error (exit 2)', async () => {
    const r = await runMain(['check', '--config', 'khong-co.yaml'], makeProject(FILES));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('khong-co.yaml');
  });
});
