/**
 * `export --format archimate` on the sample: well-formed XML whose identifiers, references and
 * relationships Archi accepts (checked here without the official files), valid against The Open
 * Group's XSDs and Archi's relationship table when those are available (tests/helpers/exchange-schemas.ts),
 * byte-stable, and with nothing withheld in the public edition.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { elementId, isXsId } from '../../src/exchange/archimate/ids.js';
import { exportArchimate } from '../../src/exchange/archimate/index.js';
import { exchangeSchemasDir, xmlCatalogFor } from '../helpers/exchange-schemas.js';
import { AGENCY, pipelineFor } from '../helpers/project.js';
import { makeTempDir } from '../helpers/tmp.js';
import { loadSample } from '../helpers/sample-model.js';
import type { PipelineResult } from '../../src/pipeline.js';
import { leaks, withheldValues } from './withheld.js';

/** Attributes of every `<tag …>` opening tag in our line-per-element output. */
function tags(xml: string, tag: string): Record<string, string>[] {
  const out: Record<string, string>[] = [];
  for (const m of xml.matchAll(new RegExp(`<${tag}\\s([^>]*?)/?>`, 'g'))) {
    const attrs: Record<string, string> = {};
    for (const a of (m[1] as string).matchAll(/([\w:]+)="([^"]*)"/g)) attrs[a[1] as string] = a[2] as string;
    out.push(attrs);
  }
  return out;
}

/**
 * Relationships ArchiMate 3.1/3.2 allows between the element types kientruc emits (Appendix B of the
 * specification, as Archi's relationships.xml lists it): a access, c composition, f flow, i assignment,
 * o association, r realization, v serving.
 */
const ALLOWED: Record<string, string> = {
  'BusinessActor>BusinessActor': 'cfov',
  'BusinessActor>ApplicationComponent': 'fov',
  'BusinessActor>Node': 'fov',
  'BusinessActor>DataObject': 'ao',
  'ApplicationComponent>BusinessActor': 'fov',
  'ApplicationComponent>ApplicationComponent': 'cfov',
  'ApplicationComponent>Node': 'fov',
  'ApplicationComponent>DataObject': 'ao',
  'Node>BusinessActor': 'fov',
  'Node>ApplicationComponent': 'fov',
  'Node>Node': 'cfov',
  'Node>DataObject': 'ao',
  'BusinessActor>BusinessFunction': 'fiotv',
  'BusinessActor>BusinessService': 'fiortv',
  'BusinessFunction>BusinessFunction': 'cfgostv',
  'BusinessFunction>BusinessService': 'fortv',
  'ApplicationComponent>BusinessFunction': 'fortv',
  'ApplicationComponent>BusinessService': 'fortv',
};
const LETTER: Record<string, string> = { Access: 'a', Assignment: 'i', Composition: 'c', Flow: 'f', Association: 'o', Realization: 'r', Serving: 'v' };

function xmllint(args: readonly string[], env: Record<string, string> = {}): { code: number; out: string } {
  const r = spawnSync('xmllint', args, { encoding: 'utf8', env: { ...process.env, ...env } });
  if (r.error) throw new Error(`xmllint is needed (Debian libxml2-utils; .ci/system-deps installs it): ${r.error.message}`);
  return { code: r.status ?? -1, out: `${r.stdout}${r.stderr}` };
}

function writeTemp(name: string, text: string): string {
  const file = join(makeTempDir('archimate-'), name);
  writeFileSync(file, text);
  return file;
}

let sample: PipelineResult;
let internal: string;
let publicXml: string;

beforeAll(async () => {
  sample = await loadSample();
  const run = (audience: 'internal' | 'public'): string => exportArchimate(sample.model, { audience, asOf: sample.asOf })[0]?.contents as string;
  internal = run('internal');
  publicXml = run('public');
});

describe('ArchiMate export of the sample', () => {
  it('is well-formed XML in the Open Exchange namespace', () => {
    for (const xml of [internal, publicXml]) {
      const r = xmllint(['--noout', '--nonet', writeTemp('model.xml', xml)]);
      expect(r.out).toBe('');
      expect(r.code).toBe(0);
      expect(xml).toContain('<model xmlns="http://www.opengroup.org/xsd/archimate/3.0/"');
    }
  });

  it('maps organisations, systems (nodes at L1), national platforms and datasets, with ids from refs', () => {
    const els = new Map(tags(internal, 'element').map((a) => [a['identifier'], a['xsi:type']]));
    const m = sample.model;
    for (const s of m.all('system')) expect(els.get(elementId(s.ref)), s.ref).toBe(s.layer === 'L1' ? 'Node' : 'ApplicationComponent');
    for (const d of m.all('dataset')) expect(els.get(elementId(d.ref)), d.ref).toBe('DataObject');
    for (const o of m.all('org')) expect(els.get(elementId(o.ref)), o.ref).toBe('BusinessActor');
    expect(els.get('id-national.ndop')).toBe('ApplicationComponent');
    for (const f of m.all('function')) expect(els.get(elementId(f.ref)), f.ref).toBe('BusinessFunction');
    for (const s of m.all('service')) expect(els.get(elementId(s.ref)), s.ref).toBe('BusinessService');
    const rels = tags(internal, 'relationship');
    // Each service with a known local handling system is served by it; each function with a parent is composed under it.
    for (const s of m.all('service')) {
      if (s.handledBy?.startsWith('system:')) expect(rels.some((r) => r['xsi:type'] === 'Serving' && r['source'] === elementId(s.handledBy as string) && r['target'] === elementId(s.ref)), s.ref).toBe(true);
      if (s.function) expect(rels.some((r) => r['xsi:type'] === 'Realization' && r['source'] === elementId(s.function as string) && r['target'] === elementId(s.ref)), s.ref).toBe(true);
    }
    for (const f of m.all('function')) if (f.parent) expect(rels.some((r) => r['xsi:type'] === 'Composition' && r['target'] === elementId(f.ref)), f.ref).toBe(true);
    expect(m.all('service').length).toBeGreaterThan(0);
    const flows = tags(internal, 'relationship').filter((r) => r['xsi:type'] === 'Flow');
    expect(flows.length).toBe(m.all('integration').length);
    expect(tags(internal, 'relationship').some((r) => r['xsi:type'] === 'Access' && r['accessType'] === 'ReadWrite')).toBe(true);
    expect(tags(internal, 'relationship').some((r) => r['xsi:type'] === 'Serving' && r['source'] === 'id-system.lgsp-tinh')).toBe(true);
  });

  it('has what Archi needs to open it: valid unique xs:IDs, resolved ends, valid relationships, laid-out views', () => {
    for (const xml of [internal, publicXml]) {
      const elements = tags(xml, 'element');
      const relationships = tags(xml, 'relationship');
      const typeOf = new Map(elements.map((e) => [e['identifier'] as string, e['xsi:type'] as string]));
      const relById = new Map(relationships.map((r) => [r['identifier'] as string, r]));
      const ids = [...xml.matchAll(/\sidentifier="([^"]*)"/g)].map((m) => m[1] as string);
      expect(new Set(ids).size).toBe(ids.length);
      for (const id of ids) expect(isXsId(id), id).toBe(true);
      const defs = new Set(tags(xml, 'propertyDefinition').map((p) => p['identifier']));
      for (const p of tags(xml, 'property')) expect(defs.has(p['propertyDefinitionRef']), p['propertyDefinitionRef']).toBe(true);
      for (const r of relationships) {
        const s = typeOf.get(r['source'] as string);
        const t = typeOf.get(r['target'] as string);
        expect(s, `${r['identifier']} source`).toBeDefined();
        expect(t, `${r['identifier']} target`).toBeDefined();
        expect(ALLOWED[`${s}>${t}`] ?? '', `${r['identifier']}: ${s} -${r['xsi:type']}-> ${t}`).toContain(LETTER[r['xsi:type'] as string]);
      }
      for (const view of xml.split('<view ').slice(1)) {
        const nodes = tags(view, 'node');
        const nodeEl = new Map(nodes.map((n) => [n['identifier'] as string, n['elementRef'] as string]));
        expect(nodes.length).toBeGreaterThan(0);
        for (const n of nodes) {
          expect(typeOf.has(n['elementRef'] as string), n['elementRef']).toBe(true);
          expect(Number(n['x'])).toBeGreaterThanOrEqual(0);
          expect(Number(n['w'])).toBeGreaterThan(0);
        }
        const boxes = nodes.map((n) => `${n['x']},${n['y']}`);
        expect(new Set(boxes).size, 'no two nodes at the same place').toBe(boxes.length);
        for (const c of tags(view, 'connection')) {
          const rel = relById.get(c['relationshipRef'] as string);
          expect(rel, c['relationshipRef']).toBeDefined();
          expect(nodeEl.get(c['source'] as string)).toBe(rel?.['source']);
          expect(nodeEl.get(c['target'] as string)).toBe(rel?.['target']);
        }
      }
    }
    // Four layers, the data, the integrations and the business view (functions and services).
    expect(internal.match(/<view /g)?.length).toBe(7);
    expect(internal).toContain("<name xml:lang=\"vi\">Kiến trúc nghiệp vụ</name>");
  });

  it('gives the same bytes for the same model', async () => {
    const again = exportArchimate(sample.model, { audience: 'internal', asOf: sample.asOf })[0]?.contents;
    expect(again).toBe(internal);
  });

  it('public edition: no withheld dataset, integration, address, description or field', () => {
    const withheld = withheldValues(sample.model);
    expect(withheld.length).toBeGreaterThan(40);
    expect(leaks(publicXml, withheld)).toEqual([]);
    // The same values are in the internal edition, so the check can fail.
    expect(leaks(internal, withheld).length).toBeGreaterThan(40);
    for (const field of ['Cấp độ an toàn', 'Hình thức triển khai', 'Địa chỉ nội bộ', 'Ghi chú nội bộ', 'Kênh kết nối', 'xsi:type="Flow"', 'xsi:type="Access"']) {
      expect(publicXml).not.toContain(field);
    }
  });

  const schemas = exchangeSchemasDir();
  it.skipIf(!schemas)('validates against The Open Group ArchiMate 3.1 XSDs (archimate3_Diagram.xsd)', () => {
    const dir = schemas as string;
    const catalog = xmlCatalogFor(dir);
    for (const [name, xml] of [['internal.xml', internal], ['public.xml', publicXml]] as const) {
      const r = xmllint(['--noout', '--nonet', '--schema', join(dir, 'archimate', 'archimate3_Diagram.xsd'), writeTemp(name, xml)], { XML_CATALOG_FILES: catalog });
      expect(r.out).toContain('validates');
      expect(r.code).toBe(0);
    }
  });

  it.skipIf(!schemas)("uses only relationships Archi's relationship table allows", () => {
    const table = readFileSync(join(schemas as string, 'archimate', 'relationships.xml'), 'utf8');
    const allowed = new Map<string, string>();
    let source = '';
    for (const line of table.split('\n')) {
      const s = /<source concept="(\w+)"/.exec(line);
      if (s) source = s[1] as string;
      const t = /<target concept="(\w+)" relations="(\w*)"/.exec(line);
      if (t) allowed.set(`${source}>${t[1]}`, t[2] as string);
    }
    const typeOf = new Map(tags(internal, 'element').map((e) => [e['identifier'] as string, e['xsi:type'] as string]));
    for (const r of tags(internal, 'relationship')) {
      const key = `${typeOf.get(r['source'] as string)}>${typeOf.get(r['target'] as string)}`;
      expect(allowed.get(key) ?? '', `${r['identifier']} ${key}`).toContain(LETTER[r['xsi:type'] as string]);
    }
  });
});

describe('ArchiMate identifiers', () => {
  it('map refs, also of other agencies, to xs:IDs one to one', async () => {
    const files = {
      'architecture/agency.yaml': AGENCY,
      'architecture/x.yaml': `apiVersion: kientruc/v1
kind: System
id: mot-cua
name: Hệ thống "một cửa" <điện tử> & liên thông
layer: L3
component: tthc
status: operating
owner: agency:tinh-thu
---
apiVersion: kientruc/v1
kind: Integration
id: lien-thong
name: Liên thông với hệ thống của tỉnh bạn
from: system:mot-cua
to: system:mot-cua@000.00.12.H99
channel: direct
status: live
`,
    };
    const result = await pipelineFor(files);
    const xml = exportArchimate(result.model, { audience: 'internal', asOf: result.asOf })[0]?.contents as string;
    expect(elementId('system:mot-cua@000.00.12.H99')).toBe('id-system.mot-cua.at.000.00.12.H99');
    expect(xml).toContain('<element identifier="id-system.mot-cua.at.000.00.12.H99" xsi:type="ApplicationComponent">');
    expect(xml).toContain('<relationship identifier="rel-integration.lien-thong" source="id-system.mot-cua" target="id-system.mot-cua.at.000.00.12.H99" xsi:type="Flow">');
    expect(xml).toContain('<name xml:lang="vi">Hệ thống &quot;một cửa&quot; &lt;điện tử&gt; &amp; liên thông</name>');
    const r = xmllint(['--noout', '--nonet', writeTemp('ids.xml', xml)]);
    expect(r.code).toBe(0);
    // Another agency's system is internal-edition knowledge only.
    const pub = exportArchimate(result.model, { audience: 'public', asOf: result.asOf })[0]?.contents as string;
    expect(pub).not.toContain('000.00.12.H99');
  });
});
