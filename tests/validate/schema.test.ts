import { describe, expect, it } from 'vitest';
import { AGENCY, pipelineFor } from '../helpers/project.js';

/** One valid system; each case changes one field (the Backstage pattern). */
const VALID = {
  apiVersion: 'kientruc/v1',
  kind: 'System',
  id: 'he-thong-tthc',
  name: 'Hệ thống thông tin giải quyết thủ tục hành chính',
  layer: 'L3',
  component: 'tthc',
  status: 'operating',
  owner: 'agency:tinh-thu',
  security: { level: 3, dossier: 'approved', decision: { number: '12/QĐ-UBND', date: '2025-03-04' } },
  hosting: { deployment: 'provincial-dc' },
};

function yamlOf(doc: Record<string, unknown>): string {
  return `${JSON.stringify(doc, null, 2)}\n`;
}

async function codesFor(doc: Record<string, unknown>): Promise<string[]> {
  const r = await pipelineFor({ 'architecture/agency.yaml': AGENCY, 'architecture/systems/s.yaml': yamlOf(doc) }, { rules: false });
  return r.diagnostics.map((d) => `${d.code} ${d.path.join('.')}`);
}

describe('System schema', () => {
  it('accepts the valid system', async () => {
    expect(await codesFor(VALID)).toEqual([]);
  });
  it.each([
    ['rejects a missing owner', { owner: undefined }, ['schema.required owner']],
    ['rejects an unknown layer', { layer: 'L9' }, ['schema.enum layer']],
    ['rejects a component of another vocabulary', { component: 'erp' }, ['schema.enum component']],
    ['rejects security level 6', { security: { level: 6 } }, ['schema.enum security.level']],
    ['rejects a decision without date', { security: { level: 2, decision: { number: '1/QĐ' } } }, ['schema.required security.decision.date']],
    ['rejects an impossible date', { goLive: '2025-13-01' }, ['schema.format goLive']],
    ['rejects an owner that is not an organisation', { owner: 'system:x' }, ['model.wrong-ref-kind owner']],
    ['rejects a malformed ref', { owner: 'Sở KH&CN' }, ['schema.ref-format owner']],
    ['rejects an id with capitals', { id: 'HeThong' }, ['schema.id-format id']],
    ['rejects an unknown field', { vendorr: 'x' }, ['schema.unknown-field vendorr']],
    ['rejects a wrong type', { sharedPlatform: 'yes' }, ['schema.type sharedPlatform']],
    ['rejects an empty name', { name: '' }, ['schema.empty name']],
  ])('%s', async (_name, change, expected) => {
    const doc: Record<string, unknown> = { ...VALID };
    for (const [k, v] of Object.entries(change)) {
      if (v === undefined) delete doc[k];
      else doc[k] = v;
    }
    expect(await codesFor(doc)).toEqual(expected);
  });
});

describe('deadlines', () => {
  const task = (deadline: unknown) => ({
    apiVersion: 'kientruc/v1',
    kind: 'Task',
    id: 't',
    name: 'Nhiệm vụ',
    area: 'data',
    lead: 'agency:tinh-thu',
    deadline,
  });
  it.each([[2025], ['2025'], ['2025-09'], ['2025-09-30'], ['ongoing']])('accepts %s', async (d) => {
    const r = await pipelineFor({ 'architecture/agency.yaml': AGENCY, 'architecture/t.yaml': yamlOf(task(d)) }, { rules: false });
    expect(r.diagnostics).toEqual([]);
  });
  it.each([['2025-13'], ['2025-02-30'], ['soon'], [1800]])('rejects %s', async (d) => {
    const r = await pipelineFor({ 'architecture/agency.yaml': AGENCY, 'architecture/t.yaml': yamlOf(task(d)) }, { rules: false });
    expect(r.diagnostics.map((x) => x.path.join('.'))).toEqual(['deadline']);
  });
});
