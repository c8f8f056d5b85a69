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

const dateArb = fc.oneof(
  fc.date({ min: new Date('1990-01-01T00:00:00Z'), max: new Date('2040-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
  fc.constantFrom('2025-02-30', '2026-13-01', 'hôm nay'),
);

function refArb(kinds: readonly string[]): fc.Arbitrary<string> {
  const local = kinds.flatMap((k) => {
    if (k === 'national') return pack.national.slice(0, 3).map((n) => n.ref);
    if (k === 'target') return pack.targets.slice(0, 3).map((t) => t.ref);
    return IDS.map((id) => `${k}:${id}`);
  });
  return fc.oneof({ weight: 8, arbitrary: fc.constantFrom(...local) }, { weight: 1, arbitrary: fc.constantFrom('system:khong-co', 'org:a@000.00.00.H01', 'dataset:A', 'national:x', 'kpi:') });
}

/** A value for `schema`, valid most of the time (formats and cross-references may still fail). */
export function valueArb(schema: Schema, depth = 0): fc.Arbitrary<unknown> {
  if (schema['const'] !== undefined) return fc.constant(schema['const']);
  if (Array.isArray(schema['enum'])) return fc.constantFrom(...(schema['enum'] as unknown[]));
  const refKinds = schema['x-ref'] as string[] | undefined;
  if (refKinds) return refArb(refKinds);
  const type = schema['type'];
  if (type === 'object') {
    const props = (schema['properties'] ?? {}) as Record<string, Schema>;
    const required = (schema['required'] ?? []) as string[];
    const model: Record<string, fc.Arbitrary<unknown>> = {};
    for (const [k, sub] of Object.entries(props)) if (depth < 4) model[k] = valueArb(sub, depth + 1);
    return fc.record(model, { requiredKeys: required.filter((k) => k in model) });
  }
  if (type === 'array') return fc.array(valueArb(schema['items'] as Schema, depth + 1), { maxLength: 3 });
  if (Array.isArray(type)) return fc.oneof(fc.integer({ min: 2020, max: 2040 }), fc.constantFrom('ongoing', '2026-09', '2026-09-30', 'sớm'));
  if (type === 'integer') return fc.integer({ min: typeof schema['minimum'] === 'number' ? schema['minimum'] : -5, max: typeof schema['maximum'] === 'number' ? schema['maximum'] : 1_000_000 });
  if (type === 'number') return fc.double({ min: typeof schema['minimum'] === 'number' ? schema['minimum'] : -5, max: typeof schema['maximum'] === 'number' ? schema['maximum'] : 1e6, noNaN: true, noDefaultInfinity: true });
  if (type === 'boolean') return fc.boolean();
  if (schema['format'] === 'date') return dateArb;
  if (schema['format'] === 'uri') return fc.constantFrom('https://dichvucong.gov.vn', 'javascript:alert(1)', 'không phải url');
  if (schema['format'] === 'email') return fc.constantFrom('a@b.gov.vn', 'x');
  if (schema['pattern'] !== undefined) {
    const examples = schema['examples'];
    return Array.isArray(examples) && examples.length > 0 ? fc.constantFrom(...(examples as unknown[])) : fc.constantFrom(...IDS);
  }
  const max = typeof schema['maxLength'] === 'number' ? schema['maxLength'] : 20_000;
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
