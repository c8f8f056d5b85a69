import { viShortDate } from '../core/dates.js';
import { ENTITY_KINDS, type EntityKind } from '../core/ref.js';
import { KIND_LABEL } from '../core/labels.js';
import { stableStringify } from '../core/stable-json.js';
import { countEn, pick, type Lang } from '../core/text.js';
import { mdCell, mdCode, mdTable, mdText, viNumber } from '../render/markdown.js';
import { KPI_STATUS_LABEL } from '../analysis/kpis.js';
import type { DiffReport, EntityChange, FindingChange, KpiMovement, KpiPoint, RoadmapStep, SideSummary, WaiverChange, Where } from './types.js';

/** Marker the CI workflow looks for to update its own pull-request comment instead of adding one. */
export const COMMENT_MARKER = '<!-- kientruc-diff -->';
const MAX_FIELDS_PER_ENTITY = 25;

export function formatDiffJson(report: DiffReport): string {
  return stableStringify(report);
}

/** The gap report's status names, "(quá hạn)" added when the deadline passed. */
function status(p: KpiPoint, lang: Lang): string {
  const label = pick(KPI_STATUS_LABEL[p.status], lang);
  return p.overdue ? `${label} (${lang === 'vi' ? 'quá hạn' : 'overdue'})` : label;
}

const code = mdCode;

function at(w: Where): string {
  return code(`${w.file}:${w.line}`);
}

function sideLabel(s: SideSummary, lang: Lang): string {
  const base = s.label === '' ? (lang === 'vi' ? 'thư mục làm việc' : 'working tree') : s.label;
  return s.commit ? `${code(base)} (${s.commit})` : code(base);
}

function num(n: number | undefined, lang: Lang): string {
  if (n === undefined) return '—';
  return lang === 'vi' ? viNumber(n, 2) : String(n);
}

function signed(n: number, lang: Lang): string {
  return `${n > 0 ? '+' : n < 0 ? '−' : '±'}${num(Math.abs(n), lang)}`;
}

function date(d: string | undefined, lang: Lang): string {
  if (!d) return '';
  return lang === 'vi' ? viShortDate(d) : d;
}

function point(p: KpiPoint | undefined, unit: string, lang: Lang): string {
  if (!p) return '—';
  if (p.value === undefined) return mdCell(status(p, lang));
  const u = unit === 'percent' ? '%' : '';
  return mdCell(`${num(p.value, lang)}${u} (${date(p.date, lang)})`);
}

function kindTitle(kind: EntityKind, lang: Lang): string {
  return pick(KIND_LABEL[kind], lang);
}

/** The one-line summary a reviewer reads first. */
export function summaryLine(r: DiffReport, lang: Lang): string {
  const vi = lang === 'vi';
  const e = r.entities;
  const parts = [
    r.breaking.length
      ? `**${vi ? `${r.breaking.length} thay đổi phá vỡ` : countEn(r.breaking.length, 'breaking change')}**`
      : vi
        ? 'không có thay đổi phá vỡ'
        : 'no breaking change',
    (vi
      ? `thực thể: +${e.added.length} thêm, −${e.removed.length} xóa, ${e.changed.length} sửa`
      : `entities: +${e.added.length} added, −${e.removed.length} removed, ${e.changed.length} changed`) +
      (e.renamed.length ? (vi ? `, ${e.renamed.length} đổi mã` : `, ${e.renamed.length} renamed`) : ''),
    vi ? `${r.kpis.length} chỉ tiêu biến động` : countEn(r.kpis.length, 'KPI movement'),
    (vi
      ? `phát hiện: +${r.findings.introduced.length} mới, −${r.findings.resolved.length} đã khắc phục`
      : `findings: +${r.findings.introduced.length} new, −${r.findings.resolved.length} resolved`) +
      (r.findings.waived.length ? (vi ? `, ${r.findings.waived.length} mới miễn trừ` : `, ${r.findings.waived.length} newly waived`) : '') +
      (r.findings.unwaived.length ? (vi ? `, ${r.findings.unwaived.length} hết miễn trừ` : `, ${r.findings.unwaived.length} no longer waived`) : ''),
  ];
  if (r.roadmap) {
    const open = r.roadmap.filter((s) => s.kind === 'change' && s.task === undefined).length;
    parts.push(vi ? `lộ trình: ${r.roadmap.length} bước, ${open} chưa có nhiệm vụ` : `roadmap: ${countEn(r.roadmap.length, 'step')}, ${open} without a task`);
  }
  return parts.join(' · ');
}

function entityHeading(c: EntityChange, lang: Lang): string {
  const ref = c.from === undefined ? code(c.ref) : `${code(c.from)} → ${code(c.ref)}`;
  return `**${mdText(kindTitle(c.kind, lang))} ${ref}** — ${mdText(c.name)} · ${at(c.where)}`;
}

/** Renamed entities: old → new id, name, where; then the fields that changed with the id, if any. */
function renamedBlock(list: readonly EntityChange[], lang: Lang, compact: boolean): string {
  const vi = lang === 'vi';
  const table = mdTable(
    [vi ? 'Mã cũ → mã mới' : 'Old → new id', vi ? 'Tên' : 'Name', vi ? 'Vị trí' : 'Location'],
    list.map((c) => [`${code(c.from ?? '')} → ${code(c.ref)}`, mdCell(c.name), at(c.where)]),
  );
  const edited = compact ? [] : list.filter((c) => c.fields.length);
  return [table, ...edited.flatMap((c) => ['', changedBlock(c, lang)])].join('\n');
}

function entityTable(list: readonly EntityChange[], lang: Lang): string {
  const vi = lang === 'vi';
  return mdTable(
    [vi ? 'Mã' : 'Ref', vi ? 'Tên' : 'Name', vi ? 'Vị trí' : 'Location'],
    list.map((c) => [code(c.ref), mdCell(c.name), at(c.where)]),
  );
}

function changedBlock(c: EntityChange, lang: Lang): string {
  const vi = lang === 'vi';
  const shown = c.fields.slice(0, MAX_FIELDS_PER_ENTITY);
  const rows = shown.map((f) => [mdCell(pick(f.label, lang)), mdCell(pick(f.beforeText, lang)), mdCell(pick(f.afterText, lang))]);
  const more = c.fields.length - shown.length;
  return [
    entityHeading(c, lang),
    '',
    mdTable([vi ? 'Trường' : 'Field', vi ? 'Trước' : 'Before', vi ? 'Sau' : 'After'], rows),
    ...(more > 0 ? ['', vi ? `_… và ${more} trường khác (xem --format json)._` : `_… and ${more} more fields (see --format json)._`] : []),
  ].join('\n');
}

function details(summary: string, body: string): string {
  return `<details><summary>${summary}</summary>\n\n${body}\n\n</details>`;
}

function kindSection(kind: EntityKind, r: DiffReport, lang: Lang, compact: boolean): string | undefined {
  const vi = lang === 'vi';
  const added = r.entities.added.filter((c) => c.kind === kind);
  const removed = r.entities.removed.filter((c) => c.kind === kind);
  const changed = r.entities.changed.filter((c) => c.kind === kind);
  const renamed = r.entities.renamed.filter((c) => c.kind === kind);
  if (added.length + removed.length + changed.length + renamed.length === 0) return undefined;
  const body: string[] = [];
  if (renamed.length) body.push(`#### ${vi ? 'Đổi mã' : 'Renamed'} (${renamed.length})`, '', renamedBlock(renamed, lang, compact), '');
  if (added.length) body.push(`#### ${vi ? 'Thêm mới' : 'Added'} (${added.length})`, '', entityTable(added, lang), '');
  if (removed.length) body.push(`#### ${vi ? 'Đã xóa' : 'Removed'} (${removed.length})`, '', entityTable(removed, lang), '');
  if (changed.length) {
    body.push(`#### ${vi ? 'Thay đổi' : 'Changed'} (${changed.length})`, '');
    if (compact) body.push(entityTable(changed, lang), '');
    else for (const c of changed) body.push(changedBlock(c, lang), '');
  }
  const counts =
    (vi
      ? `+${added.length} thêm · −${removed.length} xóa · ${changed.length} sửa`
      : `+${added.length} added · −${removed.length} removed · ${changed.length} changed`) +
    (renamed.length ? (vi ? ` · ${renamed.length} đổi mã` : ` · ${renamed.length} renamed`) : '');
  return details(`${mdText(kindTitle(kind, lang))}: ${counts}`, body.join('\n').trimEnd());
}

function kpiSection(list: readonly KpiMovement[], lang: Lang): string | undefined {
  if (!list.length) return undefined;
  const vi = lang === 'vi';
  const rows = list.map((k) => [
    `${code(k.ref)} ${mdCell(k.name)}`,
    point(k.before, k.unit, lang),
    point(k.after, k.unit, lang),
    k.delta === undefined ? '—' : signed(k.delta, lang),
    k.statusChanged
      ? `${mdCell(k.before ? status(k.before, lang) : '—')} → **${mdCell(k.after ? status(k.after, lang) : '—')}**`
      : mdCell(k.after ? status(k.after, lang) : '—'),
  ]);
  return details(
    vi ? `Chỉ tiêu biến động (${list.length})` : `KPI movements (${list.length})`,
    mdTable([vi ? 'Chỉ tiêu' : 'KPI', vi ? 'Trước' : 'Before', vi ? 'Sau' : 'After', vi ? 'Thay đổi' : 'Change', vi ? 'Trạng thái' : 'Status'], rows, ['l', 'r', 'r', 'r', 'l']),
  );
}

/** A severity as the tables name it: lỗi, cảnh báo, thông tin. */
function severityLabel(severity: string, lang: Lang): string {
  return lang === 'vi' ? (({ error: 'lỗi', warning: 'cảnh báo', info: 'thông tin' } as Record<string, string>)[severity] ?? severity) : severity;
}

function findingTable(list: readonly FindingChange[], lang: Lang): string {
  const vi = lang === 'vi';
  const sev = (s: string) => severityLabel(s, lang);
  return mdTable(
    [vi ? 'Mức' : 'Severity', vi ? 'Mã' : 'Code', vi ? 'Nội dung' : 'Message', vi ? 'Vị trí' : 'Location'],
    list.map((f) => [sev(f.severity), code(f.code), mdCell(pick(f.message, lang) + (f.legalRef ? ` [${f.legalRef}]` : '')), at(f.where)]),
  );
}

/** Findings whose waiver changed: the finding, then the waiver as the configuration holds it. */
function waiverTable(list: readonly WaiverChange[], lang: Lang, lifted: boolean): string {
  const vi = lang === 'vi';
  const sev = (s: string) => severityLabel(s, lang);
  const status = (w: WaiverChange): string => {
    if (lifted && w.why === 'expired') return vi ? 'hết hạn' : 'expired';
    if (lifted) return vi ? 'đã gỡ bỏ' : 'withdrawn';
    return w.wasOpen ? (vi ? 'trước đây chưa miễn trừ' : 'was open') : vi ? 'phát hiện mới, miễn trừ ngay' : 'new finding, waived at once';
  };
  return mdTable(
    [
      vi ? 'Mức' : 'Severity',
      vi ? 'Mã' : 'Code',
      vi ? 'Nội dung' : 'Message',
      vi ? 'Lý do miễn trừ' : 'Waiver reason',
      vi ? 'Người phê duyệt' : 'Approved by',
      vi ? 'Hết hạn' : 'Expires',
      vi ? 'Tình trạng' : 'Status',
      vi ? 'Vị trí' : 'Location',
    ],
    list.map((w) => [
      sev(w.severity),
      code(w.code),
      mdCell(pick(w.message, lang) + (w.legalRef ? ` [${w.legalRef}]` : '')),
      mdCell(w.waiver.reason),
      mdCell(w.waiver.approvedBy),
      mdCell(date(w.waiver.expires, lang)),
      mdCell(status(w)),
      at(w.where),
    ]),
  );
}

/** A value of a transition as a table cell: scalars as written, lists joined, objects as key: value. */
function value(v: unknown): string {
  if (v === undefined) return '—';
  if (Array.isArray(v)) return v.map(value).join(', ');
  if (v !== null && typeof v === 'object') return Object.entries(v).map(([k, x]) => `${k}: ${value(x)}`).join('; ');
  return String(v);
}

/** What a change does, field by field: for two objects, only their members that differ (`sync.status`). */
function changedParts(field: string, before: unknown, after: unknown): [string, string, string][] {
  const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);
  if (!isObject(before) || !isObject(after)) return [[field, value(before), value(after)]];
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])];
  return keys.filter((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k])).map((k) => [`${field}.${k}`, value(before[k]), value(after[k])]);
}

/** The planned steps between two states, in date order; a change no task delivers is marked. */
function roadmapSection(steps: readonly RoadmapStep[], lang: Lang): string[] {
  const vi = lang === 'vi';
  const title = `### ${vi ? 'Lộ trình: các bước chuyển đổi' : 'Roadmap: the planned steps'} (${steps.length})`;
  if (!steps.length) return [title, '', vi ? '_Không có bước chuyển đổi nào giữa hai trạng thái._' : '_No planned step between the two states._'];
  const what = (s: RoadmapStep): string => {
    if (s.kind === 'begin') return vi ? 'Bắt đầu có' : 'Comes into existence';
    if (s.kind === 'end') return (vi ? 'Dừng' : 'Ends') + (s.replacedBy ? ` → ${code(s.replacedBy)}` : '');
    return s.changes.flatMap((c) => changedParts(c.field, c.before, c.after)).map(([f, b, a]) => `${code(f)}: ${mdCell(b)} → ${mdCell(a)}`).join('<br>');
  };
  const task = (s: RoadmapStep): string => {
    if (s.kind !== 'change') return '—';
    if (s.task === undefined) return vi ? '**chưa có nhiệm vụ**' : '**no task**';
    return `${code(s.task)} ${mdCell(s.taskName ?? '')}`;
  };
  const rows = steps.map((s) => [date(s.date, lang), `${code(s.ref)} ${mdCell(s.name)}`, what(s), task(s), at(s.where)]);
  return [title, '', mdTable([vi ? 'Ngày' : 'Date', vi ? 'Thực thể' : 'Entity', vi ? 'Thay đổi' : 'Change', vi ? 'Nhiệm vụ' : 'Task', vi ? 'Vị trí' : 'Location'], rows)];
}

/** GitHub refuses comments over 65,536 characters; stay clear of it. */
export const MAX_COMMENT_CHARS = 60_000;

/**
 * Markdown for a pull-request comment: summary line, breaking changes, then one collapsible block per
 * kind. When the field-by-field tables would make it too long for a comment, changed entities are
 * listed without them (the JSON output keeps everything).
 */
export function formatDiffMarkdown(r: DiffReport, lang: Lang, maxChars = MAX_COMMENT_CHARS): string {
  const full = renderMarkdown(r, lang, false);
  if (full.length <= maxChars) return full;
  const compact = renderMarkdown(r, lang, true);
  const note =
    lang === 'vi'
      ? '\n> Kết quả quá dài cho một bình luận: các trường thay đổi được lược bớt; xem đầy đủ bằng `kientruc diff --format json`.\n'
      : '\n> Too long for one comment: changed fields are left out; run `kientruc diff --format json` for everything.\n';
  const withNote = compact.replace(/\n\n/, `\n${note}\n`);
  if (withNote.length <= maxChars) return withNote;
  const cut = withNote.slice(0, maxChars - 200).replace(/\n[^\n]*$/, '');
  const open = (cut.match(/<details>/g) ?? []).length - (cut.match(/<\/details>/g) ?? []).length;
  return `${cut}\n\n…\n${'\n</details>'.repeat(Math.max(0, open))}\n`;
}

function renderMarkdown(r: DiffReport, lang: Lang, compact: boolean): string {
  const vi = lang === 'vi';
  const out: string[] = [
    COMMENT_MARKER,
    `## kientruc diff: ${sideLabel(r.base, lang)} → ${sideLabel(r.head, lang)}`,
    '',
    summaryLine(r, lang),
  ];
  // A folder renamed between two versions (git sides): say so once, the locations show the new one.
  if (r.base.folder !== r.head.folder && (r.base.commit !== undefined || r.head.commit !== undefined)) {
    out.push('', vi ? `> Thư mục kiến trúc đổi tên: ${code(r.base.folder)} → ${code(r.head.folder)}.` : `> Architecture folder renamed: ${code(r.base.folder)} → ${code(r.head.folder)}.`);
  }
  for (const [name, s] of [
    ['base', r.base],
    ['head', r.head],
  ] as const) {
    if (s.structuralErrors) {
      out.push(
        '',
        vi
          ? `> ⚠️ Phía ${name === 'base' ? 'gốc' : 'mới'} có lỗi cú pháp, lược đồ hoặc tham chiếu: các thực thể lỗi không được so sánh.`
          : `> ⚠️ The ${name} side has syntax, schema or reference errors: invalid entities are not compared.`,
      );
    }
  }
  if (r.breaking.length) {
    out.push('', `### ⚠️ ${vi ? 'Thay đổi phá vỡ' : 'Breaking changes'} (${r.breaking.length})`, '');
    for (const b of r.breaking) out.push(`- **${mdText(pick(b.title, lang))}** ${code(b.ref)} — ${mdText(pick(b.message, lang))} ${at(b.where)}`);
  }
  if (r.roadmap) out.push('', ...roadmapSection(r.roadmap, lang));
  const sections = [
    ...ENTITY_KINDS.map((k) => kindSection(k, r, lang, compact)),
    kpiSection(r.kpis, lang),
    r.findings.introduced.length
      ? details(vi ? `Phát hiện mới (${r.findings.introduced.length})` : `New findings (${r.findings.introduced.length})`, findingTable(r.findings.introduced, lang))
      : undefined,
    r.findings.resolved.length
      ? details(vi ? `Phát hiện đã khắc phục (${r.findings.resolved.length})` : `Resolved findings (${r.findings.resolved.length})`, findingTable(r.findings.resolved, lang))
      : undefined,
    // A waiver is not a fix, and a waiver ending is not a new violation: each has its own list.
    r.findings.waived.length
      ? details(vi ? `Phát hiện mới được miễn trừ (${r.findings.waived.length})` : `Newly waived findings (${r.findings.waived.length})`, waiverTable(r.findings.waived, lang, false))
      : undefined,
    r.findings.unwaived.length
      ? details(
          vi ? `Miễn trừ hết hạn hoặc bị gỡ bỏ (${r.findings.unwaived.length})` : `Waivers expired or withdrawn (${r.findings.unwaived.length})`,
          waiverTable(r.findings.unwaived, lang, true),
        )
      : undefined,
  ].filter((s): s is string => s !== undefined);
  if (sections.length) out.push('', ...sections.flatMap((s) => [s, '']));
  else out.push('', vi ? '_Không có thay đổi nào trong kiến trúc._' : '_No change to the architecture._', '');
  const asOf = vi
    ? `Số liệu chốt: gốc ${date(r.base.asOf, lang)}, mới ${date(r.head.asOf, lang)}. Tạo bởi kientruc diff.`
    : `Data as of: base ${r.base.asOf}, head ${r.head.asOf}. Generated by kientruc diff.`;
  out.push(`<sub>${mdText(asOf)}</sub>`);
  return `${out.join('\n').replace(/\n{3,}/g, '\n\n')}\n`;
}
