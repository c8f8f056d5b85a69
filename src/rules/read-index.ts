/**
 * Which entries of the rule memo (rules/rule-memo.ts) read what: from a read to the entries whose
 * result depends on it, and from an entity to the entries with a finding placed on it. After an edit,
 * the reads the edit may have changed (`changedReads`) lead straight to the entries to check again;
 * every other entry holds as it was, so a run checks what changed rather than every entry's reads.
 */
import type { StaleReads } from './rule-memo.js';

/** Where an entry is kept: `<rule id>` for a whole rule, `<rule id>\n<entity ref>` for one entity's judgement. */
export function slotOf(ruleId: string, ref?: string): string {
  return ref === undefined ? ruleId : `${ruleId}\n${ref}`;
}

/**
 * Reads an edit is traced to by `changedReads` (an entity, its location, the references to and from
 * it, a kind, an index entry, all references, the agency), the findings of one rule (`f:<rule>`),
 * which the memo checks itself for the rules that read them (`RuleMemo.lookup`), and one entity's
 * group of findings (`g:<rule>:<entity>`), which the runner checks itself (`RuleMemo.lookupGroup`). Any other read (all
 * the findings, the files, a read the view cannot key) could change with any edit: its entry is checked
 * in full on every run.
 */
const TRACED: ReadonlySet<string> = new Set(['e', 'l', 'out', 'in', 'k', 'kw', 'ix', 'refs', 'agency', 'f', 'g']);

/** An integration end written with an agency code (`ix:integrationsByEnd:system:x@…`): stale by its name, not by an entity. */
const isQualifiedEnd = (read: string): boolean => read.startsWith('ix:integrationsByEnd:') && read.includes('@');

function kindOf(read: string): string {
  const colon = read.indexOf(':');
  return colon < 0 ? read : read.slice(0, colon);
}

function addTo(map: Map<string, Set<string>>, key: string, slot: string): void {
  const set = map.get(key);
  if (set) set.add(slot);
  else map.set(key, new Set([slot]));
}

function removeFrom(map: Map<string, Set<string>>, key: string, slot: string): void {
  const set = map.get(key);
  if (!set) return;
  set.delete(slot);
  if (set.size === 0) map.delete(key);
}

export class ReadIndex {
  private readonly readers = new Map<string, Set<string>>();
  private readonly placedOn = new Map<string, Set<string>>();
  /** Entries with a read no edit is traced to: checked on every run. */
  private readonly volatile = new Set<string>();
  private readonly qualified = new Map<string, Set<string>>();

  add(slot: string, entry: { readonly reads: readonly string[]; readonly placements: readonly { readonly entity: string }[] }): void {
    for (const read of entry.reads) {
      if (!TRACED.has(kindOf(read))) this.volatile.add(slot);
      else if (isQualifiedEnd(read)) addTo(this.qualified, read, slot);
      else addTo(this.readers, read, slot);
    }
    for (const p of entry.placements) addTo(this.placedOn, p.entity, slot);
  }

  remove(slot: string, entry: { readonly reads: readonly string[]; readonly placements: readonly { readonly entity: string }[] }): void {
    for (const read of entry.reads) {
      if (!TRACED.has(kindOf(read))) this.volatile.delete(slot);
      else if (isQualifiedEnd(read)) removeFrom(this.qualified, read, slot);
      else removeFrom(this.readers, read, slot);
    }
    for (const p of entry.placements) removeFrom(this.placedOn, p.entity, slot);
  }

  /** The entries an edit may have changed (to check again) and those whose findings may have moved. */
  affected(stale: StaleReads): AffectedEntries {
    const dirty = new Set<string>(this.volatile);
    const mark = (read: string): void => {
      const slots = this.readers.get(read);
      if (slots) for (const s of slots) dirty.add(s);
    };
    for (const x of stale.entities) for (const r of ['e', 'l', 'out', 'in']) mark(`${r}:${x}`);
    for (const x of stale.moved) mark(`l:${x}`);
    for (const x of stale.targets) mark(`in:${x}`);
    for (const k of stale.kinds) {
      mark(`k:${k}`);
      mark(`kw:${k}`);
    }
    for (const entry of stale.entries) mark(`ix:${entry}`);
    if (!stale.refsSame) mark('refs');
    for (const [read, slots] of this.qualified) if (stale.has(read)) for (const s of slots) dirty.add(s);
    const moved = new Set<string>();
    for (const x of [...stale.entities, ...stale.moved]) {
      const slots = this.placedOn.get(x);
      if (slots) for (const s of slots) moved.add(s);
    }
    return new AffectedEntries(dirty, moved, stale.kinds);
  }
}

/** What one run after an edit must look at again (`ReadIndex.affected`), rule by rule. */
export class AffectedEntries {
  /** Rule id → refs of its dirty entries and of those that may have moved ('' for a whole rule's entry). */
  private readonly byRule = new Map<string, { readonly dirty: Set<string>; readonly moved: Set<string> }>();

  constructor(
    dirty: ReadonlySet<string>,
    moved: ReadonlySet<string>,
    /** Kinds with an entity whose content changed (their lists may differ). */
    readonly kinds: ReadonlySet<string>,
  ) {
    const add = (slot: string, which: 'dirty' | 'moved'): void => {
      const nl = slot.indexOf('\n');
      const rule = nl < 0 ? slot : slot.slice(0, nl);
      let sets = this.byRule.get(rule);
      if (!sets) {
        sets = { dirty: new Set(), moved: new Set() };
        this.byRule.set(rule, sets);
      }
      sets[which].add(nl < 0 ? '' : slot.slice(nl + 1));
    };
    for (const s of dirty) add(s, 'dirty');
    for (const s of moved) add(s, 'moved');
  }

  /** True when a read of the entry may have changed: check its reads' keys again. */
  isDirty(ruleId: string, ref = ''): boolean {
    return this.byRule.get(ruleId)?.dirty.has(ref) ?? false;
  }

  /** True when the entry has a finding on an entity of a changed file (its lines may have moved). */
  mayHaveMoved(ruleId: string, ref = ''): boolean {
    return this.byRule.get(ruleId)?.moved.has(ref) ?? false;
  }

  /** Refs of the rule's entity entries that are dirty or may have moved (not its whole-rule entry). */
  *entriesOf(ruleId: string): Iterable<string> {
    const sets = this.byRule.get(ruleId);
    if (!sets) return;
    for (const ref of sets.dirty) if (ref !== '') yield ref;
    for (const ref of sets.moved) if (ref !== '' && !sets.dirty.has(ref)) yield ref;
  }

  /** True when no entry of the rule is dirty or may have moved. */
  untouched(ruleId: string): boolean {
    return !this.byRule.has(ruleId);
  }
}
