/**
 * A small vocabulary for writing the JSON Schema once, with a Vietnamese and an English title and
 * description on every property (editor hover), and custom annotations the validator reads:
 * `x-vi`/`x-en` (short titles for messages), `x-legal` (legal source), `x-ref` (typed reference kinds).
 */
import { ID_PATTERN, MAX_ID_LENGTH, type RefKind } from '../../core/ref.js';
import type { FrameworkPack } from '../../framework/types.js';
import { UNKNOWN_PATTERN_ALT, UNKNOWN_VALUES } from '../../core/unknown.js';

export type Schema = Record<string, unknown>;

export interface Doc {
  /** Short Vietnamese title. */
  readonly vi: string;
  /** Short English title. */
  readonly en: string;
  /** Vietnamese explanation; defaults to the title. */
  readonly dvi?: string;
  /** English explanation; defaults to the title. */
  readonly den?: string;
  /** Legal source shown in hover and used in messages. */
  readonly legal?: string;
  readonly examples?: readonly unknown[];
}

/** Annotates a schema fragment with bilingual title/description. */
export function doc(d: Doc, schema: Schema): Schema {
  const description = [d.dvi ?? d.vi, `EN: ${d.den ?? d.en}`];
  if (d.legal) description.push(`Căn cứ / Legal basis: ${d.legal}`);
  const out: Schema = {
    title: `${d.vi} / ${d.en}`,
    description: description.join('\n\n'),
    'x-vi': d.vi,
    'x-en': d.en,
    ...schema,
  };
  if (d.legal) out['x-legal'] = d.legal;
  if (d.examples) out['examples'] = d.examples;
  return out;
}

export const str = (d: Doc, extra: Schema = {}): Schema => doc(d, { type: 'string', minLength: 1, ...extra });
export const text = (d: Doc): Schema => doc(d, { type: 'string', minLength: 1, maxLength: 20_000 });
export const bool = (d: Doc): Schema => doc(d, { type: 'boolean' });
export const int = (d: Doc, min?: number, max?: number): Schema =>
  doc(d, { type: 'integer', ...(min === undefined ? {} : { minimum: min }), ...(max === undefined ? {} : { maximum: max }) });
export const num = (d: Doc, min?: number, max?: number): Schema =>
  doc(d, { type: 'number', ...(min === undefined ? {} : { minimum: min }), ...(max === undefined ? {} : { maximum: max }) });
export const percent = (d: Doc): Schema => num(d, 0, 100);
export const date = (d: Doc): Schema => doc(d, { type: 'string', format: 'date', examples: ['2025-12-31'] });
export const id = (d: Doc): Schema => doc(d, { type: 'string', pattern: ID_PATTERN, maxLength: MAX_ID_LENGTH });

/** A reference to an entity of one of `kinds`, e.g. `system:ho-tich` or `national:ndxp`. */
export function ref(d: Doc, kinds: readonly RefKind[]): Schema {
  const pattern = `^(${kinds.join('|')}):[a-z0-9]+(-[a-z0-9]+)*(@[A-Za-z0-9][A-Za-z0-9.-]*)?$`;
  return doc(d, { type: 'string', pattern, 'x-ref': [...kinds], examples: [`${kinds[0]}:vi-du`] });
}

export function arr(d: Doc, items: Schema, extra: Schema = {}): Schema {
  return doc(d, { type: 'array', items, ...extra });
}

/** A closed object: unknown keys are errors (typos are caught, with a "did you mean"). */
export function obj(d: Doc, properties: Record<string, Schema>, required: readonly string[] = []): Schema {
  return doc(d, {
    type: 'object',
    additionalProperties: false,
    properties,
    ...(required.length ? { required: [...required] } : {}),
  });
}

/** An enum whose values, labels and source come from the framework pack. */
export function enumOf(pack: FrameworkPack, enumId: string, d?: Partial<Doc>): Schema {
  const def = pack.enums[enumId];
  if (!def) throw new Error(`framework pack ${pack.id} has no enum ${enumId}`);
  const unconfirmed = def.confirmed ? '' : ' (chưa xác nhận / unconfirmed)';
  const values = def.values.map((v) => v.value);
  const types = [...new Set(values.map((v) => (typeof v === 'number' ? 'integer' : 'string')))];
  return doc(
    {
      vi: d?.vi ?? def.vi,
      en: d?.en ?? def.en,
      dvi: d?.dvi ?? `${def.vi}${unconfirmed}.`,
      den: d?.den ?? `${def.en}.`,
      legal: d?.legal ?? def.source ?? '',
    },
    {
      type: types.length === 1 ? types[0] : types,
      enum: values,
      markdownEnumDescriptions: def.values.map(
        (v) => `**${v.vi}** — ${v.en}${v.confirmed ? '' : ' _(chưa xác nhận / unconfirmed)_'}`,
      ),
      'x-enum': enumId,
    },
  );
}

/**
 * Lets a required fact be declared "not yet known" (`chưa xác định` or `unknown`, see core/unknown.ts):
 * a reference field accepts the sentinel beside its pattern, an enum gets it as one more value. The
 * `*.unknown-fact` rules report every such value as a warning.
 */
export function unknownable(schema: Schema): Schema {
  const [vi = '', ...rest] = String(schema['description'] ?? '').split('\n\n');
  const description = [
    `${vi} Ghi "chưa xác định" (hoặc "unknown") khi chưa biết: kientruc cảnh báo để bổ sung sau.`,
    ...rest.map((p) => (p.startsWith('EN: ') ? `${p} Write "chưa xác định" (or "unknown") when not yet known: kientruc warns until it is filled in.` : p)),
  ].join('\n\n');
  const out: Schema = { ...schema, description, 'x-unknown': true };
  if (typeof schema['pattern'] === 'string') {
    out['pattern'] = `^(?:${UNKNOWN_PATTERN_ALT})$|${schema['pattern'] as string}`;
    return out;
  }
  if (Array.isArray(schema['enum'])) {
    out['enum'] = [...(schema['enum'] as unknown[]), ...UNKNOWN_VALUES];
    const t = schema['type'];
    const types = new Set(Array.isArray(t) ? (t as string[]) : typeof t === 'string' ? [t] : []);
    types.add('string');
    out['type'] = types.size === 1 ? 'string' : [...types];
    const md = schema['markdownEnumDescriptions'];
    if (Array.isArray(md)) out['markdownEnumDescriptions'] = [...md, ...UNKNOWN_VALUES.map(() => '**Chưa xác định** — not yet known (reported as a warning)')];
    return out;
  }
  if (schema['type'] === 'string') return out;
  throw new Error('unknownable() takes a reference, an enum or a string schema');
}
