import { describe, expect, it } from 'vitest';
import { AGENCY, pipelineFor } from '../helpers/project.js';

const ORG = 'apiVersion: kientruc/v1\nkind: Organization\nid: van-phong\nname: Văn phòng UBND tỉnh\nlevel: department\nparent: agency:tinh-thu\n';
const SYS = (owner: string) => `apiVersion: kientruc/v1
kind: System
id: he-thong
name: Hệ thống thử
layer: L3
component: tthc
status: operating
owner: ${owner}
security: { level: 3, dossier: approved, decision: { number: 12/QĐ-UBND, date: 2025-03-04 } }
hosting: { deployment: provincial-dc }
`;

async function refFormat(owner: string) {
  const r = await pipelineFor({ 'architecture/agency.yaml': AGENCY, 'architecture/org.yaml': ORG, 'architecture/systems/s.yaml': SYS(owner) }, { rules: false });
  return r.diagnostics.filter((d) => d.code === 'schema.ref-format');
}

describe('a reference written without its kind', () => {
  it('is suggested with the kind that has the id (org:, not the first kind the field accepts)', async () => {
    const [d] = await refFormat('van-phong');
    expect(d?.message.en).toMatch(/ — did you mean "org:van-phong"\?$/);
    expect(d?.message.vi).toMatch(/ — ý bạn là "org:van-phong"\?$/);
  });
  it('names the agency when the id is the agency', async () => {
    const [d] = await refFormat('tinh-thu');
    expect(d?.message.en).toMatch(/ — did you mean "agency:tinh-thu"\?$/);
  });
  it('keeps the first accepted kind when no kind has the id', async () => {
    const [d] = await refFormat('khong-co');
    expect(d?.message.en).toMatch(/ — did you mean "agency:khong-co"\?$/);
  });
});
