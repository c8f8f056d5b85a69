import { compareDiagnostics, type Diagnostic } from '../core/diagnostic.js';
import type { IsoDate } from '../core/dates.js';
import { parseRef } from '../core/ref.js';
import { mainLead } from '../model/roles.js';
import { severityRank, type Severity } from '../core/severity.js';
import { text, type Text } from '../core/text.js';
import { KIND_LABEL } from '../core/labels.js';
import type { Model } from '../model/model.js';
import type { Kpi } from '../model/types.js';
import { displayDate } from './display.js';
import { unaddressedGaps } from './gaps.js';
import { kpiGoal, kpiProgress, nationalGoal } from './kpis.js';
import { entityTitle } from './names.js';
import type { TargetRow } from './targets.js';
import { taskDeadline, tasksAddressing, tasksForKpi } from './tasks.js';

/** What the report needs to know of a rule or built-in code (a `RuleMeta` fits). */
export interface CodeInfo {
  readonly id: string;
  readonly severity: Severity;
  readonly description: Text;
  readonly help?: Text;
  readonly legalRef?: string;
  readonly confirmed?: boolean;
}

export const SEVERITY_LABEL: Readonly<Record<Severity, Text>> = {
  error: text('Lỗi', 'Error'),
  warning: text('Cảnh báo', 'Warning'),
  info: text('Thông tin', 'Info'),
};

export interface Waived {
  readonly reason: string;
  readonly approvedBy: string;
  readonly expires: IsoDate;
  readonly expiresDisplay: string;
}

export interface FindingItem {
  readonly entity: string | null;
  readonly title: Text | null;
  /** `file:line:col`. */
  readonly location: string;
  readonly severity: Severity;
  readonly severityLabel: Text;
  readonly message: Text;
  readonly fix: Text | null;
  readonly waived: Waived | null;
}

export interface FindingGroup {
  readonly code: string;
  readonly description: Text;
  readonly help: Text | null;
  readonly legalRef: string | null;
  readonly confirmed: boolean;
  /** The worst severity among its findings. */
  readonly severity: Severity;
  readonly severityLabel: Text;
  readonly count: number;
  readonly waivedCount: number;
  readonly items: readonly FindingItem[];
}

function waivedOf(d: Diagnostic): Waived | null {
  return d.waived ? { ...d.waived, expiresDisplay: displayDate(d.waived.expires) ?? d.waived.expires } : null;
}

function worst(list: readonly { severity: Severity }[]): Severity {
  return list.reduce<Severity>((w, d) => (severityRank(d.severity) > severityRank(w) ? d.severity : w), 'info');
}

/** Every finding, grouped by code: worst severity first, then by code; items in file order. */
export function groupFindings(model: Model, diagnostics: readonly Diagnostic[], codes: readonly CodeInfo[]): FindingGroup[] {
  const byCode = new Map<string, Diagnostic[]>();
  for (const d of [...diagnostics].sort(compareDiagnostics)) {
    const list = byCode.get(d.code);
    if (list) list.push(d);
    else byCode.set(d.code, [d]);
  }
  const groups = [...byCode].map(([code, list]): FindingGroup => {
    const info = codes.find((c) => c.id === code);
    const severity = worst(list);
    return {
      code,
      description: info?.description ?? text(code, code),
      help: info?.help ?? null,
      legalRef: info?.legalRef ?? list[0]?.legalRef ?? null,
      confirmed: info?.confirmed ?? true,
      severity,
      severityLabel: SEVERITY_LABEL[severity],
      count: list.length,
      waivedCount: list.filter((d) => d.waived).length,
      items: list.map((d) => ({
        entity: d.entity === undefined ? null : String(d.entity),
        title: d.entity !== undefined && model.resolves(String(d.entity)) ? entityTitle(model, String(d.entity)) : null,
        location: `${d.file}:${d.range.start.line}:${d.range.start.col}`,
        severity: d.severity,
        severityLabel: SEVERITY_LABEL[d.severity],
        message: d.message,
        fix: d.fix ?? null,
        waived: waivedOf(d),
      })),
    };
  });
  return groups.sort((a, b) => severityRank(b.severity) - severityRank(a.severity) || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
}

export interface RefName {
  readonly ref: string;
  readonly name: string;
}

/** The body answerable for an entity: owner of a system or dataset, provider of an integration, lead of a task. */
export function responsibleFor(model: Model, ref: string): RefName | null {
  const e = model.get(ref);
  let body: string | undefined;
  if (!e) body = model.agency?.ref;
  else if (e.entityKind === 'system') body = e.owner;
  else if (e.entityKind === 'dataset') body = e.owner ?? e.custodian;
  else if (e.entityKind === 'kpi') body = e.owner;
  else if (e.entityKind === 'task') body = mainLead(e);
  else if (e.entityKind === 'integration') {
    const from = parseRef(e.from);
    const sys = from?.kind === 'system' && from.agency === undefined ? model.get<'system'>(e.from) : undefined;
    body = sys?.owner;
  } else body = e.ref;
  body ??= model.agency?.ref;
  return body ? { ref: body, name: model.nameOf(body) } : null;
}

export interface GapRow {
  readonly entity: string;
  readonly title: Text;
  readonly kindLabel: Text;
  readonly severity: Severity;
  readonly severityLabel: Text;
  readonly codes: readonly { readonly code: string; readonly description: Text }[];
  readonly count: number;
  readonly responsible: RefName | null;
}

/**
 * Gaps no task addresses: entities with unwaived findings that no task lists, and KPIs not yet
 * achieved that no task carries.
 */
/**
 * KPIs not yet achieved that no task serves (statistics, which have no target, left out), each with its
 * own unwaived error and warning findings: with `unaddressedGaps`, the "tồn tại chưa có nhiệm vụ khắc
 * phục" that the gap report (§V) and the strategy's gap appendix both list.
 */
export function unaddressedKpis(model: Model, asOf: IsoDate, diagnostics: readonly Diagnostic[]): { readonly kpi: Kpi; readonly findings: readonly Diagnostic[] }[] {
  const out: { kpi: Kpi; findings: Diagnostic[] }[] = [];
  for (const k of model.all('kpi')) {
    // A statistic has no target: its only gaps are its own findings (a missing measurement).
    if (k.statistic === true || tasksForKpi(model, k.ref).length > 0) continue;
    const t = k.nationalTarget ? model.target(k.nationalTarget) : undefined;
    if (kpiProgress(k, asOf, kpiGoal(k) ?? (t ? nationalGoal(t) : undefined)).status === 'achieved') continue;
    out.push({ kpi: k, findings: diagnostics.filter((d) => !d.waived && d.entity === k.ref && d.severity !== 'info' && d.code !== 'task.gap-unaddressed') });
  }
  return out;
}

export function gapRows(model: Model, asOf: IsoDate, diagnostics: readonly Diagnostic[], codes: readonly CodeInfo[]): GapRow[] {
  const describe = (code: string) => ({ code, description: codes.find((c) => c.id === code)?.description ?? text(code, code) });
  const rows: GapRow[] = unaddressedGaps(model, diagnostics).map((g) => {
    const severity = worst(g.findings);
    const kind = parseRef(g.entity)?.kind;
    return {
      entity: g.entity,
      title: entityTitle(model, g.entity),
      kindLabel: kind ? KIND_LABEL[kind] : text('', ''),
      severity,
      severityLabel: SEVERITY_LABEL[severity],
      codes: g.codes.map(describe),
      count: g.findings.length,
      responsible: responsibleFor(model, g.entity),
    };
  });
  for (const { kpi: k, findings: own } of unaddressedKpis(model, asOf, diagnostics)) {
    const severity = own.length ? worst(own) : 'warning';
    rows.push({
      entity: k.ref,
      title: entityTitle(model, k.ref),
      kindLabel: KIND_LABEL.kpi,
      severity,
      severityLabel: SEVERITY_LABEL[severity],
      codes: [...new Set(own.map((d) => d.code))].sort().map(describe),
      count: own.length,
      responsible: responsibleFor(model, k.ref),
    });
  }
  return rows.sort((a, b) => severityRank(b.severity) - severityRank(a.severity) || (a.entity < b.entity ? -1 : a.entity > b.entity ? 1 : 0));
}

export interface ActionItem {
  readonly code: string;
  readonly severity: Severity;
  readonly message: Text;
  readonly fix: Text | null;
  readonly legalRef: string | null;
}

export interface ActionRow {
  readonly entity: string;
  readonly title: Text;
  readonly severity: Severity;
  readonly severityLabel: Text;
  readonly responsible: RefName | null;
  /** Earliest dated deadline of the tasks addressing it, else the deadline of an off-track target. */
  readonly deadline: IsoDate | null;
  readonly deadlineDisplay: string | null;
  readonly tasks: readonly RefName[];
  readonly items: readonly ActionItem[];
}

/** Codes that are about the report itself rather than something to fix on an entity. */
const NOT_ACTIONS = new Set(['task.gap-unaddressed']);

/**
 * What must be done, one row per entity: unwaived errors and warnings, and national targets off
 * track (as warnings: a row's severity is that of check's findings). Ordered by severity, then deadline
 * (undated last), then entity.
 */
export function actionRows(model: Model, diagnostics: readonly Diagnostic[], targets: readonly TargetRow[]): ActionRow[] {
  const byEntity = new Map<string, { items: ActionItem[]; deadline: IsoDate | null }>();
  const add = (entity: string, item: ActionItem, deadline: IsoDate | null = null) => {
    const cur = byEntity.get(entity) ?? { items: [], deadline: null };
    cur.items.push(item);
    if (deadline !== null && (cur.deadline === null || deadline < cur.deadline)) cur.deadline = deadline;
    byEntity.set(entity, cur);
  };
  for (const d of [...diagnostics].sort(compareDiagnostics)) {
    if (d.waived || d.severity === 'info' || d.entity === undefined || NOT_ACTIONS.has(d.code) || !/^(agency|system|data|integration|kpi|task)\./.test(d.code)) continue;
    add(String(d.entity), { code: d.code, severity: d.severity, message: d.message, fix: d.fix ?? null, legalRef: d.legalRef ?? null });
  }
  for (const t of targets) {
    if (t.status !== 'behind' && t.status !== 'at-risk') continue;
    const entity = t.kpi?.ref ?? t.ref;
    const goal = t.goal;
    const projected = t.projected?.display ? `; dự báo tại thời hạn ${t.projected.display}` : '';
    add(
      entity,
      {
        code: 'kpi.progress',
        // A warning, as `kientruc check` weighs a KPI (kpi.task-coverage, kpi.below-national-target): no
        // rule makes an unmet target an error, so neither does this list; an entity is "Lỗi" only with an error finding.
        severity: 'warning',
        message: text(
          `${t.statusLabel.vi}${t.overdue ? ' (đã quá thời hạn)' : ''} so với chỉ tiêu quốc gia "${t.name.vi}": ${goal?.display ?? '—'} vào ${goal?.deadlineDisplay ?? '—'}; số đo gần nhất ${t.latest?.display ?? '—'}${projected}.`,
          `${t.statusLabel.en}${t.overdue ? ' (overdue)' : ''} against the national target "${t.name.en}".`,
        ),
        fix: text('Đẩy nhanh các nhiệm vụ thực hiện chỉ tiêu, hoặc bổ sung nhiệm vụ, nguồn lực.', 'Speed up the tasks carrying the target, or add tasks and resources.'),
        legalRef: t.legalRef,
      },
      goal?.deadline ?? null,
    );
  }
  const rows = [...byEntity].map(([entity, { items, deadline }]): ActionRow => {
    const tasks = entity.startsWith('kpi:') ? tasksForKpi(model, entity) : tasksAddressing(model, entity);
    const taskDates = tasks.map((x) => taskDeadline(x)).flatMap((dl) => (dl?.kind === 'date' ? [dl.date] : []));
    const due = [...taskDates, ...(deadline ? [deadline] : [])].sort()[0] ?? null;
    const severity = worst(items);
    return {
      entity,
      title: model.resolves(entity) ? entityTitle(model, entity) : text(entity, entity),
      severity,
      severityLabel: SEVERITY_LABEL[severity],
      responsible: tasks[0] && mainLead(tasks[0]) !== undefined ? { ref: mainLead(tasks[0]) as string, name: model.nameOf(mainLead(tasks[0]) as string) } : responsibleFor(model, entity),
      deadline: due,
      deadlineDisplay: displayDate(due),
      tasks: tasks.map((x) => ({ ref: x.ref, name: x.name })),
      items: items.sort((a, b) => severityRank(b.severity) - severityRank(a.severity) || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0)),
    };
  });
  return rows.sort(
    (a, b) =>
      severityRank(b.severity) - severityRank(a.severity) ||
      (a.deadline === b.deadline ? 0 : a.deadline === null ? 1 : b.deadline === null ? -1 : a.deadline < b.deadline ? -1 : 1) ||
      (a.entity < b.entity ? -1 : a.entity > b.entity ? 1 : 0),
  );
}
