import type { Ref, EntityKind, RefKind } from '../core/ref.js';
import { parseRef } from '../core/ref.js';
import { isUnknown } from '../core/unknown.js';
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
  private readonly inbound: Map<string, Reference[]>;
  private readonly outbound: Map<string, Reference[]>;
  /** The model whose content this one is (see `contentSource`). */
  private readonly content: Model;
  private readonly nationalById: ReadonlyMap<string, NationalSystem>;
  private readonly targetById: ReadonlyMap<string, NationalTarget>;

  constructor(init: ModelInit, unchanged = false) {
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
    } else {
      // A state declares the same entities as its model as written (model/states.ts): their order is known already.
      this.order = base && base.entities.size === init.entities.size ? base.order : [...init.entities.keys()].sort();
      this.byKind = new Map();
      this.inbound = new Map();
      this.outbound = new Map();
      this.content = this;
      for (const ref of this.order) {
        if (init.invalid.has(ref) || this.absent.has(ref)) continue;
        const e = init.entities.get(ref) as Entity;
        const list = this.byKind.get(e.entityKind);
        if (list) list.push(e);
        else this.byKind.set(e.entityKind, [e]);
      }
      for (const r of init.references) {
        if (r.to) push(this.inbound, r.to, r);
        push(this.outbound, r.from, r);
      }
    }
    const agencies = (this.byKind.get('agency') ?? []) as Agency[];
    this.agency = agencies.find((a) => a.ref === init.primaryAgency) ?? agencies[0];
    this.nationalById = new Map(init.pack.national.map((n) => [n.ref, n]));
    this.targetById = new Map(init.pack.targets.map((t) => [t.ref, t]));
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

  /** Every declared entity by ref, valid or not, present at this state or not (what `derive` starts from). */
  declaredEntities(): ReadonlyMap<string, Entity> {
    return this.entities;
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
    return this.invalid.has(ref) || this.absent.has(ref) ? undefined : (this.entities.get(ref) as EntityByKind[K] | undefined);
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

function push(map: Map<string, Reference[]>, key: string, value: Reference): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
