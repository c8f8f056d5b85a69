/**
 * fast-check arbitraries for kientruc models, driven by the JSON Schema (so new fields are generated
 * without touching this file): schema-valid documents, documents broken in one place, and raw text
 * that is barely YAML, with Unicode and hostile strings everywhere text goes.
 */
import fc from 'fast-check';
import { stringify } from 'yaml';
import { DOC_KIND, ENTITY_KINDS, type EntityKind } from '../../src/core/ref.js';
import { availablePacks, loadPack } from '../../src/framework/load-pack.js';
import { buildSchema } from '../../src/validate/schema/build-schema.js';
import type { Schema } from '../../src/validate/schema/dsl.js';
import { PAYLOADS } from '../injection/payloads.js';

const pack = loadPack();
export const SCHEMAS = buildSchema(pack, availablePacks()).kinds;

/** A few ids per kind, so references often resolve, sometimes dangle, sometimes collide. */
const IDS = ['a', 'b', 'ho-tich', 'x1'];

/** Text a user (or an attacker) might type. */
export const textArb: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.string({ minLength: 1, maxLength: 40, unit: 'grapheme' }) },
  { weight: 2, arbitrary: fc.constantFrom('Hệ thống thông tin giải quyết thủ tục hành chính', 'Sở Tư pháp', 'Cơ sở dữ liệu hộ tịch'.normalize('NFD')) },
  { weight: 2, arbitrary: fc.constantFrom(...PAYLOADS.map((p) => p.text)) },
  { weight: 1, arbitrary: fc.string({ minLength: 1, maxLength: 40, unit: 'binary' }) },
  { weight: 1, arbitrary: fc.constantFrom(' ', '\n', '~', 'null', 'true', '0x1F', '1e3', '.inf', '- x', '"', "'", '#', '&a', '*a', '!!str', '%YAML') },
  { weight: 1, arbitrary: fc.string({ minLength: 200, maxLength: 2000, unit: 'grapheme-ascii' }) },
);

const validDateArb = fc.date({ min: new Date('1990-01-01T00:00:00Z'), max: new Date('2040-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
const dateArb = fc.oneof(validDateArb, fc.constantFrom('2025-02-30', '2026-13-01', 'hôm nay'));

/**
 * How values are drawn. `free` draws what a user might type, broken formats and dangling refs
 * included; `valid` draws only what the schema accepts, and refs only to the ids `declared` holds.
 */
interface Draw {
  readonly valid: boolean;
  /** Ids declared per entity kind (valid mode): a ref is drawn only among them. */
  readonly declared?: Readonly<Partial<Record<EntityKind, readonly string[]>>>;
}
const FREE: Draw = { valid: false };

function refArb(kinds: readonly string[], draw: Draw): fc.Arbitrary<string> {
  const local = kinds.flatMap((k) => {
    if (k === 'national') return pack.national.slice(0, 3).map((n) => n.ref);
    if (k === 'target') return pack.targets.slice(0, 3).map((t) => t.ref);
    if (draw.valid) return (draw.declared?.[k as EntityKind] ?? []).map((id) => `${k}:${id}`);
    return IDS.map((id) => `${k}:${id}`);
  });
  if (draw.valid) return fc.constantFrom(...local);
  return fc.oneof({ weight: 8, arbitrary: fc.constantFrom(...local) }, { weight: 1, arbitrary: fc.constantFrom('system:khong-co', 'org:a@000.00.00.H01', 'dataset:A', 'national:x', 'kpi:') });
}

/** Text the schema accepts: never blank, never cut inside a character. */
const validTextArb: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.string({ minLength: 1, maxLength: 40, unit: 'grapheme' }) },
  { weight: 2, arbitrary: fc.constantFrom('Hệ thống thông tin giải quyết thủ tục hành chính', 'Sở Tư pháp', 'Cơ sở dữ liệu hộ tịch'.normalize('NFD')) },
  { weight: 2, arbitrary: fc.constantFrom(...PAYLOADS.map((p) => p.text)) },
  { weight: 1, arbitrary: fc.constantFrom('~', 'null', 'true', '0x1F', '1e3', '.inf', '- x', '"', "'", '#', '&a', '*a', '!!str', '%YAML') },
);

/** A value for `schema`: in free mode valid most of the time (formats and references may still fail); in valid mode always. */
export function valueArb(schema: Schema, depth = 0, draw: Draw = FREE): fc.Arbitrary<unknown> {
  if (schema['const'] !== undefined) return fc.constant(schema['const']);
  if (Array.isArray(schema['enum'])) return fc.constantFrom(...(schema['enum'] as unknown[]));
  const refKinds = schema['x-ref'] as string[] | undefined;
  if (refKinds) return refArb(refKinds, draw);
  const type = schema['type'];
  if (type === 'object') {
    const props = (schema['properties'] ?? {}) as Record<string, Schema>;
    const required = (schema['required'] ?? []) as string[];
    const model: Record<string, fc.Arbitrary<unknown>> = {};
    for (const [k, sub] of Object.entries(props)) {
      // Time fields hold cross-field constraints (until after since, transitions within them, one value per
      // field and day: model.time-order, model.transition-conflict) that per-field values cannot keep;
      // tests/model/states.test.ts covers them. Free mode draws them, valid mode leaves them out.
      if (draw.valid && depth === 0 && (k === 'since' || k === 'until' || k === 'transitions')) continue;
      if (depth < 4 || (draw.valid && required.includes(k))) model[k] = valueArb(sub, depth + 1, draw);
    }
    return fc.record(model, { requiredKeys: required.filter((k) => k in model) });
  }
  if (type === 'array') {
    const item = valueArb(schema['items'] as Schema, depth + 1, draw);
    const minLength = typeof schema['minItems'] === 'number' ? schema['minItems'] : 0;
    return draw.valid && schema['uniqueItems'] === true
      ? fc.uniqueArray(item, { minLength, maxLength: Math.max(minLength, 3), selector: (v) => JSON.stringify(v) })
      : fc.array(item, { minLength: draw.valid ? minLength : 0, maxLength: 3 });
  }
  if (schema['format'] === 'time-point') return fc.oneof(fc.integer({ min: 2020, max: 2040 }), draw.valid ? fc.constantFrom('2026-09-30', '2027') : fc.constantFrom('2026-09-30', '2027', 'sớm', '2026-02-30'));
  if (Array.isArray(type)) return fc.oneof(fc.integer({ min: 2020, max: 2040 }), draw.valid ? fc.constantFrom('ongoing', '2026-09', '2026-09-30') : fc.constantFrom('ongoing', '2026-09', '2026-09-30', 'sớm'));
  if (type === 'integer') return fc.integer({ min: typeof schema['minimum'] === 'number' ? schema['minimum'] : -5, max: typeof schema['maximum'] === 'number' ? schema['maximum'] : 1_000_000 });
  if (type === 'number') return fc.double({ min: typeof schema['minimum'] === 'number' ? schema['minimum'] : -5, max: typeof schema['maximum'] === 'number' ? schema['maximum'] : 1e6, noNaN: true, noDefaultInfinity: true });
  if (type === 'boolean') return fc.boolean();
  if (schema['format'] === 'date') return draw.valid ? validDateArb : dateArb;
  if (schema['format'] === 'uri') return draw.valid ? fc.constantFrom('https://dichvucong.gov.vn', 'https://x.gov.vn/a?b=c&d=e#f') : fc.constantFrom('https://dichvucong.gov.vn', 'javascript:alert(1)', 'không phải url');
  if (schema['format'] === 'email') return draw.valid ? fc.constant('a@b.gov.vn') : fc.constantFrom('a@b.gov.vn', 'x');
  if (schema['pattern'] !== undefined) {
    const examples = schema['examples'];
    return Array.isArray(examples) && examples.length > 0 ? fc.constantFrom(...(examples as unknown[])) : fc.constantFrom(...IDS);
  }
  const max = typeof schema['maxLength'] === 'number' ? schema['maxLength'] : 20_000;
  if (draw.valid) return validTextArb.map((t) => [...t].slice(0, max).join(''));
  return textArb.map((t) => (t.length > max ? t.slice(0, max) : t));
}

/** One document of `kind`, with an id from the shared pool (duplicates happen on purpose). */
export function docArb(kind: EntityKind): fc.Arbitrary<Record<string, unknown>> {
  return fc.tuple(valueArb(SCHEMAS[kind]), fc.constantFrom(...IDS)).map(([v, id]) => ({
    ...(v as Record<string, unknown>),
    apiVersion: 'kientruc/v1',
    kind: DOC_KIND[kind],
    id,
  }));
}

/** A document broken in one place: wrong type, missing field, unknown field, wrong kind, not a mapping. */
export const brokenDocArb: fc.Arbitrary<unknown> = fc
  .tuple(fc.constantFrom(...ENTITY_KINDS.filter((k) => k !== 'agency')).chain((k) => docArb(k)), fc.nat(), fc.jsonValue({ maxDepth: 3 }), fc.integer({ min: 0, max: 5 }))
  .map(([doc, n, junk, how]) => {
    const keys = Object.keys(doc);
    const key = keys[n % keys.length] as string;
    const copy: Record<string, unknown> = { ...doc };
    switch (how) {
      case 0:
        copy[key] = junk;
        return copy;
      case 1:
        delete copy[key];
        return copy;
      case 2:
        copy[`${key}x`] = junk;
        return copy;
      case 3:
        copy['kind'] = typeof junk === 'string' ? junk : 'Sytem';
        return copy;
      case 4:
        return [copy];
      default:
        return junk;
    }
  });

/** Barely-YAML text: YAML tokens in random order. */
export const yamlishArb: fc.Arbitrary<string> = fc
  .array(
    fc.oneof(
      fc.constantFrom('key: ', '- ', '[', ']', '{', '}', '"', "'", '\n', '  ', '\t', '&a ', '*a', '!!str ', '!x ', '# c', ': ', '? ', '|\n', '>-\n', '---\n', '...\n', ',', '%YAML 1.2\n', '<<: *a\n', '\ufeff', '\r\n'),
      fc.constantFrom('apiVersion: kientruc/v1\n', 'kind: System\n', 'id: a\n', 'name: Hệ thống\n', 'layer: L4\n'),
      textArb,
    ),
    { maxLength: 40 },
  )
  .map((parts) => parts.join(''));

/** How a document is written down: yaml's own style, JSON, or flow style. */
function serialise(doc: unknown, style: number): string {
  if (style === 0) return JSON.stringify(doc);
  return stringify(doc, { indent: style === 2 ? 4 : 2, lineWidth: 0, ...(style === 3 ? { collectionStyle: 'flow' as const } : {}) });
}

export interface ModelFiles {
  readonly files: Record<string, string>;
}

/** A whole architecture folder: usually an agency, then valid, broken and garbled documents over a few files. */
export const modelArb: fc.Arbitrary<ModelFiles> = fc
  .record({
    agency: fc.option(docArb('agency'), { freq: 8 }),
    docs: fc.array(fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...ENTITY_KINDS.filter((k) => k !== 'agency')).chain((k) => docArb(k)) }, { weight: 2, arbitrary: brokenDocArb }), { maxLength: 10 }),
    raw: fc.array(yamlishArb, { maxLength: 2 }),
    split: fc.integer({ min: 1, max: 3 }),
    style: fc.integer({ min: 0, max: 3 }),
  })
  .map(({ agency, docs, raw, split, style }) => {
    const files: Record<string, string> = {};
    if (agency) files['architecture/agency.yaml'] = serialise({ ...agency, framework: pack.id }, style);
    docs.forEach((d, i) => {
      const name = `architecture/f${i % split}.yaml`;
      files[name] = files[name] === undefined ? serialise(d, style) : `${files[name]}\n---\n${serialise(d, style)}`;
    });
    raw.forEach((r, i) => (files[`architecture/raw-${i}.yaml`] = r));
    if (Object.keys(files).length === 0) files['architecture/empty.yaml'] = '';
    return { files };
  });

/** Ids declared per kind: one to all of the pool, in pool order (a parent always comes earlier). */
const declaredArb: fc.Arbitrary<Record<EntityKind, string[]>> = fc.record(
  Object.fromEntries(ENTITY_KINDS.map((k) => [k, k === 'agency' ? fc.constantFrom(...IDS).map((id) => [id]) : fc.subarray(IDS, { minLength: 1 })])) as Record<EntityKind, fc.Arbitrary<string[]>>,
);

/**
 * Makes a drawn document consistent the way the model checks ask: a system sits in its component's
 * layer, and `parent` / `replacedBy` point only to an earlier id, so no chain loops.
 */
function settle(kind: EntityKind, doc: Record<string, unknown>, declared: Record<EntityKind, string[]>): Record<string, unknown> {
  const out = { ...doc };
  if (kind === 'system' && typeof out['component'] === 'string') {
    const comp = pack.components.find((c) => c.id === out['component']);
    if (comp) out['layer'] = comp.layer;
  }
  if (kind === 'system' && Array.isArray(out['roles'])) {
    // Each further role in the layer its component belongs to (model.component-layer otherwise).
    out['roles'] = (out['roles'] as Record<string, unknown>[]).map((r) => {
      const comp = pack.components.find((c) => c.id === r['component']);
      return comp ? { ...r, layer: comp.layer } : r;
    });
  }
  if (kind === 'system') {
    // Cited documents must be declared: keep framework ones, drop the agency's (the draw declares none).
    const legal = new Set(pack.legal.map((l) => l.id));
    if (Array.isArray(out['legalBasis'])) out['legalBasis'] = [...new Set((out['legalBasis'] as string[]).filter((d) => legal.has(d)))];
    delete out['operatingRules'];
  }
  if (kind === 'task') {
    // One lead, named once ("lead" or "leads"); themes are declared by the agency, which the draw does not.
    if (out['lead'] === undefined && !(Array.isArray(out['leads']) && out['leads'].length > 0)) out['lead'] = `agency:${declared.agency[0] ?? 'a'}`;
    if (out['lead'] !== undefined) delete out['leads'];
    delete out['theme'];
  }
  if (kind === 'kpi') {
    const units = (pack.enums['kpiUnit']?.values ?? []).map((v) => String(v.value));
    if (!units.includes(String(out['unit']))) out['unit'] = 'percent';
    // Values within the range of the unit (model.unit-range: percent and milestone take 0–100).
    const unit = pack.enums['kpiUnit']?.values.find((v) => v.value === out['unit']);
    const clamp = (o: unknown): unknown => {
      if (o === null || typeof o !== 'object' || typeof (o as Record<string, unknown>)['value'] !== 'number') return o;
      const v = (o as Record<string, number>)['value'] as number;
      return { ...o, value: Math.min(unit?.max ?? v, Math.max(unit?.min ?? v, v)) };
    };
    for (const key of ['baseline', 'target']) if (out[key] !== undefined) out[key] = clamp(out[key]);
    for (const key of ['measurements', 'milestones']) if (Array.isArray(out[key])) out[key] = (out[key] as unknown[]).map(clamp);
  }
  if (kind === 'dataset' && Array.isArray(out['sharingRequests'])) {
    // Requests met, refused and pending are among those received (model.request-counts).
    out['sharingRequests'] = (out['sharingRequests'] as Record<string, unknown>[]).map((r) => {
      const answered = ['met', 'refusedInWriting', 'pending'].reduce((n, k) => n + (typeof r[k] === 'number' ? (r[k] as number) : 0), 0);
      return typeof r['received'] === 'number' && answered > r['received'] ? { ...r, received: answered } : r;
    });
  }
  const chain = kind === 'org' ? 'parent' : kind === 'system' ? 'replacedBy' : undefined;
  if (chain && typeof out[chain] === 'string') {
    const target = out[chain] as string;
    const ids = declared[kind];
    const local = target.startsWith(`${kind}:`) ? ids.indexOf(target.slice(kind.length + 1)) : -1;
    if (target.startsWith(`${kind}:`) && !(local >= 0 && local < ids.indexOf(String(out['id'])))) delete out[chain];
  }
  return out;
}

/**
 * A whole architecture folder that passes validation: one agency, each declared id of each kind
 * written once, every reference to a declared entity or a pack entry, written in one of the styles
 * over one to three files. Renderers take only valid models; this is what drives them.
 */
export const validModelArb: fc.Arbitrary<ModelFiles> = declaredArb
  .chain((declared) => {
    const draw: Draw = { valid: true, declared };
    const docs = ENTITY_KINDS.flatMap((kind) =>
      declared[kind].map((id) =>
        valueArb(SCHEMAS[kind], 0, draw).map((v) =>
          settle(kind, { ...(v as Record<string, unknown>), apiVersion: 'kientruc/v1', kind: DOC_KIND[kind], id, ...(kind === 'agency' ? { framework: pack.id } : {}) }, declared),
        ),
      ),
    );
    return fc.record({ docs: fc.tuple(...docs), split: fc.integer({ min: 1, max: 3 }), style: fc.integer({ min: 0, max: 3 }) });
  })
  .map(({ docs, split, style }) => {
    const files: Record<string, string> = {};
    docs.forEach((d, i) => {
      const name = i === 0 ? 'architecture/agency.yaml' : `architecture/f${i % split}.yaml`;
      files[name] = files[name] === undefined ? serialise(d, style) : `${files[name]}\n---\n${serialise(d, style)}`;
    });
    return { files };
  });
