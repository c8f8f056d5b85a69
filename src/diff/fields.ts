import { isIsoDate, viShortDate } from '../core/dates.js';
import type { EntityKind } from '../core/ref.js';
import { parseRef } from '../core/ref.js';
import type { DocPath } from '../core/source.js';
import { sortKeys } from '../core/stable-json.js';
import { text, type Text } from '../core/text.js';
import { availablePacks } from '../framework/load-pack.js';
import { enumValue } from '../framework/types.js';
import type { Model } from '../model/model.js';
import { compileSchemas } from '../validate/ajv.js';
import type { Schema } from '../validate/schema/dsl.js';
import type { ChangeKind, FieldChange } from './types.js';
import { viFormatter } from '../analysis/format.js';

/** What the model adds to each document; never part of a field diff. */
const META_KEYS = new Set(['ref', 'entityKind', 'origin', 'apiVersion', 'kind']);
/** Fields that identify an item of a list (measurements by date, usage by period, …), tried in order. */
const ITEM_KEYS = ['id', 'date', 'period', 'assessedOn', 'year', 'name'] as const;
const MAX_TEXT = 160;

const DASH = text('—', '—');

export interface FieldDiffContext {
  readonly base: Model;
  readonly head: Model;
}

/** The schema of one entity kind, from the pack the head side uses. */
export function kindSchema(model: Model, kind: EntityKind): Schema {
  return compileSchemas(model.pack, availablePacks()).set.kinds[kind];
}

/** Field-by-field differences of one entity present on both sides, in schema property order. */
export function diffEntityFields(kind: EntityKind, before: object, after: object, ctx: FieldDiffContext): FieldChange[] {
  const out: FieldChange[] = [];
  diffValue(kindSchema(ctx.head, kind), [], [], strip(before), strip(after), ctx, out);
  return out;
}

function strip(entity: object): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(entity)) if (!META_KEYS.has(k)) out[k] = v;
  return out;
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(sortKeys(a)) === JSON.stringify(sortKeys(b));
}

function childSchema(schema: Schema | undefined, seg: string | number): Schema | undefined {
  if (!schema) return undefined;
  if (typeof seg === 'number') return schema['items'] as Schema | undefined;
  return (schema['properties'] as Record<string, Schema> | undefined)?.[seg];
}

function titleOf(schema: Schema | undefined, key: string): Text {
  const vi = schema?.['x-vi'];
  const en = schema?.['x-en'];
  return text(typeof vi === 'string' ? vi : key, typeof en === 'string' ? en : key);
}

function joinLabel(labels: readonly Text[]): Text {
  return text(labels.map((l) => l.vi).join(' › '), labels.map((l) => l.en).join(' › '));
}

/** Keys of two objects in schema order, then any others in code-unit order. */
function orderedKeys(schema: Schema | undefined, a: Record<string, unknown>, b: Record<string, unknown>): string[] {
  const present = new Set([...Object.keys(a), ...Object.keys(b)]);
  const props = Object.keys((schema?.['properties'] as Record<string, Schema> | undefined) ?? {});
  const ordered = props.filter((k) => present.has(k));
  const rest = [...present].filter((k) => !ordered.includes(k)).sort();
  return [...ordered, ...rest].filter((k) => !META_KEYS.has(k));
}

function push(
  out: FieldChange[],
  change: ChangeKind,
  path: DocPath,
  labels: readonly Text[],
  schema: Schema | undefined,
  before: unknown,
  after: unknown,
  ctx: FieldDiffContext,
): void {
  out.push({
    path,
    label: joinLabel(labels),
    change,
    ...(before === undefined ? {} : { before }),
    ...(after === undefined ? {} : { after }),
    beforeText: readable(before, schema, ctx.base),
    afterText: readable(after, schema, ctx.head),
  });
}

function diffValue(
  schema: Schema | undefined,
  path: DocPath,
  labels: readonly Text[],
  a: unknown,
  b: unknown,
  ctx: FieldDiffContext,
  out: FieldChange[],
): void {
  if (same(a, b)) return;
  if ((isPlainObject(a) || a === undefined) && (isPlainObject(b) || b === undefined) && (a !== undefined || b !== undefined)) {
    const ao = (a ?? {}) as Record<string, unknown>;
    const bo = (b ?? {}) as Record<string, unknown>;
    for (const key of orderedKeys(schema, ao, bo)) {
      const sub = childSchema(schema, key);
      diffValue(sub, [...path, key], [...labels, titleOf(sub, key)], ao[key], bo[key], ctx, out);
    }
    return;
  }
  if (Array.isArray(a) && Array.isArray(b) && [...a, ...b].some(isPlainObject)) {
    diffObjectList(schema, path, labels, a, b, ctx, out);
    return;
  }
  const change: ChangeKind = a === undefined ? 'added' : b === undefined ? 'removed' : 'changed';
  push(out, change, path, labels, schema, a, b, ctx);
}

/** The first key every item of both lists has, with values unique within each list. */
function itemKey(a: readonly unknown[], b: readonly unknown[]): string | undefined {
  for (const key of ITEM_KEYS) {
    const ok = [a, b].every((list) => {
      const seen = new Set<string>();
      for (const it of list) {
        if (!isPlainObject(it)) return false;
        const v = it[key];
        if (typeof v !== 'string' && typeof v !== 'number') return false;
        if (seen.has(String(v))) return false;
        seen.add(String(v));
      }
      return true;
    });
    if (ok) return key;
  }
  return undefined;
}

/** Lists of objects: matched by a natural key (date, period, …) when there is one, else by content. */
function diffObjectList(
  schema: Schema | undefined,
  path: DocPath,
  labels: readonly Text[],
  a: readonly unknown[],
  b: readonly unknown[],
  ctx: FieldDiffContext,
  out: FieldChange[],
): void {
  const items = childSchema(schema, 0);
  const key = itemKey(a, b);
  const itemLabel = (k: string): Text => text(k, k);
  if (key !== undefined) {
    const byKey = (list: readonly unknown[]) => new Map(list.map((it, i) => [String((it as Record<string, unknown>)[key]), { it, i }] as const));
    const am = byKey(a);
    const bm = byKey(b);
    // Head order first, then what only the base has, in base order.
    const keys = [...bm.keys(), ...[...am.keys()].filter((k) => !bm.has(k))];
    for (const k of keys) {
      const before = am.get(k);
      const after = bm.get(k);
      const itemPath = [...path, after?.i ?? before?.i ?? 0];
      const itemLabels = [...labels, itemLabel(readable(k, childSchema(items, key), ctx.head).vi)];
      if (before && after) diffValue(items, itemPath, itemLabels, before.it, after.it, ctx, out);
      else push(out, after ? 'added' : 'removed', itemPath, itemLabels, items, before?.it, after?.it, ctx);
    }
    return;
  }
  const remaining = b.map((it) => JSON.stringify(sortKeys(it)));
  const removed: { it: unknown; i: number }[] = [];
  a.forEach((it, i) => {
    const j = remaining.indexOf(JSON.stringify(sortKeys(it)));
    if (j >= 0) remaining[j] = '\u0000';
    else removed.push({ it, i });
  });
  for (const r of removed) push(out, 'removed', [...path, r.i], labels, items, r.it, undefined, ctx);
  remaining.forEach((s, j) => {
    if (s !== '\u0000') push(out, 'added', [...path, j], labels, items, undefined, b[j], ctx);
  });
}

function truncate(s: string): string {
  const flat = s.replace(/\s+/g, ' ').trim();
  return flat.length > MAX_TEXT ? `${flat.slice(0, MAX_TEXT - 1)}…` : flat;
}

function viNum(n: number): string {
  return viFormatter(2).format(n);
}

/** A value as a reviewer reads it: enum labels, names of referenced entities, có/không, d/m/yyyy. */
export function readable(value: unknown, schema: Schema | undefined, model: Model): Text {
  if (value === undefined || value === null) return DASH;
  if (typeof value === 'boolean') return value ? text('có', 'yes') : text('không', 'no');
  const enumId = schema?.['x-enum'];
  if (typeof enumId === 'string' && (typeof value === 'string' || typeof value === 'number')) {
    if (enumId === 'component') {
      const c = model.pack.components.find((x) => x.id === value);
      if (c) return text(c.vi, c.en);
    }
    const v = enumValue(model.pack, enumId, value);
    if (v) return text(v.vi, v.en);
  }
  if (typeof value === 'string' && schema?.['x-ref'] !== undefined && parseRef(value)) {
    const name = model.nameOf(value);
    return name === value ? text(value, value) : text(truncate(`${name} (${value})`), truncate(`${name} (${value})`));
  }
  if (typeof value === 'number') return text(viNum(value), String(value));
  if (typeof value === 'string') {
    if (isIsoDate(value)) return text(viShortDate(value), value);
    return text(truncate(value), truncate(value));
  }
  if (Array.isArray(value)) {
    const items = childSchema(schema, 0);
    const parts = value.map((v) => readable(v, items, model));
    return text(truncate(parts.map((p) => p.vi).join(', ')) || '—', truncate(parts.map((p) => p.en).join(', ')) || '—');
  }
  if (isPlainObject(value)) {
    const parts = orderedKeys(schema, value, {}).map((k) => {
      const sub = childSchema(schema, k);
      const t = titleOf(sub, k);
      const v = readable(value[k], sub, model);
      return { vi: `${t.vi}: ${v.vi}`, en: `${t.en}: ${v.en}` };
    });
    return text(truncate(parts.map((p) => p.vi).join('; ')), truncate(parts.map((p) => p.en).join('; ')));
  }
  return text(String(value), String(value));
}
