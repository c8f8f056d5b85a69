import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/core/diagnostic.js';
import { AGENCY, pipelineFor } from '../helpers/project.js';

const SYS = (id: string) => `apiVersion: kientruc/v1
kind: System
id: ${id}
name: Hệ thống ${id}
layer: L3
component: tthc
status: operating
owner: agency:tinh-thu
`;

const LINK = (from: string, to: string) => `apiVersion: kientruc/v1
kind: Integration
id: ket-noi
name: Kết nối thử
from: ${from}
to: ${to}
channel: lgsp
status: live
`;

async function unresolved(to: string, systems = ['he-thong-tthc', 'lgsp-tinh'], extra: Record<string, string> = {}): Promise<Diagnostic[]> {
  const files: Record<string, string> = { 'architecture/agency.yaml': AGENCY, 'architecture/integrations/k.yaml': LINK('system:he-thong-tthc', to), ...extra };
  for (const s of systems) files[`architecture/systems/${s}.yaml`] = SYS(s);
  const r = await pipelineFor(files, { rules: false });
  return r.diagnostics.filter((d) => d.code === 'model.unresolved-ref');
}

describe('model.unresolved-ref names the referring entity and the other-agency form', () => {
  it('an id declared nowhere here: the integration is named, the fix offers system:<id>@<agency code>', async () => {
    const [d, more] = await unresolved('system:cong-tinh-khac');
    expect(more).toBeUndefined();
    expect(d?.message.vi).toBe('system "cong-tinh-khac" không tồn tại (tham chiếu từ integration:ket-noi).');
    expect(d?.message.en).toBe('system "cong-tinh-khac" does not exist (referenced by integration:ket-noi).');
    expect(d?.fix?.vi).toContain('nếu là hệ thống của cơ quan khác, ghi kèm mã định danh của cơ quan đó: "system:cong-tinh-khac@<mã cơ quan>"');
    expect(d?.fix?.en).toContain('"system:cong-tinh-khac@<agency code>"');
  });
  it('a national system gets the pack list, not an agency code', async () => {
    const [d] = await unresolved('national:khong-co-that');
    expect(d?.message.vi).toContain('(tham chiếu từ integration:ket-noi)');
    expect(d?.fix?.vi).toContain('kientruc schema --list national');
    expect(d?.fix?.vi).not.toContain('@');
  });
});

describe('model.unresolved-ref suggests an id sharing whole words', () => {
  it.each([
    ['system:he-thong-tthc-tinh', 'he-thong-tthc'],
    ['system:lgsp', 'lgsp-tinh'],
  ])('%s → %s', async (to, guess) => {
    const [d] = await unresolved(to);
    expect(d?.message.vi).toBe(`system "${to.slice('system:'.length)}" không tồn tại — ý bạn là "${guess}"? (tham chiếu từ integration:ket-noi)`);
    expect(d?.fix?.en).toBe(`Change it to "system:${guess}".`);
  });
  it('keeps the typo suggestion it made before', async () => {
    const [d] = await unresolved('system:lgsp-tinx');
    expect(d?.fix?.en).toBe('Change it to "system:lgsp-tinh".');
  });
  it('suggests nothing when two ids hold the words', async () => {
    const [d] = await unresolved('system:lgsp', ['he-thong-tthc', 'lgsp-tinh', 'lgsp-huyen']);
    expect(d?.message.en).not.toContain('did you mean');
    expect(d?.fix?.en).toContain('system:lgsp@<agency code>');
  });
  it('the same id under another kind beats an id sharing words', async () => {
    const dataset = 'apiVersion: kientruc/v1\nkind: Dataset\nid: lgsp\nname: Dữ liệu thử\nowner: agency:tinh-thu\n';
    const [d] = await unresolved('system:lgsp', undefined, { 'architecture/datasets/lgsp.yaml': dataset });
    expect(d?.fix?.en).toBe('"dataset:lgsp" exists; check the reference kind.');
  });
});
