import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/core/diagnostic.js';
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
