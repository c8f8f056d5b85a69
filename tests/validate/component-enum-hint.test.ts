import { describe, expect, it } from 'vitest';
import { byLabelWords } from '../../src/validate/messages.js';
import { AGENCY, pipelineFor } from '../helpers/project.js';

const SYS = (component: string, layer = 'L3', roles = '') => `apiVersion: kientruc/v1
kind: System
id: he-thong
name: Hệ thống thử
layer: ${layer}
component: ${component}
status: operating
owner: agency:tinh-thu
${roles}`;

async function enumFindings(system: string) {
  const r = await pipelineFor({ 'architecture/agency.yaml': AGENCY, 'architecture/systems/s.yaml': system }, { rules: false });
  return r.diagnostics.filter((d) => d.code === 'schema.enum');
}

const L3 = 'tthc (Hệ thống thông tin giải quyết thủ tục hành chính), document-management (Quản lý văn bản và điều hành), sectoral-app (Ứng dụng chuyên ngành), internal-app (Ứng dụng nội bộ dùng chung), ioc (Trung tâm giám sát, điều hành thông minh (IOC))';

describe('schema.enum on component', () => {
  it('suggests the component whose label holds the words, lists the layer first and points to schema --list components', async () => {
    const [d, more] = await enumFindings(SYS('admin-procedures'));
    expect(more).toBeUndefined();
    expect(d?.message.vi).toMatch(/ — ý bạn là "tthc" \(Hệ thống thông tin giải quyết thủ tục hành chính\)\?$/);
    expect(d?.message.en).toMatch(/ — did you mean "tthc" \(Administrative-procedure handling system\)\?$/);
    expect(d?.fix?.vi).toBe(`Dùng một thành phần của lớp L3: ${L3}; các lớp khác: kientruc schema --list components.`);
    expect(d?.fix?.en).toMatch(/^Use a component of layer L3: tthc \(Administrative-procedure handling system\), .*; other layers: kientruc schema --list components\.$/);
  });
  it('suggests a code sharing whole words (warehouse → data-warehouse), by the Vietnamese label too', async () => {
    const [a] = await enumFindings(SYS('warehouse', 'L2'));
    expect(a?.message.en).toContain('did you mean "data-warehouse"');
    const [b] = await enumFindings(SYS('thủ tục hành chính'));
    expect(b?.message.en).toContain('did you mean "tthc"');
  });
  it('keeps a typo suggestion, and lists the layer of a role beside its component', async () => {
    const roles = 'roles:\n  - layer: L4\n    component: portl\n';
    const [top, role] = await enumFindings(SYS('tthx', 'L3', roles));
    expect(top?.message.en).toContain('did you mean "tthc"');
    expect(role?.path).toEqual(['roles', 0, 'component']);
    expect(role?.message.en).toContain('did you mean "portal"');
    expect(role?.fix?.en).toMatch(/^Use a component of layer L4: public-service-portal /);
  });
  it('without a known layer, lists every component (cut) and points to the catalogue', async () => {
    const d = (await enumFindings(SYS('xyz', 'L9'))).find((x) => x.path[0] === 'component');
    expect(d?.fix?.vi).toMatch(/^Dùng một trong: data-center \(Trung tâm dữ liệu\), .*, …; danh mục đầy đủ: kientruc schema --list components\.$/);
  });
});

describe('byLabelWords', () => {
  const VALUES = [
    { value: 'tthc', vi: 'Hệ thống thông tin giải quyết thủ tục hành chính', en: 'Administrative-procedure handling system', confirmed: false },
    { value: 'portal', vi: 'Cổng thông tin điện tử', en: 'Web portal', confirmed: false },
    { value: 'data-portal', vi: 'Cổng dữ liệu', en: 'Open data portal', confirmed: false },
  ];
  it.each([
    ['admin-procedures', 'tthc'],
    ['admin procedure', 'tthc'],
    ['handling', 'tthc'],
    ['portal', undefined], // two labels
    ['open data', 'data-portal'],
    ['adm-pro', 'tthc'],
    ['ad', undefined], // a word under 3 letters
    ['ad-procedure', undefined],
    ['xyz', undefined],
  ])('%s → %s', (given, expected) => {
    expect(byLabelWords(given, VALUES)).toBe(expected);
  });
});
