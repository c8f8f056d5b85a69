import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { certifyModel } from '../../src/model/valid.js';
import { AGENCY, makeProject, pipelineFor, runMain } from '../helpers/project.js';

/** An organisation whose short name is a list: the schema refuses it (issue #12: it crashed the gap report). */
const ORG_LIST_NAME = `apiVersion: kientruc/v1
kind: Organization
id: so-tu-phap
name: Sở Tư pháp
shortName: []
level: department
parent: agency:tinh-thu
`;

const SYSTEM_OF_ORG = `apiVersion: kientruc/v1
kind: System
id: ho-tich
name: Hệ thống hộ tịch
layer: L3
component: sectoral-app
status: operating
owner: org:so-tu-phap
`;

describe('ValidModel: renderers are given only what passed validation', () => {
  it('a document that failed its schema is declared, resolves, and is never handed out as an entity', async () => {
    const r = await pipelineFor({ 'architecture/agency.yaml': AGENCY, 'architecture/org.yaml': ORG_LIST_NAME, 'architecture/s.yaml': SYSTEM_OF_ORG });
    expect(r.structuralErrors).toBe(true);
    expect(r.diagnostics.filter((d) => d.code.startsWith('schema.')).map((d) => `${d.code} ${d.path.join('.')}`)).toEqual(['schema.type shortName']);
    // The reference to it resolves (no second, misleading finding) …
    expect(r.diagnostics.filter((d) => d.code === 'model.unresolved-ref')).toEqual([]);
    expect(r.model.declares('org:so-tu-phap')).toBe(true);
    // … but its fields, which may hold any YAML, are not read as the schema's types.
    expect(r.model.get('org:so-tu-phap')).toBeUndefined();
    expect(r.model.org('org:so-tu-phap')).toBeUndefined();
    expect(r.model.shortNameOf('org:so-tu-phap')).toBe('org:so-tu-phap');
    expect(r.model.all('org')).toEqual([]);
    expect(certifyModel(r.model, [])).toBeUndefined();
  });

  it('only a model without structural errors is certified; a rule finding does not matter', async () => {
    const r = await pipelineFor({ 'architecture/agency.yaml': AGENCY, 'architecture/s.yaml': SYSTEM_OF_ORG.replace('org:so-tu-phap', 'agency:tinh-thu') });
    expect(r.structuralErrors).toBe(false);
    expect(r.diagnostics.length).toBeGreaterThan(0);
    expect(certifyModel(r.model, r.diagnostics)).toBe(r.model);
    const structural = { code: 'model.unresolved-ref', severity: 'error', message: { vi: 'x', en: 'x' }, file: 'a.yaml', range: { start: { line: 1, col: 1 }, end: { line: 1, col: 1 } }, path: [] } as const;
    expect(certifyModel(r.model, [structural])).toBeUndefined();
    expect(certifyModel(r.model, [{ ...structural, severity: 'warning' }])).toBe(r.model);
  });

  it('kientruc gap on that folder refuses with the schema error, exit 1, and writes nothing', async () => {
    const dir = makeProject({ 'architecture/agency.yaml': AGENCY, 'architecture/org.yaml': ORG_LIST_NAME, 'architecture/s.yaml': SYSTEM_OF_ORG });
    const r = await runMain(['gap', '--out', 'out', '--as-of', '2026-01-15'], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('architecture/org.yaml:5');
    expect(r.stderr).not.toMatch(/toLocaleLowerCase|lỗi nội bộ/);
    expect(existsSync(join(dir, 'out'))).toBe(false);
  });
});
