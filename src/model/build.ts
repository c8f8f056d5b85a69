import type { Diagnostic } from '../core/diagnostic.js';
import { entityLabel, KIND_LABEL } from '../core/labels.js';
import { localRefOf, parseRef, refOf, type EntityKind, type ParsedRef, type Ref } from '../core/ref.js';
import { closest, closestId } from '../core/similar.js';
import type { DocPath, Range } from '../core/source.js';
import { text, type Text } from '../core/text.js';
import { isUnknown } from '../core/unknown.js';
import { malformedAgencyCode, thresholdNumber, type FrameworkPack } from '../framework/types.js';
import type { LoadedFile } from '../load/load-architecture.js';
import type { SourceIndex } from '../load/locate.js';
import type { CheckedDoc } from '../validate/validate.js';
import { NameIndex } from './duplicate-names.js';
import { forked, Model } from './model.js';
import { pendingKey, type PendingDecl } from './pending.js';
import { checkBudgetUnit, checkQualityFractions, checkSharingRequestCounts, checkUnitRange, type UnitBounds } from './plausibility.js';
import { checkEntityTimeline } from './time-check.js';
import type { Entity, EntityByKind, Reference } from './types.js';

export interface BuildInput {
  readonly root: string;
  readonly pack: FrameworkPack;
  readonly docs: readonly CheckedDoc[];
  readonly sources: SourceIndex;
  readonly files: readonly LoadedFile[];
  /**
   * What the last build over this architecture derived from each file (a long-running process keeps
   * one): the build then patches the last model, redoing only what the changed files can affect.
   */
  readonly memo?: ModelMemo | undefined;
  /**
   * Entities declared by documents that did not load (model/pending.ts): a reference to one is not
   * reported as dangling, nor "corrected" to another id; one note per such document counts them.
   */
  readonly pending?: readonly PendingDecl[] | undefined;
}

export interface BuildResult {
  readonly value: Model;
  readonly diagnostics: readonly Diagnostic[];
}

const START: Range = { start: { line: 1, col: 1 }, end: { line: 1, col: 1 } };

/**
 * The model fragments of one build, kept for the next (the language server, a daemon): per file (by
 * content hash) the documents it holds; per declared ref the documents declaring it; per local ref the
 * documents whose references name it. A build given a memo patches the model it holds: the fragments of
 * changed and removed files are dropped, those of new content added, and only what they can affect is
 * derived again — the entities they declared or declare (and, for a duplicate id, which document wins),
 * the references of those entities and of every document naming a ref that became declared or
 * undeclared, the per-entity consistency findings of those entities, and the indexes of the model
 * (analysis/indexes.ts) for those entities. The result is the model and the findings a build without a
 * memo gives (tests/property/incremental*.test.ts).
 */
export class ModelMemo {
  /** @internal */ last: BuildState | undefined;
  /** @internal The pending declarations the last build was made with (`pendingKey`). */
  pending = '';
  /** How the last build went (for tests and benches). */
  lastRun: { readonly patched: boolean; readonly changedFiles: number; readonly resolvedDocs: number } = { patched: false, changedFiles: 0, resolvedDocs: 0 };
}

/** One document of a file, as the build saw it. */
interface DocFrag {
  readonly doc: CheckedDoc;
  /** The ref the document declares (undefined without a well-formed id). */
  readonly ref: string | undefined;
  /** Its references and unresolved-ref findings, when the document is where its entity comes from. */
  out: Resolved | undefined;
}

interface FileFrag {
  readonly sha: string;
  readonly docs: readonly DocFrag[];
  /** The references of its documents, in order, once asked (made again when one of them is resolved again). */
  refs?: readonly Reference[] | undefined;
}

/** Everything a build keeps for the next one. */
interface BuildState {
  readonly inputPack: FrameworkPack;
  readonly pack: FrameworkPack;
  readonly root: string;
  readonly model: Model;
  readonly files: Map<string, FileFrag>;
  /** Declaring documents of each ref, in document order. */
  readonly declarers: Map<string, DocFrag[]>;
  /** Documents (the origins of their entities) with a reference naming a local ref. */
  readonly namedBy: Map<string, Set<DocFrag>>;
  /** Origins with at least one unresolved reference (their findings name the closest ids). */
  readonly unresolved: Set<DocFrag>;
  /** model.duplicate-id findings, by ref. */
  readonly duplicates: Map<string, readonly Diagnostic[]>;
  /** Findings of the per-entity consistency checks, by ref (entities with none left out). */
  readonly entityFindings: Map<string, readonly Diagnostic[]>;
  /** Entities by kind, owner and name, with the model.duplicate-name findings (patched in place). */
  readonly names: NameIndex;
}

/** Indexes entities, resolves every typed reference and reports duplicates, dangling refs and cycles. */
export function buildModel(input: BuildInput): BuildResult {
  const memo = input.memo;
  // The suggestions of dangling references are made among the pending ids too: other ones, another build.
  const pendingNow = pendingKey(input.pending ?? []);
  const prev = memo?.pending === pendingNow ? memo.last : undefined;
  if (memo) {
    memo.last = undefined;
    memo.pending = pendingNow;
  }
  const patched = prev ? patchBuild(prev, input, memo as ModelMemo) : undefined;
  return withPending(patched ?? fullBuild(input, memo), input);
}

/** The kind and id each model.unresolved-ref finding names (findings are kept across patched builds). */
const UNRESOLVED = new WeakMap<Diagnostic, { readonly kind: string; readonly id: string }>();

/**
 * The findings without the dangling references that name an entity of a document that did not load
 * (its own error says why), and one note on each such document saying how many references wait for it.
 */
function withPending(result: BuildResult, input: BuildInput): BuildResult {
  const pending = input.pending ?? [];
  if (pending.length === 0) return result;
  const byId = new Map<string, PendingDecl[]>();
  for (const p of pending) byId.set(p.id, [...(byId.get(p.id) ?? []), p]);
  const counts = new Map<PendingDecl, number>();
  const kept: Diagnostic[] = [];
  for (const d of result.diagnostics) {
    const named = d.code === 'model.unresolved-ref' ? UNRESOLVED.get(d) : undefined;
    const decl = named && byId.get(named.id)?.find((p) => p.kind === undefined || p.kind === named.kind);
    if (!decl) {
      kept.push(d);
      continue;
    }
    counts.set(decl, (counts.get(decl) ?? 0) + 1);
  }
  for (const [p, n] of counts) {
    const what = p.kind === undefined ? `"${p.id}"` : `${p.kind}:${p.id}`;
    kept.push({
      code: 'model.pending-refs',
      severity: 'info',
      message: text(
        `${n} tham chiếu tới ${what} chưa được kiểm tra: tài liệu khai báo nó chưa đọc được (xem lỗi của tài liệu này).`,
        `${n === 1 ? '1 reference' : `${n} references`} to ${what} not checked yet: the document declaring it did not load (see its error).`,
      ),
      file: p.file,
      range: p.range,
      path: ['id'],
      fix: text('Sửa lỗi của tài liệu này; các tham chiếu được kiểm tra khi tài liệu đọc được.', 'Fix this document; the references are checked once it loads.'),
    });
  }
  return { value: result.value, diagnostics: kept };
}

/** What every step of a build needs: the pack with the agency's national entities, and a locator. */
interface Context {
  readonly input: BuildInput;
  readonly pack: FrameworkPack;
  readonly packOrgs: ReadonlySet<string>;
  readonly ownCode: string | undefined;
  readonly entities: ReadonlyMap<string, Entity>;
  readonly nationalIds: ReadonlySet<string>;
  readonly targetIds: ReadonlySet<string>;
  /** Sorted ids of a kind (for "did you mean"), made on first use. */
  readonly ids: Map<string, string[]>;
}

function at(input: BuildInput, doc: CheckedDoc, path: DocPath, part: 'value' | 'key' = 'value'): Range {
  return input.sources.locate(doc.doc.file, doc.doc.index, path, part);
}

function contextOf(input: BuildInput, pack: FrameworkPack, entities: ReadonlyMap<string, Entity>): Context {
  const agencyDoc = input.docs.find((d) => d.kind === 'agency' && d.id !== undefined);
  return {
    input,
    pack,
    packOrgs: new Set<string>(pack.organizations.map((o) => o.ref)),
    ownCode: typeof agencyDoc?.value['code'] === 'string' ? agencyDoc.value['code'] : undefined,
    entities,
    nationalIds: new Set(pack.national.map((n) => n.id)),
    targetIds: new Set(pack.targets.map((t) => t.id)),
    ids: new Map(),
  };
}

/** A model.duplicate-id finding for `d`, declared after `first` (or over a central body of the pack when `first` is undefined). */
function duplicateFinding(ctx: Context, d: CheckedDoc, ref: string, first: { readonly file: string; readonly index: number } | undefined): Diagnostic {
  const { pack, input } = ctx;
  const id = d.id as string;
  const where = first ? `${first.file}:${input.sources.locate(first.file, first.index, ['id']).start.line}` : pack.files.find((f) => f.endsWith('national.yaml')) ?? pack.id;
  return {
    code: 'model.duplicate-id',
    severity: 'error',
    message: first
      ? text(`${entityLabel(d.kind, id).vi} được khai báo hai lần (lần đầu tại ${where}).`, `${entityLabel(d.kind, id).en} is declared twice (first at ${where}).`)
      : text(
          `${entityLabel(d.kind, id).vi} trùng với cơ quan trung ương có sẵn trong bộ khung ${pack.id}.`,
          `${entityLabel(d.kind, id).en} duplicates a central body already in framework pack ${pack.id}.`,
        ),
    file: d.doc.file,
    range: at(input, d, ['id']),
    entity: ref as Ref,
    path: ['id'],
    fix: first
      ? text('Đổi id của một trong hai, hoặc xóa bản trùng.', 'Rename one of them or delete the duplicate.')
      : text(`Xóa khai báo này và tham chiếu trực tiếp "${ref}".`, `Delete this declaration and reference "${ref}" directly.`),
  };
}

/** model.missing-agency and model.multiple-agencies. */
function agencyFindings(input: BuildInput): Diagnostic[] {
  const out: Diagnostic[] = [];
  const agencies = input.docs.filter((d) => d.kind === 'agency' && d.id !== undefined);
  const agencyDoc = agencies[0];
  if (agencies.length === 0) {
    const agencyFile = `${input.root}/agency.yaml`;
    out.push({
      code: 'model.missing-agency',
      severity: 'error',
      message: text(`Thư mục "${input.root}" không có tài liệu "kind: Agency" mô tả cơ quan.`, `Folder "${input.root}" has no "kind: Agency" document describing the agency.`),
      file: input.docs.some((d) => d.doc.file === agencyFile) ? agencyFile : input.root,
      range: START,
      path: [],
      fix: text('Tạo agency.yaml với apiVersion, kind: Agency, id, name, framework: vn-2025, level.', 'Create agency.yaml with apiVersion, kind: Agency, id, name, framework: vn-2025, level.'),
    });
  }
  for (const extra of agencies.slice(1)) {
    if (extra.id === agencyDoc?.id) continue; // already a duplicate-id
    out.push({
      code: 'model.multiple-agencies',
      severity: 'error',
      message: text(
        `Mỗi thư mục kiến trúc mô tả đúng một cơ quan; "${extra.id}" là tài liệu Agency thứ hai (đã có "${agencyDoc?.id}").`,
        `An architecture folder describes exactly one agency; "${extra.id}" is a second Agency (already "${agencyDoc?.id}").`,
      ),
      file: extra.doc.file,
      range: at(input, extra, ['kind']),
      entity: refOf('agency', extra.id as string),
      path: ['kind'],
      fix: text('Khai báo đơn vị khác bằng "kind: Organization", hoặc tách thành thư mục kiến trúc riêng.', 'Declare other bodies as "kind: Organization", or give them their own architecture folder.'),
    });
  }
  return out;
}

/** The references of one document (the origin of entity `from`), resolved, with a finding per dangling one. */
interface Resolved {
  readonly from: string;
  readonly refs: readonly Reference[];
  readonly findings: readonly Diagnostic[];
  /** The local refs its references name (those of this agency). */
  readonly names: readonly string[];
}

const REF_KINDS = ['system', 'dataset', 'integration', 'kpi', 'task', 'org', 'service', 'function'] as const;

function idsOf(ctx: Context, kind: EntityKind | 'national' | 'target'): string[] {
  let list = ctx.ids.get(kind);
  if (!list) {
    if (kind === 'national') list = ctx.pack.national.map((n) => n.id);
    else if (kind === 'target') list = ctx.pack.targets.map((t) => t.id);
    else {
      list = [];
      for (const e of ctx.entities.values()) if (e.entityKind === kind) list.push((e.ref as string).slice(kind.length + 1));
      if (kind === 'org') list.push(...ctx.pack.organizations.map((o) => o.id));
      // An id of a document that did not load is a likelier meaning of a typo than another declared id.
      const have = new Set(list);
      for (const p of ctx.input.pending ?? []) if ((p.kind === undefined || p.kind === kind) && !have.has(p.id)) list.push(p.id);
    }
    ctx.ids.set(kind, list.sort());
  }
  return list;
}

/** Whether the local ref `ref` (parsed as `p`) names something declared here or in the pack. */
function known(ctx: Context, ref: string, p: ParsedRef): boolean {
  if (p.kind === 'national') return ctx.nationalIds.has(p.id);
  if (p.kind === 'target') return ctx.targetIds.has(p.id);
  if (p.kind === 'org' && ctx.packOrgs.has(ref)) return true;
  return ctx.entities.has(ref);
}

/**
 * Resolves the references of `d`, the origin of entity `from`: adds a finding per dangling one to
 * `findings` and, when given, the local refs they name to `names`.
 */
function resolveDoc(ctx: Context, d: CheckedDoc, from: Ref, findings: Diagnostic[], names: string[] | undefined, memoise = true): readonly Reference[] {
  const { ownCode } = ctx;
  const sites = memoise ? sitesOf(d.refs) : parseSites(d.refs);
  // The references of a document whose sites resolve as in the run before are the same objects.
  const before = memoise ? REFERENCES.get(d.refs) : undefined;
  let same = before !== undefined && before.from === from && before.ownCode === ownCode;
  const made: Reference[] = [];
  const resolved: boolean[] = [];
  /** A site's reference: the object of the build before while every site so far resolves as it did then. */
  const add = (ok: boolean, fresh: () => Reference): void => {
    if (same && before?.resolved[made.length] !== ok) same = false;
    made.push(same ? (before?.refs[made.length] as Reference) : fresh());
    resolved.push(ok);
  };
  for (const { site, parsed, to: local } of sites) {
    if (!parsed) continue;
    if (parsed.agency !== undefined && parsed.agency !== ownCode) {
      const external = parsed.agency;
      add(false, () => ({ from, path: site.path, raw: site.value, to: undefined, external }));
      continue;
    }
    const to = local as ReturnType<typeof localRefOf>;
    names?.push(to);
    if (known(ctx, to, parsed)) {
      add(true, () => ({ from, path: site.path, raw: site.value, to }));
      continue;
    }
    add(false, () => ({ from, path: site.path, raw: site.value, to: undefined }));
    const kind = parsed.kind;
    const ids = idsOf(ctx, kind);
    const typo = closest(parsed.id, ids);
    const elsewhere = REF_KINDS.find((k) => k !== kind && ctx.entities.has(refOf(k, parsed.id)));
    // The same id under another kind says more than an id sharing words with this one.
    const guess = typo ?? (elsewhere === undefined ? closestId(parsed.id, ids) : undefined);
    const guessText = text(` — ý bạn là "${guess}"?`, ` — did you mean "${guess}"?`);
    const fix = guess
      ? text(`Sửa thành "${kind}:${guess}".`, `Change it to "${kind}:${guess}".`)
      : elsewhere
        ? text(`Đã có "${elsewhere}:${parsed.id}"; kiểm tra loại tham chiếu.`, `"${elsewhere}:${parsed.id}" exists; check the reference kind.`)
        : kind === 'national' || kind === 'target'
          ? text(`Xem danh mục ${kind === 'national' ? 'hệ thống quốc gia' : 'chỉ tiêu quốc gia'} trong bộ khung ${ctx.pack.id} (kientruc schema --list ${kind}).`, `See the ${kind} list of framework pack ${ctx.pack.id}.`)
          : declareFix(kind, parsed.id);
    const finding: Diagnostic = {
      code: 'model.unresolved-ref',
      severity: 'error',
      // The referring entity is named for the formats that do not show `entity` (stylish, github).
      message: guess
        ? text(`${kind} "${parsed.id}" không tồn tại${guessText.vi} (tham chiếu từ ${from})`, `${kind} "${parsed.id}" does not exist${guessText.en} (referenced by ${from})`)
        : text(`${kind} "${parsed.id}" không tồn tại (tham chiếu từ ${from}).`, `${kind} "${parsed.id}" does not exist (referenced by ${from}).`),
      file: d.doc.file,
      range: at(ctx.input, d, [...site.path]),
      entity: from,
      path: site.path,
      fix,
    };
    UNRESOLVED.set(finding, { kind, id: parsed.id });
    findings.push(finding);
  }
  if (memoise && !same) REFERENCES.set(d.refs, { from, ownCode, refs: made, resolved });
  return same && before ? before.refs : made;
}

/**
 * How to resolve a reference to an entity nobody declares: declare it, fix it, or (for a kind an
 * agency can reference in another agency, `kind:id@<code>`, see core/ref.ts) name that agency.
 */
function declareFix(kind: EntityKind, id: string): Text {
  const declare = text(`Khai báo ${kind} "${id}", hoặc sửa tham chiếu`, `Declare ${kind} "${id}", or fix the reference`);
  if (kind === 'agency') return text(`${declare.vi}.`, `${declare.en}.`);
  const noun = KIND_LABEL[kind];
  return text(
    `${declare.vi}; nếu là ${noun.vi.toLowerCase()} của cơ quan khác, ghi kèm mã định danh của cơ quan đó: "${kind}:${id}@<mã cơ quan>".`,
    `${declare.en}; if it is another agency's, add that agency's code: "${kind}:${id}@<agency code>".`,
  );
}

/** `resolveDoc` with its findings and names kept (a build with a memo). */
function resolveFrag(ctx: Context, d: CheckedDoc, from: Ref): Resolved {
  const findings: Diagnostic[] = [];
  const names: string[] = [];
  const refs = resolveDoc(ctx, d, from, findings, names);
  return { from, refs, findings, names };
}

/** A build from nothing; with a memo, it keeps its fragments for the next build. */
function fullBuild(input: BuildInput, memo: ModelMemo | undefined): BuildResult {
  const pack = withDeclaredNationals(input.pack, input.docs);
  const diagnostics: Diagnostic[] = [];
  const entities = new Map<string, Entity>();
  const invalid = new Set<string>();
  const ctx = contextOf(input, pack, entities);
  const keep = memo !== undefined;
  const frags: DocFrag[] = [];
  const duplicates = new Map<string, Diagnostic[]>();
  // The ref of each document its entity comes from (the first to declare it), by document index.
  const origins: (Ref | undefined)[] = new Array<Ref | undefined>(input.docs.length);

  for (let i = 0; i < input.docs.length; i++) {
    const d = input.docs[i] as CheckedDoc;
    if (d.id === undefined) {
      if (keep) frags.push({ doc: d, ref: undefined, out: undefined });
      continue;
    }
    const ref = refOf(d.kind, d.id);
    if (keep) frags.push({ doc: d, ref, out: undefined });
    // The document that declared `ref` first is where its entity comes from.
    const origin = entities.get(ref)?.origin;
    const first = origin === undefined ? undefined : { file: origin.file, index: origin.docIndex };
    if (first || (d.kind === 'org' && ctx.packOrgs.has(ref))) {
      const finding = duplicateFinding(ctx, d, ref, first);
      diagnostics.push(finding);
      if (keep) duplicates.set(ref, [...(duplicates.get(ref) ?? []), finding]);
      continue;
    }
    origins[i] = ref;
    entities.set(ref, entityOf(d, ref, keep));
    if (!d.valid) invalid.add(ref);
  }
  const agencies = agencyFindings(input);
  diagnostics.push(...agencies);

  const references: Reference[] = [];
  const unresolved = new Set<DocFrag>();
  const namedBy = new Map<string, Set<DocFrag>>();
  for (let i = 0; i < input.docs.length; i++) {
    const from = origins[i];
    if (from === undefined) continue;
    const d = input.docs[i] as CheckedDoc;
    if (!keep) {
      for (const x of resolveDoc(ctx, d, from, diagnostics, undefined, false)) references.push(x);
      continue;
    }
    const r = resolveFrag(ctx, d, from);
    for (const x of r.refs) references.push(x);
    for (const f of r.findings) diagnostics.push(f);
    const frag = frags[i] as DocFrag;
    frag.out = r;
    for (const name of r.names) addName(namedBy, name, frag);
    if (r.findings.length > 0) unresolved.add(frag);
  }

  const model = new Model({ root: input.root, pack, sources: input.sources, entities, invalid, references, files: input.files });
  const entityFindings = keep ? new Map<string, readonly Diagnostic[]>() : undefined;
  diagnostics.push(...checkConsistency(model, entityFindings));
  const names = NameIndex.of(model, (out) => reporter(model, out), keep);
  diagnostics.push(...names.diagnostics());
  if (memo) {
    const files = new Map<string, FileFrag>();
    const declarers = new Map<string, DocFrag[]>();
    const shas = new Map(input.files.map((f) => [f.file, f.sha256]));
    let run: DocFrag[] = [];
    let runFile: string | undefined;
    const close = (): void => {
      if (runFile !== undefined) files.set(runFile, { sha: shas.get(runFile) ?? '', docs: run });
    };
    for (const frag of frags) {
      if (frag.doc.doc.file !== runFile) {
        close();
        run = [];
        runFile = frag.doc.doc.file;
      }
      run.push(frag);
      if (frag.ref !== undefined) {
        const list = declarers.get(frag.ref);
        if (list) list.push(frag);
        else declarers.set(frag.ref, [frag]);
      }
    }
    close();
    memo.last = { inputPack: input.pack, pack, root: input.root, model, files, declarers, namedBy, unresolved, duplicates, entityFindings: entityFindings as Map<string, readonly Diagnostic[]>, names };
    memo.lastRun = { patched: false, changedFiles: input.files.length, resolvedDocs: frags.length };
  }
  return { value: model, diagnostics };
}

function addName(namedBy: Map<string, Set<DocFrag>>, name: string, frag: DocFrag): void {
  const set = namedBy.get(name);
  if (set) set.add(frag);
  else namedBy.set(name, new Set([frag]));
}

/** More changed files than this share of all files: a full build costs about the same. */
const PATCH_SHARE = 0.25;

/**
 * The last build patched for the files that changed since; undefined when a full build is due (no
 * usable state, another pack or folder, an agency document among the changes, or much changed).
 */
function patchBuild(prev: BuildState, input: BuildInput, memo: ModelMemo): BuildResult | undefined {
  // A pack is loaded afresh by each run, the same content for the same id (framework/load-pack.ts
  // `rememberPack`): the patched model keeps the pack object of the last build.
  if (prev.inputPack.id !== input.pack.id || prev.root !== input.root) return undefined;
  // Which files changed (content, added, removed); every document of a file is in one run of `docs`.
  const changed = new Set<string>();
  const present = new Set<string>();
  for (const f of input.files) {
    present.add(f.file);
    if (prev.files.get(f.file)?.sha !== f.sha256) changed.add(f.file);
  }
  const removed: string[] = [];
  for (const file of prev.files.keys()) if (!present.has(file)) removed.push(file);
  if (changed.size + removed.length > Math.max(1, input.files.length * PATCH_SHARE)) return undefined;
  const newDocs = new Map<string, DocFrag[]>();
  for (const d of input.docs) {
    const file = d.doc.file;
    if (!changed.has(file)) {
      if (!prev.files.has(file)) return undefined; // documents of a file the load did not list
      continue;
    }
    const ref = d.id === undefined ? undefined : refOf(d.kind, d.id);
    const list = newDocs.get(file);
    const frag: DocFrag = { doc: d, ref, out: undefined };
    if (list) list.push(frag);
    else newDocs.set(file, [frag]);
  }
  // The agency's document decides the pack, the agency code and the checks against its declarations.
  const gone = [...changed, ...removed].flatMap((f) => prev.files.get(f)?.docs ?? []);
  const come = [...newDocs.values()].flat();
  if ([...gone, ...come].some((f) => f.doc.kind === 'agency')) return undefined;

  const model0 = prev.model;
  const pack = prev.pack;
  // The last model's map, forked: written here, while the last model still reads it as it was.
  const entities = forked(model0.declaredEntities());
  const invalid = new Set<string>();
  for (const ref of model0.invalidRefs()) invalid.add(ref);
  const ctx = contextOf(input, pack, entities);

  // 1. Declarations: the refs the changed files declared or declare; who declares each now, and who wins.
  const rank = new Map<string, number>();
  input.files.forEach((f, i) => rank.set(f.file, i));
  const order = (a: DocFrag, b: DocFrag): number => (rank.get(a.doc.doc.file) as number) - (rank.get(b.doc.doc.file) as number) || a.doc.doc.index - b.doc.doc.index;
  const goneSet = new Set(gone);
  const touched = new Set<string>();
  for (const f of [...gone, ...come]) if (f.ref !== undefined) touched.add(f.ref);
  const winnerOf = (list: readonly DocFrag[] | undefined): DocFrag | undefined => {
    const first = list?.[0];
    return first && !(first.doc.kind === 'org' && ctx.packOrgs.has(first.ref as string)) ? first : undefined;
  };
  const toResolve = new Set<DocFrag>();
  const dropped = new Set<DocFrag>();
  const flipped: string[] = [];
  const changedRefs = new Set<string>();
  for (const ref of touched) {
    const before = prev.declarers.get(ref);
    const oldWinner = winnerOf(before);
    const list = (before ?? []).filter((f) => !goneSet.has(f));
    for (const f of come) if (f.ref === ref) list.push(f);
    list.sort(order);
    if (list.length > 0) prev.declarers.set(ref, list);
    else prev.declarers.delete(ref);
    // Duplicate findings of the ref, from its declarers in document order.
    const dups: Diagnostic[] = [];
    list.forEach((f, i) => {
      if (i > 0 || !winnerOf(list)) dups.push(duplicateFinding(ctx, f.doc, ref, winnerOf(list)?.doc.doc));
    });
    if (dups.length > 0) prev.duplicates.set(ref, dups);
    else prev.duplicates.delete(ref);
    const winner = winnerOf(list);
    if (winner !== oldWinner) {
      if (oldWinner) dropped.add(oldWinner);
      if (winner) toResolve.add(winner);
    }
    const hadEntity = entities.has(ref);
    if (winner) {
      entities.set(ref, entityOf(winner.doc, ref));
      if (winner.doc.valid) invalid.delete(ref);
      else invalid.add(ref);
    } else {
      entities.delete(ref);
      invalid.delete(ref);
    }
    if (hadEntity !== entities.has(ref)) flipped.push(ref);
    if (model0.declaredEntities().get(ref) !== entities.get(ref) || model0.isValid(ref) !== (entities.has(ref) && !invalid.has(ref))) changedRefs.add(ref);
  }
  // 2. References: of the new origins, of origins naming a ref that is now declared or no longer is,
  // and, when the declared ids changed, of every origin with a dangling reference ("did you mean").
  for (const ref of flipped) for (const f of prev.namedBy.get(ref) ?? []) if (f.out !== undefined && !dropped.has(f)) toResolve.add(f);
  if (flipped.length > 0) for (const f of prev.unresolved) if (!dropped.has(f)) toResolve.add(f);
  for (const f of [...dropped, ...toResolve]) {
    if (f.out === undefined) continue;
    for (const name of f.out.names) {
      const set = prev.namedBy.get(name);
      set?.delete(f);
      if (set?.size === 0) prev.namedBy.delete(name);
    }
    prev.unresolved.delete(f);
  }
  for (const f of dropped) f.out = undefined;
  const outbound = new Map<string, readonly Reference[]>();
  for (const f of dropped) outbound.set(f.ref as string, []);
  for (const f of toResolve) {
    const before = f.out;
    const r = resolveFrag(ctx, f.doc, f.ref as Ref);
    f.out = r;
    for (const name of r.names) addName(prev.namedBy, name, f);
    if (r.findings.length > 0) prev.unresolved.add(f);
    if (before === undefined || before.refs !== r.refs) outbound.set(r.from, r.refs);
  }
  // Files whose documents' references were made again: their lists of references too.
  for (const f of [...dropped, ...toResolve]) {
    const frag = prev.files.get(f.doc.doc.file);
    if (frag !== undefined) frag.refs = undefined;
  }
  for (const file of removed) prev.files.delete(file);
  for (const file of changed) prev.files.set(file, { sha: input.files[rank.get(file) as number]?.sha256 ?? '', docs: newDocs.get(file) ?? [] });

  // 3. The model: every reference in document order, the last model's lists patched.
  const lists: (readonly Reference[])[] = [];
  let total = 0;
  for (const f of input.files) {
    const file = prev.files.get(f.file);
    if (file === undefined) continue;
    if (file.refs === undefined) {
      const refs: Reference[] = [];
      for (const frag of file.docs) if (frag.out) for (const r of frag.out.refs) refs.push(r);
      file.refs = refs;
    }
    if (file.refs.length > 0) lists.push(file.refs);
    total += file.refs.length;
  }
  const references = new Array<Reference>(total);
  let put = 0;
  for (const list of lists) for (let i = 0; i < list.length; i++) references[put++] = list[i] as Reference;
  const model = new Model({ root: input.root, pack, sources: input.sources, entities, invalid, references, files: input.files }, false, { from: model0, changed: changedRefs, outbound });

  // 4. Findings: duplicates, agency, dangling references, consistency (per changed entity, then the whole-model checks).
  const checks = checksOf(model);
  for (const ref of changedRefs) {
    const e = model.get(ref);
    const found: Diagnostic[] = [];
    if (e) entityChecks(e, checks, reporter(model, found));
    if (found.length > 0) prev.entityFindings.set(ref, found);
    else prev.entityFindings.delete(ref);
  }
  const diagnostics: Diagnostic[] = [];
  for (const list of prev.duplicates.values()) diagnostics.push(...list);
  // Made again: without an agency, the finding is placed on agency.yaml when that file holds documents.
  diagnostics.push(...agencyFindings(input));
  for (const f of prev.unresolved) diagnostics.push(...(f.out?.findings ?? []));
  for (const list of prev.entityFindings.values()) diagnostics.push(...list);
  diagnostics.push(...modelChecks(model));
  prev.names.update(model, changedRefs, (out) => reporter(model, out));
  diagnostics.push(...prev.names.diagnostics());
  memo.last = { ...prev, model };
  memo.lastRun = { patched: true, changedFiles: changed.size + removed.length, resolvedDocs: toResolve.size };
  return { value: model, diagnostics };
}

/**
 * Entities made from documents, by the document's parsed value: a long-running process (the language
 * server) re-builds the model after every edit from documents that are, for the files that did not
 * change, the same objects (the parse cache keeps them), so their entities are the same objects too,
 * and what is memoised per entity (the states of the model) is not made again.
 */
const ENTITIES = new WeakMap<object, Entity>();

/**
 * The entity of document `d`. `memoise`: a build that keeps its fragments (a long-running process)
 * remembers it by the document's value; a one-off build (the CLI) does not, since nothing will ask
 * again and a weak map of every entity costs memory and collection time at national scale.
 */
function entityOf(d: CheckedDoc, ref: string, memoise = true): Entity {
  const value = d.value as unknown;
  const keyed = memoise && typeof value === 'object' && value !== null;
  const known = keyed ? ENTITIES.get(value) : undefined;
  if (known && known.ref === ref && known.entityKind === d.kind && known.origin.file === d.doc.file && known.origin.docIndex === d.doc.index) return known;
  const entity = { ...d.value, ref, entityKind: d.kind, origin: { file: d.doc.file, docIndex: d.doc.index } } as unknown as Entity;
  if (keyed) ENTITIES.set(value, entity);
  return entity;
}

/** A reference site with its ref parsed once (`to`: the local ref, for a ref of this agency). */
interface ParsedSite {
  readonly site: CheckedDoc['refs'][number];
  readonly parsed: ReturnType<typeof parseRef>;
  readonly to: ReturnType<typeof localRefOf> | undefined;
}

/** Parsed sites by the document's list of sites (the same object while its file is unchanged). */
const SITES = new WeakMap<CheckedDoc['refs'], readonly ParsedSite[]>();

function sitesOf(refs: CheckedDoc['refs']): readonly ParsedSite[] {
  let out = SITES.get(refs);
  if (!out) {
    out = parseSites(refs);
    SITES.set(refs, out);
  }
  return out;
}

/** The sites of a document with their refs parsed (`sitesOf` without the memo: a one-off build). */
function parseSites(refs: CheckedDoc['refs']): readonly ParsedSite[] {
  return refs.map((site) => {
    const parsed = parseRef(site.value);
    return { site, parsed, to: parsed ? localRefOf(site.value, parsed) : undefined };
  });
}

/**
 * The references a document's sites made in the last build, with whether each resolved: a build in
 * which they resolve the same way (same entity, same agency code) takes the same objects.
 */
const REFERENCES = new WeakMap<CheckedDoc['refs'], { readonly from: string; readonly ownCode: string | undefined; readonly refs: readonly Reference[]; readonly resolved: readonly boolean[] }>();

/** A national entity an agency declares in `agency.nationalEntities` (the pack lacks it). */
interface DeclaredNational {
  readonly id: string;
  readonly name: string;
  readonly nameEn?: string;
  readonly type?: string;
  readonly layer: string;
  readonly component: string;
  readonly owner?: string;
  readonly source: string;
}

/**
 * The pack, plus the national entities the agency declares and the pack does not list yet, so that
 * `national:<id>` resolves for them everywhere. They carry `declared: true` and are never confirmed.
 */
function withDeclaredNationals(pack: FrameworkPack, docs: readonly CheckedDoc[]): FrameworkPack {
  const agency = docs.find((d) => d.kind === 'agency' && d.id !== undefined);
  const declared = agency?.value['nationalEntities'];
  if (!Array.isArray(declared) || declared.length === 0) return pack;
  const have = new Set(pack.national.map((n) => n.id));
  const extra = (declared as DeclaredNational[])
    .filter((n) => n && typeof n.id === 'string' && typeof n.name === 'string' && !have.has(n.id))
    .map((n) => ({
      id: n.id,
      ref: refOf('national', n.id),
      type: n.type ?? 'system',
      layer: n.layer,
      component: n.component,
      name: n.name,
      nameEn: n.nameEn ?? n.name,
      ...(n.owner ? { owner: n.owner as Ref<'org'> } : {}),
      source: n.source,
      confirmed: false,
      declared: true,
      note: 'Do cơ quan tự khai báo; bộ khung chưa có.',
    }));
  if (extra.length === 0) return pack;
  return { ...pack, national: [...pack.national, ...extra] };
}

/** What the per-entity checks compare with: the pack's components, units and documents, and the agency's. */
interface Checks {
  readonly components: ReadonlyMap<string, FrameworkPack['components'][number]>;
  readonly units: readonly string[];
  readonly themes: readonly string[];
  readonly documents: readonly string[];
  /** The range of each unit of the catalogue that has one (`percent`: 0–100). */
  readonly unitBounds: ReadonlyMap<string, UnitBounds>;
  /** A budget line from this many triệu đồng up looks written in đồng (pack threshold `budgetLineMaxMillionVnd`). */
  readonly budgetLineMax: number;
}

function checksOf(model: Model): Checks {
  const pack = model.pack;
  const agency = model.agency;
  // The first component of each id, as `find` would give it, looked up once per system and role.
  const components = new Map<string, (typeof pack.components)[number]>();
  for (const c of pack.components) if (!components.has(c.id)) components.set(c.id, c);
  return {
    components,
    units: [...(pack.enums['kpiUnit']?.values ?? []).map((v) => String(v.value)), ...(agency?.units ?? []).map((u) => u.id)],
    themes: (agency?.plan?.themes ?? []).map((t) => t.id),
    documents: [...pack.legal.map((l) => l.id), ...(agency?.documents ?? []).map((d) => d.id)],
    unitBounds: new Map(
      (pack.enums['kpiUnit']?.values ?? [])
        .filter((v) => v.min !== undefined || v.max !== undefined)
        .map((v) => [String(v.value), { ...(v.min === undefined ? {} : { min: v.min }), ...(v.max === undefined ? {} : { max: v.max }), vi: v.vi, en: v.en }]),
    ),
    budgetLineMax: thresholdNumber(pack, 'budgetLineMaxMillionVnd', 1_000_000),
  };
}

function reporter(model: Model, out: Diagnostic[]): Report {
  return (ref, path, code, severity, message, fix) => {
    const loc = model.locate(ref, path);
    out.push({ code, severity, message, file: loc.file, range: loc.range, entity: ref, path, ...(fix ? { fix } : {}) });
  };
}

/**
 * Model-level checks: those of each entity (`entityChecks`: component vs layer, task leads, units,
 * themes, documents, time, self-links, and the plausibility of figures: model/plausibility.ts), kept by
 * ref in `byEntity` when given, then those of the whole model (`modelChecks`: agency code, national
 * entities declared, cycles). Names shared within a kind are found by `NameIndex`, kept between builds.
 */
function checkConsistency(model: Model, byEntity?: Map<string, readonly Diagnostic[]>): Diagnostic[] {
  const out: Diagnostic[] = [];
  const checks = checksOf(model);
  const report = reporter(model, out);
  for (const kind of CHECKED_KINDS) {
    for (const e of model.all(kind) as readonly Entity[]) {
      const from = out.length;
      entityChecks(e, checks, report);
      if (byEntity && out.length > from) byEntity.set(e.ref, out.slice(from));
    }
  }
  out.push(...modelChecks(model));
  return out;
}

/** The kinds `entityChecks` has something to say about (every timed kind among them: core/time-fields.ts). */
const CHECKED_KINDS = ['system', 'task', 'kpi', 'integration', 'org', 'dataset', 'service', 'function'] as const satisfies readonly (EntityKind & string)[];

/** The checks of one entity: they read the entity, the pack and the agency's declarations only. */
function entityChecks(e: Entity, checks: Checks, report: Report): void {
  if (e.entityKind === 'system') {
    const s = e;
    (s.roles ?? []).forEach((r, i) => {
      const comp = r.component === undefined ? undefined : checks.components.get(r.component);
      if (!comp || comp.layer === r.layer) return;
      report(
        s.ref,
        ['roles', i, 'component'],
        'model.component-layer',
        comp.confirmed ? 'error' : 'warning',
        text(
          `${entityLabel('system', s.id).vi}: vai trò thứ ${i + 1} có thành phần "${comp.id}" (${comp.vi}) thuộc lớp ${comp.layer}, không phải ${r.layer}.`,
          `${entityLabel('system', s.id).en}: role ${i + 1} has component "${comp.id}", which belongs to layer ${comp.layer}, not ${r.layer}.`,
        ),
        text(`Đổi "roles[${i}].layer" thành ${comp.layer}.`, `Set "roles[${i}].layer" to ${comp.layer}.`),
      );
    });
    const comp = s.component === undefined ? undefined : checks.components.get(s.component);
    if (comp && comp.layer !== s.layer) {
      report(
        s.ref,
        ['component'],
        'model.component-layer',
        comp.confirmed ? 'error' : 'warning',
        text(
          `${entityLabel('system', s.id).vi}: thành phần "${comp.id}" (${comp.vi}) thuộc lớp ${comp.layer}, không phải ${s.layer}.`,
          `${entityLabel('system', s.id).en}: component "${comp.id}" belongs to layer ${comp.layer}, not ${s.layer}.`,
        ),
        text(`Đổi "layer" thành ${comp.layer} hoặc chọn thành phần của lớp ${s.layer}.`, `Set "layer" to ${comp.layer} or pick a component of ${s.layer}.`),
      );
    }
    checkDocuments(s, checks, report);
  } else if (e.entityKind === 'task') {
    checkTask(e, checks, report);
    checkBudgetUnit(e, checks.budgetLineMax, report);
  } else if (e.entityKind === 'kpi') {
    checkUnit(e, checks, report);
    checkUnitRange(e, checks.unitBounds, report);
  } else if (e.entityKind === 'dataset') {
    checkSharingRequestCounts(e, report);
    checkQualityFractions(e, report);
  } else if (e.entityKind === 'integration' && e.from === e.to) {
    report(
      e.ref,
      ['to'],
      'model.self-integration',
      'warning',
      text(`${entityLabel('integration', e.id).vi} kết nối "${e.from}" với chính nó.`, `${entityLabel('integration', e.id).en} connects "${e.from}" to itself.`),
      text('Sửa "from" hoặc "to".', 'Fix "from" or "to".'),
    );
  }
  checkEntityTimeline(e, report);
}

/** The checks of the whole model: the agency's code and national entities, and reference cycles (names shared within a kind: `NameIndex`). */
function modelChecks(model: Model): Diagnostic[] {
  const out: Diagnostic[] = [];
  const report = reporter(model, out);
  const pack = model.pack;
  const agency = model.agency;
  checkNationalDeclared(model, report);
  if (agency && malformedAgencyCode(pack, agency.code)) {
    report(
      agency.ref,
      ['code'],
      'model.agency-code-format',
      pack.agencyCode.confirmed ? 'error' : 'warning',
      text(
        `Mã định danh "${agency.code}" không theo dạng thường gặp của QCVN 102 (ví dụ ${pack.agencyCode.example}).`,
        `Agency code "${agency.code}" does not follow the usual QCVN 102 shape (e.g. ${pack.agencyCode.example}).`,
      ),
      text('Kiểm tra lại mã định danh do cơ quan có thẩm quyền cấp.', 'Check the code assigned by the competent authority.'),
    );
  }
  const parentOf = (ref: string): string | undefined => {
    const e = model.get(ref);
    if (!e) return undefined;
    if (e.entityKind === 'org') return e.parent;
    if (e.entityKind === 'system') return e.replacedBy;
    return undefined;
  };
  const reported = new Set<string>();
  for (const kind of ['org', 'system'] as const) {
    for (const e of model.all(kind)) {
      const chain: string[] = [e.ref];
      let cur = parentOf(e.ref);
      while (cur !== undefined && model.get(cur) !== undefined) {
        if (cur === e.ref) {
          const key = [...chain].sort().join('>');
          if (!reported.has(key)) {
            reported.add(key);
            const field = kind === 'org' ? 'parent' : 'replacedBy';
            report(
              e.ref,
              [field],
              'model.reference-cycle',
              'error',
              text(`Tham chiếu vòng qua "${field}": ${[...chain, e.ref].join(' → ')}.`, `Reference cycle through "${field}": ${[...chain, e.ref].join(' → ')}.`),
              text(`Sửa "${field}" để chuỗi tham chiếu có điểm kết thúc.`, `Fix "${field}" so the chain ends.`),
            );
          }
          break;
        }
        if (chain.includes(cur) || chain.length > 1000) break;
        chain.push(cur);
        cur = parentOf(cur);
      }
    }
  }
  return out;
}

type Report = (ref: Ref, path: DocPath, code: string, severity: Diagnostic['severity'], message: Diagnostic['message'], fix: Diagnostic['fix']) => void;

/** A task names its lead(s) once; its theme is declared in agency.yaml. */
function checkTask(t: EntityByKind['task'], checks: Checks, report: Report): void {
  const both = t.lead !== undefined && t.leads !== undefined;
  if (both || (t.lead === undefined && (t.leads?.length ?? 0) === 0)) {
    report(
      t.ref,
      both ? ['leads'] : [],
      'model.task-lead',
      'error',
      both
        ? text(`${entityLabel('task', t.id).vi} khai báo cả "lead" và "leads".`, `${entityLabel('task', t.id).en} declares both "lead" and "leads".`)
        : text(`${entityLabel('task', t.id).vi} chưa có cơ quan chủ trì.`, `${entityLabel('task', t.id).en} has no lead body.`),
      both
        ? text('Giữ một trường: "lead: org:…" cho một cơ quan, "leads: [org:…, org:…]" khi đồng chủ trì.', 'Keep one: "lead: org:…" for one body, "leads: [org:…, org:…]" for co-leads.')
        : text('Thêm "lead: org:<cơ quan>" (hoặc "leads: [...]" khi nhiều cơ quan đồng chủ trì).', 'Add "lead: org:<body>" (or "leads: [...]" for co-leads).'),
    );
  }
  const themes = checks.themes;
  if (t.theme === undefined || themes.includes(t.theme)) return;
  const guess = closest(t.theme, themes);
  report(
    t.ref,
    ['theme'],
    'model.unknown-theme',
    'error',
    text(`Chủ đề "${t.theme}" của ${entityLabel('task', t.id).vi} không có trong agency.plan.themes${guess ? ` — ý bạn là "${guess}"?` : '.'}`, `Theme "${t.theme}" of ${entityLabel('task', t.id).en} is not in agency.plan.themes${guess ? ` — did you mean "${guess}"?` : '.'}`),
    guess ? text(`Sửa thành "${guess}".`, `Change it to "${guess}".`) : text(`Khai báo chủ đề trong agency.yaml: plan: { themes: [{ id: ${t.theme}, title: … }] }.`, `Declare it in agency.yaml: plan: { themes: [{ id: ${t.theme}, title: … }] }.`),
  );
}

/** A KPI's unit is in the pack's catalogue or agency.units. */
function checkUnit(k: EntityByKind['kpi'], checks: Checks, report: Report): void {
  const units = checks.units;
  if (units.includes(k.unit)) return;
  const guess = closest(k.unit, units);
  report(
    k.ref,
    ['unit'],
    'model.unknown-unit',
    'error',
    text(`Đơn vị "${k.unit}" của ${entityLabel('kpi', k.id).vi} không có trong danh mục${guess ? ` — ý bạn là "${guess}"?` : '.'}`, `Unit "${k.unit}" of ${entityLabel('kpi', k.id).en} is not in the catalogue${guess ? ` — did you mean "${guess}"?` : '.'}`),
    guess
      ? text(`Sửa thành "${guess}", hoặc khai báo đơn vị trong agency.units.`, `Change it to "${guess}", or declare the unit in agency.units.`)
      : text('Dùng đơn vị của bộ khung (kientruc schema --list units) hoặc khai báo trong agency.units.', 'Use a framework unit (kientruc schema --list units) or declare it in agency.units.'),
  );
}

/** A system's legal basis and operating rules are documents of the pack or agency.documents. */
function checkDocuments(s: EntityByKind['system'], checks: Checks, report: Report): void {
  const docs = checks.documents;
  for (const field of ['legalBasis', 'operatingRules'] as const) {
    (s[field] ?? []).forEach((id, i) => {
      if (docs.includes(id)) return;
      const guess = closest(id, docs);
      report(
        s.ref,
        [field, i],
        'model.unknown-document',
        'error',
        text(`Văn bản "${id}" (${field}) của ${entityLabel('system', s.id).vi} không có trong bộ khung hay agency.documents${guess ? ` — ý bạn là "${guess}"?` : '.'}`, `Document "${id}" (${field}) of ${entityLabel('system', s.id).en} is neither in the framework nor in agency.documents${guess ? ` — did you mean "${guess}"?` : '.'}`),
        guess ? text(`Sửa thành "${guess}".`, `Change it to "${guess}".`) : text('Khai báo văn bản trong agency.documents (số, ngày, cơ quan ban hành, trích yếu), hoặc xem kientruc schema --list legal.', 'Declare it in agency.documents (number, date, issuer, title), or see kientruc schema --list legal.'),
      );
    });
  }
}

/** National entities the agency declares are warned about until the pack knows them. */
function checkNationalDeclared(model: Model, report: Report): void {
  const pack = model.pack;
  const agency = model.agency;
  (agency?.nationalEntities ?? []).forEach((n, i) => {
    const inPack = model.national(`national:${n.id}`);
    const packKnows = inPack !== undefined && inPack.declared !== true;
    report(
      agency?.ref as Ref,
      ['nationalEntities', i, 'id'],
      'model.national-declared',
      'warning',
      packKnows
        ? text(`Bộ khung ${pack.id} đã có national:${n.id} ("${inPack.name}"); khai báo riêng của cơ quan không còn cần.`, `Framework pack ${pack.id} now has national:${n.id} ("${inPack.nameEn}"); the agency's own declaration is no longer needed.`)
        : text(`"${n.name}" (national:${n.id}) do cơ quan tự khai báo, chưa có trong bộ khung ${pack.id} (nguồn: ${n.source}).`, `"${n.name}" (national:${n.id}) is declared by the agency and not yet in framework pack ${pack.id} (source: ${n.source}).`),
      packKnows
        ? text(`Xóa mục này khỏi agency.nationalEntities.`, `Remove this entry from agency.nationalEntities.`)
        : text('Đề nghị bổ sung vào bộ khung kèm văn bản nguồn; cảnh báo hết khi bộ khung có mục này.', 'Ask for it to be added to the pack with its source; the warning ends when the pack lists it.'),
    );
  });
}
