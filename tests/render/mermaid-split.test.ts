import { describe, expect, it } from 'vitest';
import { diagramsFor } from '../../src/render/mermaid/diagrams.js';
import type { DiagramSpec } from '../../src/render/mermaid/types.js';
import { AGENCY, AS_OF, pipelineFor, validPipelineFor } from '../helpers/project.js';

const LAYERS: readonly [string, string][] = [
  ['L1', 'data-center'],
  ['L2', 'sectoral-database'],
  ['L3', 'sectoral-app'],
  ['L4', 'portal'],
];

/** A large agency: `n` systems over four layers and `owners` departments, each system with one dataset and one integration. */
function bigProject(n: number, owners: number, opts: { allInOneComponent?: boolean } = {}): Record<string, string> {
  const docs: string[] = [];
  for (let o = 0; o < owners; o++) {
    docs.push(`apiVersion: kientruc/v1\nkind: Organization\nid: so-${o}\nname: Sở số ${o}\nlevel: department\n`);
  }
  for (let i = 0; i < n; i++) {
    const [layer, component] = opts.allInOneComponent ? ['L3', 'sectoral-app'] : LAYERS[i % 4]!;
    docs.push(
      `apiVersion: kientruc/v1\nkind: System\nid: he-thong-${i}\nname: Hệ thống số ${i}\nlayer: ${layer}\ncomponent: ${component}\nstatus: operating\nowner: org:so-${i % owners}\nsecurity: { level: ${(i % 3) + 1}, dossier: approved }\n`,
      `apiVersion: kientruc/v1\nkind: Dataset\nid: du-lieu-${i}\nname: Dữ liệu số ${i}\nscope: local\nlayer: ${['source', 'master', 'reference', 'transactional'][i % 4]}\nsystem: system:he-thong-${i}\nnationalStore: shared-store\nsync: { status: live }\n`,
      `apiVersion: kientruc/v1\nkind: Integration\nid: ket-noi-${i}\nname: Kết nối ${i}\nfrom: system:he-thong-${i}\nto: ${i % 2 ? 'national:ndxp' : `system:he-thong-${(i + 1) % n}`}\nchannel: ${i % 2 ? 'ndxp' : 'lgsp'}\ndatasets: [dataset:du-lieu-${i}]\nstatus: live\n`,
      `apiVersion: kientruc/v1\nkind: Task\nid: nhiem-vu-${i}\nname: Nhiệm vụ ${i}\narea: ${['data', 'legal', 'security'][i % 3]}\nlead: org:so-0\nstart: 2026-01-01\ndeadline: 2027\n`,
    );
  }
  return { 'architecture/agency.yaml': AGENCY, 'architecture/all.yaml': docs.join('---\n') };
}

/** Nodes a flowchart declares (system, dataset, national and org nodes; legends and group boxes not counted). */
function entityNodes(d: DiagramSpec): number {
  return new Set(d.mermaid.match(/^\s+((?:system|dataset|national|org|agency)__\w+)[[({]/gm) ?? []).size;
}

async function diagrams(files: Record<string, string>, maxNodes: number): Promise<DiagramSpec[]> {
  const r = await validPipelineFor(files, { rules: false });
  expect(r.structuralErrors).toBe(false);
  return diagramsFor(r.model, { asOf: AS_OF, maxNodes });
}

describe('legible at scale: diagrams split above the node limit', () => {
  it('under the limit: one landscape, one integration map, one data architecture, one security overview', async () => {
    const ds = await diagrams(bigProject(12, 2), 40);
    const names = ds.map((d) => d.name).filter((n) => !n.startsWith('context/'));
    expect(names).toEqual(['landscape', 'integration-map', 'data-architecture', 'security', 'roadmap']);
  });

  it('above the limit: an overview plus one diagram per layer, per owning body, per data layer, per level, per task area', async () => {
    const ds = await diagrams(bigProject(60, 3), 20);
    const names = ds.map((d) => d.name).filter((n) => !n.startsWith('context/'));
    expect(names).toEqual([
      'landscape',
      'landscape-l1',
      'landscape-l2',
      'landscape-l3',
      'landscape-l4',
      'integration-map',
      'integration-map-so-0',
      'integration-map-so-1',
      'integration-map-so-2',
      'data-architecture',
      'data-architecture-source',
      'data-architecture-master',
      'data-architecture-reference',
      'data-architecture-transactional',
      'security-cap-do-3',
      'security-cap-do-2',
      'security-cap-do-1',
      'roadmap-legal',
      'roadmap-data',
      'roadmap-security',
    ]);
    // The overviews aggregate: no system node at all.
    expect(entityNodes(ds.find((d) => d.name === 'landscape')!)).toBe(0);
    expect(entityNodes(ds.find((d) => d.name === 'landscape-l1')!)).toBe(15);
    expect(ds.find((d) => d.name === 'data-architecture')!.mermaid).toContain('15 tập dữ liệu');
    for (const d of ds.filter((x) => /^(landscape-|data-architecture-|security-)/.test(x.name))) expect(entityNodes(d)).toBeLessThanOrEqual(20);
  });

  it('a layer still too big splits per component', async () => {
    const ds = await diagrams(bigProject(30, 1, { allInOneComponent: true }), 20);
    expect(ds.map((d) => d.name).filter((n) => n.startsWith('landscape'))).toEqual(['landscape', 'landscape-l3-sectoral-app']);
  });

  it('a context diagram keeps the nearest relations and counts the rest', async () => {
    const files = bigProject(30, 1);
    // every system is monitored by system 0
    files['architecture/all.yaml'] = files['architecture/all.yaml']!.replace(/security: \{ level: (\d), dossier: approved \}/g, 'security: { level: $1, dossier: approved, monitoredBy: system:he-thong-0 }');
    const ds = await diagrams(files, 12);
    const ctx = ds.find((d) => d.name === 'context/he-thong-0')!;
    expect(entityNodes(ctx)).toBeLessThanOrEqual(12);
    expect(ctx.mermaid).toMatch(/… và \d+ đối tượng liên quan khác/);
  });

  it('every diagram is generated the same way twice (pure)', async () => {
    const files = bigProject(25, 2);
    const a = await diagrams(files, 20);
    const b = await diagrams(files, 20);
    expect(b).toEqual(a);
  });
});
