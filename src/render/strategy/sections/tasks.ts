import { parseDeadline } from '../../../core/dates.js';
import { viCollator } from '../../../core/text.js';
import type { Model } from '../../../model/model.js';
import { taskLeads } from '../../../model/roles.js';
import type { Task } from '../../../model/types.js';
import { taskDeadlineVi } from '../../../analysis/tasks.js';
import type { StrategyContext } from '../context.js';
import type { AppendixDraft, TableRow, TasksView } from '../view-types.js';
import { deadlineText, fill, joinNames, orgName, sentence, squash, viLetter } from '../wording.js';
import { table, tableAppendix } from './tables.js';
import { planThemes, taskTheme, themeTitle } from '../../documents/themes.js';

/** Task themes in the plan's order (today the pack's task areas, QĐ 1751/QĐ-TTg mục V). */
export function areaOrder(model: Model): string[] {
  return planThemes(model).map((t) => t.id);
}

function deadlineKey(t: Task): string {
  const d = parseDeadline(t.deadline);
  if (!d) return '9999-99-99';
  return d.kind === 'ongoing' ? '9999-12-31' : d.date;
}

/** Area (enum order), then deadline ("Thực hiện thường xuyên" last), then name. */
export function orderTasks(model: Model, tasks: readonly Task[]): Task[] {
  const areas = areaOrder(model);
  return [...tasks].sort(
    (a, b) =>
      areas.indexOf(taskTheme(a)) - areas.indexOf(taskTheme(b)) ||
      (deadlineKey(a) < deadlineKey(b) ? -1 : deadlineKey(a) > deadlineKey(b) ? 1 : 0) ||
      viCollator.compare(a.name, b.name) ||
      (a.ref < b.ref ? -1 : 1),
  );
}

/** Tasks grouped by area, areas numbered 1, 2, … and tasks lettered a, b, … (fills ctx.taskNumber). */
export function groupTasks(ctx: StrategyContext): { area: string; number: number; tasks: Task[] }[] {
  const groups: { area: string; number: number; tasks: Task[] }[] = [];
  for (const t of ctx.tasks) {
    let g = groups[groups.length - 1];
    if (!g || g.area !== taskTheme(t)) {
      g = { area: taskTheme(t), number: groups.length + 1, tasks: [] };
      groups.push(g);
    }
    g.tasks.push(t);
  }
  const numbers = ctx.taskNumber as Map<string, string>;
  for (const g of groups) g.tasks.forEach((t, i) => numbers.set(t.ref, `${g.number}.${viLetter(i)}`));
  return groups;
}

/** V. NHIỆM VỤ VÀ GIẢI PHÁP: one lettered block per task area, one line per task. */
export function buildTasks(ctx: StrategyContext): TasksView {
  const groups = groupTasks(ctx);
  return {
    heading: 'V. NHIỆM VỤ VÀ GIẢI PHÁP',
    intro: squash(fill(ctx.defaults.tasksIntro, ctx.vars)),
    areas: groups.map((g, i) => ({
      label: `${viLetter(i)})`,
      heading: themeTitle(ctx.model, g.area),
      items: g.tasks.map((t) => ({
        label: '-',
        text: sentence(t.description ? `${squash(t.name)}: ${squash(t.description)}` : t.name),
      })),
    })),
    empty: groups.length ? null : 'Chưa khai báo nhiệm vụ (Task).',
  };
}

function partnersOf(ctx: StrategyContext, t: Task): string {
  const names = joinNames((t.partners ?? []).map((p) => orgName(ctx.model, p)));
  const extra = t.partnersText ? squash(t.partnersText) : '';
  return [names, extra].filter((s) => s !== '').join(', ');
}

/** Phụ lục: "Bảng tổng hợp các nhiệm vụ", columns exactly as QĐ 1751 plus Sản phẩm (brief §5.1). */
export function buildTaskAppendix(ctx: StrategyContext): AppendixDraft {
  const groups = groupTasks(ctx);
  const rows: TableRow[] = [];
  for (const g of groups) {
    rows.push({ isGroup: true, isTotal: false, cells: [String(g.number), themeTitle(ctx.model, g.area)], span: 6 });
    g.tasks.forEach((t, i) => {
      rows.push({
        isGroup: false,
        isTotal: false,
        span: null,
        cells: [
          viLetter(i),
          squash(t.name),
          taskLeads(t).map((l) => orgName(ctx.model, l)).join(', '),
          partnersOf(ctx, t),
          taskDeadlineVi(ctx.model, t),
          t.deliverable ? squash(t.deliverable) : '',
          t.note ? squash(t.note) : '',
        ],
      });
    });
  }
  return tableAppendix(
    ctx,
    'tasks',
    'BẢNG TỔNG HỢP CÁC NHIỆM VỤ',
    table(ctx, 'tasks', null, ['STT', 'Nhiệm vụ', 'Cơ quan chủ trì', 'Cơ quan phối hợp', 'Thời gian hoàn thành', 'Sản phẩm', 'Ghi chú'], rows, {
      align: ['center', 'left', 'left', 'left', 'center', 'left', 'left'],
      empty: 'Chưa khai báo nhiệm vụ.',
    }),
  );
}
