/**
 * Builds a schema-valid architecture whose every free-text field (read from the JSON Schema, so new
 * fields are covered without touching this file) holds a marked hostile payload: one entity of each
 * kind per payload, the agency's fields cycling through all payloads.
 */
import { DOC_KIND, ENTITY_KINDS, type EntityKind } from '../../src/core/ref.js';
import { availablePacks, loadPack } from '../../src/framework/load-pack.js';
import { buildSchema } from '../../src/validate/schema/build-schema.js';
import type { Schema } from '../../src/validate/schema/dsl.js';
import { CLOSE, open, PAYLOADS } from './payloads.js';

export interface PlantedField {
  readonly kind: EntityKind;
  readonly path: string;
  /** The payload text as stored (truncated to the field's maxLength). */
  readonly text: string;
}

export interface HostileProject {
  /** Relative path → file contents. */
  readonly files: Record<string, string>;
  /** Marker number → what was planted there. */
  readonly planted: ReadonlyMap<number, PlantedField>;
}

const AGENCY_ID = 'co-quan-thu';

function isFreeText(s: Schema): boolean {
  return s['type'] === 'string' && s['enum'] === undefined && s['const'] === undefined && s['pattern'] === undefined && s['format'] === undefined;
}

/** Ids of the entities the project declares, so references can point at them. */
function idOf(kind: EntityKind, p: number): string {
  return kind === 'agency' ? AGENCY_ID : `inj-${kind}-${p}`;
}

export function hostileProject(): HostileProject {
  const pack = loadPack();
  const schemas = buildSchema(pack, availablePacks()).kinds;
  const planted = new Map<number, PlantedField>();
  let next = 1;
  let rotate = 0;

  /** A valid reference for a field accepting `kinds`, never the entity itself. */
  const refFor = (kinds: readonly string[], self: string, p: number): string => {
    const options: string[] = [];
    for (const k of kinds) {
      if (k === 'national') options.push(pack.national[0]?.ref ?? '');
      else if (k === 'target') options.push(pack.targets[0]?.ref ?? '');
      else if (k === 'agency') options.push(`agency:${AGENCY_ID}`);
      else if ((ENTITY_KINDS as readonly string[]).includes(k)) {
        const ref = `${k}:${idOf(k as EntityKind, p)}`;
        if (ref !== self) options.push(ref);
        const other = `${k}:${idOf(k as EntityKind, (p + 1) % PAYLOADS.length)}`;
        if (other !== self && k !== 'org') options.push(other);
      }
    }
    const usable = options.filter(Boolean);
    return usable[rotate++ % usable.length] as string;
  };

  const fill = (schema: Schema, kind: EntityKind, path: string, payload: (n: number) => string, self: string, p: number): unknown => {
    if (path === 'id') return self.slice(self.indexOf(':') + 1);
    if (schema['const'] !== undefined) return schema['const'];
    if (Array.isArray(schema['enum'])) return (schema['enum'] as unknown[])[0];
    const refKinds = schema['x-ref'] as string[] | undefined;
    if (refKinds) return refFor(refKinds, self, p);
    const type = schema['type'];
    if (type === 'object') {
      const out: Record<string, unknown> = {};
      for (const [key, sub] of Object.entries((schema['properties'] ?? {}) as Record<string, Schema>)) {
        // When an entity exists is no text to plant, and an entity absent from the current state shows nowhere.
        if (path === '' && (key === 'since' || key === 'until')) continue;
        out[key] = fill(sub, kind, path ? `${path}.${key}` : key, payload, self, p);
      }
      return out;
    }
    if (type === 'array') return [fill(schema['items'] as Schema, kind, `${path}.0`, payload, self, p)];
    if (Array.isArray(type)) return Array.isArray(schema['examples']) ? (schema['examples'] as unknown[])[0] : 2030;
    if (type === 'integer' || type === 'number') return typeof schema['minimum'] === 'number' ? schema['minimum'] : 1;
    if (type === 'boolean') return true;
    if (isFreeText(schema)) {
      const n = next++;
      const max = typeof schema['maxLength'] === 'number' ? schema['maxLength'] : 20_000;
      const room = max - open(n).length - CLOSE.length;
      const text = [...payload(n)].slice(0, Math.max(1, room)).join('');
      planted.set(n, { kind, path, text });
      return `${open(n)}${text}${CLOSE}`;
    }
    if (schema['format'] === 'date') return '2026-01-01';
    if (schema['format'] === 'uri') return 'javascript:alert(document.domain)';
    if (schema['format'] === 'email') return 'a@b.gov.vn';
    if (Array.isArray(schema['examples'])) return (schema['examples'] as unknown[])[0];
    throw new Error(`hostile model: no value for ${kind}.${path}`);
  };

  const docs: string[] = [];
  for (const kind of ENTITY_KINDS) {
    const count = kind === 'agency' ? 1 : PAYLOADS.length;
    for (let p = 0; p < count; p++) {
      const id = idOf(kind, p);
      const self = `${kind}:${id}`;
      const payload = (n: number): string => (PAYLOADS[kind === 'agency' ? n % PAYLOADS.length : p] as { text: string }).text;
      const value = fill(schemas[kind], kind, '', payload, self, p) as Record<string, unknown>;
      value['apiVersion'] = 'kientruc/v1';
      value['kind'] = DOC_KIND[kind];
      value['id'] = id;
      if (kind === 'agency') value['framework'] = pack.id;
      // A task names its lead once: "lead" or "leads" (both is model.task-lead).
      if (kind === 'task') delete value['leads'];
      // JSON is YAML: every string double-quoted with escapes, so any payload survives the trip.
      docs.push(JSON.stringify(value, null, 2));
    }
  }
  return { files: { 'architecture/all.yaml': `${docs.join('\n---\n')}\n` }, planted };
}

/** Documents and file names that fail validation with messages that echo the payloads. */
export function invalidHostileProject(): HostileProject {
  const planted = new Map<number, PlantedField>();
  let next = 5000;
  const mark = (text: string, max = 10_000): string => {
    const n = next++;
    const room = max - open(n).length - CLOSE.length;
    const t = [...text].slice(0, room).join('');
    planted.set(n, { kind: 'system', path: '(invalid)', text: t });
    return `${open(n)}${t}${CLOSE}`;
  };
  const files: Record<string, string> = {
    'architecture/agency.yaml': JSON.stringify({ apiVersion: 'kientruc/v1', kind: 'Agency', id: AGENCY_ID, name: 'Cơ quan thử', framework: 'vn-2025', level: 'province' }),
  };
  PAYLOADS.forEach((p, i) => {
    const doc = {
      apiVersion: 'kientruc/v1',
      kind: 'System',
      id: `bad-${i}`,
      name: 'Hệ thống',
      layer: mark(p.text),
      component: 'portal',
      status: 'operating',
      owner: `org:${mark(p.text)}`,
      [mark(p.text, 60)]: 'trường lạ',
    };
    const other = { apiVersion: 'kientruc/v1', kind: mark(p.text), id: `bad-kind-${i}`, name: 'x' };
    files[`architecture/systems/s${i}.yaml`] = `${JSON.stringify(doc)}\n---\n${JSON.stringify(other)}\n`;
  });
  // File names are echoed by every format too: markup, quotes, a newline.
  const names = ['<b>|*đậm*[a](b)"\'`', 'dòng\n::error::giả'];
  names.forEach((name, i) => {
    files[`architecture/systems/${mark(name)}.yaml`] = `apiVersion: kientruc/v1\nkind: Sytem\nid: f-${i}\nname: x\n`;
  });
  return { files, planted };
}
