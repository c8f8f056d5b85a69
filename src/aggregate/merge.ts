import { known } from '../core/unknown.js';
import { unaddressedGaps } from '../analysis/gaps.js';
import { countBySeverity, sortDiagnostics, type Diagnostic } from '../core/diagnostic.js';
import { ENTITY_KINDS, parseRef, refOf, type EntityKind, type Ref } from '../core/ref.js';
import { closestId } from '../core/similar.js';
import { text, type Text } from '../core/text.js';
import type { LoadedFile } from '../load/load-architecture.js';
import { SourceIndex } from '../load/locate.js';
import { InternalError } from '../core/errors.js';
import { Model } from '../model/model.js';
import { certifyModel } from '../model/valid.js';
import type { Entity, Reference } from '../model/types.js';
import { crossAgencyLinks, findConflicts } from './conflicts.js';
import { cloneData, namespacer, setAt, type Namespacer } from './namespace.js';
import { rollUpKpis } from './rollup.js';
import type { AgencyEntry, AgencyInput, AggregateOptions, AggregateResult } from './types.js';

/** Higher in the hierarchy first: the default body an aggregation speaks for. */
const LEVEL_RANK: Readonly<Record<string, number>> = {
  central: 0,
  ministry: 1,
  province: 2,
  deconcentrated: 3,
  department: 4,
  commune: 5,
  unit: 6,
};

/** One merged agency: its input, namespace and the namespacer for its refs. */
export interface MergedAgency {
  readonly input: AgencyInput;
  readonly ns: Namespacer;
  readonly ref: string;
}

function emptyCounts(): Record<EntityKind, number> {
  return { agency: 0, org: 0, system: 0, dataset: 0, integration: 0, kpi: 0, task: 0, service: 0, function: 0 };
}

function agencyLocation(input: AgencyInput, path: readonly (string | number)[]) {
  const a = input.model.agency;
  return a ? input.model.locate(a.ref, path) : { file: input.model.root, range: { start: { line: 1, col: 1 }, end: { line: 1, col: 1 } } };
}

/**
 * What to do about a missing code: add the line, or replace the "chưa xác định" that is there; the
 * pack's example code only when no agency of this run has it (an example that is another agency's code
 * reads as the code to use).
 */
function missingCodeFix(input: AgencyInput, inputs: readonly AgencyInput[]): Text {
  const agency = input.model.agency;
  const example = input.model.pack.agencyCode.example;
  const taken = inputs.some((i) => i.model.agency?.code === example);
  const eg = taken ? text('', '') : text(`, ví dụ dạng ${example}`, `, shaped like ${example}`);
  return agency?.code === undefined
    ? text(`Thêm "code: <mã định danh>" vào agency.yaml: mã do cơ quan có thẩm quyền cấp theo QCVN 102${eg.vi}.`, `Add "code: <agency code>" to agency.yaml: the code assigned under QCVN 102${eg.en}.`)
    : text(
        `Thay "${agency.code}" ở "code:" trong agency.yaml bằng mã định danh do cơ quan có thẩm quyền cấp theo QCVN 102${eg.vi}.`,
        `Replace "${agency.code}" in "code:" of agency.yaml with the code assigned under QCVN 102${eg.en}.`,
      );
}

/** Picks the namespace of each folder and reports missing and duplicate agency codes. */
function assignNamespaces(inputs: readonly AgencyInput[]): { merged: MergedAgency[]; skipped: AgencyInput[]; conflicts: Diagnostic[] } {
  const merged: MergedAgency[] = [];
  const skipped: AgencyInput[] = [];
  const conflicts: Diagnostic[] = [];
  const taken = new Map<string, AgencyInput>();
  for (const input of inputs) {
    const agency = input.model.agency;
    if (!agency) {
      skipped.push(input);
      continue;
    }
    // "code: chưa xác định" (what kientruc init writes without --code) is a missing code here.
    let namespace = known(agency.code);
    if (namespace === undefined) {
      namespace = agency.id;
      const loc = agencyLocation(input, ['code']);
      conflicts.push({
        code: 'aggregate.missing-code',
        severity: 'error',
        message: text(
          `${agency.name} ${agency.code === undefined ? 'chưa khai báo' : 'ghi "chưa xác định" cho'} mã định danh cơ quan (QCVN 102); các thực thể được gộp với tiền tố tạm "@${agency.id}" và cơ quan khác không thể tham chiếu tới.`,
          `${agency.name} ${agency.code === undefined ? 'has no' : 'records as not yet known its'} agency code (QCVN 102); its entities are merged under the temporary "@${agency.id}" and no other agency can reference them.`,
        ),
        file: loc.file,
        range: loc.range,
        entity: `${agency.ref}@${namespace}`,
        path: ['code'],
        fix: missingCodeFix(input, inputs),
      });
    }
    const first = taken.get(namespace);
    if (first) {
      const loc = agencyLocation(input, ['code']);
      const firstLoc = agencyLocation(first, ['code']);
      conflicts.push({
        code: 'aggregate.duplicate-code',
        severity: 'error',
        message: text(
          `Mã định danh "${namespace}" của ${agency.name} trùng với ${first.model.agency?.name} (${firstLoc.file}:${firstLoc.range.start.line}); thư mục ${input.dir} không được gộp.`,
          `Agency code "${namespace}" of ${agency.name} duplicates ${first.model.agency?.name} (${firstLoc.file}:${firstLoc.range.start.line}); folder ${input.dir} is not merged.`,
        ),
        file: loc.file,
        range: loc.range,
        entity: `${agency.ref}@${namespace}`,
        path: ['code'],
        fix: text('Sửa mã định danh cho đúng, hoặc bỏ thư mục trùng khỏi lệnh.', 'Correct the code, or leave the duplicate folder out.'),
      });
      skipped.push(input);
      continue;
    }
    taken.set(namespace, input);
    merged.push({ input, ns: namespacer(input.model, namespace), ref: `${agency.ref}@${namespace}` });
  }
  return { merged, skipped, conflicts };
}

function choosePrimary(merged: readonly MergedAgency[], code: string | undefined): MergedAgency | undefined {
  if (code !== undefined) return merged.find((m) => m.ns.namespace === code || m.ns.code === code);
  let best: MergedAgency | undefined;
  for (const m of merged) {
    const rank = LEVEL_RANK[m.input.model.agency?.level ?? ''] ?? 9;
    const bestRank = best ? (LEVEL_RANK[best.input.model.agency?.level ?? ''] ?? 9) : 99;
    if (rank < bestRank) best = m;
  }
  return best;
}

/** The ids of one kind an agency declares, for "did you mean". */
function idsOf(model: Model, kind: EntityKind): string[] {
  return model.all(kind).map((e) => e.id);
}

/**
 * Merges agency folders into one province or ministry view: every entity namespaced by its agency code,
 * `…@code` refs resolved across agencies, conflicts reported with file and line, KPIs rolled up.
 */
export function mergeAgencies(inputs: readonly AgencyInput[], opts: AggregateOptions): AggregateResult {
  const { merged: unordered, skipped, conflicts } = assignNamespaces(inputs);
  const primary = choosePrimary(unordered, opts.primary);
  // The primary agency first, then the order the folders were given.
  const merged = primary ? [primary, ...unordered.filter((m) => m !== primary)] : unordered;
  const byCode = new Map<string, MergedAgency>();
  for (const m of merged) if (m.ns.code !== undefined) byCode.set(m.ns.code, m);

  const entities = new Map<string, Entity>();
  const sources = new SourceIndex();
  const files: LoadedFile[] = [];
  const agencyOf = new Map<string, MergedAgency>();
  for (const m of merged) {
    for (const f of m.input.files) {
      const t = m.input.sources.text(f.file);
      if (t !== undefined && !sources.has(f.file)) sources.addFile(f.file, t);
      files.push(f);
    }
    for (const kind of ENTITY_KINDS) {
      for (const e of m.input.model.all(kind)) {
        const ref = m.ns.qualify(e.ref);
        const copy = cloneData(e) as unknown as Record<string, unknown>;
        for (const r of m.input.model.referencesFrom(e.ref)) setAt(copy, r.path, m.ns.qualify(r.raw));
        copy['ref'] = ref;
        entities.set(ref, copy as unknown as Entity);
        agencyOf.set(ref, m);
      }
    }
  }

  const references: Reference[] = [];
  for (const m of merged) {
    const model = m.input.model;
    for (const r of model.references) {
      if (!agencyOf.has(m.ns.qualify(r.from))) continue;
      const from = m.ns.qualify(r.from) as Ref;
      const raw = m.ns.qualify(r.raw);
      if (r.external === undefined) {
        references.push({ from, path: r.path, raw, to: r.to === undefined ? undefined : (m.ns.qualify(r.to) as Ref) });
        continue;
      }
      const target = byCode.get(r.external);
      const parsed = parseRef(r.raw);
      const resolved = target && parsed ? `${refOf(parsed.kind, parsed.id)}@${target.ns.namespace}` : undefined;
      if (resolved !== undefined && entities.has(resolved)) {
        references.push({ from, path: r.path, raw, to: resolved as Ref });
        continue;
      }
      references.push({ from, path: r.path, raw, to: undefined, external: r.external });
      const loc = model.locate(r.from, r.path);
      const isEnd = r.from.startsWith('integration:') && (r.path[0] === 'from' || r.path[0] === 'to');
      if (target && parsed) {
        const guess = parsed.kind === 'national' || parsed.kind === 'target' ? undefined : closestId(parsed.id, idsOf(target.input.model, parsed.kind as EntityKind));
        const who = target.input.model.agency?.name ?? r.external;
        conflicts.push({
          code: 'aggregate.unresolved-ref',
          severity: 'error',
          message: text(
            `${isEnd ? 'Đầu kia của kết nối' : 'Tham chiếu'} "${r.raw}" không tồn tại: ${who} không khai báo ${parsed.kind} "${parsed.id}"${guess ? ` — ý bạn là "${parsed.kind}:${guess}@${r.external}"?` : '.'}`,
            `${isEnd ? 'The other end of the integration' : 'Reference'} "${r.raw}" does not exist: ${who} declares no ${parsed.kind} "${parsed.id}"${guess ? ` — did you mean "${parsed.kind}:${guess}@${r.external}"?` : '.'}`,
          ),
          file: loc.file,
          range: loc.range,
          entity: from,
          path: r.path,
          fix: guess
            ? text(`Sửa thành "${parsed.kind}:${guess}@${r.external}".`, `Change it to "${parsed.kind}:${guess}@${r.external}".`)
            : text(`Khai báo ${parsed.kind} "${parsed.id}" trong thư mục của ${who}, hoặc sửa tham chiếu.`, `Declare ${parsed.kind} "${parsed.id}" in ${who}'s folder, or fix the reference.`),
        });
      } else {
        conflicts.push({
          code: 'aggregate.unknown-agency',
          severity: 'warning',
          message: text(
            `"${r.raw}" trỏ tới cơ quan mã ${r.external}, không có trong lần tổng hợp này; không kiểm tra được đầu kia.`,
            `"${r.raw}" points to agency ${r.external}, which is not part of this aggregation; the other end cannot be checked.`,
          ),
          file: loc.file,
          range: loc.range,
          entity: from,
          path: r.path,
          fix: text(`Thêm thư mục kiến trúc của cơ quan ${r.external} vào lệnh kientruc aggregate.`, `Add agency ${r.external}'s architecture folder to kientruc aggregate.`),
        });
      }
    }
  }

  // An Organization one agency declares with the code of another aggregated agency is that agency.
  const aliases = new Map<string, string>();
  for (const m of merged) {
    for (const o of m.input.model.all('org')) {
      const other = o.code === undefined ? undefined : byCode.get(o.code);
      if (other && other !== m) aliases.set(m.ns.qualify(o.ref), other.ref);
    }
  }

  const packs = new Set(merged.map((m) => m.input.model.pack.id));
  const pack = (primary ?? merged[0])?.input.model.pack ?? inputs[0]?.model.pack;
  if (!pack) throw new Error('mergeAgencies needs at least one folder');
  if (packs.size > 1) {
    for (const m of merged.filter((x) => x.input.model.pack.id !== pack.id)) {
      const loc = agencyLocation(m.input, ['framework']);
      conflicts.push({
        code: 'aggregate.framework-mismatch',
        severity: 'error',
        message: text(
          `${m.input.model.agency?.name} dùng bộ khung ${m.input.model.pack.id}, khác với ${pack.id} của cơ quan tổng hợp.`,
          `${m.input.model.agency?.name} uses framework pack ${m.input.model.pack.id}, not ${pack.id} like the aggregating agency.`,
        ),
        file: loc.file,
        range: loc.range,
        entity: m.ref,
        path: ['framework'],
        fix: text(`Chuyển sang "framework: ${pack.id}".`, `Switch to "framework: ${pack.id}".`),
      });
    }
  }

  const built = new Model({
    root: primary?.input.model.root ?? '.',
    pack,
    sources,
    entities,
    invalid: new Set(),
    references,
    files,
    ...(primary ? { primaryAgency: primary.ref } : {}),
  });
  // Only `all()` entities were copied, so every one passed its schema in its own folder.
  const model = certifyModel(built, []);
  if (!model) throw new InternalError('aggregate: the merged model holds an entity that failed its schema');
  const asOf = opts.asOf ?? model.agency?.asOf ?? opts.today;
  const owner = (ref: string) => agencyOf.get(ref)?.ns.namespace;
  conflicts.push(...findConflicts(model, merged, owner));

  const ownFindings: Diagnostic[] = [];
  for (const m of merged) {
    for (const d of m.input.diagnostics) ownFindings.push(d.entity === undefined ? d : { ...d, entity: m.ns.qualify(d.entity) });
  }
  for (const s of skipped) ownFindings.push(...s.diagnostics);

  const agencies: AgencyEntry[] = [
    ...merged.map((m): AgencyEntry => {
      const a = m.input.model.agency as NonNullable<Model['agency']>;
      const counts = emptyCounts();
      for (const k of ENTITY_KINDS) counts[k] = m.input.model.all(k).length;
      return {
        namespace: m.ns.namespace,
        code: known(a.code),
        ref: m.ref,
        name: a.name,
        level: a.level,
        dir: m.input.dir,
        primary: m === primary,
        merged: true,
        entities: counts,
        findings: countBySeverity(m.input.diagnostics),
        unaddressed: unaddressedGaps(m.input.model, m.input.diagnostics).length,
        structuralErrors: m.input.structuralErrors,
      };
    }),
    ...skipped.map((s): AgencyEntry => {
      const a = s.model.agency;
      const counts = emptyCounts();
      for (const k of ENTITY_KINDS) counts[k] = s.model.all(k).length;
      return {
        namespace: known(a?.code) ?? a?.id ?? '',
        code: known(a?.code),
        ref: a?.ref ?? '',
        name: a?.name ?? s.dir,
        level: a?.level ?? '',
        dir: s.dir,
        primary: false,
        merged: false,
        entities: counts,
        findings: countBySeverity(s.diagnostics),
        unaddressed: unaddressedGaps(s.model, s.diagnostics).length,
        structuralErrors: s.structuralErrors,
      };
    }),
  ];

  return {
    model,
    agencies,
    conflicts: sortDiagnostics(conflicts),
    diagnostics: sortDiagnostics([...ownFindings, ...conflicts]),
    aliases,
    rollups: rollUpKpis(model, merged, asOf, opts.weights ?? 'denominator'),
    // Only a code can be written after "@": an agency merged under its id is nobody's other end.
    links: crossAgencyLinks(model, owner, aliases, new Set(byCode.keys())),
    asOf,
  };
}
