/**
 * Rule results remembered between runs over successive models of the same architecture (the language
 * server re-checks after every edit). No rule declares what it reads: while a rule runs, it sees the
 * model through a view that records every read — each entity it fetched (`get`, `nameOf`, `org`,
 * `isValid`, …), each kind it listed (`all`), the agency, the references, the findings — and the
 * result is kept with the content keys of exactly those reads. On the next run a rule whose reads
 * all have the same keys is not run again: its findings are taken as they were. A rule that lists a
 * kind depends on every entity of that kind (a whole-kind rule); one that reads the references or the
 * findings depends on all of them. Anything a rule can read goes through the view, so nothing is
 * missed; what is not a model read (the pack, the report date, the rule settings) is part of the
 * memo's own key and clears it when it changes.
 */
import { createHash } from 'node:crypto';
import type { Diagnostic } from '../core/diagnostic.js';
import { ENTITY_KINDS, type EntityKind } from '../core/ref.js';
import type { Model } from '../model/model.js';
import { indexEntry, MODEL_VIEW, type IndexName, type ModelView } from '../analysis/indexes.js';

/** Where a finding was placed: enough to place it again when only its file's lines moved. */
export interface Placement {
  readonly entity: string;
  readonly path: readonly (string | number)[];
  readonly part: 'value' | 'key';
}

interface MemoEntry {
  /** Read key → content key of what was read. */
  readonly reads: ReadonlyMap<string, string>;
  /** Findings before waivers (waivers are applied again on every run, so their bookkeeping stays exact). */
  readonly found: readonly Diagnostic[];
  readonly placements: readonly Placement[];
  /** Location key of each finding's entity when it was placed. */
  readonly placedAt: readonly string[];
}

/** Kept by the caller across runs; one per architecture folder. */
export class RuleMemo {
  private settings: string | undefined;
  private readonly byRule = new Map<string, MemoEntry>();
  /** Content key of each document by `<file sha>:<doc index>`, from the runs before (kept while used). */
  contentKeys = new Map<string, string>();
  /** Rules taken from the memo and rules run, in the last run (for the language server's log and tests). */
  lastRun = { reused: 0, ran: 0, moved: 0 };

  /** Starts a run: forgets everything when anything that is not a model read (settings, date, pack) changed. */
  begin(settings: string): void {
    if (settings !== this.settings) this.byRule.clear();
    this.settings = settings;
    this.lastRun = { reused: 0, ran: 0, moved: 0 };
  }

  /**
   * The findings of `ruleId` if none of its reads changed; findings on entities whose file changed
   * around them are placed again by `place` (same finding, new lines).
   */
  lookup(ruleId: string, keys: ContentKeys, place: (p: Placement) => Pick<Diagnostic, 'file' | 'range'>): readonly Diagnostic[] | undefined {
    const e = this.byRule.get(ruleId);
    if (!e) return undefined;
    for (const [read, key] of e.reads) if (keys.of(read) !== key) return undefined;
    let out: Diagnostic[] | undefined;
    e.found.forEach((d, i) => {
      const p = e.placements[i] as Placement;
      if (keys.of(`l:${p.entity}`) === e.placedAt[i]) return;
      out ??= [...e.found];
      out[i] = { ...d, ...place(p) };
      this.lastRun.moved++;
    });
    if (out) this.byRule.set(ruleId, { ...e, found: out, placedAt: e.placements.map((p) => keys.of(`l:${p.entity}`)) });
    return out ?? e.found;
  }

  store(ruleId: string, reads: ReadonlyMap<string, string>, found: readonly Diagnostic[], placements: readonly Placement[], keys: ContentKeys): void {
    // A valid entity read one by one is already covered by its kind, when the rule listed that kind:
    // the kind's key holds the key of each valid entity, and one that turns invalid leaves the list.
    const listed = new Set<string>();
    for (const read of reads.keys()) if (read.startsWith('k:')) listed.add(read.slice(2));
    const kept = new Map<string, string>();
    for (const [read, key] of reads) {
      if (read.startsWith('e:') && key.endsWith(':1') && listed.has(read.slice(2, read.indexOf(':', 2)))) continue;
      kept.set(read, key);
    }
    this.byRule.set(ruleId, { reads: kept, found, placements, placedAt: placements.map((p) => keys.of(`l:${p.entity}`)) });
  }
}

/** Makes the key of an unknown read different on every run (never reused). */
let runs = 0;

const sha1 = (s: string): string => createHash('sha1').update(s).digest('hex');

/**
 * Content keys of what a rule can read from one model, computed on demand and once per run. An entity's
 * key is the content hash of the file it was written in, its place in that file and its validity: any
 * change to the file (which may also move its lines) changes it.
 */
export class ContentKeys {
  private readonly cache = new Map<string, string>();
  private shaByFile: Map<string, string> | undefined;
  private readonly used = new Map<string, string>();

  constructor(
    private readonly model: Model,
    private readonly findings: () => readonly Diagnostic[],
    /** Content keys of documents from earlier runs (`<sha>:<doc index>` → key); unchanged files are not hashed again. */
    private readonly known: ReadonlyMap<string, string> = new Map(),
  ) {}

  of(read: string): string {
    let v = this.cache.get(read);
    if (v === undefined) {
      v = this.compute(read);
      this.cache.set(read, v);
    }
    return v;
  }

  /** The document content keys this run used (what the memo keeps for the next run). */
  contentKeysUsed(): Map<string, string> {
    return this.used;
  }

  private sourceOf(ref: string): string | undefined {
    // Also for an entity absent from this state (model/states.ts): its document is what a rule read.
    const e = this.model.declaredEntities().get(ref);
    if (!e) return undefined;
    this.shaByFile ??= new Map(this.model.files.map((f) => [f.file, f.sha256]));
    return `${this.shaByFile.get(e.origin.file) ?? '?'}:${e.origin.file}:${e.origin.docIndex}`;
  }

  /** What the entity says (its document's content) and whether it is valid; not where it is. */
  private entityKey(ref: string): string {
    const source = this.sourceOf(ref);
    if (source === undefined) return '-';
    let content = this.used.get(source) ?? this.known.get(source);
    if (content === undefined) content = sha1(JSON.stringify(this.model.declaredEntities().get(ref) ?? null));
    this.used.set(source, content);
    return `${content}:${this.model.isValid(ref) ? 1 : 0}`;
  }

  private compute(read: string): string {
    const colon = read.indexOf(':');
    const what = colon < 0 ? read : read.slice(0, colon);
    const arg = colon < 0 ? '' : read.slice(colon + 1);
    switch (what) {
      case 'e':
        return this.entityKey(arg);
      case 'l':
        // Where the entity was written: its file's content and its place in the file.
        return this.sourceOf(arg) ?? '-';
      case 'k':
        return sha1(this.model.all(arg as EntityKind).map((e) => `${e.ref}=${this.entityKey(e.ref)}`).join('\n'));
      case 'kw':
        // A kind listed on the model as written (the timeline of a state): absent entities included.
        return sha1(this.model.asWritten().all(arg as EntityKind).map((e) => `${e.ref}=${this.entityKey(e.ref)}`).join('\n'));
      case 'ix': {
        const at = arg.indexOf(':');
        const members = indexEntry(this.model, arg.slice(0, at) as IndexName, arg.slice(at + 1));
        return members.map((e) => `${e.ref}=${this.entityKey(e.ref)}`).join('\n');
      }
      case 'in':
        return sha1(JSON.stringify(this.model.referrers(arg)));
      case 'out':
        return sha1(JSON.stringify(this.model.referencesFrom(arg)));
      case 'agency':
        return `${this.model.agency?.ref ?? '-'}=${this.model.agency ? this.entityKey(this.model.agency.ref) : '-'}`;
      case 'refs':
        return sha1(JSON.stringify(this.model.references));
      case 'files':
        return sha1(JSON.stringify(this.model.files));
      case 'findings': {
        // What the findings say, not where they are (a line moving does not change a gap). Findings
        // reused from the memo are the same objects from run to run: each is written out once.
        const hash = createHash('sha1');
        for (const d of this.findings()) hash.update(whatItSays(d)).update('\n');
        return hash.digest('hex');
      }
      case 'never':
        return `never:${++runs}`;
      default:
        return `?${read}`;
    }
  }
}

const SAID = new WeakMap<Diagnostic, string>();

/** A finding without its place (file and range), as JSON, memoised per finding object. */
function whatItSays(d: Diagnostic): string {
  let said = SAID.get(d);
  if (said === undefined) {
    const { file: _file, range: _range, ...what } = d;
    said = JSON.stringify(what);
    SAID.set(d, said);
  }
  return said;
}

/** Methods of the model whose answer depends on one entity (their first argument). */
const BY_REF = new Set(['get', 'isValid', 'nameOf', 'shortNameOf', 'org', 'resolves', 'kindOf']);

/**
 * The model as one rule sees it: the same answers, with every read written down in `reads` (read key →
 * content key). A fresh view per rule run, so analysis indexes memoised per model object are built —
 * and their reads recorded — for this rule too.
 */
export function trackingView(model: Model, keys: ContentKeys, reads: Map<string, string>, written = false): Model {
  const note = (read: string): void => {
    if (!reads.has(read)) reads.set(read, keys.of(read));
  };
  const methods = new Map<PropertyKey, unknown>();
  const view: ModelView = { model, noteIndex: (index, key) => note(`ix:${index}:${key}`) };
  let writtenView: Model | undefined;
  return new Proxy(model, {
    get(target, prop, receiver) {
      if (prop === MODEL_VIEW) return view;
      // The model as written (model/states.ts), seen through a view of its own: what a timeline rule reads.
      if (prop === 'asWritten') return () => (written ? receiver : (writtenView ??= trackingView(target.asWritten(), keys, reads, true)));
      if (prop === 'agency') {
        note('agency');
        return target.agency;
      }
      if (prop === 'references') {
        note('refs');
        return target.references;
      }
      if (prop === 'files') {
        note('files');
        return target.files;
      }
      const value = Reflect.get(target, prop, target) as unknown;
      if (typeof value !== 'function') return value;
      let bound = methods.get(prop);
      if (bound) return bound;
      const fn = value as (...args: unknown[]) => unknown;
      if (prop === 'all') bound = (kind: string) => (note(`${written ? 'kw' : 'k'}:${kind}`), fn.call(target, kind));
      else if (prop === 'referrers') bound = (ref: string) => (note(`in:${ref}`), fn.call(target, ref));
      else if (prop === 'locate') bound = (ref: string, ...rest: unknown[]) => (note(`l:${ref}`), fn.call(target, ref, ...rest));
      else if (prop === 'referencesFrom') bound = (ref: string) => (note(`out:${ref}`), fn.call(target, ref));
      else if (typeof prop === 'string' && BY_REF.has(prop)) bound = (ref: string, ...rest: unknown[]) => (note(`e:${ref}`), fn.call(target, ref, ...rest));
      else if (prop === 'national' || prop === 'target') bound = fn.bind(target); // framework pack: part of the memo key
      else if (prop === 'stateDate') bound = fn.bind(target); // the state's date: part of the memo key (run-rules.ts)
      else if (prop === 'declaredEntities' || prop === 'derive') {
        // modelAt (model/states.ts) rebuilds a state from every entity as written: it reads every kind.
        bound = (...args: unknown[]) => {
          for (const kind of ENTITY_KINDS) note(`kw:${kind}`);
          return fn.apply(target, args);
        };
      }
      else {
        // A model method the view does not know: its answer could depend on anything, so the result is never reused.
        bound = (...args: unknown[]) => (note('never'), fn.apply(target, args));
      }
      methods.set(prop, bound);
      return bound;
    },
  });
}
