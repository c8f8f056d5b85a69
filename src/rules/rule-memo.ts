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
import { addTo } from '../core/multimap.js';
import type { Severity } from '../core/severity.js';
import { ENTITY_KINDS, type EntityKind } from '../core/ref.js';
import type { Model } from '../model/model.js';
import type { Entity } from '../model/types.js';
import { indexEntry, indexKeysOf, MODEL_VIEW, writtenPatchOf, type IndexName, type ModelView } from '../analysis/indexes.js';
import { ReadIndex, slotOf, type AffectedEntries } from './read-index.js';

/** Where a finding was placed: enough to place it again when only its file's lines moved. */
export interface Placement {
  readonly entity: string;
  readonly path: readonly (string | number)[];
  readonly part: 'value' | 'key';
}

interface MemoEntry {
  /** Read keys, and the content key of what each read found (same order). */
  readonly reads: readonly string[];
  readonly vals: readonly string[];
  /** Findings before waivers (waivers are applied again on every run, so their bookkeeping stays exact). */
  readonly found: readonly Diagnostic[];
  readonly placements: readonly Placement[];
  /** Location key of each finding's entity when it was placed. */
  readonly placedAt: readonly string[];
}

/** What a rule's judgement of one entity gave: its reads, findings and their places. */
type Judgement = { readonly reads: ReadonlyMap<string, string>; readonly found: readonly Diagnostic[]; readonly placements: readonly Placement[] };

/** A rule's table patched after an edit: its findings and how many entities were judged again, or the crash finding. */
export type PatchedEntities = { readonly out: readonly Diagnostic[]; readonly judged: number } | { readonly crashed: readonly Diagnostic[] };

const CRASHED = Symbol('crashed');

/** Kept by the caller across runs; one per architecture folder. */
export class RuleMemo {
  private settings: string | undefined;
  private readonly byRule = new Map<string, MemoEntry>();
  /** Entity rules (`defineEntityRule`): rule id → entity ref → that entity's judgement. */
  private readonly byEntity = new Map<string, Map<string, MemoEntry>>();
  /** The last findings of each rule keyed as a read (`f:<rule>`), and their key. */
  readonly findingsKeys = new Map<string, { readonly list: readonly Diagnostic[]; readonly key: string }>();
  /**
   * The key of each group of findings a findings-entity rule judged in the last run (`g:<rule>:<entity>`),
   * with the findings it was made from: the same finding objects (taken from the memo) are not hashed again.
   */
  private groupKeys = new Map<string, { readonly list: readonly Diagnostic[]; readonly key: string }>();
  private nextGroupKeys = new Map<string, { readonly list: readonly Diagnostic[]; readonly key: string }>();

  /** The content key of one entity's group of findings (what they say, in order; not where they are). */
  groupKey(read: string, list: readonly Diagnostic[]): string {
    const last = this.groupKeys.get(read);
    let key: string;
    if (last && last.list.length === list.length && last.list.every((d, i) => d === list[i])) key = last.key;
    else {
      const hash = createHash('sha1');
      for (const d of list) hash.update(whatItSays(d)).update('\n');
      key = hash.digest('hex');
    }
    this.nextGroupKeys.set(read, { list, key });
    return key;
  }

  /** Content key of each document by `<file sha>:<doc index>`, from the runs before (kept while used). */
  contentKeys = new Map<string, string>();
  /**
   * Rules taken from the memo and rules run, in the last run (for the language server's log and tests);
   * `patched`: entity and findings-entity rules patched in place after an edit (`patchEntities`).
   */
  lastRun = { reused: 0, ran: 0, moved: 0, judged: 0, keysComputed: 0, keysCarried: 0, patched: 0 };
  /**
   * The content key of every read the last run computed, and the model it computed them on (kept in
   * memory only): the next run takes again the keys of reads the changed documents cannot reach
   * (`changedReads`), instead of computing every key anew.
   */
  private lastKeys: LastKeys | undefined;
  /**
   * Which entries read what (read-index.ts), built on the first run after an edit and kept up to date
   * from then on; and, in a run after an edit, the entries that edit may have changed. Every other
   * entry held for the model of the last run and still holds: it is taken without checking its reads.
   */
  private index: ReadIndex | undefined;
  private affected: AffectedEntries | undefined;
  /** In a run after an edit (with `affected`): the reads it may have changed. */
  private stale: StaleReads | undefined;
  /** Each entity rule's findings as the last run gave them (taken whole when none of its findings changed). */
  private readonly outs = new Map<string, readonly Diagnostic[]>();
  /** True from `prepare` to `endRun`: a run that did not end leaves entries the next edit cannot be traced from. */
  private running = false;

  /** Starts a run: forgets everything when anything that is not a model read (settings, date, pack) changed. */
  begin(settings: string): void {
    if (settings !== this.settings) {
      this.byRule.clear();
      this.byEntity.clear();
      this.outs.clear();
      this.inputs.clear();
      this.index = undefined;
      this.lastKeys = undefined;
      this.keysChanged = true;
    }
    this.settings = settings;
    this.affected = undefined;
    this.stale = undefined;
    this.nextGroupKeys = new Map();
    this.lastRun = { reused: 0, ran: 0, moved: 0, judged: 0, keysComputed: 0, keysCarried: 0, patched: 0 };
  }

  /**
   * After `begin`, with the reads the edit since the last run may have changed (`carriedKeys`): the
   * entries to look at again in this run. Without them (first run, an edit that reaches everything,
   * a run that did not end) every entry's reads are checked.
   */
  prepare(stale: StaleReads | undefined): void {
    const clean = !this.running;
    this.running = true;
    if (!stale || !clean) return;
    if (!this.index) {
      const index = new ReadIndex();
      for (const [id, e] of this.byRule) if (!this.byEntity.has(id)) index.add(slotOf(id), e);
      for (const [id, table] of this.byEntity) for (const [ref, e] of table) index.add(slotOf(id, ref), e);
      this.index = index;
    }
    this.affected = this.index.affected(stale);
    this.stale = stale;
  }

  /** True when this run knows what the edit affected (see `prepare`). */
  get traced(): boolean {
    return this.affected !== undefined;
  }

  /**
   * An entity rule after an edit (`prepare`), patched in place: only the entries the edit affects
   * (read-index.ts) are looked at — checked, placed again, or judged again by `judge` — in the rule's
   * table as the last run left it, whose order (the model order of the kind) stays; the others are
   * not visited. `list` is the model whose `all(kind)` the rule judges. Undefined when the table
   * cannot be patched (no trace, no table, or the list of the kind changed: an entity whose content
   * changed entered or left it); the caller then walks every entity. `crashed` when a judgement threw.
   */
  patchEntities(
    ruleId: string,
    kind: string,
    list: Pick<Model, 'all' | 'get'>,
    keys: ContentKeys,
    place: (p: Placement) => Pick<Diagnostic, 'file' | 'range'>,
    judge: (ref: string) => Judgement,
  ): PatchedEntities | undefined {
    const a = this.affected;
    const stale = this.stale;
    const table = this.byEntity.get(ruleId);
    if (!a || !stale || !table) return undefined;
    // The list of the kind changes only through the entities whose content changed (as `changedReads`
    // assumes): it is the same when each of them is in the table exactly when it is in the list now,
    // and the table holds one entry per entity of the last run's list (same size as the list now).
    if (a.kinds.has(kind)) {
      const prefix = `${kind}:`;
      for (const ref of stale.entities) if (ref.startsWith(prefix) && (list.get(ref) !== undefined) !== table.has(ref)) return undefined;
    }
    if (table.size !== list.all(kind as EntityKind).length) return undefined;
    let judged = 0;
    let changed = false;
    let dropped: Map<string, readonly Diagnostic[]> | undefined;
    for (const ref of a.entriesOf(ruleId)) {
      const e = table.get(ref);
      if (!e) continue;
      const found = a.isDirty(ruleId, ref) ? this.lookupIn(table, ref, keys, place) : this.placed(table, ref, e, keys, place);
      if (found) {
        if (found !== e.found) changed = true;
        continue;
      }
      judged++;
      const made = judge(ref);
      const now = this.storeJudged(ruleId, table, ref, e, made, keys);
      if (now === CRASHED) return { crashed: made.found };
      changed = true;
      if (!now) (dropped ??= new Map()).set(ref, made.found);
    }
    if (judged > 0) this.dirty.add(ruleId);
    // After an edit the rule's summary (`storeAllEntities`) is not made again: drop it rather than keep a stale one.
    this.byRule.delete(ruleId);
    let out = changed ? undefined : this.outs.get(ruleId);
    if (!out) {
      const all: Diagnostic[] = [];
      if (dropped) {
        // A judgement that read what the view cannot key is not kept: its findings of this run, in model order.
        for (const entity of list.all(kind as EntityKind)) for (const d of table.get(entity.ref)?.found ?? dropped.get(entity.ref) ?? []) all.push(d);
      } else for (const e of table.values()) for (const d of e.found) all.push(d);
      out = all;
      this.outs.set(ruleId, out);
    }
    return { out, judged };
  }

  /**
   * A judgement made again in a patched table (`patchEntities`, `patchFindingEntities`): stored in its
   * place (`set` on a key the table holds keeps its place, so the table keeps its order) and indexed
   * again when its reads or places differ from `was`. The kept entry; undefined when it cannot be kept
   * (a read the view cannot key); CRASHED when the judgement threw (every entry of the rule is dropped).
   */
  private storeJudged(ruleId: string, table: Map<string, MemoEntry>, ref: string, was: MemoEntry | undefined, made: Judgement, keys: ContentKeys): MemoEntry | undefined | typeof CRASHED {
    if (made.found.some((d) => d.code === 'internal.rule-crashed')) {
      this.forgetEntities(ruleId);
      return CRASHED;
    }
    this.storeIn(table, ref, made.reads, made.found, made.placements, keys);
    const now = table.get(ref);
    if (this.index && !(was && now && sameIndexing(was, now))) {
      if (was) this.index.remove(slotOf(ruleId, ref), was);
      if (now) this.index.add(slotOf(ruleId, ref), now);
    }
    return now;
  }

  /**
   * What each findings-entity rule was given in the last run: the findings of each rule it reads (in
   * the order read) and its groups by entity (in judgement order). Kept by `keepInputs`, patched by
   * `patchFindingEntities`.
   */
  private readonly inputs = new Map<string, { readonly lists: ReadonlyMap<string, readonly Diagnostic[]>; readonly groups: Map<string, readonly Diagnostic[]>; readonly order: string[] }>();

  /** Keeps what a findings-entity rule judged in a run made in full (see `patchFindingEntities`). */
  keepInputs(ruleId: string, lists: ReadonlyMap<string, readonly Diagnostic[]>, groups: ReadonlyMap<string, readonly Diagnostic[]>): void {
    this.inputs.set(ruleId, { lists, groups: new Map(groups), order: [...groups.keys()] });
  }

  /**
   * A findings-entity rule after an edit (`prepare`), patched in place as `patchEntities` does: the
   * findings it reads are compared rule by rule with those of the last run (the same objects while
   * what they say and where are the same: the common start and end of each list are skipped), the
   * entities of the findings that differ are grouped again (`group` over their findings alone: a
   * finding is grouped under its own entity), and only those entities and the entries the edit affects
   * in the model are looked at — each checked, placed again or judged again by `judge`. Groups that
   * appear or go put the table in `order` again. Undefined when it cannot be patched (no trace, no run
   * in full before, other rules read, no `order`, or a group under another entity than its findings').
   */
  patchFindingEntities(
    ruleId: string,
    lists: ReadonlyMap<string, readonly Diagnostic[]>,
    each: { group(findings: readonly Diagnostic[]): ReadonlyMap<string, readonly Diagnostic[]>; readonly order?: (a: string, b: string) => number },
    keys: ContentKeys,
    place: (p: Placement) => Pick<Diagnostic, 'file' | 'range'>,
    judge: (entity: string, list: readonly Diagnostic[]) => Judgement,
  ): PatchedEntities | undefined {
    const a = this.affected;
    const table = this.byEntity.get(ruleId);
    const last = this.inputs.get(ruleId);
    const order = each.order;
    if (!a || !table || !last || !order || last.lists.size !== lists.size || table.size !== last.groups.size) return undefined;
    // The entities whose findings differ from the last run's, and the rules whose lists differ.
    const touched = new Set<string>();
    const differs = new Set<string>();
    const before = last.lists.entries();
    for (const [id, list] of lists) {
      const was = before.next().value;
      if (!was || was[0] !== id) return undefined;
      const old = was[1];
      // The same list (a rule taken from the memo, no waiver on it): nothing in it differs.
      if (old === list) continue;
      let start = 0;
      while (start < old.length && start < list.length && old[start] === list[start]) start++;
      let endOld = old.length;
      let endNew = list.length;
      while (endOld > start && endNew > start && old[endOld - 1] === list[endNew - 1]) {
        endOld--;
        endNew--;
      }
      for (let i = start; i < endOld; i++) if ((old[i] as Diagnostic).entity !== undefined) touched.add(String((old[i] as Diagnostic).entity));
      for (let i = start; i < endNew; i++) if ((list[i] as Diagnostic).entity !== undefined) touched.add(String((list[i] as Diagnostic).entity));
      differs.add(id);
    }
    const groups = last.groups;
    let reorder = false;
    // Groups that appear or go in this run: the order of the groups (and of the findings) patched at the end.
    const added: string[] = [];
    const gone: string[] = [];
    if (touched.size > 0) {
      // The findings of the touched entities, rule by rule in order: read from each list that differs;
      // from a list that is the same, taken from those entities' last groups (a rule's findings carry
      // its id as their code; `group` keeps or leaves out each finding on its own). The lists that did
      // not change are not walked.
      const lastOf = new Map<string, Map<string, Diagnostic[]>>();
      for (const entity of touched) {
        const byCode = new Map<string, Diagnostic[]>();
        for (const d of groups.get(entity) ?? []) {
          const list = byCode.get(d.code);
          if (list) list.push(d);
          else byCode.set(d.code, [d]);
        }
        lastOf.set(entity, byCode);
      }
      const theirs: Diagnostic[] = [];
      for (const [id, list] of lists) {
        if (differs.has(id)) {
          for (const d of list) if (d.entity !== undefined && d.code !== 'internal.rule-crashed' && touched.has(String(d.entity))) theirs.push(d);
        } else for (const byCode of lastOf.values()) for (const d of byCode.get(id) ?? []) theirs.push(d);
      }
      const regrouped = each.group(theirs);
      for (const entity of regrouped.keys()) if (!touched.has(entity)) return undefined;
      for (const entity of touched) {
        const now = regrouped.get(entity);
        const had = groups.has(entity);
        if (now) groups.set(entity, now);
        else groups.delete(entity);
        if (now && !had) added.push(entity);
        if (!now && had) gone.push(entity);
        if ((now !== undefined) !== had) reorder = true;
      }
    }
    let judged = 0;
    let changed = reorder;
    const index = this.index;
    const visit = new Set<string>(touched);
    for (const ref of a.entriesOf(ruleId)) visit.add(ref);
    for (const entity of visit) {
      const list = groups.get(entity);
      const e = table.get(entity);
      if (!list) {
        if (e) {
          table.delete(entity);
          index?.remove(slotOf(ruleId, entity), e);
          changed = true;
        }
        continue;
      }
      const read = `g:${ruleId}:${entity}`;
      const key = this.groupKey(read, list);
      keys.put(read, key);
      let found: readonly Diagnostic[] | undefined;
      if (e) {
        const i = e.reads.indexOf(read);
        if (i >= 0 && e.vals[i] === key) found = a.isDirty(ruleId, entity) ? this.lookupIn(table, entity, keys, place) : this.placed(table, entity, e, keys, place);
      }
      if (found) {
        if (found !== e?.found) changed = true;
        continue;
      }
      judged++;
      const made = judge(entity, list);
      const now = this.storeJudged(ruleId, table, entity, e, made, keys);
      if (now === CRASHED) return { crashed: made.found };
      changed = true;
      if (!now) {
        // A judgement that read what the view cannot key is not kept: the rule is judged in full next time.
        this.forgetEntities(ruleId);
        return undefined;
      }
    }
    // The groups' order: those that went taken out, those that appeared put in place (found by halving).
    const ordered = last.order;
    const at = (entity: string): number => {
      let lo = 0;
      let hi = ordered.length;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (order(ordered[mid] as string, entity) < 0) lo = mid + 1;
        else hi = mid;
      }
      return lo;
    };
    for (const entity of gone) {
      const i = at(entity);
      if (ordered[i] === entity) ordered.splice(i, 1);
    }
    for (const entity of added) ordered.splice(at(entity), 0, entity);
    if (table.size !== groups.size || ordered.length !== groups.size) {
      this.forgetEntities(ruleId);
      return undefined;
    }
    if (judged > 0 || changed) this.dirty.add(ruleId);
    this.inputs.set(ruleId, { lists, groups, order: ordered });
    let out = changed ? undefined : this.outs.get(ruleId);
    if (!out) {
      // In the groups' order (the table's own order is that of the run in full, new entries last).
      const all: Diagnostic[] = [];
      for (const entity of ordered) for (const d of (table.get(entity) as MemoEntry).found) all.push(d);
      out = all;
      this.outs.set(ruleId, out);
    }
    return { out, judged };
  }

  /** Keeps the findings an entity rule gave in this run (see `patchEntities`). */
  keepOut(ruleId: string, out: readonly Diagnostic[]): void {
    this.outs.set(ruleId, out);
  }

  /** Drops every entry of an entity rule (one of its judgements crashed): it runs in full next time. */
  forgetEntities(ruleId: string): void {
    const table = this.byEntity.get(ruleId);
    if (table && this.index) for (const [ref, e] of table) this.index.remove(slotOf(ruleId, ref), e);
    this.byEntity.delete(ruleId);
    this.byRule.delete(ruleId);
    this.outs.delete(ruleId);
    this.inputs.delete(ruleId);
    this.dirty.add(ruleId);
  }

  /**
   * The keys of the last run that still hold for `model` (see `changedReads`), or undefined when none
   * can be carried over (first run, other settings, or an edit that reaches everything).
   */
  carriedKeys(model: Model): CarriedKeys | undefined {
    const last = this.lastKeys;
    if (!last || last.model === model) return undefined;
    const stale = changedReads(last.model, model);
    return stale ? { keys: last.keys, qualified: last.qualified, kindSums: last.kindSums, stale } : undefined;
  }

  /**
   * The judgements of an entity rule from the runs before (`old`), and the table this run fills
   * (`next`, in model order); `endEntities` keeps `next`, so entities gone from the model are dropped.
   */
  beginEntities(ruleId: string): { readonly old: Map<string, MemoEntry>; readonly next: Map<string, MemoEntry> } {
    return { old: this.byEntity.get(ruleId) ?? new Map(), next: new Map() };
  }

  endEntities(ruleId: string, old: Map<string, MemoEntry>, next: Map<string, MemoEntry>, judged: number): void {
    if (judged > 0 || next.size !== old.size) this.dirty.add(ruleId);
    const index = this.index;
    if (index) {
      // A judgement made again with the same reads and places is indexed as it was.
      for (const [ref, e] of old) {
        const now = next.get(ref);
        if (now !== e && !(now && sameIndexing(e, now))) index.remove(slotOf(ruleId, ref), e);
      }
      for (const [ref, e] of next) {
        const was = old.get(ref);
        if (was !== e && !(was && sameIndexing(was, e))) index.add(slotOf(ruleId, ref), e);
      }
    }
    this.byEntity.set(ruleId, next);
    // After an edit the rule's summary (`storeAllEntities`) is not made again: drop it rather than keep a stale one.
    if (this.affected) this.byRule.delete(ruleId);
  }

  /**
   * An entity rule's findings when the union of its entities' reads and the list of its kind are
   * unchanged (one check instead of one per entity): each entity's findings, in model order.
   */
  lookupAllEntities(ruleId: string, keys: ContentKeys, place: (p: Placement) => Pick<Diagnostic, 'file' | 'range'>): readonly Diagnostic[] | undefined {
    const table = this.byEntity.get(ruleId);
    if (!table || !this.lookupIn(this.byRule, ruleId, keys, place)) return undefined;
    const out: Diagnostic[] = [];
    for (const [ref, e] of table) for (const d of this.placed(table, ref, e, keys, place)) out.push(d);
    return out;
  }

  /**
   * After an entity rule ran entity by entity: its summary, the union of every entity's reads and the
   * list of its kind, kept as the rule's own entry (no findings: they stay with the entities). Not kept
   * when an entity's judgement could not be kept (a read the view cannot key).
   */
  storeAllEntities(ruleId: string, listRead: string, next: Map<string, MemoEntry>, judgedAll: number, keys: ContentKeys): void {
    if (next.size !== judgedAll) {
      this.byRule.delete(ruleId);
      return;
    }
    // The list judged (`k:<kind>`, or `kw:<kind>` for a rule over the entities as written).
    const reads = new Map<string, string>([[listRead, keys.of(listRead)]]);
    for (const e of next.values()) for (let i = 0; i < e.reads.length; i++) if (!reads.has(e.reads[i] as string)) reads.set(e.reads[i] as string, e.vals[i] as string);
    this.storeIn(this.byRule, ruleId, reads, [], [], keys);
  }

  /**
   * One entity's findings if none of its judgement's reads changed (see `lookup`); kept in `next`. After
   * an edit (`prepare`), an entry the edit does not affect is taken without checking its reads.
   */
  lookupEntity(ruleId: string, old: Map<string, MemoEntry>, next: Map<string, MemoEntry>, ref: string, keys: ContentKeys, place: (p: Placement) => Pick<Diagnostic, 'file' | 'range'>): readonly Diagnostic[] | undefined {
    const a = this.affected;
    const e = old.get(ref);
    let found: readonly Diagnostic[] | undefined;
    if (a && e && !a.isDirty(ruleId, ref)) found = a.mayHaveMoved(ruleId, ref) ? this.placed(old, ref, e, keys, place) : e.found;
    else found = this.lookupIn(old, ref, keys, place);
    if (found) next.set(ref, old.get(ref) as MemoEntry);
    return found;
  }

  /**
   * One entity's judgement of a findings-entity rule (`g:<rule>:<entity>` is `group`, its key `key`):
   * undefined when the entity's findings say something else than when it was judged; else as
   * `lookupEntity` (after an edit, taken without checking its other reads when the edit cannot reach them).
   */
  lookupGroup(ruleId: string, old: Map<string, MemoEntry>, next: Map<string, MemoEntry>, ref: string, group: string, key: string, keys: ContentKeys, place: (p: Placement) => Pick<Diagnostic, 'file' | 'range'>): readonly Diagnostic[] | undefined {
    const e = old.get(ref);
    if (!e) return undefined;
    const i = e.reads.indexOf(group);
    if (i < 0 || e.vals[i] !== key) return undefined;
    return this.lookupEntity(ruleId, old, next, ref, keys, place);
  }

  storeEntity(next: Map<string, MemoEntry>, ref: string, reads: ReadonlyMap<string, string>, found: readonly Diagnostic[], placements: readonly Placement[], keys: ContentKeys): void {
    this.storeIn(next, ref, reads, found, placements, keys);
  }

  /**
   * The findings of `ruleId` if none of its reads changed; findings on entities whose file changed
   * around them are placed again by `place` (same finding, new lines).
   */
  lookup(ruleId: string, keys: ContentKeys, place: (p: Placement) => Pick<Diagnostic, 'file' | 'range'>): readonly Diagnostic[] | undefined {
    const a = this.affected;
    const e = this.byRule.get(ruleId);
    if (a && e && !a.isDirty(ruleId)) {
      // The findings a rule read, rule by rule (`f:<rule>`, first among its reads), are not traced from
      // the edit: each is checked here (the same findings objects are known at once).
      for (let i = 0; i < e.reads.length && (e.reads[i] as string).startsWith('f:'); i++) if (keys.of(e.reads[i] as string) !== e.vals[i]) return undefined;
      return a.mayHaveMoved(ruleId) ? this.placed(this.byRule, ruleId, e, keys, place) : e.found;
    }
    return this.lookupIn(this.byRule, ruleId, keys, place);
  }

  private lookupIn(table: Map<string, MemoEntry>, ruleId: string, keys: ContentKeys, place: (p: Placement) => Pick<Diagnostic, 'file' | 'range'>): readonly Diagnostic[] | undefined {
    const e = table.get(ruleId);
    if (!e) return undefined;
    const { reads, vals } = e;
    for (let i = 0; i < reads.length; i++) if (keys.of(reads[i] as string) !== vals[i]) return undefined;
    return this.placed(table, ruleId, e, keys, place);
  }

  /** The findings of entry `e` (whose reads are unchanged), those whose lines moved placed again. */
  private placed(table: Map<string, MemoEntry>, ruleId: string, e: MemoEntry, keys: ContentKeys, place: (p: Placement) => Pick<Diagnostic, 'file' | 'range'>): readonly Diagnostic[] {
    let out: Diagnostic[] | undefined;
    let at: string[] | undefined;
    const visit = (i: number): void => {
      const d = e.found[i] as Diagnostic;
      const p = e.placements[i] as Placement;
      const now = keys.of(`l:${p.entity}`);
      if (now === e.placedAt[i]) return;
      at ??= [...e.placedAt];
      at[i] = now;
      // Its file changed, but not necessarily its lines: a finding in the same place stays the same object.
      const loc = place(p);
      if (loc.file === d.file && sameRange(loc.range, d.range)) return;
      out ??= [...e.found];
      out[i] = { ...d, ...loc };
      this.lastRun.moved++;
    };
    const stale = this.stale;
    if (stale && e.found.length > FEW_FINDINGS) {
      // After an edit, a finding's place (`l:` key) can have changed only when it is on an entity of a
      // changed file (`changedReads`: its content changed, or it moved): those findings alone are looked at.
      const on = findingsOn(e.placements);
      for (const x of stale.entities) for (const i of on.get(x) ?? NONE) visit(i);
      for (const x of stale.moved) for (const i of on.get(x) ?? NONE) visit(i);
    } else for (let i = 0; i < e.found.length; i++) visit(i);
    if (at) table.set(ruleId, { ...e, found: out ?? e.found, placedAt: at });
    return out ?? e.found;
  }

  /** Drops what is kept for `ruleId` (its last run crashed): it runs again next time. */
  forget(ruleId: string): void {
    const e = this.byRule.get(ruleId);
    if (e && this.index) this.index.remove(slotOf(ruleId), e);
    this.byRule.delete(ruleId);
  }

  /**
   * Keeps what a whole rule found with what it read; the findings kept: a finding that says the same in
   * the same place as the one at its index in the last run is that object, and the same list is the
   * last run's list (the findings rules that read it then see at once that nothing changed).
   */
  store(ruleId: string, reads: ReadonlyMap<string, string>, found: readonly Diagnostic[], placements: readonly Placement[], keys: ContentKeys): readonly Diagnostic[] {
    this.dirty.add(ruleId);
    const was = this.byRule.get(ruleId);
    const kept = was ? sameFindings(was.found, found) : found;
    this.byRule.delete(ruleId);
    this.storeIn(this.byRule, ruleId, reads, kept, placements, keys);
    const e = this.byRule.get(ruleId);
    // The rule ran again and read the same things (most often): the index holds it as it was.
    if (!this.index || (was && e && sameIndexing(was, e))) return kept;
    if (was) this.index.remove(slotOf(ruleId), was);
    if (e) this.index.add(slotOf(ruleId), e);
    return kept;
  }

  private storeIn(table: Map<string, MemoEntry>, ruleId: string, reads: ReadonlyMap<string, string>, found: readonly Diagnostic[], placements: readonly Placement[], keys: ContentKeys): void {
    // A rule that read something the view cannot key is run again every time: nothing to keep.
    if (reads.has('never')) {
      table.delete(ruleId);
      return;
    }
    // A valid entity read one by one is already covered by its kind, when the rule listed that kind:
    // the kind's key holds the key of each valid entity, and one that turns invalid leaves the list.
    const listed = new Set<string>();
    for (const read of reads.keys()) if (read.startsWith('k:')) listed.add(read.slice(2));
    const kept: string[] = [];
    const vals: string[] = [];
    for (const [read, key] of reads) {
      if (listed.size > 0 && read.startsWith('e:') && key.endsWith(':1') && listed.has(read.slice(2, read.indexOf(':', 2)))) continue;
      kept.push(read);
      vals.push(key);
    }
    table.set(ruleId, { reads: kept, vals, found, placements, placedAt: placements.map((p) => keys.of(`l:${p.entity}`)) });
  }

  /** True when the last run changed what `save` would write (a rule ran, a document was keyed anew). */
  changed(): boolean {
    return this.dirty.size > 0 || this.keysChanged;
  }

  /** True when the document content keys changed in the last run (the memo's head on disk is stale). */
  get headChanged(): boolean {
    return this.keysChanged;
  }

  /** Rules whose entries changed since they were restored or taken (what to write back); empties the set. */
  takeDirty(): string[] {
    const out = [...this.dirty];
    this.dirty.clear();
    this.keysChanged = false;
    return out;
  }

  private keysChanged = true;
  private readonly dirty = new Set<string>();

  /**
   * The document content keys by file (`<sha>:<file>:<doc index>` → its file), for the content keys
   * patched file by file after an edit (`endRun`); made from `contentKeys` when first needed.
   */
  private sourcesByFile: Map<string, Set<string>> | undefined;

  /** Called by the runner at the end of a run, with the content keys of that run. */
  endRun(keys?: ContentKeys): void {
    this.running = false;
    this.groupKeys = this.nextGroupKeys;
    this.nextGroupKeys = new Map();
    this.affected = undefined;
    this.stale = undefined;
    const changedFiles = keys?.carriedFiles();
    if (keys && changedFiles && keys.knownKeys() === this.contentKeys) {
      // After an edit, the documents of the files it changed are keyed anew; every other document keeps
      // its key: the map is patched in place, file by file, instead of copied and compared whole.
      const known = this.contentKeys;
      let byFile = this.sourcesByFile;
      if (!byFile) {
        byFile = new Map();
        for (const source of known.keys()) addSource(byFile, source);
        this.sourcesByFile = byFile;
      }
      const used = keys.usedKeys();
      let changed = false;
      for (const file of changedFiles) {
        const sources = byFile.get(file);
        if (!sources) continue;
        for (const source of sources) {
          if (used.has(source)) continue;
          known.delete(source);
          sources.delete(source);
          changed = true;
        }
      }
      for (const [source, key] of used) {
        if (known.get(source) === key) continue;
        known.set(source, key);
        addSource(byFile, source);
        changed = true;
      }
      this.keysChanged = changed;
    } else {
      const used = keys ? keys.contentKeysUsed() : new Map<string, string>();
      const before = this.contentKeys;
      this.keysChanged = used.size !== before.size || [...used].some(([k, v]) => before.get(k) !== v);
      this.contentKeys = used;
      this.sourcesByFile = undefined;
    }
    this.lastKeys = keys?.forNextRun();
    if (keys) {
      this.lastRun.keysComputed = keys.computed;
      this.lastRun.keysCarried = keys.carriedCount;
    }
  }

  /**
   * Everything the memo holds, as plain JSON data (what the CLI keeps on disk between runs). Compact:
   * each read is written once with its content key, each entry lists its reads by number; strings that
   * repeat (codes, legal references, files, fix hints, places) are written once in `strings`; a finding
   * is a flat list. An entry whose content keys are not those of the last run (it cannot be reused
   * against this model) is left out.
   */
  save(only?: { readonly keys: boolean; readonly rules: ReadonlySet<string> }): SavedMemo {
    const strings: string[] = [];
    const stringIx = new Map<string, number>();
    const str = (v: string): number => {
      let i = stringIx.get(v);
      if (i === undefined) {
        i = strings.length;
        strings.push(v);
        stringIx.set(v, i);
      }
      return i;
    };
    const reads: string[] = [];
    const readIx = new Map<string, number>();
    const readVal: string[] = [];
    const entry = (e: MemoEntry): SavedEntry | undefined => {
      const ix: number[] = [];
      for (let i = 0; i < e.reads.length; i++) {
        const read = e.reads[i] as string;
        const val = e.vals[i] as string;
        let n = readIx.get(read);
        if (n === undefined) {
          n = readVal.length;
          readIx.set(read, n);
          reads.push(read, val);
          readVal.push(val);
        } else if (readVal[n] !== val) return undefined;
        ix.push(n);
      }
      const found: SavedFinding[] = e.found.map((d) => {
        const r = d.range;
        return [str(d.code), SEVERITY_CODES.indexOf(d.severity), d.message.vi, d.message.en, str(d.file), r.start.line, r.start.col, r.end.line, r.end.col, str(String(d.entity)), d.path, d.legalRef === undefined ? -1 : str(d.legalRef), d.fix ? str(d.fix.vi) : -1, d.fix ? str(d.fix.en) : -1];
      });
      return [ix, found, e.placements.map((p) => (p.part === 'key' ? 1 : 0)), e.placedAt.map(str)];
    };
    const rules: (string | SavedEntry)[] = [];
    for (const [id, e] of this.byRule) {
      if (only && !only.rules.has(id)) continue;
      const saved = entry(e);
      if (saved) rules.push(id, saved);
    }
    const entities: (string | (string | SavedEntry)[])[] = [];
    for (const [id, table] of this.byEntity) {
      if (only && !only.rules.has(id)) continue;
      const list: (string | SavedEntry)[] = [];
      for (const [ref, e] of table) {
        const saved = entry(e);
        if (saved) list.push(ref, saved);
      }
      entities.push(id, list);
    }
    return { settings: this.settings ?? null, keys: only && !only.keys ? [] : [...this.contentKeys].flat(), strings, reads, rules, entities };
  }

  /**
   * A memo holding what `save` wrote, or undefined when `data` is not that shape (a corrupt or foreign
   * cache entry is never trusted: the run then starts from an empty memo).
   */
  static restore(data: unknown): RuleMemo | undefined {
    if (!isRecord(data) || !(data['settings'] === null || typeof data['settings'] === 'string')) return undefined;
    const { keys, strings, reads, rules } = data;
    if (!isStringPairs(keys) || !isStringList(strings) || !isStringPairs(reads) || !Array.isArray(rules)) return undefined;
    const memo = new RuleMemo();
    memo.settings = (data['settings'] as string | null) ?? undefined;
    memo.contentKeys = pairs(keys);
    const nReads = reads.length / 2;
    const nStrings = strings.length;
    const isIx = (v: unknown, n: number): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0 && v < n;
    const isLine = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0;
    const entry = (r: unknown): MemoEntry | undefined => {
      if (!Array.isArray(r) || r.length !== 4) return undefined;
      const [ix, found, parts, placedAt] = r as unknown[];
      if (!Array.isArray(ix) || !Array.isArray(found) || !Array.isArray(parts) || !Array.isArray(placedAt)) return undefined;
      if (parts.length !== found.length || placedAt.length !== found.length) return undefined;
      const entryReads: string[] = [];
      const entryVals: string[] = [];
      for (const n of ix as unknown[]) {
        if (!isIx(n, nReads)) return undefined;
        entryReads.push(reads[2 * n] as string);
        entryVals.push(reads[2 * n + 1] as string);
      }
      const ds: Diagnostic[] = [];
      const places: Placement[] = [];
      const at: string[] = [];
      for (let i = 0; i < found.length; i++) {
        const f = found[i] as unknown;
        const part = parts[i] as unknown;
        const where = placedAt[i] as unknown;
        if (!Array.isArray(f) || f.length !== 14 || (part !== 0 && part !== 1) || !isIx(where, nStrings)) return undefined;
        const [code, sev, vi, en, file, l0, c0, l1, c1, entity, path, legalRef, fixVi, fixEn] = f as unknown[];
        const severity = SEVERITY_CODES[sev as number];
        if (!isIx(code, nStrings) || severity === undefined || typeof vi !== 'string' || typeof en !== 'string' || !isIx(file, nStrings)) return undefined;
        if (!isLine(l0) || !isLine(c0) || !isLine(l1) || !isLine(c1) || !isIx(entity, nStrings) || !isDocPath(path)) return undefined;
        if (!(legalRef === -1 || isIx(legalRef, nStrings)) || !((fixVi === -1 && fixEn === -1) || (isIx(fixVi, nStrings) && isIx(fixEn, nStrings)))) return undefined;
        const ref = strings[entity] as string;
        // The same fields in the same order as the runner makes them (run-rules.ts), so output is byte-identical.
        ds.push({
          code: strings[code] as string,
          severity,
          message: { vi, en },
          file: strings[file] as string,
          range: { start: { line: l0, col: c0 }, end: { line: l1, col: c1 } },
          entity: ref,
          path,
          ...(legalRef === -1 ? {} : { legalRef: strings[legalRef as number] as string }),
          ...(fixVi === -1 ? {} : { fix: { vi: strings[fixVi as number] as string, en: strings[fixEn as number] as string } }),
        });
        places.push({ entity: ref, path, part: part === 1 ? 'key' : 'value' });
        at.push(strings[where] as string);
      }
      return { reads: entryReads, vals: entryVals, found: ds, placements: places, placedAt: at };
    };
    /** `[id, entry, id, entry, …]` into `table`; false when not that shape. */
    const fill = (list: unknown, table: Map<string, MemoEntry>): boolean => {
      if (!Array.isArray(list) || list.length % 2 !== 0) return false;
      for (let i = 0; i < list.length; i += 2) {
        const id = list[i] as unknown;
        const e = entry(list[i + 1]);
        if (typeof id !== 'string' || !e) return false;
        table.set(id, e);
      }
      return true;
    };
    if (!fill(rules, memo.byRule)) return undefined;
    const entities = data['entities'];
    if (!Array.isArray(entities) || entities.length % 2 !== 0) return undefined;
    for (let i = 0; i < entities.length; i += 2) {
      const id = entities[i] as unknown;
      const table = new Map<string, MemoEntry>();
      if (typeof id !== 'string' || !fill(entities[i + 1], table)) return undefined;
      memo.byEntity.set(id, table);
    }
    memo.keysChanged = false;
    return memo;
  }

  /** Takes the rule entries of `part` (another saved piece of this memo) when it was made under the same settings. */
  absorb(part: RuleMemo): boolean {
    if (part.settings !== this.settings) return false;
    this.index = undefined;
    this.outs.clear();
    this.inputs.clear();
    for (const [id, e] of part.byRule) this.byRule.set(id, e);
    for (const [id, table] of part.byEntity) this.byEntity.set(id, table);
    return true;
  }
}

const SEVERITY_CODES: readonly Severity[] = ['error', 'warning', 'info'];

/** Up to this many findings, an entry's findings are all looked at when placed again (`placed`). */
const FEW_FINDINGS = 8;
const NONE: readonly number[] = [];
const FINDINGS_ON = new WeakMap<readonly Placement[], Map<string, number[]>>();

/** The findings of an entry by the entity each is placed on (their indexes), made once per list of placements. */
function findingsOn(placements: readonly Placement[]): ReadonlyMap<string, readonly number[]> {
  let on = FINDINGS_ON.get(placements);
  if (!on) {
    on = new Map();
    for (let i = 0; i < placements.length; i++) addTo(on, (placements[i] as Placement).entity, i);
    FINDINGS_ON.set(placements, on);
  }
  return on;
}

/** True when two entries of one slot are indexed alike (read-index.ts): the same reads, findings placed on the same entities. */
function sameIndexing(a: MemoEntry, b: MemoEntry): boolean {
  if (a.reads.length !== b.reads.length || a.placements.length !== b.placements.length) return false;
  for (let i = 0; i < a.reads.length; i++) if (a.reads[i] !== b.reads[i]) return false;
  for (let i = 0; i < a.placements.length; i++) if ((a.placements[i] as Placement).entity !== (b.placements[i] as Placement).entity) return false;
  return true;
}

/** `now`, with each finding that says the same in the same place as `old`'s at its index replaced by that one; `old` itself when all are. */
function sameFindings(old: readonly Diagnostic[], now: readonly Diagnostic[]): readonly Diagnostic[] {
  let all = old.length === now.length;
  const out = now.map((d, i) => {
    const o = old[i];
    if (o !== undefined && (o === d || (o.file === d.file && sameRange(o.range, d.range) && whatItSays(o) === whatItSays(d)))) return o;
    all = false;
    return d;
  });
  return all ? old : out;
}

const sameRange = (a: Diagnostic['range'], b: Diagnostic['range']): boolean =>
  a.start.line === b.start.line && a.start.col === b.start.col && a.end.line === b.end.line && a.end.col === b.end.col;

/** `[code, severity, message vi, message en, file, line, col, end line, end col, entity, path, legal ref, fix vi, fix en]`; numbers name `strings` (-1: none). */
type SavedFinding = readonly [number, number, string, string, number, number, number, number, number, number, readonly (string | number)[], number, number, number];
/** `[reads (numbers of read pairs), findings, 1 for a finding placed on a key, where each finding was placed (strings)]`. */
type SavedEntry = readonly [readonly number[], readonly SavedFinding[], readonly (0 | 1)[], readonly number[]];

/** The memo as JSON. Flat `[key, value, key, value, …]` string lists keep it compact and quick to parse. */
export interface SavedMemo {
  readonly settings: string | null;
  /** Content keys of documents. */
  readonly keys: readonly string[];
  readonly strings: readonly string[];
  /** `[read key, content key, …]`. */
  readonly reads: readonly string[];
  /** `[rule id, entry, …]` of whole rules. */
  readonly rules: readonly (string | SavedEntry)[];
  /** `[rule id, [entity ref, entry, …], …]` of entity rules. */
  readonly entities: readonly (string | readonly (string | SavedEntry)[])[];
}

const isStringList = (v: unknown): v is string[] => Array.isArray(v) && v.every((s) => typeof s === 'string');

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function isStringPairs(v: unknown): v is string[] {
  return Array.isArray(v) && v.length % 2 === 0 && v.every((s) => typeof s === 'string');
}

function pairs(flat: readonly string[]): Map<string, string> {
  const m = new Map<string, string>();
  for (let i = 0; i < flat.length; i += 2) m.set(flat[i] as string, flat[i + 1] as string);
  return m;
}

const isDocPath = (v: unknown): v is (string | number)[] => Array.isArray(v) && v.every((s) => typeof s === 'string' || typeof s === 'number');
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
  /** Keys computed and keys carried over from the last run, in this run (tests, the server's log). */
  computed = 0;
  carriedCount = 0;

  constructor(
    private readonly model: Model,
    /** The findings a findings-phase rule is given; with a rule id, the findings of that rule. */
    private readonly findings: (ruleId?: string) => readonly Diagnostic[],
    /** Content keys of documents from earlier runs (`<sha>:<doc index>` → key); unchanged files are not hashed again. */
    private readonly known: ReadonlyMap<string, string> = new Map(),
    /** Keys of the last run that this model cannot have changed (`RuleMemo.carriedKeys`). */
    private readonly carried?: CarriedKeys,
    /** The findings of each rule last keyed, and their key (`RuleMemo.findingsKeys`): the same findings are not hashed again. */
    private readonly listKeys?: Map<string, { readonly list: readonly Diagnostic[]; readonly key: string }>,
  ) {}

  /** Sets the key of a read the runner computes itself (a findings group, `g:<rule>:<entity>`), for this run. */
  put(read: string, key: string): void {
    this.cache.set(read, key);
  }

  of(read: string): string {
    let v = this.cache.get(read);
    if (v === undefined) {
      const before = this.carried && !this.carried.stale.has(read) ? this.carried.keys.get(read) : undefined;
      if (before !== undefined) {
        v = before;
        this.carriedCount++;
      } else {
        v = this.compute(read);
        this.computed++;
      }
      this.cache.set(read, v);
    }
    return v;
  }

  /**
   * The document content keys this run used (what the memo keeps for the next run). With keys carried
   * over, the documents of unchanged files keep the keys of the run before (their entities were not
   * keyed again in this run).
   */
  contentKeysUsed(): Map<string, string> {
    if (!this.carried) return this.used;
    const out = new Map<string, string>();
    for (const [source, key] of this.known) if (!this.carried.stale.changedFiles.has(fileOfSource(source))) out.set(source, key);
    for (const [source, key] of this.used) out.set(source, key);
    return out;
  }

  /**
   * The key of a kind's list (`k:` / `kw:`): the sum of one hash per entity of the list, `<ref>=<its
   * entity key>` (the list is sorted by ref: its entities and their keys decide it). After an edit the
   * sum of the last run is patched with the entities whose content changed (the only ones that can join,
   * leave or change the list, as `changedReads` has it): the kind is not listed and hashed whole again.
   */
  private kindKey(read: string, list: Model, kind: EntityKind): string {
    const last = this.carried?.kindSums.get(read);
    const stale = this.carried?.stale;
    let sum: KindSum;
    if (last && stale) {
      const lanes = [...last.lanes];
      const delta = new Map<string, Uint32Array | null>();
      const prefix = `${kind}:`;
      for (const ref of stale.entities) {
        if (!ref.startsWith(prefix)) continue;
        const old = last.elems.get(ref);
        if (old) for (let i = 0; i < 4; i++) lanes[i] = ((lanes[i] as number) - (old[i] as number)) >>> 0;
        const now = list.get(ref) !== undefined ? elementHash(`${ref}=${this.entityKey(ref)}`) : null;
        if (now) for (let i = 0; i < 4; i++) lanes[i] = ((lanes[i] as number) + (now[i] as number)) >>> 0;
        delta.set(ref, now);
      }
      sum = { lanes, elems: last.elems, delta, count: list.all(kind).length };
    } else {
      const lanes = [0, 0, 0, 0];
      const elems = new Map<string, Uint32Array>();
      for (const e of list.all(kind)) {
        const h = elementHash(`${e.ref}=${this.entityKey(e.ref)}`);
        for (let i = 0; i < 4; i++) lanes[i] = ((lanes[i] as number) + (h[i] as number)) >>> 0;
        elems.set(e.ref, h);
      }
      sum = { lanes, elems, delta: undefined, count: elems.size };
    }
    this.kindSums.set(read, sum);
    return `${sum.count}:${sum.lanes.map((l) => l.toString(16).padStart(8, '0')).join('')}`;
  }

  /** The kind sums this run made (`kindKey`), for the next run. */
  private readonly kindSums = new Map<string, KindSum>();

  /** The files whose documents this run keyed anew while carrying every other key (undefined: no keys carried). */
  carriedFiles(): ReadonlySet<string> | undefined {
    return this.carried?.stale.changedFiles;
  }

  /** The document content keys this run was given (`known`) and those it used. */
  knownKeys(): ReadonlyMap<string, string> {
    return this.known;
  }

  usedKeys(): ReadonlyMap<string, string> {
    return this.used;
  }

  /**
   * What the next run may carry over: the keys of this run that say something about this model alone,
   * and the keys carried into this run that it did not need (they still hold for this model; after an
   * edit most entries are not checked, so their reads are not keyed again). With keys carried, the map
   * of the last run is patched in place: the reads the edit may have changed (`StaleReads`, each kind
   * of read it answers for enumerated from its sets) are dropped, and this run's keys set.
   */
  forNextRun(): LastKeys {
    const carried = this.carried;
    if (!carried) {
      const keys = new Map<string, string>();
      const qualified = new Set<string>();
      for (const [read, key] of this.cache) {
        if (!isCarriable(read)) continue;
        keys.set(read, key);
        if (isQualifiedEndRead(read)) qualified.add(read);
      }
      return { model: this.model, keys, qualified, kindSums: this.settledSums(new Map()) };
    }
    const { keys, qualified, stale } = carried;
    for (const read of staleReadsOf(stale)) keys.delete(read);
    for (const read of qualified) {
      if (!stale.has(read)) continue;
      keys.delete(read);
      qualified.delete(read);
    }
    for (const [read, key] of this.cache) {
      if (!isCarriable(read)) continue;
      keys.set(read, key);
      if (isQualifiedEndRead(read)) qualified.add(read);
    }
    // A kind's sum not made again in this run holds as it was only when the edit cannot have changed its list.
    const kindSums = new Map<string, KindSum>();
    for (const [read, sum] of carried.kindSums) if (!stale.has(read)) kindSums.set(read, sum);
    return { model: this.model, keys, qualified, kindSums: this.settledSums(kindSums) };
  }

  /** This run's kind sums, their changes applied to the entities' hashes (`kindKey`), added to `into`. */
  private settledSums(into: Map<string, KindSum>): Map<string, KindSum> {
    for (const [read, sum] of this.kindSums) {
      if (sum.delta) {
        for (const [ref, h] of sum.delta) {
          if (h) sum.elems.set(ref, h);
          else sum.elems.delete(ref);
        }
      }
      into.set(read, { lanes: sum.lanes, elems: sum.elems, delta: undefined, count: sum.count });
    }
    return into;
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
      case 'kw':
        // A kind listed (`kw`: on the model as written, the timeline of a state: absent entities included).
        return this.kindKey(read, what === 'kw' ? this.model.asWritten() : this.model, arg as EntityKind);
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
      case 'f': {
        // The findings of one rule, as `findings` below. Findings taken from the memo are the same
        // objects from run to run (immutable): the same objects have the same key.
        const list = this.findings(arg);
        const last = this.listKeys?.get(arg);
        if (last && last.list.length === list.length && last.list.every((d, i) => d === list[i])) return last.key;
        const hash = createHash('sha1');
        for (const d of list) hash.update(whatItSays(d)).update('\n');
        const key = hash.digest('hex');
        this.listKeys?.set(arg, { list, key });
        return key;
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

/** `<sha>:<file>:<doc index>` → file (a file path holds no newline; the sha is hex, the index a number). */
function fileOfSource(source: string): string {
  return source.slice(source.indexOf(':') + 1, source.lastIndexOf(':'));
}

/** Keys of the last run, and the reads they cannot answer any more. */
export interface CarriedKeys {
  /** Owned by the memo: the run patches it for the next run (`ContentKeys.forNextRun`). */
  readonly keys: Map<string, string>;
  /** The reads of `keys` of an integration end written with an agency code (`ix:integrationsByEnd:…@…`). */
  readonly qualified: Set<string>;
  /** The sums of the kinds' lists (`k:` / `kw:`) the last run keyed, for this model's before the edit. */
  readonly kindSums: ReadonlyMap<string, KindSum>;
  readonly stale: StaleReads;
}

/** A kind's list as a sum of one hash per entity (`ContentKeys.kindKey`): four 32-bit lanes, each summed on its own. */
interface KindSum {
  readonly lanes: readonly number[];
  /** Each entity's hash (owned by the memo; a run's changes wait in `delta` until it ends). */
  readonly elems: Map<string, Uint32Array>;
  /** This run's changes to `elems` (ref → its new hash, null when it left the list). */
  readonly delta: Map<string, Uint32Array | null> | undefined;
  readonly count: number;
}

/** 128 bits of the SHA-1 of `s`, as four 32-bit numbers. */
function elementHash(s: string): Uint32Array {
  const d = createHash('sha1').update(s).digest();
  return new Uint32Array([d.readUInt32BE(0), d.readUInt32BE(4), d.readUInt32BE(8), d.readUInt32BE(12)]);
}

/** The keys one run leaves the next (`RuleMemo.carriedKeys`). */
interface LastKeys {
  readonly model: Model;
  readonly keys: Map<string, string>;
  readonly qualified: Set<string>;
  readonly kindSums: ReadonlyMap<string, KindSum>;
}

/** Reads of the model whose staleness `staleReadsOf` enumerates: only those are carried from run to run. */
const CARRIABLE: ReadonlySet<string> = new Set(['e', 'l', 'out', 'in', 'k', 'kw', 'ix', 'refs', 'agency', 'files']);
function isCarriable(read: string): boolean {
  const colon = read.indexOf(':');
  return CARRIABLE.has(colon < 0 ? read : read.slice(0, colon));
}

const isQualifiedEndRead = (read: string): boolean => read.startsWith('ix:integrationsByEnd:') && read.includes('@');

/**
 * Every read `stale.has` answers true for, enumerated from its sets (what `forNextRun` drops from the
 * keys it carries), except the qualified integration ends (`isQualifiedEndRead`), which depend on the
 * agency code written: those are looked at one by one.
 */
function* staleReadsOf(stale: StaleReads): Iterable<string> {
  for (const x of stale.entities) {
    yield `e:${x}`;
    yield `l:${x}`;
    yield `out:${x}`;
    yield `in:${x}`;
    yield `ix:integrationsByEnd:${x}`;
  }
  for (const x of stale.moved) yield `l:${x}`;
  for (const x of stale.targets) yield `in:${x}`;
  for (const k of stale.kinds) {
    yield `k:${k}`;
    yield `kw:${k}`;
  }
  for (const entry of stale.entries) yield `ix:${entry}`;
  if (!stale.refsSame) yield 'refs';
  // Any read `has` does not know (the list of files): always stale.
  yield 'files';
}

function addSource(byFile: Map<string, Set<string>>, source: string): void {
  const file = fileOfSource(source);
  const set = byFile.get(file);
  if (set) set.add(source);
  else byFile.set(file, new Set([source]));
}

/** Which reads an edit may have changed: `has(read)` is true for each of them (and maybe others). */
export interface StaleReads {
  has(read: string): boolean;
  readonly changedFiles: ReadonlySet<string>;
  /** Entities whose content changed: every read about them (`e:`, `l:`, `out:`, `in:`). */
  readonly entities: ReadonlySet<string>;
  /** Entities that only moved within a changed file: their location (`l:`). */
  readonly moved: ReadonlySet<string>;
  /** Kinds of the entities whose content changed (`k:`, `kw:`). */
  readonly kinds: ReadonlySet<string>;
  /** What the changed entities refer to, before and after (`in:`). */
  readonly targets: ReadonlySet<string>;
  /** Index entries they are listed under, before and after (`ix:<index>:<key>`), without those of qualified ends (see `has`). */
  readonly entries: ReadonlySet<string>;
  /** False when a reference changed (`refs`). */
  readonly refsSame: boolean;
}

/**
 * The reads whose content key may differ between `before` and `after` (two successive models of the
 * same architecture, same settings), found from what changed instead of by computing every key: the
 * files whose content changed → the entities declared in them (before or after) → the reads about
 * those entities, the kinds they belong to, and the references to and from them. Undefined when the
 * edit may reach everything and every key must be computed: an entity added, removed or renamed (the
 * refs that resolve change), the agency's document changed (its code and declared national systems
 * are read through every reference), or a file added or removed.
 *
 * The keys it leaves out are those the last run computed: an entity's key is its document's content
 * and validity (ContentKeys), unchanged when its file is; a kind's list and an index entry change only
 * through the entities they hold (and an integration end that names one of them); a reference's target
 * resolves by the declared refs, unchanged here. The list of files is always computed again.
 */
export function changedReads(before: Model, after: Model): StaleReads | undefined {
  if (before.files.length !== after.files.length) return undefined;
  const changedFiles = new Set<string>();
  for (let i = 0; i < after.files.length; i++) {
    const a = before.files[i];
    const b = after.files[i];
    if (!a || !b || a.file !== b.file) return undefined;
    if (a.sha256 !== b.sha256) changedFiles.add(b.file);
  }
  if ((before.agency?.ref ?? '') !== (after.agency?.ref ?? '')) return undefined;
  const declaredIn = (m: Model): Map<string, Entity> => {
    const out = new Map<string, Entity>();
    if (changedFiles.size === 0) return out;
    // A state declares what its model as written declares, from the same documents.
    const byFile = refsByFile(m.asWritten());
    const declared = m.declaredEntities();
    for (const file of changedFiles) {
      for (const ref of byFile.get(file) ?? []) {
        const e = declared.get(ref);
        if (e && changedFiles.has(e.origin.file)) out.set(ref, e);
      }
    }
    return out;
  };
  const was = declaredIn(before);
  const is = declaredIn(after);
  if (was.size !== is.size) return undefined;
  // Entities of the changed files whose content changed, and those that only moved within their file
  // (an edit elsewhere in it): the key of a moved entity's location changes, the others do not.
  const entities = new Set<string>();
  const moved = new Set<string>();
  const kinds = new Set<string>();
  let sameOrder = true;
  for (const [ref, e] of is) {
    const old = was.get(ref);
    if (!old) return undefined;
    if (old.origin.file !== e.origin.file || old.origin.docIndex !== e.origin.docIndex) sameOrder = false;
    if (sameOrder && (old === e || JSON.stringify(old) === JSON.stringify(e)) && before.isValid(ref) === after.isValid(ref)) {
      moved.add(ref);
      continue;
    }
    if (e.entityKind === 'agency') return undefined;
    entities.add(ref);
    kinds.add(e.entityKind);
  }
  // References to the entities of the changed files, and those they make (to whatever they point).
  const targets = new Set<string>();
  let refsSame = sameOrder;
  for (const ref of entities) {
    const a = before.referencesFrom(ref);
    const b = after.referencesFrom(ref);
    for (const r of a) if (r.to) targets.add(r.to);
    for (const r of b) if (r.to) targets.add(r.to);
    if (refsSame && JSON.stringify(a) !== JSON.stringify(b)) refsSame = false;
  }
  // Index entries the entities of the changed files are listed under, before and after. An unchanged
  // integration moves between entries only when an end it names resolves differently, i.e. names one
  // of those entities (the entry is then that entity's ref, or the ref as written: `…@<own code>`).
  const entries = new Set<string>();
  for (const ref of entities) {
    for (const m of [before, after]) {
      const e = m.get(ref);
      if (e) for (const [name, key] of indexKeysOf(m, e)) entries.add(`${name}:${key}`);
    }
  }
  return {
    changedFiles,
    entities,
    moved,
    kinds,
    targets,
    entries,
    refsSame,
    has(read: string): boolean {
      const colon = read.indexOf(':');
      const what = colon < 0 ? read : read.slice(0, colon);
      const arg = colon < 0 ? '' : read.slice(colon + 1);
      switch (what) {
        case 'l':
          return entities.has(arg) || moved.has(arg);
        case 'e':
        case 'out':
          return entities.has(arg);
        case 'in':
          return entities.has(arg) || targets.has(arg);
        case 'k':
        case 'kw':
          return kinds.has(arg);
        case 'agency':
          return false;
        case 'refs':
          return !refsSame;
        case 'ix': {
          if (entries.has(arg)) return true;
          const at = arg.indexOf(':');
          if (arg.slice(0, at) !== 'integrationsByEnd') return false;
          const key = arg.slice(at + 1);
          const own = key.indexOf('@');
          return entities.has(own < 0 ? key : key.slice(0, own));
        }
        default:
          return true;
      }
    },
  };
}

const REFS_BY_FILE = new WeakMap<Model, ReadonlyMap<string, readonly string[]>>();

/**
 * The refs declared in each file of a model as written (`changedReads` asks only those of the files an
 * edit changed). Made once; for a model patched from one that has it, patched with the refs that
 * changed (model/build.ts): an entity declared in a file now is either the same object as before, so
 * declared there before, or one of those refs.
 */
function refsByFile(written: Model): ReadonlyMap<string, readonly string[]> {
  const known = REFS_BY_FILE.get(written);
  if (known) return known;
  const declared = written.declaredEntities();
  const patch = writtenPatchOf(written);
  // Patched only when no ref was added or removed (then the map is made again, as on a first run).
  const before = patch === undefined || patch.from.declaredEntities().size !== declared.size ? undefined : REFS_BY_FILE.get(patch.from);
  let out: Map<string, readonly string[]>;
  if (patch && before) {
    out = new Map(before);
    const files = new Set<string>();
    for (const ref of patch.changed) {
      const was = patch.from.declaredEntities().get(ref);
      const is = declared.get(ref);
      if (was) files.add(was.origin.file);
      if (is) files.add(is.origin.file);
    }
    for (const file of files) {
      const refs = [...new Set([...(before.get(file) ?? []), ...patch.changed])].filter((ref) => declared.get(ref)?.origin.file === file);
      if (refs.length > 0) out.set(file, refs);
      else out.delete(file);
    }
  } else {
    const byFile = new Map<string, string[]>();
    for (const [ref, e] of declared) addTo(byFile, e.origin.file, ref);
    out = byFile;
  }
  REFS_BY_FILE.set(written, out);
  return out;
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
