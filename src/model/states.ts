/**
 * Time in the model: the architecture at a date (a *state*), and the planned changes between two
 * states (the computed roadmap). Entities carry `since`/`until` (when they exist) and
 * `transitions` (changes in force from a date, each delivered by a task); see core/time-fields.ts.
 *
 * A state is derived from the model without parsing anything again: the entities that exist at the
 * date, with every transition up to it applied. Locations stay those of the YAML, and a field a
 * transition set is located at that transition. Nothing here reads the clock: `current` is the
 * model's reference date (`--as-of`, else the agency's `asOf`).
 */
import { isIsoDate, viShortDate, type IsoDate } from '../core/dates.js';
import { UserError } from '../core/errors.js';
import type { Ref } from '../core/ref.js';
import type { DocPath, Location } from '../core/source.js';
import { text, type Text } from '../core/text.js';
import { isTimedKind, timePointDate, TIMED_KINDS, type TimedKind, type TimePoint } from '../core/time-fields.js';
import type { Model } from './model.js';
import type { Entity, Reference } from './types.js';

/** A named state: the model's reference date, the target of a year, or any year or day. */
export type StateSpec =
  | { readonly kind: 'current'; readonly text: string }
  | { readonly kind: 'target'; readonly year: number; readonly date: IsoDate; readonly text: string }
  | { readonly kind: 'date'; readonly date: IsoDate; readonly text: string };

/** How `current` is dated: the run's `--as-of` when given, else the agency's `asOf`. */
export interface StateOptions {
  readonly asOf?: IsoDate | undefined;
}

export const STATE_FORMS = 'current, target:YYYY, YYYY, YYYY-MM-DD';

/**
 * Reads a state as written on the command line or in an API call: `current` (the reference date),
 * `target:2030` (31 December 2030, the target architecture), `2027` (31 December 2027) or
 * `2027-06-30`. Throws a one-line `UserError` naming the accepted forms.
 */
export function parseState(raw: string): StateSpec {
  const s = raw.trim();
  if (s === 'current') return { kind: 'current', text: s };
  const target = /^target:(\d{4})$/.exec(s);
  if (target) return { kind: 'target', year: Number(target[1]), date: `${target[1]}-12-31`, text: s };
  if (/^\d{4}$/.test(s)) return { kind: 'date', date: `${s}-12-31`, text: s };
  if (isIsoDate(s)) return { kind: 'date', date: s, text: s };
  throw new UserError(
    text(
      `Trạng thái "${raw}" không hợp lệ: dùng current (ngày chốt số liệu), target:YYYY (kiến trúc mục tiêu, 31/12 năm đó), YYYY hoặc YYYY-MM-DD.`,
      `State "${raw}" is not valid: use current (the reference date), target:YYYY (the target architecture, 31 December of that year), YYYY or YYYY-MM-DD.`,
    ),
  );
}

/** The day a state stands for; undefined for `current` when the model has no reference date. */
export function stateDate(model: Model, state: StateSpec | IsoDate, opts: StateOptions = {}): IsoDate | undefined {
  if (typeof state === 'string') return state;
  if (state.kind === 'current') return opts.asOf ?? baseOf(model).agency?.asOf;
  return state.date;
}

function requireDate(model: Model, state: StateSpec | IsoDate, opts: StateOptions): IsoDate {
  const date = stateDate(model, state, opts);
  if (date !== undefined) return date;
  throw new UserError(
    text(
      'Trạng thái "current" cần ngày chốt số liệu: khai báo asOf trong agency.yaml hoặc truyền --as-of YYYY-MM-DD.',
      'State "current" needs a reference date: set asOf in agency.yaml or pass --as-of YYYY-MM-DD.',
    ),
  );
}

/** A title for a state: "Hiện trạng (30/9/2026)", "Kiến trúc mục tiêu 2030", "Thời điểm 31/12/2027". */
export function describeState(state: StateSpec, date: IsoDate | undefined): Text {
  const on = date === undefined ? text('', '') : text(` (${viShortDate(date)})`, ` (${date})`);
  if (state.kind === 'current') return text(`Hiện trạng${on.vi}`, `Current state${on.en}`);
  if (state.kind === 'target') return text(`Kiến trúc mục tiêu ${state.year}`, `Target architecture ${state.year}`);
  return text(`Kiến trúc tại thời điểm ${viShortDate(state.date)}`, `Architecture as of ${state.date}`);
}

/** The day an entity comes into existence, and the day from which it no longer exists. */
export function lifespanOf(entity: Entity): { readonly since?: IsoDate; readonly until?: IsoDate } {
  if (!isTimedKind(entity.entityKind)) return {};
  const e = entity as unknown as { since?: unknown; until?: unknown };
  const since = timePointDate(e.since, 'start');
  const until = timePointDate(e.until, 'end');
  // One object per call (asked of every dated entity, per date): the members that are set, in this order.
  const out: { since?: IsoDate; until?: IsoDate } = {};
  if (since !== undefined) out.since = since;
  if (until !== undefined) out.until = until;
  return out;
}

/** True when the entity exists on `date`: since ≤ date < until. */
export function existsAt(entity: Entity, date: IsoDate): boolean {
  if (!isTimedKind(entity.entityKind)) return true;
  const e = entity as unknown as { since?: unknown; until?: unknown };
  const since = timePointDate(e.since, 'start');
  if (since !== undefined && since > date) return false;
  const until = timePointDate(e.until, 'end');
  return until === undefined || date < until;
}

/**
 * The value of one field of an entity on `date`, and where it was written: the last transition up to
 * that date that sets it (`transitions.<i>.set.<field>`), else the field itself. Pure, per entity.
 */
export function valueAt(entity: Entity, field: string, date: IsoDate): { readonly value: unknown; readonly path: DocPath } {
  let value = (entity as unknown as Record<string, unknown>)[field];
  let path: DocPath = [field];
  for (const { index, date: at, t } of plannedOf(entity)) {
    if (at > date || !t.set || !(field in t.set)) continue;
    value = t.set[field];
    path = ['transitions', index, 'set', field];
  }
  return { value, path };
}

/** One field a transition changes, with its value just before and from the transition on. */
export interface FieldChange {
  readonly field: string;
  /** Undefined when the field was not set before. */
  readonly before: unknown;
  readonly after: unknown;
}

/**
 * One dated step of the roadmap: an entity begins (`since`), changes (`transitions[i]`) or ends
 * (`until`). Only a `change` names a delivering task; `task` undefined on a change is a gap.
 */
export interface Transition {
  readonly kind: 'begin' | 'change' | 'end';
  readonly entity: Ref;
  readonly entityKind: TimedKind;
  /** The day it takes effect: a `since` year is 1 January, an `until` or `at` year 31 December. */
  readonly date: IsoDate;
  /** As written in the YAML (`2027` or `2027-06-30`). */
  readonly written: TimePoint;
  /** Index in `transitions` (changes only). */
  readonly index?: number;
  /** Fields changed, in the order written (empty for begin and end). */
  readonly changes: readonly FieldChange[];
  /** The task delivering a change; undefined when none is named. */
  readonly task?: Ref<'task'>;
  /** What takes over when an entity ends (`replacedBy` as in force then). */
  readonly replacedBy?: string;
  readonly note?: string;
  /** YAML path of the transition (`transitions.2`), or of `since` / `until`. */
  readonly path: DocPath;
  readonly location: Location;
}

interface RawTransition {
  readonly at?: unknown;
  readonly task?: string;
  readonly set?: Readonly<Record<string, unknown>>;
  readonly note?: string;
}

const KIND_ORDER = { begin: 0, change: 1, end: 2 } as const;

function compareTransitions(a: Transition, b: Transition): number {
  if (a.date !== b.date) return a.date < b.date ? -1 : 1;
  if (a.kind !== b.kind) return KIND_ORDER[a.kind] - KIND_ORDER[b.kind];
  if (a.entity !== b.entity) return a.entity < b.entity ? -1 : 1;
  return (a.index ?? 0) - (b.index ?? 0);
}

/** The planned changes of one entity, with their effective day, in the order they apply. */
function plannedOf(entity: Entity): { readonly index: number; readonly date: IsoDate; readonly t: RawTransition }[] {
  if (!isTimedKind(entity.entityKind)) return [];
  const list = (entity as unknown as { transitions?: readonly RawTransition[] }).transitions ?? [];
  if (list.length === 0) return [];
  const out: { index: number; date: IsoDate; t: RawTransition }[] = [];
  list.forEach((t, index) => {
    const date = timePointDate(t.at, 'end');
    if (date !== undefined && t.set) out.push({ index, date, t });
  });
  return out.sort((a, b) => (a.date !== b.date ? (a.date < b.date ? -1 : 1) : a.index - b.index));
}

/**
 * Every dated step of the model's timeline — entities beginning, changing and ending — ordered by
 * date, then begin/change/end, then entity ref. This is the computed roadmap. On a state, the
 * timeline of the whole model it derives from.
 */
export function transitionsOf(model: Model): readonly Transition[] {
  const base = baseOf(model);
  const cached = TIMELINES.get(base);
  if (cached) return cached;
  const out: Transition[] = [];
  // Every valid entity of the model as written, whether or not it exists at some state, gives its steps;
  // only those the model keeps as dated (`since`, `until`, `transitions`) have any: the timeline is made
  // of them alone, not of every entity (through the rule memo's view, the kinds listed are the reads).
  for (const kind of TIMED_KINDS) base.all(kind);
  for (const ref of base.dated) {
    const e = base.get(ref);
    if (e === undefined || !isTimedKind(e.entityKind)) continue;
    const kind = e.entityKind;
    const raw = e as unknown as Record<string, unknown>;
    const { since, until } = lifespanOf(e);
    if (since !== undefined) {
      const where = placeLater(base, e.ref, ['since']);
      out.push({ kind: 'begin', entity: e.ref, entityKind: kind, date: since, written: raw['since'] as TimePoint, changes: [], path: ['since'], get location() { return where(); } });
    }
    const planned = plannedOf(e);
    // The values before each change: a copy of the entity only when it changes at all (most do not).
    const current: Record<string, unknown> = planned.length > 0 ? { ...raw } : raw;
    for (const { index, date, t } of planned) {
      const changes = Object.entries(t.set ?? {}).map(([field, after]) => ({ field, before: current[field], after }));
      const where = placeLater(base, e.ref, ['transitions', index]);
      for (const c of changes) current[c.field] = c.after;
      out.push({
        kind: 'change',
        entity: e.ref,
        entityKind: kind,
        date,
        written: t.at as TimePoint,
        index,
        changes,
        ...(t.task !== undefined ? { task: t.task as Ref<'task'> } : {}),
        ...(t.note !== undefined ? { note: t.note } : {}),
        path: ['transitions', index],
        get location() {
          return where();
        },
      });
    }
    if (until !== undefined) {
      const replacedBy = [...planned].reverse().find((p) => p.date <= until && p.t.set?.['replacedBy'] !== undefined)?.t.set?.['replacedBy'] ?? raw['replacedBy'];
      const where = placeLater(base, e.ref, ['until']);
      out.push({
        kind: 'end',
        entity: e.ref,
        entityKind: kind,
        date: until,
        written: raw['until'] as TimePoint,
        changes: [],
        ...(typeof replacedBy === 'string' ? { replacedBy } : {}),
        path: ['until'],
        get location() {
          return where();
        },
      });
    }
  }
  const sorted = Object.freeze(out.sort(compareTransitions));
  TIMELINES.set(base, sorted);
  return sorted;
}

/**
 * Where `path` of `ref` was written, found when first asked: a national timeline has tens of thousands
 * of steps, and `check` places only those its rules report (through the rule runner, not this).
 */
function placeLater(model: Model, ref: string, path: DocPath): () => Location {
  let found: Location | undefined;
  return () => (found ??= model.locate(ref, path));
}

/**
 * The steps that take the model from state `from` to state `to` (from < date ≤ to), in date order:
 * exactly what differs between `modelAt(model, from)` and `modelAt(model, to)`. When `to` is
 * earlier than `from`, the same steps between the two dates.
 */
export function transitionsBetween(model: Model, from: StateSpec | IsoDate, to: StateSpec | IsoDate, opts: StateOptions = {}): readonly Transition[] {
  const a = requireDate(model, from, opts);
  const b = requireDate(model, to, opts);
  const [lo, hi] = a <= b ? [a, b] : [b, a];
  return transitionsOf(model).filter((t) => t.date > lo && t.date <= hi);
}

/**
 * The model at a state: entities that exist on its date (since ≤ date < until), with every transition
 * up to that date applied (fields replaced whole, in date order). Pure and cheap: nothing is parsed
 * again, the result is memoised per date, and a `ValidModel` gives a `ValidModel`. Entities that do
 * not exist at the date are left out of `all()`/`get()`, yet references to them still resolve and
 * their names still print. `current` without a reference date is a `UserError`.
 */
export function modelAt<M extends Model>(model: M, state: StateSpec | IsoDate, opts: StateOptions = {}): M {
  const base = baseOf(model);
  const date = requireDate(model, state, opts);
  let byDate = STATES.get(base);
  if (!byDate) {
    byDate = new Map();
    STATES.set(base, byDate);
  }
  const hit = byDate.get(date);
  if (hit) return hit as M;
  const derived = deriveAt(base, date);
  byDate.set(date, derived);
  return derived as M;
}

/** The state of `model` (as written) at `date` when it was made already (`modelAt`), else undefined. */
export function knownStateAt(model: Model, date: IsoDate): Model | undefined {
  return STATES.get(baseOf(model))?.get(date);
}

/** The date a state model stands for; undefined for a model as written. */
export function dateOfState(model: Model): IsoDate | undefined {
  return model.stateDate();
}

/** The model as written that a state derives from (the model itself when it is not a state). */
export function baseOf(model: Model): Model {
  return model.asWritten();
}
const STATES = new WeakMap<Model, Map<IsoDate, Model>>();
const TIMELINES = new WeakMap<Model, readonly Transition[]>();

/** One entity at one date: whether it exists, and its values and moved fields when transitions applied. */
interface EntityAt {
  readonly absent: boolean;
  readonly entity: Entity;
  readonly moved: ReadonlyMap<string, DocPath> | undefined;
}

/**
 * Each entity at each date it was derived at. Entities are the same objects from one model to the next
 * while their documents are unchanged (model/build.ts), so a re-built model derives only the entities
 * of the files that changed.
 */
const AT_DATE = new WeakMap<Entity, Map<IsoDate, EntityAt>>();

function entityAt(e: Entity, date: IsoDate): EntityAt {
  let byDate = AT_DATE.get(e);
  const known = byDate?.get(date);
  if (known) return known;
  const applied = plannedOf(e).filter((p) => p.date <= date);
  const absent = !existsAt(e, date);
  let out: EntityAt;
  if (applied.length === 0) out = { absent, entity: e, moved: undefined };
  else {
    const values: Record<string, unknown> = {};
    const moved = new Map<string, DocPath>();
    for (const { index, t } of applied) {
      for (const [field, value] of Object.entries(t.set ?? {})) {
        values[field] = value;
        moved.set(field, ['transitions', index, 'set', field]);
      }
    }
    out = { absent, entity: Object.freeze({ ...e, ...values }) as Entity, moved };
  }
  if (!byDate) {
    byDate = new Map();
    AT_DATE.set(e, byDate);
  }
  byDate.set(date, out);
  return out;
}

function deriveAt(base: Model, date: IsoDate): Model {
  const absent = new Set<string>();
  const relocated = new Map<string, ReadonlyMap<string, DocPath>>();
  const changed = new Map<string, Entity>();
  // Only entities that declare since, until or transitions can differ at a date (the model keeps their
  // refs). `declaredEntities` first: through the rule memo's view, its read covers them all.
  const declared = base.declaredEntities();
  for (const ref of base.dated) {
    const e = declared.get(ref) as Entity;
    const at = entityAt(e, date);
    if (at.absent) absent.add(ref);
    if (at.entity !== e) changed.set(ref, at.entity);
    if (at.moved) relocated.set(ref, at.moved);
  }
  // Nothing dated applies at this date (the common case of an inventory without a roadmap): the state is
  // the model as written, dated, and shares its lists and indexes.
  if (absent.size === 0 && relocated.size === 0) {
    return base.derive({ entities: declared, references: base.references, absent, relocated, date });
  }
  const entities = new Map(declared);
  for (const [ref, e] of changed) entities.set(ref, e);
  const references: Reference[] = [];
  const lifted: Reference[] = [];
  for (const r of base.references) {
    if (absent.has(r.from)) continue;
    const moved = relocated.get(r.from);
    const field = String(r.path[0]);
    if (moved?.has(field) && field !== 'transitions') continue; // overridden by a transition
    references.push(r);
    // A reference a transition set now also stands where the field is (for "what refers to X").
    if (moved && field === 'transitions' && r.path[2] === 'set') {
      const f = String(r.path[3]);
      const at = moved.get(f);
      if (at && at[1] === r.path[1]) lifted.push({ ...r, path: [f, ...r.path.slice(4)] });
    }
  }
  return base.derive({ entities, references: [...references, ...lifted], absent, relocated, date });
}
