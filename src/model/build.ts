import type { Diagnostic } from '../core/diagnostic.js';
import { entityLabel } from '../core/labels.js';
import { localRef, parseRef, refOf, type EntityKind, type ParsedRef, type Ref } from '../core/ref.js';
import { closest } from '../core/similar.js';
import type { DocPath, Range } from '../core/source.js';
import { text } from '../core/text.js';
import { isUnknown } from '../core/unknown.js';
import type { FrameworkPack } from '../framework/types.js';
import type { LoadedFile } from '../load/load-architecture.js';
import type { SourceIndex } from '../load/locate.js';
import type { CheckedDoc } from '../validate/validate.js';
import { Model } from './model.js';
import { checkTimeline } from './time-check.js';
import type { Entity, Reference } from './types.js';

export interface BuildInput {
  readonly root: string;
  readonly pack: FrameworkPack;
  readonly docs: readonly CheckedDoc[];
  readonly sources: SourceIndex;
  readonly files: readonly LoadedFile[];
}

export interface BuildResult {
  readonly value: Model;
  readonly diagnostics: readonly Diagnostic[];
}

const START: Range = { start: { line: 1, col: 1 }, end: { line: 1, col: 1 } };

/** Indexes entities, resolves every typed reference and reports duplicates, dangling refs and cycles. */
export function buildModel(input: BuildInput): BuildResult {
  const { sources } = input;
  const pack = withDeclaredNationals(input.pack, input.docs);
  const diagnostics: Diagnostic[] = [];
  const entities = new Map<string, Entity>();
  const invalid = new Set<string>();
  const firstSeen = new Map<string, CheckedDoc>();
  const at = (doc: CheckedDoc, path: DocPath, part: 'value' | 'key' = 'value') =>
    sources.locate(doc.doc.file, doc.doc.index, path, part);
  const packOrgs = new Set<string>(pack.organizations.map((o) => o.ref));

  const agencies = input.docs.filter((d) => d.kind === 'agency' && d.id !== undefined);
  for (const d of input.docs) {
    if (d.id === undefined) continue;
    const ref = refOf(d.kind, d.id);
    const first = firstSeen.get(ref);
    if (first || (d.kind === 'org' && packOrgs.has(ref))) {
      const where = first
        ? `${first.doc.file}:${at(first, ['id']).start.line}`
        : pack.files.find((f) => f.endsWith('national.yaml')) ?? pack.id;
      diagnostics.push({
        code: 'model.duplicate-id',
        severity: 'error',
        message: first
          ? text(`${entityLabel(d.kind, d.id).vi} được khai báo hai lần (lần đầu tại ${where}).`, `${entityLabel(d.kind, d.id).en} is declared twice (first at ${where}).`)
          : text(
              `${entityLabel(d.kind, d.id).vi} trùng với cơ quan trung ương có sẵn trong bộ khung ${pack.id}.`,
              `${entityLabel(d.kind, d.id).en} duplicates a central body already in framework pack ${pack.id}.`,
            ),
        file: d.doc.file,
        range: at(d, ['id']),
        entity: ref,
        path: ['id'],
        fix: first
          ? text('Đổi id của một trong hai, hoặc xóa bản trùng.', 'Rename one of them or delete the duplicate.')
          : text(`Xóa khai báo này và tham chiếu trực tiếp "${ref}".`, `Delete this declaration and reference "${ref}" directly.`),
      });
      continue;
    }
    firstSeen.set(ref, d);
    const entity = entityOf(d, ref);
    entities.set(ref, entity);
    if (!d.valid) invalid.add(ref);
  }

  const agencyDoc = agencies[0];
  if (agencies.length === 0) {
    const agencyFile = `${input.root}/agency.yaml`;
    diagnostics.push({
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
    diagnostics.push({
      code: 'model.multiple-agencies',
      severity: 'error',
      message: text(
        `Mỗi thư mục kiến trúc mô tả đúng một cơ quan; "${extra.id}" là tài liệu Agency thứ hai (đã có "${agencyDoc?.id}").`,
        `An architecture folder describes exactly one agency; "${extra.id}" is a second Agency (already "${agencyDoc?.id}").`,
      ),
      file: extra.doc.file,
      range: at(extra, ['kind']),
      entity: refOf('agency', extra.id as string),
      path: ['kind'],
      fix: text('Khai báo đơn vị khác bằng "kind: Organization", hoặc tách thành thư mục kiến trúc riêng.', 'Declare other bodies as "kind: Organization", or give them their own architecture folder.'),
    });
  }
  const ownCode = typeof agencyDoc?.value['code'] === 'string' ? agencyDoc.value['code'] : undefined;

  const ids = new Map<EntityKind | 'national' | 'target', string[]>();
  const idsOf = (kind: EntityKind | 'national' | 'target'): string[] => {
    let list = ids.get(kind);
    if (!list) {
      if (kind === 'national') list = pack.national.map((n) => n.id);
      else if (kind === 'target') list = pack.targets.map((t) => t.id);
      else {
        list = [...entities.values()].filter((e) => e.entityKind === kind).map((e) => (e.ref as string).slice(kind.length + 1));
        if (kind === 'org') list.push(...pack.organizations.map((o) => o.id));
      }
      ids.set(kind, list.sort());
    }
    return list;
  };
  const nationalIds = new Set(pack.national.map((n) => n.id));
  const targetIds = new Set(pack.targets.map((t) => t.id));
  /** Whether the local ref `ref` (parsed as `p`) names something declared here or in the pack. */
  const known = (ref: string, p: ParsedRef): boolean => {
    if (p.kind === 'national') return nationalIds.has(p.id);
    if (p.kind === 'target') return targetIds.has(p.id);
    if (p.kind === 'org' && packOrgs.has(ref)) return true;
    return entities.has(ref);
  };

  const references: Reference[] = [];
  for (const d of input.docs) {
    if (d.id === undefined) continue;
    const from = refOf(d.kind, d.id);
    if (entities.get(from)?.origin.file !== d.doc.file || entities.get(from)?.origin.docIndex !== d.doc.index) continue;
    const sites = sitesOf(d.refs);
    // The references of a document whose sites resolve as in the run before are the same objects.
    const before = REFERENCES.get(d.refs);
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
      const to = local as ReturnType<typeof localRef>;
      if (known(to, parsed)) {
        add(true, () => ({ from, path: site.path, raw: site.value, to }));
        continue;
      }
      add(false, () => ({ from, path: site.path, raw: site.value, to: undefined }));
      const kind = parsed.kind;
      const guess = closest(parsed.id, idsOf(kind));
      const elsewhere = (['system', 'dataset', 'integration', 'kpi', 'task', 'org', 'service', 'function'] as const).find(
        (k) => k !== kind && entities.has(refOf(k, parsed.id)),
      );
      const guessText = guess ? text(` — ý bạn là "${guess}"?`, ` — did you mean "${guess}"?`) : text('.', '.');
      const fix = guess
        ? text(`Sửa thành "${kind}:${guess}".`, `Change it to "${kind}:${guess}".`)
        : elsewhere
          ? text(`Đã có "${elsewhere}:${parsed.id}"; kiểm tra loại tham chiếu.`, `"${elsewhere}:${parsed.id}" exists; check the reference kind.`)
          : kind === 'national' || kind === 'target'
            ? text(`Xem danh mục ${kind === 'national' ? 'hệ thống quốc gia' : 'chỉ tiêu quốc gia'} trong bộ khung ${pack.id} (kientruc schema --list ${kind}).`, `See the ${kind} list of framework pack ${pack.id}.`)
            : text(`Khai báo ${kind} "${parsed.id}", hoặc sửa tham chiếu.`, `Declare ${kind} "${parsed.id}", or fix the reference.`);
      diagnostics.push({
        code: 'model.unresolved-ref',
        severity: 'error',
        message: text(`${kind} "${parsed.id}" không tồn tại${guessText.vi}`, `${kind} "${parsed.id}" does not exist${guessText.en}`),
        file: d.doc.file,
        range: at(d, [...site.path]),
        entity: from,
        path: site.path,
        fix,
      });
    }
    for (const r of made) references.push(r);
    if (!same) REFERENCES.set(d.refs, { from, ownCode, refs: made, resolved });
  }

  const model = new Model({ root: input.root, pack, sources, entities, invalid, references, files: input.files });
  diagnostics.push(...checkConsistency(model));
  return { value: model, diagnostics };
}

/**
 * Entities made from documents, by the document's parsed value: a long-running process (the language
 * server) re-builds the model after every edit from documents that are, for the files that did not
 * change, the same objects (the parse cache keeps them), so their entities are the same objects too,
 * and what is memoised per entity (the states of the model) is not made again.
 */
const ENTITIES = new WeakMap<object, Entity>();

function entityOf(d: CheckedDoc, ref: string): Entity {
  const value = d.value as unknown;
  const known = typeof value === 'object' && value !== null ? ENTITIES.get(value) : undefined;
  if (known && known.ref === ref && known.entityKind === d.kind && known.origin.file === d.doc.file && known.origin.docIndex === d.doc.index) return known;
  const entity = { ...d.value, ref, entityKind: d.kind, origin: { file: d.doc.file, docIndex: d.doc.index } } as unknown as Entity;
  if (typeof value === 'object' && value !== null) ENTITIES.set(value, entity);
  return entity;
}

/** A reference site with its ref parsed once (`to`: the local ref, for a ref of this agency). */
interface ParsedSite {
  readonly site: CheckedDoc['refs'][number];
  readonly parsed: ReturnType<typeof parseRef>;
  readonly to: ReturnType<typeof localRef> | undefined;
}

/** Parsed sites by the document's list of sites (the same object while its file is unchanged). */
const SITES = new WeakMap<CheckedDoc['refs'], readonly ParsedSite[]>();

function sitesOf(refs: CheckedDoc['refs']): readonly ParsedSite[] {
  let out = SITES.get(refs);
  if (!out) {
    out = refs.map((site) => {
      const parsed = parseRef(site.value);
      return { site, parsed, to: parsed ? localRef(parsed) : undefined };
    });
    SITES.set(refs, out);
  }
  return out;
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

/** Model-level checks that need the whole model: component vs layer, agency code, cycles, self-links. */
function checkConsistency(model: Model): Diagnostic[] {
  const out: Diagnostic[] = [];
  const pack = model.pack;
  const report = (ref: Ref, path: DocPath, code: string, severity: Diagnostic['severity'], message: Diagnostic['message'], fix: Diagnostic['fix']) => {
    const loc = model.locate(ref, path);
    out.push({ code, severity, message, file: loc.file, range: loc.range, entity: ref, path, ...(fix ? { fix } : {}) });
  };
  // The first component of each id, as `find` would give it, looked up once per system and role.
  const components = new Map<string, (typeof pack.components)[number]>();
  for (const c of pack.components) if (!components.has(c.id)) components.set(c.id, c);
  for (const s of model.all('system')) {
    (s.roles ?? []).forEach((r, i) => {
      const comp = r.component === undefined ? undefined : components.get(r.component);
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
    const comp = s.component === undefined ? undefined : components.get(s.component);
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
  }
  const agency = model.agency;
  checkDeclarations(model, report);
  checkTimeline(model, (ref, path, code, severity, message, fix) => report(ref, path, code, severity, message, fix));
  if (agency?.code !== undefined && !isUnknown(agency.code) && !new RegExp(pack.agencyCode.pattern).test(agency.code)) {
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
  for (const it of model.all('integration')) {
    if (it.from === it.to) {
      report(
        it.ref,
        ['to'],
        'model.self-integration',
        'warning',
        text(`${entityLabel('integration', it.id).vi} kết nối "${it.from}" với chính nó.`, `${entityLabel('integration', it.id).en} connects "${it.from}" to itself.`),
        text('Sửa "from" hoặc "to".', 'Fix "from" or "to".'),
      );
    }
  }
  return out;
}

type Report = (ref: Ref, path: DocPath, code: string, severity: Diagnostic['severity'], message: Diagnostic['message'], fix: Diagnostic['fix']) => void;

/**
 * What the schema cannot say alone: a task names its lead(s) once; units, plan themes and document ids
 * are declared (pack catalogue or agency.yaml); national entities the agency declares are warned about
 * until the pack knows them.
 */
function checkDeclarations(model: Model, report: Report): void {
  const pack = model.pack;
  const agency = model.agency;
  for (const t of model.all('task')) {
    const both = t.lead !== undefined && t.leads !== undefined;
    if (!both && (t.lead !== undefined || (t.leads?.length ?? 0) > 0)) continue;
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
  const units = [...(pack.enums['kpiUnit']?.values ?? []).map((v) => String(v.value)), ...(agency?.units ?? []).map((u) => u.id)];
  for (const k of model.all('kpi')) {
    if (units.includes(k.unit)) continue;
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
  const themes = (agency?.plan?.themes ?? []).map((t) => t.id);
  for (const t of model.all('task')) {
    if (t.theme === undefined || themes.includes(t.theme)) continue;
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
  const docs = [...pack.legal.map((l) => l.id), ...(agency?.documents ?? []).map((d) => d.id)];
  for (const s of model.all('system')) {
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
