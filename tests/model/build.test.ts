import { describe, expect, it } from 'vitest';
import { AGENCY, pipelineFor } from '../helpers/project.js';

const SYS = (id: string, extra = '') => `apiVersion: kientruc/v1
kind: System
id: ${id}
name: Hệ thống ${id}
layer: L3
component: sectoral-app
status: operating
owner: agency:tinh-thu
${extra}`;

describe('model', () => {
  it('resolves refs, sorts entities by ref and indexes referrers', async () => {
    const r = await pipelineFor(
      {
        'architecture/agency.yaml': AGENCY,
        'architecture/systems.yaml': `${SYS('zeta')}---\n${SYS('alpha', 'replacedBy: system:zeta\n')}`,
        'architecture/org.yaml': 'apiVersion: kientruc/v1\nkind: Organization\nid: so-khcn\nname: Sở Khoa học và Công nghệ\nlevel: department\nparent: agency:tinh-thu\n',
      },
      { rules: false },
    );
    expect(r.diagnostics).toEqual([]);
    const m = r.model;
    expect(m.all('system').map((s) => s.ref)).toEqual(['system:alpha', 'system:zeta']);
    expect(m.referrers('system:zeta').map((x) => `${x.from} ${x.path.join('.')}`)).toEqual(['system:alpha replacedBy']);
    expect(m.org('org:so-khcn')?.source).toBe('local');
    expect(m.org('org:bo-cong-an')?.name).toBe('Bộ Công an');
    expect(m.org('agency:tinh-thu')?.source).toBe('agency');
    expect(m.national('national:ndxp')?.channel).toBe('ndxp');
    expect(m.locate('system:alpha', ['replacedBy'])).toEqual({
      file: 'architecture/systems.yaml',
      range: { start: { line: 18, col: 13 }, end: { line: 18, col: 24 } },
    });
  });

  it('accepts references to another agency (resolved later by aggregation)', async () => {
    const r = await pipelineFor(
      {
        'architecture/agency.yaml': AGENCY,
        'architecture/i.yaml': `apiVersion: kientruc/v1
kind: Integration
id: sang-so-y-te
name: Chia sẻ sang Sở Y tế
from: system:a
to: system:his@000.00.31.H98
channel: lgsp
status: live
---
${SYS('a')}`,
      },
      { rules: false },
    );
    expect(r.diagnostics).toEqual([]);
    expect(r.model.references.find((x) => x.external)?.external).toBe('000.00.31.H98');
  });

  it('treats a qualifier equal to the own agency code as local', async () => {
    const r = await pipelineFor(
      { 'architecture/agency.yaml': AGENCY, 'architecture/s.yaml': `${SYS('a')}---\n${SYS('b', 'replacedBy: system:nope@000.00.00.H98\n')}` },
      { rules: false },
    );
    expect(r.diagnostics.map((d) => d.code)).toEqual(['model.unresolved-ref']);
  });

  it('rejects two Agency documents and a declared central body', async () => {
    const r = await pipelineFor(
      {
        'architecture/agency.yaml': AGENCY,
        'architecture/b.yaml': AGENCY.replace('id: tinh-thu', 'id: tinh-khac'),
        'architecture/o.yaml': 'apiVersion: kientruc/v1\nkind: Organization\nid: bo-cong-an\nname: Bộ Công an\nlevel: ministry\n',
      },
      { rules: false },
    );
    expect(r.diagnostics.map((d) => `${d.file} ${d.code}`)).toEqual([
      'architecture/b.yaml model.multiple-agencies',
      'architecture/o.yaml model.duplicate-id',
    ]);
  });

  it('warns when a component does not belong to the layer (components are unconfirmed, so not an error)', async () => {
    const r = await pipelineFor({ 'architecture/agency.yaml': AGENCY, 'architecture/s.yaml': SYS('a').replace('layer: L3', 'layer: L1') }, { rules: false });
    expect(r.diagnostics.map((d) => `${d.code} ${d.severity} ${d.range.start.line}:${d.range.start.col}`)).toEqual(['model.component-layer warning 6:12']);
  });

  it('hints at the other kind when the id exists elsewhere', async () => {
    const r = await pipelineFor(
      {
        'architecture/agency.yaml': AGENCY,
        'architecture/s.yaml': `${SYS('ho-tich')}---\n${SYS('b', 'replacedBy: system:cong-du-lieu-tinh\n')}`,
        'architecture/d.yaml': 'apiVersion: kientruc/v1\nkind: Dataset\nid: cong-du-lieu-tinh\nname: D\nscope: local\n',
      },
      { rules: false },
    );
    expect(r.diagnostics.map((d) => d.fix?.vi)).toEqual(['Đã có "dataset:cong-du-lieu-tinh"; kiểm tra loại tham chiếu.']);
  });
});
