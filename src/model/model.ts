import type { Ref, EntityKind, RefKind } from '../core/ref.js';
import { parseRef } from '../core/ref.js';
import { isUnknown } from '../core/unknown.js';
import { TIMED_KINDS } from '../core/time-fields.js';
import type { DocPath, Location, Range } from '../core/source.js';
import type { SourceIndex } from '../load/locate.js';
import type { FrameworkPack, NationalSystem, NationalTarget } from '../framework/types.js';
import type { Agency, Entity, EntityByKind, OrgInfo, Reference } from './types.js';

const EMPTY: readonly never[] = Object.freeze([]);

export interface ModelInit {
  readonly root: string;
  readonly pack: FrameworkPack;
  readonly sources: SourceIndex;
  readonly entities: ReadonlyMap<string, Entity>;
  readonly invalid: ReadonlySet<string>;
  readonly references: readonly Reference[];
  readonly files: readonly { readonly file: string; readonly sha256: string; readonly bytes: number }[];
  /** The agency the model speaks for when it holds several (an aggregated province); default: the first. */
  readonly primaryAgency?: string;
  /**
   * Entities declared but absent from this state of the model (model/states.ts): references to them
   * still resolve and their names still print, but `get` and `all` leave them out.
   */
  readonly absent?: ReadonlySet<string>;
  /**
   * Per entity, fields whose value comes from a transition (model/states.ts): `locate` points into
   * that transition (`transitions.<i>.set.<field>`) instead of the field as first written.
   */
  readonly relocated?: ReadonlyMap<string, ReadonlyMap<string, DocPath>>;
  /** The model as written this state derives from, and the state's date (model/states.ts). */
  readonly stateOf?: { readonly base: Model; readonly date: string };
}

/** What a state of the model replaces (model/states.ts); everything else is shared with the model it derives from. */
export interface ModelStateInit {
  readonly entities: ReadonlyMap<string, Entity>;
  readonly references: readonly Reference[];
  readonly absent: ReadonlySet<string>;
  readonly relocated: ReadonlyMap<string, ReadonlyMap<string, DocPath>>;
  readonly date: string;
}

/**
 * How a model differs from the model it was patched from (model/build.ts with a memo): the refs whose
 * entity or validity changed (declared, removed or re-declared), and the references now written in each
 * entity whose references changed (an empty list: none, or the entity is gone).
 */
export interface ModelPatch {
  readonly from: Model;
  readonly changed: ReadonlySet<string>;
  readonly outbound: ReadonlyMap<string, readonly Reference[]>;
}

/**
 * The model each patched model was made from, with the refs that changed, until what is derived from
 * the model (analysis/indexes.ts) takes it: it is kept once, and a model forgets its own origin when a
 * newer model is patched from it, so no old model (its sources, its lists) stays alive for it.
 */
const PATCHES = new WeakMap<Model, { readonly from: Model; readonly changed: ReadonlySet<string> }>();

/**
 * The model `model` was patched from and the refs whose entity changed, handed out once (the caller
 * derives from it what it needs); undefined for a model built whole, or when taken already.
 */
export function takePatch(model: Model): { readonly from: Model; readonly changed: ReadonlySet<string> } | undefined {
  const patch = PATCHES.get(model);
  PATCHES.delete(model);
  return patch;
}

/** True when an entity declares when it exists or how it changes (`since`, `until`, `transitions`). */
export function isDatedEntity(entity: Entity): boolean {
  const e = entity as unknown as { since?: unknown; until?: unknown; transitions?: unknown };
  return e.since !== undefined || e.until !== undefined || e.transitions !== undefined;
}

const TIMED: ReadonlySet<string> = new Set(TIMED_KINDS);

/**
 * The read-only architecture of one agency: its entities by typed ref, the framework pack, and where
 * everything was written. Every list comes sorted by ref (code-unit order).
 */
export class Model {
  readonly root: string;
  readonly pack: FrameworkPack;
  readonly agency: Agency | undefined;
  readonly references: readonly Reference[];
  readonly files: ModelInit['files'];
  private readonly sources: SourceIndex;
  private readonly entities: ReadonlyMap<string, Entity>;
  private readonly invalid: ReadonlySet<string>;
  private readonly absent: ReadonlySet<string>;
  private readonly relocated: ReadonlyMap<string, ReadonlyMap<string, DocPath>>;
  private readonly init: ModelInit;
  /** Every declared ref, sorted (code-unit order): a state keeps the order of the model it derives from. */
  private readonly order: readonly string[];
  private readonly byKind: Map<EntityKind, Entity[]>;
  private readonly inbound: ReadonlyMap<string, Reference[]>;
  private readonly outbound: ReadonlyMap<string, Reference[]>;
  /** The model whose content this one is (see `contentSource`). */
  private readonly content: Model;
  private readonly nationalById: ReadonlyMap<string, NationalSystem>;
  private readonly targetById: ReadonlyMap<string, NationalTarget>;
  /**
   * Valid entities of a timed kind that declare `since`, `until` or `transitions` (of the model as
   * written): the only ones a state at some date can leave out or change (model/states.ts). A field, not
   * a method: the rule memo's view (rules/rule-memo.ts) passes fields through unrecorded, so read it
   * after `declaredEntities()`, whose read covers every entity as written.
   */
  readonly dated: ReadonlySet<string>;

  /**
   * `unchanged`: a state that changes nothing (see `derive`). `patch`: the model this one differs from
   * by the refs it names (model/build.ts with a memo): its lists and reference maps are the old ones
   * patched, equal to those a model built whole would have.
   */
  constructor(init: ModelInit, unchanged = false, patch?: ModelPatch) {
    this.root = init.root;
    this.pack = init.pack;
    this.sources = init.sources;
    this.entities = init.entities;
    this.invalid = init.invalid;
    this.absent = init.absent ?? EMPTY_SET;
    this.relocated = init.relocated ?? EMPTY_MAP;
    this.init = init;
    this.references = init.references;
    this.files = init.files;
    const base = init.stateOf?.base;
    if (base && unchanged) {
      // A state in which nothing is dated: the same lists and reference maps as the model as written.
      this.order = base.order;
      this.byKind = base.byKind;
      this.inbound = base.inbound;
      this.outbound = base.outbound;
      this.content = base.content;
      this.dated = base.dated;
    } else if (patch) {
      const prev = patch.from;
      this.content = this;
      this.order = patchedOrder(prev.order, prev.entities, init.entities, patch.changed);
      this.byKind = new Map(prev.byKind);
      const kinds = new Set<EntityKind>();
      for (const ref of patch.changed) {
        const was = prev.entities.get(ref)?.entityKind;
        const is = init.entities.get(ref)?.entityKind;
        if (was) kinds.add(was);
        if (is) kinds.add(is);
      }
      for (const kind of kinds) {
        const was = prev.byKind.get(kind) ?? [];
        // A few changed refs: the list copied (one block) and each found by bisection, not a test per entity.
        let list: Entity[];
        if (patch.changed.size * 16 < was.length) {
          list = was.slice();
          for (const ref of patch.changed) {
            const at = lowerBound(list, ref);
            if (list[at]?.ref === ref) list.splice(at, 1);
          }
        } else list = was.filter((e) => !patch.changed.has(e.ref));
        for (const ref of patch.changed) {
          const e = init.entities.get(ref);
          if (!e || e.entityKind !== kind || init.invalid.has(ref) || this.absent.has(ref)) continue;
          list.splice(lowerBound(list, ref), 0, e);
        }
        if (list.length > 0) this.byKind.set(kind, list);
        else this.byKind.delete(kind);
      }
      // The last model's maps, forked (written here, read as they were through the last model).
      const outbound = forked(prev.outbound);
      const inbound = forked(prev.inbound);
      this.outbound = outbound;
      this.inbound = inbound;
      const tos = new Set<string>();
      const fresh = new Map<string, Reference[]>();
      for (const [from, refs] of patch.outbound) {
        for (const r of prev.outbound.get(from) ?? []) if (r.to) tos.add(r.to);
        if (refs.length > 0) outbound.set(from, [...refs]);
        else outbound.delete(from);
        for (const r of refs) if (r.to) push(fresh, r.to, r);
      }
      for (const to of fresh.keys()) tos.add(to);
      if (tos.size > 0) {
        // References to one entity are in document order: file (as loaded), document, site.
        const rank = new Map<string, number>();
        init.files.forEach((f, i) => rank.set(f.file, i));
        const key = (r: Reference): number => {
          const o = (init.entities.get(r.from) as Entity).origin;
          return (rank.get(o.file) ?? 0) * 1_000_000 + o.docIndex;
        };
        for (const to of tos) {
          const kept = (prev.inbound.get(to) ?? []).filter((r) => !patch.outbound.has(r.from));
          const added = fresh.get(to) ?? [];
          // `kept` is in that order; each added reference goes after every one with its key or a smaller one.
          const list = kept;
          for (const r of added) {
            const k = key(r);
            let lo = 0;
            let hi = list.length;
            while (lo < hi) {
              const mid = (lo + hi) >>> 1;
              if (key(list[mid] as Reference) <= k) lo = mid + 1;
              else hi = mid;
            }
            list.splice(lo, 0, r);
          }
          if (list.length > 0) inbound.set(to, list);
          else inbound.delete(to);
        }
      }
      const dated = new Set(prev.dated);
      for (const ref of patch.changed) {
        const e = init.entities.get(ref);
        if (e && !init.invalid.has(ref) && TIMED.has(e.entityKind) && isDatedEntity(e)) dated.add(ref);
        else dated.delete(ref);
      }
      this.dated = dated;
      PATCHES.delete(prev);
      PATCHES.set(this, { from: prev, changed: patch.changed });
    } else {
      // A state declares the same entities as its model as written (model/states.ts): their order is known already.
      this.order = base && base.entities.size === init.entities.size ? base.order : [...init.entities.keys()].sort();
      this.byKind = new Map();
      const inbound = new Map<string, Reference[]>();
      const outbound = new Map<string, Reference[]>();
      this.inbound = inbound;
      this.outbound = outbound;
      this.content = this;
      const dated = new Set<string>();
      for (const ref of this.order) {
        if (init.invalid.has(ref) || this.absent.has(ref)) continue;
        const e = init.entities.get(ref) as Entity;
        if (TIMED.has(e.entityKind) && isDatedEntity(e)) dated.add(ref);
        const list = this.byKind.get(e.entityKind);
        if (list) list.push(e);
        else this.byKind.set(e.entityKind, [e]);
      }
      // The references of one entity come together (those of its document): its list is looked up once.
      let from: string | undefined;
      let fromList: Reference[] = [];
      for (const r of init.references) {
        if (r.to) push(inbound, r.to, r);
        if (r.from !== from) {
          from = r.from;
          const list = outbound.get(from);
          if (list) fromList = list;
          else outbound.set(from, (fromList = []));
        }
        fromList.push(r);
      }
      this.dated = dated;
    }
    const agencies = (this.byKind.get('agency') ?? []) as Agency[];
    this.agency = agencies.find((a) => a.ref === init.primaryAgency) ?? agencies[0];
    const byRef = packIndexes(init.pack);
    this.nationalById = byRef.national;
    this.targetById = byRef.targets;
  }

  /**
   * The same architecture with other entity values: one state of it in time (model/states.ts).
   * Sources, pack and files are shared, so locations stay those of the YAML.
   */
  derive(state: ModelStateInit): Model {
    const base = this.asWritten();
    return new Model(
      { ...base.init, entities: state.entities, references: state.references, absent: state.absent, relocated: state.relocated, stateOf: { base, date: state.date } },
      // A state that changes nothing (the same entities and references, none absent or moved) shares the model's lists and indexes.
      state.entities === base.entities && state.references === base.references && state.absent.size === 0 && state.relocated.size === 0,
    );
  }

  /**
   * The model whose entities, references and locations this one shares entirely: the model as written
   * for a state in which nothing changes (no entity dated), else this model itself. What depends on that
   * content alone (the reverse indexes of analysis/indexes.ts) is computed once for both.
   */
  contentSource(): Model {
    return this.content;
  }

  /** The model as written that this state derives from; the model itself when it is not a state. */
  asWritten(): Model {
    return this.init.stateOf?.base ?? this;
  }

  /** The date this state of the model stands for; undefined for the model as written. */
  stateDate(): string | undefined {
    return this.init.stateOf?.date;
  }

  /**
   * Every declared entity by ref, valid or not, present at this state or not (what `derive` starts
   * from), in no particular order (a patched model adds its new entities last): sort, or use `all`.
   */
  declaredEntities(): ReadonlyMap<string, Entity> {
    return this.entities;
  }

  /** Refs declared but failing their schema. */
  invalidRefs(): ReadonlySet<string> {
    return this.invalid;
  }

  /** Valid entities of one kind, sorted by ref. */
  all<K extends EntityKind>(kind: K): readonly EntityByKind[K][] {
    return (this.byKind.get(kind) ?? EMPTY) as readonly EntityByKind[K][];
  }

  /**
   * The entity declared under `ref`, when it passed its schema. A document that failed the schema is
   * only declared (see `declares`): its fields may hold any YAML value, so it is never handed out as
   * an entity whose type promises strings where the YAML had a list.
   */
  get<K extends EntityKind>(ref: Ref<K> | string): EntityByKind[K] | undefined {
    // Asked millions of times at national scale: the sets, usually empty or small, are asked only about a declared ref.
    const e = this.entities.get(ref);
    if (e === undefined || (this.invalid.size > 0 && this.invalid.has(ref)) || (this.absent.size > 0 && this.absent.has(ref))) return undefined;
    return e as EntityByKind[K];
  }

  /** True when `ref` is declared but does not exist at this state of the model (model/states.ts). */
  isAbsent(ref: string): boolean {
    return this.absent.has(ref);
  }

  /** True when a document declares `ref`, whether or not it passed its schema (references to it resolve). */
  declares(ref: string): boolean {
    return this.entities.has(ref);
  }

  isValid(ref: string): boolean {
    return this.entities.has(ref) && !this.invalid.has(ref);
  }

  /** True when some declared document failed its schema (such a model is never a `ValidModel`). */
  get hasInvalidEntities(): boolean {
    return this.invalid.size > 0;
  }

  national(ref: string): NationalSystem | undefined {
    return this.nationalById.get(ref);
  }

  target(ref: string): NationalTarget | undefined {
    return this.targetById.get(ref);
  }

  /** Any organisation ref: the agency, a declared Organization, or a central body of the pack. */
  org(ref: string): OrgInfo | undefined {
    const e = this.get(ref);
    if (e && (e.entityKind === 'agency' || e.entityKind === 'org')) {
      return {
        ref: e.ref,
        name: e.name,
        ...(e.shortName ? { shortName: e.shortName } : {}),
        level: e.level,
        ...(e.code ? { code: e.code } : {}),
        source: e.entityKind === 'agency' ? 'agency' : 'local',
      };
    }
    const p = this.pack.organizations.find((o) => o.ref === ref);
    return p ? { ref: p.ref, name: p.name, level: p.level, source: 'pack' } : undefined;
  }

  /** True when `ref` names something this model knows (entity or pack entry). */
  resolves(ref: string): boolean {
    return this.entities.has(ref) || this.nationalById.has(ref) || this.targetById.has(ref) || this.org(ref) !== undefined;
  }

  /** Display name of any ref, falling back to the ref itself. */
  nameOf(ref: string): string {
    if (isUnknown(ref)) return UNKNOWN_NAME;
    // An absent entity (not in this state) still has its name; one that failed the schema may hold anything in `name`.
    const e = this.absent.has(ref) && !this.invalid.has(ref) ? this.entities.get(ref) : this.get(ref);
    if (e && typeof e.name === 'string') return e.name;
    const n = this.nationalById.get(ref) ?? this.targetById.get(ref);
    if (n) return n.name;
    const o = this.org(ref);
    if (o) return o.name;
    return ref;
  }

  /** Short display name (shortName when given). */
  shortNameOf(ref: string): string {
    const e = this.get(ref);
    if (e && 'shortName' in e && typeof e.shortName === 'string' && e.shortName) return e.shortName;
    // What `nameOf` answers for an entity of this state, without looking it up again.
    if (e && typeof e.name === 'string' && !isUnknown(ref)) return e.name;
    return this.nameOf(ref);
  }

  /** The kind of what a ref points to, also for pack refs. */
  kindOf(ref: string): RefKind | undefined {
    return parseRef(ref)?.kind;
  }

  /** References pointing at `ref`, in source order. */
  referrers(ref: string): readonly Reference[] {
    return this.inbound.get(ref) ?? EMPTY;
  }

  /** References written inside the entity `ref`. */
  referencesFrom(ref: string): readonly Reference[] {
    return this.outbound.get(ref) ?? EMPTY;
  }

  /**
   * The YAML path where the value at `path` of entity `ref` was written: in a state of the model, a
   * field a transition set is written at that transition (`transitions.<i>.set.<field>`).
   */
  writtenPath(ref: string, path: DocPath): DocPath {
    const moved = path.length > 0 ? this.relocated.get(ref)?.get(String(path[0])) : undefined;
    return moved ? [...moved, ...path.slice(1)] : path;
  }

  /** Where `path` of entity `ref` was written: the deepest existing node, 1-based. */
  locate(ref: string, path: DocPath = [], part: 'value' | 'key' = 'value'): Location {
    const e = this.entities.get(ref);
    if (!e) return { file: this.agency?.origin.file ?? this.root, range: START };
    const target = path.length === 0 ? ['id'] : this.writtenPath(ref, path);
    return { file: e.origin.file, range: this.sources.locate(e.origin.file, e.origin.docIndex, target, part) };
  }
}

/** How a "not yet known" value prints wherever a name is expected. */
const UNKNOWN_NAME = 'Chưa xác định';

const EMPTY_SET: ReadonlySet<string> = new Set();
const EMPTY_MAP: ReadonlyMap<string, ReadonlyMap<string, DocPath>> = new Map();

const START: Range = { start: { line: 1, col: 1 }, end: { line: 1, col: 1 } };

/** Where `ref` goes in a list sorted by ref (code-unit order). */
function lowerBound(list: readonly (string | { readonly ref: string })[], ref: string): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const item = list[mid] as string | { readonly ref: string };
    if ((typeof item === 'string' ? item : item.ref) < ref) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The sorted refs of the patched model: the old ones, less those removed, plus those added. */
function patchedOrder(order: readonly string[], was: ReadonlyMap<string, Entity>, is: ReadonlyMap<string, Entity>, changed: ReadonlySet<string>): readonly string[] {
  const removed = new Set<string>();
  const added: string[] = [];
  for (const ref of changed) {
    if (was.has(ref) && !is.has(ref)) removed.add(ref);
    else if (!was.has(ref) && is.has(ref)) added.push(ref);
  }
  if (removed.size === 0 && added.length === 0) return order;
  const next = removed.size > 0 ? order.filter((r) => !removed.has(r)) : [...order];
  for (const ref of added) next.splice(lowerBound(next, ref), 0, ref);
  return next;
}

/** `map`'s next version (a `VersionedMap` forked), or a writable copy of it (the first patch after a full build). */
export function forked<K, V>(map: ReadonlyMap<K, V>): VersionedMap<K, V> {
  return map instanceof VersionedMap && map.writable ? (map.fork() as VersionedMap<K, V>) : new VersionedMap(new Map(map));
}

/** The national entities and targets of a pack by ref, once per pack object (a model is made at every request of a daemon). */
function packIndexes(pack: FrameworkPack): { readonly national: ReadonlyMap<string, NationalSystem>; readonly targets: ReadonlyMap<string, NationalTarget> } {
  let known = PACK_INDEXES.get(pack);
  if (known === undefined || known.nationalList !== pack.national || known.targetList !== pack.targets) {
    known = { nationalList: pack.national, targetList: pack.targets, national: new Map(pack.national.map((n) => [n.ref, n])), targets: new Map(pack.targets.map((t) => [t.ref, t])) };
    PACK_INDEXES.set(pack, known);
  }
  return known;
}

const PACK_INDEXES = new WeakMap<
  FrameworkPack,
  { readonly nationalList: FrameworkPack['national']; readonly targetList: FrameworkPack['targets']; readonly national: ReadonlyMap<string, NationalSystem>; readonly targets: ReadonlyMap<string, NationalTarget> }
>();

function push(map: Map<string, Reference[]>, key: string, value: Reference): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

const GONE: unique symbol = Symbol('gone');

/**
 * A map shared by the models of a long-running process, one version per model, without copying it:
 * the newest version holds the entries; `fork` hands them to a new version and turns this one into a
 * view (the new version's entries, less what was written in it since: each key written there keeps its
 * value of before in this view's `undo`). Every version answers as the map it was when forked, however
 * many versions come after (a view reads through the next version, itself maybe a view). An old
 * version costs what was written after it, and only while something holds it. Iterating a view gives its
 * entries in another order than the map had (a model's `declaredEntities` promises none).
 */
export class VersionedMap<K, V> implements ReadonlyMap<K, V> {
  private own: Map<K, V> | undefined;
  private next: VersionedMap<K, V> | undefined;
  private undo: Map<K, V | typeof GONE> | undefined;
  private frozenSize = 0;
  /** The `undo` of the version this one was forked from: where writes keep the values they replace. */
  private readonly before: Map<K, V | typeof GONE> | undefined;

  constructor(entries: Map<K, V>, before?: Map<K, V | typeof GONE>) {
    this.own = entries;
    this.before = before;
  }

  /** A new version holding this one's entries; this one keeps answering as it does now. */
  fork(): VersionedMap<K, V> {
    const own = this.own;
    // A view forks into a copy (an old model patched again: not the daemon's way, but correct).
    if (own === undefined) return new VersionedMap(new Map(this));
    const undo = new Map<K, V | typeof GONE>();
    const next = new VersionedMap(own, undo);
    this.frozenSize = own.size;
    this.own = undefined;
    this.next = next;
    this.undo = undo;
    return next;
  }

  /** True while this version holds the entries (may be written). */
  get writable(): boolean {
    return this.own !== undefined;
  }

  private keep(own: Map<K, V>, key: K): void {
    const before = this.before;
    if (before !== undefined && !before.has(key)) before.set(key, own.has(key) ? (own.get(key) as V) : GONE);
  }

  set(key: K, value: V): this {
    const own = this.own;
    if (own === undefined) throw new Error('VersionedMap: an older version is read-only');
    this.keep(own, key);
    own.set(key, value);
    return this;
  }

  delete(key: K): boolean {
    const own = this.own;
    if (own === undefined) throw new Error('VersionedMap: an older version is read-only');
    if (!own.has(key)) return false;
    this.keep(own, key);
    return own.delete(key);
  }

  get(key: K): V | undefined {
    const own = this.own;
    return own !== undefined ? own.get(key) : this.viewGet(key);
  }

  has(key: K): boolean {
    const own = this.own;
    return own !== undefined ? own.has(key) : this.viewHas(key);
  }

  private viewGet(key: K): V | undefined {
    let map: VersionedMap<K, V> = this;
    for (;;) {
      const own = map.own;
      if (own !== undefined) return own.get(key);
      const undo = map.undo as Map<K, V | typeof GONE>;
      if (undo.size > 0 && undo.has(key)) {
        const v = undo.get(key) as V | typeof GONE;
        return v === GONE ? undefined : v;
      }
      map = map.next as VersionedMap<K, V>;
    }
  }

  private viewHas(key: K): boolean {
    let map: VersionedMap<K, V> = this;
    for (;;) {
      const own = map.own;
      if (own !== undefined) return own.has(key);
      const undo = map.undo as Map<K, V | typeof GONE>;
      if (undo.size > 0 && undo.has(key)) return undo.get(key) !== GONE;
      map = map.next as VersionedMap<K, V>;
    }
  }

  get size(): number {
    return this.own !== undefined ? this.own.size : this.frozenSize;
  }

  entries(): MapIterator<[K, V]> {
    return this.own !== undefined ? this.own.entries() : this.viewEntries();
  }

  private *viewEntries(): MapIterator<[K, V]> {
    const undo = this.undo as Map<K, V | typeof GONE>;
    for (const entry of (this.next as VersionedMap<K, V>).entries()) if (!undo.has(entry[0])) yield entry;
    for (const [k, v] of undo) if (v !== GONE) yield [k, v];
  }

  keys(): MapIterator<K> {
    return this.own !== undefined ? this.own.keys() : this.viewKeys();
  }

  values(): MapIterator<V> {
    return this.own !== undefined ? this.own.values() : this.viewValues();
  }

  private *viewKeys(): MapIterator<K> {
    for (const [k] of this.viewEntries()) yield k;
  }

  private *viewValues(): MapIterator<V> {
    for (const [, v] of this.viewEntries()) yield v;
  }

  [Symbol.iterator](): MapIterator<[K, V]> {
    return this.entries();
  }

  forEach(fn: (value: V, key: K, map: ReadonlyMap<K, V>) => void, thisArg?: unknown): void {
    for (const [k, v] of this.entries()) fn.call(thisArg, v, k, this);
  }
}
