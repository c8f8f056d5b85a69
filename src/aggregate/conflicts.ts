import type { Diagnostic } from '../core/diagnostic.js';
import { KIND_LABEL } from '../core/labels.js';
import { parseRef } from '../core/ref.js';
import type { DocPath } from '../core/source.js';
import { text, type Text } from '../core/text.js';
import { enumLabel } from '../framework/types.js';
import type { Model } from '../model/model.js';
import type { Dataset, System } from '../model/types.js';
import type { MergedAgency } from './merge.js';
import type { CrossAgencyLink, LinkEnd } from './types.js';

/** Systems no longer in service do not compete with anything. */
const GONE = new Set(['retired']);
/** A system replaced by another agency's system should be on its way out. */
const WINDING_DOWN = new Set(['retiring', 'retired']);

/** Names compared case-, space- and Unicode-form-insensitively: "QLVB " = "qlvb". */
export function normaliseName(name: string): string {
  return name.normalize('NFC').toLocaleLowerCase('vi').replace(/\s+/g, ' ').trim();
}

function where(model: Model, ref: string, path: DocPath = []): string {
  const loc = model.locate(ref, path);
  return `${loc.file}:${loc.range.start.line}`;
}

function title(model: Model, ref: string): Text {
  const kind = parseRef(ref)?.kind ?? 'system';
  const name = model.shortNameOf(ref);
  return text(`${KIND_LABEL[kind].vi} "${name}"`, `${KIND_LABEL[kind].en} "${name}"`);
}

/**
 * Conflicts between agencies, found on the merged model:
 * - `aggregate.national-db-owned-twice`: datasets of two agencies both declare themselves the body
 *   managing the same national database (`nationalRole: custodian`), or two agencies of one
 *   jurisdiction (one is the other's parent, e.g. a commune and its province) both feed it, so the same
 *   territory's data would arrive twice. Agencies of different territories each feeding their share
 *   (every province feeds the national land database) is how national databases work: no conflict;
 * - `aggregate.system-claimed-twice`: two agencies describe one system — same name or same short name
 *   (retired systems excepted, and pairs linked by `replacedBy` excepted), or a system another agency's
 *   system replaced (`replacedBy: system:x@code`) that is still in service.
 */
/** Namespace of the agency above `ns` (its `parent.code`), when that agency is in the aggregation. */
function parentOf(agencies: readonly MergedAgency[], ns: string | undefined): string | undefined {
  const a = agencies.find((x) => x.ns.namespace === ns)?.input.model.agency;
  const code = a?.parent?.code;
  return code !== undefined && agencies.some((x) => x.ns.namespace === code) ? code : undefined;
}

/** True when one agency sits (directly or not) under the other: their data covers the same territory. */
function sameJurisdiction(agencies: readonly MergedAgency[], a: string | undefined, b: string | undefined): boolean {
  const chain = (ns: string | undefined): string[] => {
    const out: string[] = [];
    for (let cur = ns; cur !== undefined && !out.includes(cur); cur = parentOf(agencies, cur)) out.push(cur);
    return out;
  };
  return (b !== undefined && chain(a).includes(b)) || (a !== undefined && chain(b).includes(a));
}

export function findConflicts(
  model: Model,
  agencies: readonly MergedAgency[],
  owner: (ref: string) => string | undefined,
): Diagnostic[] {
  const out: Diagnostic[] = [];
  const order = new Map(agencies.map((a, i) => [a.ns.namespace, i] as const));
  const rank = (ref: string) => order.get(owner(ref) ?? '') ?? 1e9;
  const agencyName = (ref: string) => agencies.find((a) => a.ns.namespace === owner(ref))?.input.model.agency?.name ?? owner(ref) ?? '';
  const report = (ref: string, path: DocPath, code: string, severity: Diagnostic['severity'], message: Text, fix: Text) => {
    const loc = model.locate(ref, path);
    out.push({ code, severity, message, file: loc.file, range: loc.range, entity: ref, path, fix });
  };

  // The same national database with a source in two agencies.
  const byNational = new Map<string, Dataset[]>();
  for (const d of model.all('dataset')) {
    if (d.nationalDatabase === undefined || d.nationalRole === 'replica') continue;
    const list = byNational.get(d.nationalDatabase) ?? [];
    list.push(d);
    byNational.set(d.nationalDatabase, list);
  }
  for (const [national, list] of byNational) {
    const sorted = [...list].sort((a, b) => rank(a.ref) - rank(b.ref) || (a.ref < b.ref ? -1 : 1));
    const first = sorted[0] as Dataset;
    const nationalName = model.nameOf(national);
    for (const d of sorted) {
      if (owner(d.ref) === owner(first.ref)) continue;
      const custodians = d.nationalRole === 'custodian' && first.nationalRole === 'custodian';
      if (!custodians && !sameJurisdiction(agencies, owner(d.ref), owner(first.ref))) continue;
      const t = title(model, d.ref);
      const f = title(model, first.ref);
      report(
        d.ref,
        ['nationalDatabase'],
        'aggregate.national-db-owned-twice',
        'error',
        text(
          custodians
            ? `${t.vi} của ${agencyName(d.ref)} nhận là cơ quan chủ quản ${nationalName} (nationalRole: custodian), trùng với ${f.vi} của ${agencyName(first.ref)} (${where(model, first.ref, ['nationalDatabase'])}).`
            : `${t.vi} của ${agencyName(d.ref)} nhận là nguồn của ${nationalName}, trùng với ${f.vi} của ${agencyName(first.ref)} cùng địa bàn (${where(model, first.ref, ['nationalDatabase'])}).`,
          custodians
            ? `${t.en} of ${agencyName(d.ref)} claims to manage ${nationalName} (nationalRole: custodian), as does ${f.en} of ${agencyName(first.ref)} (${where(model, first.ref, ['nationalDatabase'])}).`
            : `${t.en} of ${agencyName(d.ref)} claims to be the source of ${nationalName}, as does ${f.en} of ${agencyName(first.ref)} for the same territory (${where(model, first.ref, ['nationalDatabase'])}).`,
        ),
        text(
          custodians
            ? `Chỉ một cơ quan quản lý ${nationalName}; ở cơ quan còn lại khai báo "nationalRole: contributor" (tạo lập, cập nhật phần dữ liệu của mình) hoặc "replica".`
            : `Thống nhất một cơ quan cập nhật ${nationalName} cho địa bàn; ở cơ quan còn lại khai báo "nationalRole: replica" hoặc chuyển dữ liệu qua ${f.vi}.`,
          custodians
            ? `Only one body manages ${nationalName}; elsewhere declare "nationalRole: contributor" (feeds its own share) or "replica".`
            : `Agree on one agency feeding ${nationalName} for the territory; elsewhere declare "nationalRole: replica" or send the data through ${f.en}.`,
        ),
      );
    }
  }

  // One system described by two agencies.
  const systems = model.all('system').filter((s) => !GONE.has(s.status));
  const linked = (a: System, b: System) => a.replacedBy === b.ref || b.replacedBy === a.ref;
  const reported = new Set<string>();
  for (const [field, key] of [
    ['name', (s: System) => normaliseName(s.name)],
    ['shortName', (s: System) => (s.shortName ? normaliseName(s.shortName) : undefined)],
  ] as const) {
    const groups = new Map<string, System[]>();
    for (const s of systems) {
      const k = key(s);
      if (k === undefined) continue;
      groups.set(k, [...(groups.get(k) ?? []), s]);
    }
    for (const list of groups.values()) {
      const sorted = [...list].sort((a, b) => rank(a.ref) - rank(b.ref) || (a.ref < b.ref ? -1 : 1));
      const first = sorted[0] as System;
      for (const s of sorted) {
        if (owner(s.ref) === owner(first.ref) || linked(s, first) || reported.has(s.ref)) continue;
        reported.add(s.ref);
        const label = field === 'name' ? text('cùng tên', 'the same name') : text(`cùng tên viết tắt "${s.shortName}"`, `the same short name "${s.shortName}"`);
        report(
          s.ref,
          [field],
          'aggregate.system-claimed-twice',
          'warning',
          text(
            `${agencyName(s.ref)} và ${agencyName(first.ref)} cùng khai báo một hệ thống: "${s.name}" có ${label.vi} với "${first.name}" (${where(model, first.ref, [field])}).`,
            `${agencyName(s.ref)} and ${agencyName(first.ref)} both declare one system: "${s.name}" has ${label.en} as "${first.name}" (${where(model, first.ref, [field])}).`,
          ),
          text(
            `Nếu là hệ thống dùng chung của ${agencyName(first.ref)}: xóa khai báo này và tham chiếu "${first.ref}". Nếu là hai hệ thống khác nhau: đặt tên phân biệt.`,
            `If it is ${agencyName(first.ref)}'s shared system: delete this one and reference "${first.ref}". If they differ: give them distinct names.`,
          ),
        );
      }
    }
  }
  for (const s of systems) {
    if (s.replacedBy === undefined || WINDING_DOWN.has(s.status)) continue;
    const by = model.get<'system'>(s.replacedBy);
    if (!by || owner(by.ref) === owner(s.ref) || reported.has(s.ref)) continue;
    report(
      s.ref,
      ['status'],
      'aggregate.system-claimed-twice',
      'warning',
      text(
        `${title(model, s.ref).vi} của ${agencyName(s.ref)} đã được thay bằng ${title(model, by.ref).vi} của ${agencyName(by.ref)} (${where(model, by.ref)}) nhưng vẫn ở trạng thái "${enumLabel(model.pack, 'lifecycle', s.status, 'vi')}": hai cơ quan cùng vận hành một chức năng.`,
        `${title(model, s.ref).en} of ${agencyName(s.ref)} was replaced by ${title(model, by.ref).en} of ${agencyName(by.ref)} (${where(model, by.ref)}) but is still "${enumLabel(model.pack, 'lifecycle', s.status, 'en')}": two agencies run one function.`,
      ),
      text('Chuyển trạng thái sang "retiring" với "retireBy", hoặc bỏ "replacedBy" nếu chưa thay thế.', 'Set the status to "retiring" with "retireBy", or drop "replacedBy" if it was not replaced.'),
    );
  }
  return out;
}

/** The agency an endpoint belongs to: its own, or the agency an Organization stands for. */
function endAgency(ref: string, owner: (ref: string) => string | undefined, aliases: ReadonlyMap<string, string>): string | undefined {
  const alias = aliases.get(ref);
  return owner(alias ?? ref);
}

/**
 * Every integration between two agencies: both ends in the aggregation, or one end written `kind:id@code`
 * that resolves nowhere (`missing` when the code is an aggregated agency's, `unchecked` when it is not).
 */
export function crossAgencyLinks(
  model: Model,
  owner: (ref: string) => string | undefined,
  aliases: ReadonlyMap<string, string>,
  codes: ReadonlySet<string>,
): CrossAgencyLink[] {
  const out: CrossAgencyLink[] = [];
  for (const it of model.all('integration')) {
    const ends = [it.from, it.to].map((ref) => {
      const agency = endAgency(ref, owner, aliases);
      if (agency !== undefined) return { agency, end: 'resolved' as LinkEnd };
      // A ref kept as written: only one that names an agency code is another agency's end.
      const code = parseRef(ref)?.agency;
      return code === undefined ? undefined : { agency: code, end: (codes.has(code) ? 'missing' : 'unchecked') as LinkEnd };
    });
    const [from, to] = ends;
    if (from === undefined || to === undefined || from.agency === to.agency) continue;
    out.push({
      integration: it.ref,
      name: it.name,
      from: aliases.get(it.from) ?? it.from,
      to: aliases.get(it.to) ?? it.to,
      fromAgency: from.agency,
      toAgency: to.agency,
      channel: it.channel,
      status: it.status,
      end: from.end === 'missing' || to.end === 'missing' ? 'missing' : from.end === 'unchecked' || to.end === 'unchecked' ? 'unchecked' : 'resolved',
    });
  }
  return out;
}
