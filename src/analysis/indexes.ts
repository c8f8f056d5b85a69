/**
 * Reverse indexes over a model, built once per model on first use and shared by every rule and view
 * that asks. A rule that looped over all datasets for each system was quadratic: at national scale
 * (100k entities) `check` took minutes instead of seconds. A Model is immutable once built, so an
 * index keyed on the Model object can never go stale.
 */
import { addTo } from '../core/multimap.js';
import { forked, takePatch, VersionedMap, type Model } from '../model/model.js';
import { knownStateAt } from '../model/states.js';
import type { Dataset, Entity, Integration, Kpi, System, Task } from '../model/types.js';
import { resolveEndpoint } from './endpoints.js';

interface Indexes {
  readonly datasetsBySystem: ReadonlyMap<string, readonly Dataset[]>;
  readonly tasksByAddressed: ReadonlyMap<string, readonly Task[]>;
  readonly integrationsByEnd: ReadonlyMap<string, readonly Integration[]>;
  readonly integrationsByDataset: ReadonlyMap<string, readonly Integration[]>;
  readonly kpisByTarget: ReadonlyMap<string, readonly Kpi[]>;
  readonly integrationsByNamed: ReadonlyMap<string, readonly Integration[]>;
  readonly systemsByNamed: ReadonlyMap<string, readonly System[]>;
}

const BUILT = new WeakMap<Model, Indexes>();
const NONE: readonly never[] = [];

/**
 * A model seen through a read-recording view (the incremental rule runner, `rules/rule-memo.ts`)
 * answers this symbol with the model behind it and a callback: indexes are built once on the real
 * model, and a rule's use of one index entry is recorded as that entry, not as every entity of five
 * kinds.
 */
export const MODEL_VIEW = Symbol.for('kientruc.model-view');

export interface ModelView {
  readonly model: Model;
  noteIndex(index: IndexName, key: string): void;
}

export type IndexName = keyof Indexes;

/** The entry `key` of index `name`, for the memo's content keys (always on the real model). */
export function indexEntry(model: Model, name: IndexName, key: string): readonly { readonly ref: string }[] {
  return indexes(model)[name].get(key) ?? NONE;
}

function lookup<N extends IndexName>(model: Model, name: N, key: string): Indexes[N] extends ReadonlyMap<string, infer V> ? V | readonly never[] : never {
  const view = (model as unknown as Record<symbol, ModelView | undefined>)[MODEL_VIEW];
  view?.noteIndex(name, key);
  return ((indexes(view?.model ?? model)[name] as ReadonlyMap<string, unknown>).get(key) ?? NONE) as never;
}

/** The kinds whose entities the indexes hold, in the order they are added. */
const INDEXED_KINDS = ['dataset', 'task', 'integration', 'kpi', 'system'] as const;

/**
 * The index entries an entity is listed under (`[index, key]`, keys that are undefined left out), in
 * the order `indexes` adds them. The incremental rule memo also uses it to know which entries an edited
 * entity can change (rules/rule-memo.ts `changedReads`).
 */
export function indexKeysOf(model: Model, e: Entity): [IndexName, string][] {
  const out: [IndexName, string][] = [];
  const add = (name: IndexName, key: string | undefined): void => {
    if (key !== undefined) out.push([name, key]);
  };
  switch (e.entityKind) {
    case 'dataset':
      add('datasetsBySystem', e.system);
      break;
    case 'task':
      for (const a of e.addresses ?? []) add('tasksByAddressed', a);
      break;
    case 'integration':
      for (const raw of [e.from, e.to]) {
        const end = resolveEndpoint(model, raw);
        add('integrationsByEnd', 'ref' in end ? end.ref : end.raw);
      }
      for (const d of e.datasets ?? []) add('integrationsByDataset', d);
      for (const raw of [e.from, e.to, e.via]) add('integrationsByNamed', raw);
      break;
    case 'kpi':
      add('kpisByTarget', e.nationalTarget);
      break;
    case 'system':
      for (const ref of [e.security?.monitoredBy, e.replacedBy]) add('systemsByNamed', ref);
      break;
    default:
      break;
  }
  return out;
}

/**
 * Patches now the indexes of `model` (a state, or a model as written) and of the model as written it
 * derives from, when the model each was patched from has its indexes: a run whose rules ask no index
 * (an edit that reaches none of them) still keeps the chain, and the next edit's indexes are patched
 * rather than built whole. Nothing when there is nothing to patch from.
 */
export function keepIndexes(model: Model): void {
  for (const m of [model.asWritten(), model]) {
    const source = m.contentSource();
    if (BUILT.has(source)) continue;
    const patch = patchFrom(source);
    if (patch && BUILT.has(patch.from.contentSource())) indexes(source);
  }
}

/** The model whose indexes were asked for last, and those indexes: asked per rule and entity, mostly of one model. */
let lastSource: Model | undefined;
let lastIndexes: Indexes | undefined;

function indexes(model: Model): Indexes {
  // A state in which nothing is dated shares its content, hence its indexes, with the model as written.
  const source = model.contentSource();
  if (source === lastSource) return lastIndexes as Indexes;
  const known = BUILT.get(source);
  if (known) {
    lastSource = source;
    lastIndexes = known;
    return known;
  }
  // A model patched from one whose indexes exist (model/build.ts with a memo): those indexes, patched.
  // A state of such a model (model/states.ts) at a date: those of the same state of the model before,
  // patched with the same refs (an unchanged entity is the same object in both states).
  const patch = patchFrom(source);
  const before = patch === undefined ? undefined : BUILT.get(patch.from.contentSource());
  const patched = patch && before ? patchIndexes(source, patch.from, patch.changed, before) : undefined;
  if (patched) {
    BUILT.set(source, patched);
    lastSource = source;
    lastIndexes = patched;
    return patched;
  }
  const maps: Record<IndexName, Map<string, Entity[]>> = {
    datasetsBySystem: new Map(),
    tasksByAddressed: new Map(),
    integrationsByEnd: new Map(),
    integrationsByDataset: new Map(),
    kpisByTarget: new Map(),
    integrationsByNamed: new Map(),
    systemsByNamed: new Map(),
  };
  for (const kind of INDEXED_KINDS) for (const e of model.all(kind)) for (const [name, key] of indexKeysOf(model, e)) addTo(maps[name], key, e);
  // Versioned (model/model.ts): the model patched from this one takes the maps over and changes only the
  // keys the edit reaches, this model still answering as it did (a 100k model's maps hold tens of
  // thousands of keys each: an edit costs what it changes, not a copy of every key).
  const built = Object.fromEntries(Object.entries(maps).map(([name, map]) => [name, new VersionedMap(map)])) as unknown as Indexes;
  BUILT.set(source, built);
  lastSource = source;
  lastIndexes = built;
  return built;
}

/**
 * The patch each model as written was made with (`takePatch`, handed out once by the model), kept here
 * for its states, whose indexes derive from it too. Each entry lets its `from` live: an entry is dropped
 * when the model after it takes its own, so no chain of old models stays alive.
 */
const PATCHED_FROM = new WeakMap<Model, { readonly from: Model; readonly changed: ReadonlySet<string> }>();

/** The model `written` (a model as written) was patched from and the refs that changed (`takePatch`, kept here for every asker). */
export function writtenPatchOf(written: Model): { readonly from: Model; readonly changed: ReadonlySet<string> } | undefined {
  const known = PATCHED_FROM.get(written);
  if (known) return known;
  const patch = takePatch(written);
  if (patch) {
    PATCHED_FROM.delete(patch.from);
    PATCHED_FROM.set(written, patch);
  }
  return patch;
}

/**
 * The model whose indexes `source` (a model's content source) can be patched from, and the refs that
 * differ: for a model as written, the model it was patched from; for a state at a date, the state at
 * that date of that model, when it was made. Undefined when built whole.
 */
function patchFrom(source: Model): { readonly from: Model; readonly changed: ReadonlySet<string> } | undefined {
  const date = source.stateDate();
  const written = source.asWritten();
  const patch = writtenPatchOf(written);
  if (date === undefined || patch === undefined) return patch;
  const from = knownStateAt(patch.from, date);
  return from === undefined ? undefined : { from, changed: patch.changed };
}

const KIND_RANK = new Map<string, number>(INDEXED_KINDS.map((k, i) => [k, i]));

/** Kinds whose presence decides how an integration's ends resolve (`resolveEndpoint`). */
const ENDPOINT_KINDS: ReadonlySet<string> = new Set(['system', 'org', 'agency']);

/**
 * The indexes of `model`, from those of the model it was patched from: the entries of the changed
 * entities taken out and put back, each list in model order. Undefined when a system, organisation or
 * agency appeared or disappeared, since that can move the index entries of unchanged integrations (an
 * end that now resolves, or no longer does): the indexes are then built whole.
 */
function patchIndexes(model: Model, from: Model, changed: ReadonlySet<string>, before: Indexes): Indexes | undefined {
  const affected = new Map<IndexName, Map<string, Entity[]>>();
  const note = (name: IndexName, key: string, e: Entity | undefined): void => {
    let byKey = affected.get(name);
    if (!byKey) affected.set(name, (byKey = new Map()));
    const list = byKey.get(key) ?? [];
    if (e && list[list.length - 1] !== e) list.push(e);
    byKey.set(key, list);
  };
  for (const ref of changed) {
    const was = from.get(ref);
    const is = model.get(ref);
    const kind = (was ?? is)?.entityKind;
    if ((was === undefined) !== (is === undefined) && kind !== undefined && ENDPOINT_KINDS.has(kind)) return undefined;
    if (was && KIND_RANK.has(was.entityKind)) for (const [name, key] of indexKeysOf(from, was)) note(name, key, undefined);
    if (is && KIND_RANK.has(is.entityKind)) for (const [name, key] of indexKeysOf(model, is)) note(name, key, is);
  }
  const out = { ...before } as Record<IndexName, ReadonlyMap<string, readonly Entity[]>>;
  for (const [name, byKey] of affected) {
    const index = out[name];
    const lists = new Map<string, readonly Entity[]>();
    for (const [key, added] of byKey) {
      const kept = (index.get(key) ?? []).filter((e) => !changed.has(e.ref));
      lists.set(key, added.length === 0 ? kept : [...kept, ...added].sort((a, b) => (KIND_RANK.get(a.entityKind) as number) - (KIND_RANK.get(b.entityKind) as number) || (a.ref < b.ref ? -1 : a.ref > b.ref ? 1 : 0)));
    }
    // Read every list before the fork: `before`'s map is handed over to the next version by it.
    const map = forked(index);
    for (const [key, list] of lists) {
      if (list.length > 0) map.set(key, list);
      else map.delete(key);
    }
    out[name] = map;
  }
  return out as unknown as Indexes;
}

/** Datasets whose `system` is `systemRef`, in model order. */
export function datasetsOn(model: Model, systemRef: string): readonly Dataset[] {
  return lookup(model, 'datasetsBySystem', systemRef);
}

/** Tasks whose `addresses` list `ref`, in model order. */
export function tasksListing(model: Model, ref: string): readonly Task[] {
  return lookup(model, 'tasksByAddressed', ref);
}

/** Integrations with `ref` at either end (ends resolved as `resolveEndpoint` does), in model order. */
export function integrationsAt(model: Model, ref: string): readonly Integration[] {
  return lookup(model, 'integrationsByEnd', ref);
}

/** Integrations carrying dataset `ref`, in model order. */
export function integrationsCarrying(model: Model, ref: string): readonly Integration[] {
  return lookup(model, 'integrationsByDataset', ref);
}

/** KPIs implementing national target `ref`, in model order. */
export function kpisImplementing(model: Model, ref: string): readonly Kpi[] {
  return lookup(model, 'kpisByTarget', ref);
}

/** Integrations whose from, to or via is written as `ref` (not resolved), in model order. */
export function integrationsNaming(model: Model, ref: string): readonly Integration[] {
  return lookup(model, 'integrationsByNamed', ref);
}

/** Systems whose `security.monitoredBy` or `replacedBy` is `ref`, in model order. */
export function systemsNaming(model: Model, ref: string): readonly System[] {
  return lookup(model, 'systemsByNamed', ref);
}
