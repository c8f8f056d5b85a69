import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/core/diagnostic.js';
import { loadPack } from '../../src/framework/load-pack.js';
import { asIsoDay, byLabel } from '../../src/validate/messages.js';
import { AGENCY, pipelineFor } from '../helpers/project.js';

/** One valid system as YAML text (so quotes and number spellings are the writer's); `extra` lines replace or add fields. */
const system = (fields: Record<string, string>): string => {
  const base: Record<string, string> = {
    apiVersion: 'kientruc/v1',
    kind: 'System',
    id: 'he-thong',
    name: 'Hệ thống thử',
    layer: 'L3',
    component: 'tthc',
    status: 'operating',
    owner: 'agency:tinh-thu',
    security: '{ level: 3, dossier: approved, decision: { number: 12/QĐ-UBND, date: 2025-03-04 } }',
    hosting: '{ deployment: provincial-dc }',
    ...fields,
  };
  return `${Object.entries(base)
    .map(([k, v]) => `${k}: ${v}`)
    .join('\n')}\n`;
};

async function findings(fields: Record<string, string>): Promise<Diagnostic[]> {
  const r = await pipelineFor({ 'architecture/agency.yaml': AGENCY, 'architecture/systems/s.yaml': system(fields) }, { rules: false });
  return [...r.diagnostics];
}

describe('hints that start from the value written', () => {
  it('a quoted number on a numeric enum: remove the quotes, never "did you mean" the same value', async () => {
    const ds = await findings({ security: '{ level: "3", dossier: approved, decision: { number: 12/QĐ-UBND, date: 2025-03-04 } }' });
    expect(ds).toHaveLength(1);
    const d = ds[0] as Diagnostic;
    expect(d.code).toBe('schema.enum');
    expect(d.message.en).not.toMatch(/did you mean/);
    expect(d.message.vi).toMatch(/dấu nháy/);
    expect(d.fix).toEqual({ vi: 'Bỏ dấu nháy: 3.', en: 'Remove the quotes: 3.' });
  });

  it('a decimal in a whole-number field: one error, "whole number", and a fix', async () => {
    const ds = await findings({ users: '{ internal: 6850.5 }' });
    expect(ds.map((d) => d.code)).toEqual(['schema.type']);
    expect(ds[0]?.message.vi).toMatch(/phải là số nguyên \(không có phần thập phân\), nhưng đang là 6850\.5\.$/);
    expect(ds[0]?.message.en).toMatch(/must be a whole number, not 6850\.5\.$/);
    expect(ds[0]?.fix?.en).toBe('Drop the decimals: 6850 or 6851.');
  });

  it('6.850 in a whole-number field: only the ambiguous-number error at that position', async () => {
    const ds = await findings({ users: '{ internal: 6.850 }' });
    expect(ds.map((d) => d.code)).toEqual(['schema.ambiguous-number']);
  });

  it('a number with a space between thousands: the fix writes the user\'s own number', async () => {
    const ds = await findings({ users: '{ internal: 6 850 }' });
    expect(ds.map((d) => d.code)).toEqual(['schema.type']);
    expect(ds[0]?.fix).toEqual({ vi: 'Viết số liền, không có dấu cách: 6850.', en: 'Write the number without spaces: 6850.' });
  });

  it('a day written 30/09/2026: the fix writes 2026-09-30', async () => {
    const ds = await findings({ security: '{ level: 3, dossier: approved, decision: { number: 12/QĐ-UBND, date: 30/09/2026 } }' });
    expect(ds.map((d) => d.code)).toEqual(['schema.format']);
    expect(ds[0]?.fix).toEqual({ vi: 'Viết ngày dạng YYYY-MM-DD: 2026-09-30.', en: 'Write the date as YYYY-MM-DD: 2026-09-30.' });
  });

  it.each([
    ['đang vận hành', 'operating', 'Đang vận hành', 'Operating'],
    ['Dang van hanh', 'operating', 'Đang vận hành', 'Operating'],
    ['dự kiến', 'planned', 'Dự kiến', 'Planned'],
  ])('an enum value written as its Vietnamese label (%s) is matched to its code', async (written, code, vi, en) => {
    const ds = await findings({ status: written });
    expect(ds.map((d) => d.code)).toEqual(['schema.enum']);
    expect(ds[0]?.message.vi).toMatch(new RegExp(` — ý bạn là "${code}" \\(${vi}\\)\\?$`));
    expect(ds[0]?.message.en).toMatch(new RegExp(` — did you mean "${code}" \\(${en}\\)\\?$`));
    expect(ds[0]?.fix?.vi).toContain('operating (Đang vận hành)');
    expect(ds[0]?.fix?.en).toContain('operating (Operating)');
  });
});

describe('byLabel and asIsoDay', () => {
  const SHARING = [
    { value: 'shared', vi: 'Dữ liệu dùng chung', en: 'Shared data', confirmed: true },
    { value: 'restricted', vi: 'Dữ liệu dùng riêng', en: 'Restricted data', confirmed: true },
    { value: 'open', vi: 'Dữ liệu mở', en: 'Open data', confirmed: true },
  ];
  it('matches a label, the words of one label, diacritics and case aside; nothing when two labels hold the words', () => {
    expect(byLabel('dùng chung', SHARING)).toBe('shared');
    expect(byLabel('dung chung', SHARING)).toBe('shared');
    expect(byLabel('DỮ LIỆU MỞ', SHARING)).toBe('open');
    expect(byLabel('dữ liệu', SHARING)).toBeUndefined();
    expect(byLabel('xyz', SHARING)).toBeUndefined();
  });
  it('reads a day written day first, or with slashes', () => {
    expect(asIsoDay('30/09/2026')).toBe('2026-09-30');
    expect(asIsoDay('3.4.2026')).toBe('2026-04-03');
    expect(asIsoDay('2026/9/30')).toBe('2026-09-30');
    expect(asIsoDay('31/02/2026')).toBeUndefined();
    expect(asIsoDay('2026-09-30')).toBeUndefined();
  });
});

describe('enum labels, their alternatives and aliases (pack data) are offered as the code', () => {
  const TASK = (fields: string): string => `apiVersion: kientruc/v1\nkind: Task\nid: nhiem-vu\nname: Nhiệm vụ thử\narea: security\nlead: agency:tinh-thu\ndeadline: 2027\n${fields}`;
  const enumFinding = async (files: Record<string, string>): Promise<Diagnostic> => {
    const r = await pipelineFor({ 'architecture/agency.yaml': AGENCY, ...files }, { rules: false });
    const ds = r.diagnostics.filter((d) => d.code === 'schema.enum');
    expect(ds).toHaveLength(1);
    return ds[0] as Diagnostic;
  };
  it('level: xã — one alternative of the label "Xã, phường, đặc khu" → commune', async () => {
    const d = await enumFinding({ 'architecture/agency.yaml': AGENCY.replace('level: province', 'level: xã') });
    expect(d.message.vi).toMatch(/ — ý bạn là "commune" \(Xã, phường, đặc khu\)\?$/);
    expect(d.message.en).toMatch(/ — did you mean "commune" \(Commune, ward or special zone\)\?$/);
  });
  it('task status: planned — an alias of not-started', async () => {
    const d = await enumFinding({ 'architecture/tasks/t.yaml': TASK('status: planned\n') });
    expect(d.message.vi).toMatch(/ — ý bạn là "not-started" \(Chưa triển khai\)\?$/);
  });
  it('budget source: ngân sách xã — holds the alias "ngân sách" of state-budget', async () => {
    const d = await enumFinding({ 'architecture/tasks/t.yaml': TASK('budget:\n  - { year: 2027, amount: 15, source: ngân sách xã }\n') });
    expect(d.message.vi).toMatch(/ — ý bạn là "state-budget" \(Ngân sách nhà nước theo phân cấp\)\?$/);
  });
  it('byLabel on the pack: alternatives and aliases, never an ambiguous guess', () => {
    const pack = loadPack('vn-2025');
    const values = (id: string) => pack.enums[id]?.values ?? [];
    expect(byLabel('xã', values('agencyLevel'))).toBe('commune');
    expect(byLabel('phường', values('agencyLevel'))).toBe('commune');
    expect(byLabel('Sở', values('agencyLevel'))).toBe('department');
    expect(byLabel('tỉnh', values('agencyLevel'))).toBe('province');
    expect(byLabel('planned', values('taskStatus'))).toBe('not-started');
    expect(byLabel('ngân sách tỉnh', values('budgetSource'))).toBe('state-budget');
    expect(byLabel('NSNN', values('budgetSource'))).toBe('state-budget');
    // "ngân sách" is in every budget-level label: no guess.
    expect(byLabel('ngân sách', values('budgetLevel'))).toBeUndefined();
  });
});

describe('a number written with "%": the fix says where the unit goes, for the entity at hand', () => {
  const typeFinding = async (files: Record<string, string>): Promise<Diagnostic> => {
    const r = await pipelineFor({ 'architecture/agency.yaml': AGENCY, ...files }, { rules: false });
    const ds = r.diagnostics.filter((d) => d.code === 'schema.type');
    expect(ds).toHaveLength(1);
    return ds[0] as Diagnostic;
  };
  it('a task (no "unit" field): progress is already in percent', async () => {
    const d = await typeFinding({ 'architecture/tasks/t.yaml': 'apiVersion: kientruc/v1\nkind: Task\nid: nhiem-vu\nname: Nhiệm vụ thử\narea: data\nlead: agency:tinh-thu\ndeadline: 2027\nprogress: 70%\n' });
    expect(d.fix).toEqual({ vi: 'Bỏ ký hiệu %: 70 (trường này đã tính theo phần trăm, 0–100).', en: 'Drop the % sign: 70 (this field is already in percent, 0–100).' });
  });
  it('a KPI: the unit goes in its "unit"', async () => {
    const d = await typeFinding({ 'architecture/kpis/k.yaml': 'apiVersion: kientruc/v1\nkind: Kpi\nid: chi-tieu\nname: Chỉ tiêu thử\nunit: percent\ntarget: { value: 70%, deadline: 2027 }\n' });
    expect(d.fix).toEqual({ vi: 'Bỏ ký hiệu %: 70 (đơn vị ghi ở "unit").', en: 'Drop the % sign: 70 (the unit goes in "unit").' });
  });
  it('another number: only the sign goes', async () => {
    const d = await typeFinding({ 'architecture/tasks/t.yaml': 'apiVersion: kientruc/v1\nkind: Task\nid: nhiem-vu\nname: Nhiệm vụ thử\narea: data\nlead: agency:tinh-thu\ndeadline: 2027\nbudget:\n  - { year: 2027, amount: 15%, source: state-budget }\n' });
    expect(d.fix).toEqual({ vi: 'Bỏ ký hiệu %: 15.', en: 'Drop the % sign: 15.' });
  });
});
