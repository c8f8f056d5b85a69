import { stateChanges, targetShortfalls, type ArchitectureState, type StateChange } from '../../../../analysis/architecture.js';
import { unaddressedGaps } from '../../../../analysis/gaps.js';
import { entityTitle } from '../../../../analysis/names.js';
import type { Diagnostic } from '../../../../core/diagnostic.js';
import { parseDeadline, viShortDate } from '../../../../core/dates.js';
import { enumLabel } from '../../../../framework/types.js';
import type { Model } from '../../../../model/model.js';
import type { Transition } from '../../../../model/states.js';
import { mainLead } from '../../../../model/roles.js';
import type { Task } from '../../../../model/types.js';
import type { StrategyContext } from '../../../strategy/context.js';
import { buildBudget } from '../../../strategy/sections/budget.js';
import { inline } from '../../../strategy/sections/objectives.js';
import { row, table } from '../../../strategy/sections/tables.js';
import { deadlineText, orgName, sentence, squash, viLetter } from '../../../strategy/wording.js';
import { heading, paragraph, tableBlock, type Block } from '../../view.js';

/** The fields a step names, in words (the ones the architecture draws; others are named by their key). */
const STEP_FIELD: Readonly<Record<string, string>> = {
  ...fieldLabels(),
  component: 'thành phần',
  owner: 'cơ quan chủ quản',
  operator: 'đơn vị vận hành',
  via: 'nền tảng trung gian',
  system: 'hệ thống lưu trữ',
  onlineLevel: 'mức độ trực tuyến',
  eligibleFullOnline: 'đủ điều kiện trực tuyến toàn trình',
  channels: 'kênh tiếp nhận',
  handledBy: 'hệ thống giải quyết',
  replacedBy: 'thay thế bằng',
  since: 'thời điểm đưa vào sử dụng',
  until: 'thời điểm dừng',
  criticality: 'mức độ quan trọng',
  personalData: 'dữ liệu cá nhân',
  scope: 'phạm vi',
  mandatory: 'chia sẻ bắt buộc',
  standardised: 'chuẩn hóa',
  security: 'an toàn thông tin',
};

/**
 * One field's change in words: "trạng thái Đang vận hành → Đã dừng"; a field set for the first time
 * reads "thay thế bằng Quản lý CBCCVC" (never "… chưa xác định → …"), a field removed "bỏ …". A field
 * without a label is named "thông tin khác", never by its YAML key.
 */
function changeText(model: Model, kind: string, c: { readonly field: string; readonly before: unknown; readonly after: unknown }): string {
  const label = STEP_FIELD[c.field] ?? 'thông tin khác';
  const unset = (v: unknown) => v === undefined || v === null;
  if (unset(c.before) && !unset(c.after)) return `${label} ${fieldValue(model, kind, c.field, c.after)}`;
  if (unset(c.after) && !unset(c.before)) return `bỏ ${label} ${fieldValue(model, kind, c.field, c.before)}`;
  return `${label} ${fieldValue(model, kind, c.field, c.before)} → ${fieldValue(model, kind, c.field, c.after)}`;
}

function fieldLabels(): Record<string, string> {
  return { status: 'trạng thái', layer: 'lớp kiến trúc', hosting: 'hình thức triển khai', sync: 'đồng bộ', sharing: 'phân loại chia sẻ', channel: 'kênh kết nối', onlineLevel: 'mức độ trực tuyến' };
}

/** A field's value in words: enum labels, hosting and sync by their status, refs by name. */
function fieldValue(model: Model, kind: string, field: string, value: unknown): string {
  if (value === undefined || value === null) return 'chưa xác định';
  if (field === 'hosting') return fieldValue(model, kind, 'deployment', (value as { deployment?: unknown }).deployment);
  if (field === 'sync') return fieldValue(model, kind, 'syncStatus', (value as { status?: unknown }).status);
  const enumId = field === 'deployment' || field === 'syncStatus' ? field : kind === 'integration' && field === 'status' ? INTEGRATION_STATUS : FIELD_ENUM[field];
  if (enumId && (typeof value === 'string' || typeof value === 'number')) return enumLabel(model.pack, enumId, value);
  if (typeof value === 'string' && model.isValid(value)) return squash(model.shortNameOf(value));
  if (typeof value === 'string' || typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return value ? 'có' : 'không';
  if (Array.isArray(value)) return value.length ? value.map((v) => fieldValue(model, kind, field, v)).join(', ') : 'không có';
  return 'thay đổi';
}

/**
 * The roadmap's steps from the model's timeline (`transitionsBetween`), in date order, in words; the
 * public edition leaves out what it does not publish (hosting, connections, unpublished data).
 */
export function roadmapSteps(ctx: StrategyContext, target: Model, transitions: readonly Transition[]): RoadmapStep[] {
  const name = (ref: string): string => squash(ctx.model.shortNameOf(ref));
  const out: RoadmapStep[] = [];
  for (const t of transitions) {
    if (ctx.isPublic && t.entityKind === 'integration') continue;
    if (ctx.isPublic && t.entityKind === 'dataset' && !visible(ctx, target, { ref: t.entity, kind: 'dataset', change: 'changed', field: null, from: null, to: null })) continue;
    const changes = t.changes.filter((c) => !(ctx.isPublic && c.field === 'hosting'));
    if (t.kind === 'change' && changes.length === 0) continue;
    const kind = String(t.entityKind);
    const what =
      t.kind === 'begin'
        ? `Đưa vào sử dụng: ${name(t.entity)}`
        : t.kind === 'end'
          ? `Dừng: ${name(t.entity)}${t.replacedBy ? `, thay thế bằng ${name(t.replacedBy)}` : ''}`
          : `${name(t.entity)}: ${changes.map((c) => changeText(ctx.model, kind, c)).join('; ')}`;
    const task = t.task ? (ctx.taskNumber.get(t.task) ?? squash(ctx.model.nameOf(t.task))) : null;
    out.push({ when: viShortDate(t.date), what, tasks: task ? [task] : [] });
  }
  return out;
}

/** One planned change of the roadmap: when, what, and the tasks that deliver it. */
export interface RoadmapStep {
  /** Display date ("31/12/2027", "năm 2028"), already ordered by the caller. */
  readonly when: string;
  readonly what: string;
  /** Task numbers of the task appendix ("2.a"), or names of tasks the document does not list. */
  readonly tasks: readonly string[];
}

const FIELD_ENUM: Readonly<Record<string, string>> = {
  status: 'lifecycle',
  layer: 'layer',
  hosting: 'deployment',
  sync: 'syncStatus',
  sharing: 'sharingClass',
  channel: 'channel',
  onlineLevel: 'serviceOnlineLevel',
  channels: 'serviceChannel',
};
const FIELD_LABEL: Readonly<Record<string, string>> = fieldLabels();
const INTEGRATION_STATUS = 'integrationStatus';

function valueLabel(model: Model, c: StateChange, value: string | null): string {
  if (value === null) return 'chưa xác định';
  const id = c.kind === 'integration' && c.field === 'status' ? INTEGRATION_STATUS : FIELD_ENUM[c.field ?? ''];
  return id ? enumLabel(model.pack, id, value) : value;
}

/** Changes the edition may show: the public one leaves out hosting and data it does not publish. */
function visible(ctx: StrategyContext, target: Model, c: StateChange): boolean {
  if (!ctx.isPublic) return true;
  if (c.field === 'hosting') return false;
  if (c.kind === 'integration') return false;
  if (c.kind === 'dataset') {
    const d = ctx.model.all('dataset').find((x) => x.ref === c.ref) ?? target.all('dataset').find((x) => x.ref === c.ref);
    return d !== undefined && (d.sharing === 'open' || d.sharing === 'shared');
  }
  return true;
}

function changeRows(ctx: StrategyContext, target: Model): string[][] {
  const name = (ref: string): string => squash(ctx.model.isValid(ref) ? ctx.model.shortNameOf(ref) : target.shortNameOf(ref));
  return stateChanges(ctx.model, target)
    .filter((c) => visible(ctx, target, c))
    .map((c) => {
      if (c.change === 'added') return [name(c.ref), 'Chưa có', 'Đưa vào sử dụng'];
      if (c.change === 'removed') return [name(c.ref), 'Đang có', 'Không còn trong kiến trúc'];
      const field = FIELD_LABEL[c.field ?? ''] ?? c.field ?? '';
      return [`${name(c.ref)} (${field})`, valueLabel(ctx.model, c, c.from), valueLabel(target, c, c.to)];
    });
}

/** V. PHÂN TÍCH KHOẢNG CÁCH: what changes, the measures against national targets, what stays missing. */
export function gapChapter(
  ctx: StrategyContext,
  input: { readonly target: Model; readonly current: ArchitectureState; readonly future: ArchitectureState; readonly targetYear: number; readonly diagnostics: readonly Diagnostic[] },
): Block[] {
  const out: Block[] = [heading(2, '1. Thay đổi giữa hiện trạng và kiến trúc mục tiêu')];
  const rows = changeRows(ctx, input.target);
  out.push(
    paragraph(rows.length ? `Đến năm ${input.targetYear}, kiến trúc có ${rows.length} thay đổi so với hiện trạng:` : `Kiến trúc mục tiêu đến năm ${input.targetYear} chưa khai báo thay đổi nào so với hiện trạng.`),
  );
  if (rows.length) {
    out.push(
      tableBlock(
        table(ctx, 'archChanges', null, ['STT', 'Thành phần', 'Hiện trạng', `Năm ${input.targetYear}`], rows.map((r, i) => row([String(i + 1), ...r])), {
          widths: [7, 45, 24, 24],
          align: ['center', 'left', 'left', 'left'],
        }),
      ),
    );
  }
  out.push(heading(2, '2. Mức đáp ứng yêu cầu của khung kiến trúc quốc gia'));
  // The public edition publishes no security posture (as the strategy's public edition).
  const shown = (c: { readonly id: string }): boolean => !(ctx.isPublic && c.id === 'systems-security-approved');
  const measured = input.current.coverage.filter((c) => c.target !== null && shown(c));
  const future = new Map(input.future.coverage.map((c) => [c.id, c]));
  out.push(
    tableBlock(
      table(
        ctx,
        'archCoverage',
        null,
        ['Nội dung', 'Hiện trạng', `Năm ${input.targetYear}`, 'Yêu cầu'],
        measured.map((c) => row([c.label.vi, c.display ?? 'Chưa có số liệu', future.get(c.id)?.display ?? 'Chưa có số liệu', [c.target?.display, c.target?.deadlineDisplay ? `(${c.target.deadlineDisplay})` : null].filter((x) => x).join(' ')])),
        { widths: [46, 16, 16, 22], align: ['left', 'right', 'right', 'left'], empty: 'Không có yêu cầu đo được từ kiến trúc.' },
      ),
    ),
  );
  const short = targetShortfalls(input.future).filter(shown);
  out.push(heading(2, '3. Nội dung còn thiếu so với yêu cầu'));
  if (short.length === 0) out.push(paragraph(`Kiến trúc mục tiêu đến năm ${input.targetYear} đáp ứng các yêu cầu đo được nêu tại mục 2.`));
  const low = (s: string | null | undefined): string => (s ? s.charAt(0).toLocaleLowerCase('vi') + s.slice(1) : 'chưa có số liệu');
  short.forEach((c, i) =>
    out.push(paragraph(sentence(`${c.label.vi}: ${low(c.display)} tại năm ${input.targetYear}, yêu cầu ${low(c.target?.display)}${c.target?.deadlineDisplay ? ` (thời hạn ${c.target.deadlineDisplay})` : ''}`), { label: `${viLetter(i)})` })),
  );
  if (!ctx.isPublic) {
    const gaps = unaddressedGaps(ctx.model, input.diagnostics);
    if (gaps.length) {
      out.push(
        paragraph(
          `Hiện trạng còn ${gaps.length} đối tượng có vấn đề chưa được nhiệm vụ nào xử lý: ${gaps.map((g) => entityTitle(ctx.model, g.entity).vi).join('; ')}.`,
        ),
      );
    }
  }
  return out;
}

function deadlineYear(t: Task): number | null {
  const d = parseDeadline(t.deadline);
  return d?.kind === 'date' ? Number(d.date.slice(0, 4)) : null;
}

/** VI. LỘ TRÌNH: the planned changes in date order, the tasks by year of their deadline, the budget by year. */
export function roadmapChapter(ctx: StrategyContext, steps: readonly RoadmapStep[], targetYear: number): Block[] {
  const out: Block[] = [heading(2, '1. Các bước chuyển đổi')];
  if (steps.length === 0) {
    out.push(paragraph('Kiến trúc chưa khai báo thời điểm chuyển đổi của các thành phần; lộ trình được xác định theo thời hạn của các nhiệm vụ tại mục 2.', { italic: true }));
  } else {
    out.push(
      tableBlock(
        table(ctx, 'archSteps', null, ['STT', 'Thời điểm', 'Thay đổi', 'Nhiệm vụ thực hiện'], steps.map((s, i) => row([String(i + 1), s.when, s.what, s.tasks.join(', ') || 'Chưa có nhiệm vụ'])), {
          widths: [7, 16, 55, 22],
          align: ['center', 'left', 'left', 'left'],
        }),
      ),
    );
  }
  out.push(heading(2, '2. Nhiệm vụ theo năm'));
  const years = new Map<string, Task[]>();
  for (const t of ctx.tasks) {
    const y = deadlineYear(t);
    const key = y === null ? 'khác' : y > targetYear ? `sau` : String(y);
    years.set(key, [...(years.get(key) ?? []), t]);
  }
  const keys = [...years.keys()].filter((k) => /^\d+$/.test(k)).sort();
  for (const k of [...keys, 'sau', 'khác']) {
    const list = years.get(k);
    if (!list?.length) continue;
    const title = k === 'sau' ? `Sau năm ${targetYear}` : k === 'khác' ? 'Nhiệm vụ thường xuyên, định kỳ' : `Năm ${k}`;
    out.push(heading(3, title));
    for (const t of list) {
      const lead = mainLead(t);
      const who = lead ? `; chủ trì: ${orgName(ctx.model, lead)}` : '';
      const when = t.deadline !== undefined ? `; thời hạn: ${inline(deadlineText(t.deadline))}` : '';
      out.push(paragraph(sentence(`- ${ctx.taskNumber.get(t.ref) ?? ''} ${squash(t.name)}${who}${when}`.replace(/- {2}/, '- '))));
    }
  }
  out.push(heading(2, '3. Kinh phí theo năm'));
  const budget = buildBudget(ctx);
  if (budget.table) out.push(tableBlock(budget.table));
  out.push(paragraph(budget.total ?? 'Các nhiệm vụ chưa khai báo kinh phí.'));
  return out;
}
