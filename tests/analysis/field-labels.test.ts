import { describe, expect, it } from 'vitest';
import { fieldLabel, FIELD_LABELS } from '../../src/analysis/field-labels.js';
import { TIME_FIELDS } from '../../src/core/time-fields.js';
import { availablePacks, loadPack } from '../../src/framework/load-pack.js';
import { compileSchemas } from '../../src/validate/ajv.js';
import type { Schema } from '../../src/validate/schema/dsl.js';
import { schemaAt } from '../../src/validate/schema/walk.js';

const kinds = compileSchemas(loadPack(), availablePacks()).set.kinds as Record<string, Schema>;

/** Every field the schema lets a user write as "chưa xác định", outside transitions. */
function unknownable(s: Schema, path: string[] = [], out: string[] = []): string[] {
  if (s['x-unknown'] === true) out.push(path.join('.'));
  if (path[0] === 'transitions') return out;
  for (const [k, sub] of Object.entries((s['properties'] as Record<string, Schema> | undefined) ?? {})) unknownable(sub, [...path, k], out);
  return out;
}

describe('field labels: the schema titles, for every field a rule names', () => {
  it('equal the schema’s own x-vi / x-en titles', () => {
    const differ: string[] = [];
    for (const [kind, rows] of Object.entries(FIELD_LABELS)) {
      for (const [path, [vi, en]] of Object.entries(rows)) {
        const s = kinds[kind] ? schemaAt(kinds[kind], path.split('.')) : undefined;
        if (s?.['x-vi'] !== vi || s['x-en'] !== en) differ.push(`${kind} ${path}: ${vi} / ${en} ≠ ${String(s?.['x-vi'])} / ${String(s?.['x-en'])}`);
      }
    }
    expect(differ).toEqual([]);
  });

  it('cover every "chưa xác định"-able field and every field a transition may change', () => {
    const missing: string[] = [];
    for (const [kind, s] of Object.entries(kinds)) for (const p of unknownable(s)) if (!FIELD_LABELS[kind]?.[p]) missing.push(`${kind} ${p}`);
    for (const [kind, fields] of Object.entries(TIME_FIELDS)) for (const f of fields) if (!FIELD_LABELS[kind]?.[f]) missing.push(`${kind} ${f}`);
    expect(missing).toEqual([]);
  });

  it('read mid-sentence; a transition says so; an unknown path stays quoted', () => {
    expect(fieldLabel('system', 'owner')).toEqual({ vi: 'chủ quản hệ thống', en: 'system owner' });
    expect(fieldLabel('system', ['security', 'level']).vi).toBe('cấp độ an toàn hệ thống thông tin');
    expect(fieldLabel('system', 'transitions.0.set.hosting.deployment').vi).toBe('hình thức triển khai, lưu trữ (trong chuyển đổi theo kế hoạch)');
    expect(fieldLabel('agency', 'code').vi).toBe('mã định danh cơ quan');
    expect(fieldLabel('system', 'x.y')).toEqual({ vi: '"x.y"', en: '"x.y"' });
  });
});
