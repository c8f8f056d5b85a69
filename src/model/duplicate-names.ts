/**
 * Entities of one kind, under one owner, with one name: after an import, the same system declared four
 * times under four ids reads as four systems in every document. A model finding (no instrument is
 * cited), a warning: two entities may share a name, but then nothing tells them apart.
 */
import type { Diagnostic } from '../core/diagnostic.js';
import { KIND_LABEL } from '../core/labels.js';
import type { EntityKind, Ref } from '../core/ref.js';
import type { DocPath } from '../core/source.js';
import { text, type Text } from '../core/text.js';
import type { Model } from './model.js';
import type { Entity } from './types.js';

export type Report = (ref: Ref, path: DocPath, code: string, severity: Diagnostic['severity'], message: Text, fix: Text | undefined) => void;

/**
 * The field saying whose an entity is, per kind, and how a message names it: two bodies may each run
 * a system of the same name (two communes' "Đăng ký khai sinh"), so only entities of one owner compare.
 */
const OWNER: Readonly<Partial<Record<EntityKind, { readonly of: (e: Entity) => unknown; readonly vi: string; readonly en: string }>>> = {
  system: { of: (e) => field(e, 'owner'), vi: 'cùng chủ quản', en: 'with the same owner' },
  dataset: { of: (e) => field(e, 'owner'), vi: 'cùng chủ sở hữu', en: 'with the same owner' },
  kpi: { of: (e) => field(e, 'owner'), vi: 'cùng cơ quan chịu trách nhiệm', en: 'with the same responsible body' },
  task: { of: (e) => field(e, 'lead') ?? field(e, 'leads'), vi: 'cùng cơ quan chủ trì', en: 'with the same lead' },
  service: { of: (e) => field(e, 'provider'), vi: 'cùng cơ quan cung cấp', en: 'with the same provider' },
  function: { of: (e) => field(e, 'owner'), vi: 'cùng cơ quan thực hiện', en: 'with the same responsible body' },
  org: { of: (e) => field(e, 'parent'), vi: 'cùng cơ quan cấp trên', en: 'with the same parent body' },
  integration: { of: (e) => [field(e, 'from'), field(e, 'to')], vi: 'cùng hệ thống nguồn và đích', en: 'with the same source and target' },
};

const KINDS = ['org', 'system', 'dataset', 'integration', 'kpi', 'task', 'service', 'function'] as const satisfies readonly EntityKind[];

function field(e: Entity, key: string): unknown {
  return (e as unknown as Record<string, unknown>)[key];
}

/** White space a name should not hold: two in a row, at either end, or other than a plain space. */
const ODD_SPACE = /\s\s|^\s|\s$|[^\S ]/;

/**
 * The name as compared: NFC (the loader made every string so), runs of white space as one space,
 * trimmed, case folded (Vietnamese has no locale-specific case mappings).
 */
export function nameKey(name: string): string {
  const lower = name.toLowerCase();
  return ODD_SPACE.test(lower) ? lower.replace(/\s+/g, ' ').trim() : lower;
}

/** Folded names by name as written: a name string kept across builds is folded once. */
const KEYS = new Map<string, string>();
const KEYS_MAX = 200_000;

function keyOf(name: string): string {
  let key = KEYS.get(name);
  if (key === undefined) {
    if (KEYS.size >= KEYS_MAX) KEYS.clear();
    key = nameKey(name);
    KEYS.set(name, key);
  }
  return key;
}

/** An entity that has ended or handed over (retired, replaced) may leave its name to its successor. */
function isSuperseded(e: Entity): boolean {
  return field(e, 'replacedBy') !== undefined || field(e, 'status') === 'retired';
}

const CHECKED = new Set<string>(KINDS);

/** The group of an entity: its kind, owner and folded name; undefined for an entity not compared. */
function groupOf(e: Entity): string | undefined {
  if (!CHECKED.has(e.entityKind)) return undefined;
  const name = field(e, 'name');
  if (typeof name !== 'string' || isSuperseded(e)) return undefined;
  const owner = OWNER[e.entityKind]?.of(e);
  return `${e.entityKind}\n${typeof owner === 'string' ? owner : JSON.stringify(owner ?? null)}\n${keyOf(name)}`;
}

/**
 * Entities grouped by kind, owner and folded name, with the findings of each group of two or more.
 * A build keeps it for the next (model/build.ts `ModelMemo`): a patched build moves only the entities
 * that changed and judges again only their groups, so an edit costs little at national scale.
 */
export class NameIndex {
  /** The refs of each group: one ref alone (most names are unique, so no set is made for them), or a set. */
  private readonly members = new Map<string, string | Set<string>>();
  private readonly groupByRef = new Map<string, string>();
  private readonly found = new Map<string, readonly Diagnostic[]>();

  /** Whether the group of each ref is kept, for `update` (a build that keeps a memo); a one-off build need not. */
  private constructor(private readonly patchable: boolean) {}

  /** The index of a whole model; `patchable`: ready for `update` (a build that keeps a memo). */
  static of(model: Model, report: (out: Diagnostic[]) => Report, patchable = true): NameIndex {
    const index = new NameIndex(patchable);
    for (const kind of KINDS) for (const e of model.all(kind) as readonly Entity[]) index.add(e);
    for (const [group, refs] of index.members) if (typeof refs !== 'string') index.judge(model, group, report);
    return index;
  }

  /** Moves the entities of `changed` (declared, removed or re-declared) and judges their groups again. */
  update(model: Model, changed: Iterable<string>, report: (out: Diagnostic[]) => Report): void {
    if (!this.patchable) throw new Error('NameIndex.update on an index made without patchable');
    const dirty = new Set<string>();
    for (const ref of changed) {
      const was = this.groupByRef.get(ref);
      if (was !== undefined) {
        this.groupByRef.delete(ref);
        const refs = this.members.get(was);
        if (typeof refs === 'string') this.members.delete(was);
        else if (refs !== undefined) {
          refs.delete(ref);
          if (refs.size === 1) this.members.set(was, refs.values().next().value as string);
        }
        dirty.add(was);
      }
      const e = model.get(ref) as Entity | undefined;
      const now = e === undefined ? undefined : this.add(e);
      if (now !== undefined) dirty.add(now);
    }
    for (const group of dirty) this.judge(model, group, report);
  }

  /** The model.duplicate-name findings. */
  diagnostics(): Diagnostic[] {
    const out: Diagnostic[] = [];
    for (const list of this.found.values()) for (const d of list) out.push(d);
    return out;
  }

  private add(e: Entity): string | undefined {
    const group = groupOf(e);
    if (group === undefined) return undefined;
    const refs = this.members.get(group);
    if (refs === undefined) this.members.set(group, e.ref);
    else if (typeof refs === 'string') this.members.set(group, new Set([refs, e.ref]));
    else refs.add(e.ref);
    if (this.patchable) this.groupByRef.set(e.ref, group);
    return group;
  }

  /**
   * One warning on each entity of a group but the first (in file order), listing the others with their
   * file and line.
   */
  private judge(model: Model, group: string, report: (out: Diagnostic[]) => Report): void {
    const refs = this.members.get(group);
    if (refs === undefined || typeof refs === 'string') {
      this.found.delete(group);
      return;
    }
    const list = [...refs].map((ref) => model.get(ref) as Entity);
    list.sort((a, b) => (a.origin.file < b.origin.file ? -1 : a.origin.file > b.origin.file ? 1 : a.origin.docIndex - b.origin.docIndex));
    const first = list[0] as Entity;
    const kind = first.entityKind;
    const owner = OWNER[kind];
    const ownerRef = owner?.of(first);
    const same = owner !== undefined && ownerRef !== undefined ? owner : undefined;
    const whose = typeof ownerRef === 'string' ? ` ${ownerRef}` : '';
    const noun = KIND_LABEL[kind];
    const where = new Map(list.map((e) => [e.ref, `${e.ref} (${e.origin.file}:${model.locate(e.ref, ['name']).range.start.line})`]));
    const out: Diagnostic[] = [];
    const put = report(out);
    for (const e of list.slice(1)) {
      const others = list.filter((o) => o !== e).map((o) => where.get(o.ref) as string).join(', ');
      const name = field(e, 'name') as string;
      put(
        e.ref,
        ['name'],
        'model.duplicate-name',
        'warning',
        text(
          `${noun.vi} "${name}" (${e.ref}) trùng tên với ${others}${same ? `, ${same.vi}${whose}` : ''}.`,
          `${noun.en} "${name}" (${e.ref}) has the same name as ${others}${same ? `, ${same.en}${whose}` : ''}.`,
        ),
        text(
          `Nếu là cùng một ${noun.vi.toLowerCase()}, giữ một khai báo và sửa các tham chiếu về nó; nếu khác nhau, đặt tên phân biệt.`,
          `If they are one ${noun.en.toLowerCase()}, keep one declaration and point the references to it; otherwise give each a distinct name.`,
        ),
      );
    }
    this.found.set(group, out);
  }
}
