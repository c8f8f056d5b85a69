import { addDays, daysBetween, parseDeadline, viShortDate, type IsoDate } from '../../core/dates.js';
import { enumLabel } from '../../framework/types.js';
import type { Model } from '../../model/model.js';
import type { Task } from '../../model/types.js';
import { mmdGanttText, mmdId, truncate, wrapText } from './escape.js';
import { GANTT_LEGEND_MARK } from './gantt-legend.js';
import type { DiagramOptions, DiagramSpec } from './types.js';

const TITLE = 'Lộ trình thực hiện nhiệm vụ theo nhóm nhiệm vụ';
const LABEL_MAX = 72;

/** Legend entries: the Gantt tag (or `todo`, `milestone`, `vert`) and what it means. */
const LEGEND: readonly (readonly [string, string])[] = [
  ['todo', 'Chưa triển khai'],
  ['active', 'Đang triển khai'],
  ['crit', 'Chậm tiến độ hoặc đã quá hạn'],
  ['done', 'Đã hoàn thành hoặc dừng thực hiện'],
  ['milestone', 'Chỉ có thời hạn hoàn thành'],
  ['vert', 'Ngày chốt số liệu'],
];

/** A task placed on the time axis, or the reason it could not be. */
type Placed =
  | { readonly task: Task; readonly kind: 'bar'; readonly start: IsoDate; readonly end: IsoDate; readonly suffix: string }
  | { readonly task: Task; readonly kind: 'milestone'; readonly at: IsoDate; readonly suffix: string }
  | { readonly task: Task; readonly kind: 'open'; readonly start: IsoDate; readonly suffix: string };

function place(task: Task): Placed | undefined {
  const due = parseDeadline(task.deadline);
  const start = task.start;
  if (due?.kind === 'ongoing') return start ? { task, kind: 'open', start, suffix: ' (thường xuyên)' } : undefined;
  if (due?.kind === 'date') {
    if (start && start < due.date) return { task, kind: 'bar', start, end: due.date, suffix: '' };
    return { task, kind: 'milestone', at: due.date, suffix: start ? '' : ` (hạn ${viShortDate(due.date)})` };
  }
  // No deadline: not drawn (a bar would run to the chart's last date); listed in the notes.
  return undefined;
}

/** Gantt tags: grey when done or stopped, red when late or overdue, dark when under way. */
function tags(p: Placed, asOf: IsoDate): string[] {
  const status = p.task.status;
  if (status === 'done' || status === 'cancelled') return ['done'];
  const end = p.kind === 'bar' ? p.end : p.kind === 'milestone' ? p.at : undefined;
  if (status === 'delayed' || (end !== undefined && end < asOf)) return ['crit'];
  if (status === 'in-progress') return ['active'];
  return [];
}

function tickInterval(from: IsoDate, to: IsoDate): string {
  const months = daysBetween(from, to) / 30.4;
  return months <= 14 ? '1month' : months <= 40 ? '3month' : months <= 84 ? '6month' : '12month';
}

function areasOf(model: Model, tasks: readonly Task[]): string[] {
  const order = (model.pack.enums['taskArea']?.values ?? []).map((v) => String(v.value));
  const used = new Set<string>(tasks.map((t) => t.area));
  return [...order.filter((a) => used.has(a)), ...[...used].filter((a) => !order.includes(a)).sort()];
}

function chart(model: Model, placed: readonly Placed[], asOf: IsoDate, title: string): string {
  const dates = placed.flatMap((p) => (p.kind === 'bar' ? [p.start, p.end] : p.kind === 'milestone' ? [p.at] : [p.start]));
  const first = [...dates, asOf].sort()[0]!;
  const closedEnds = placed.flatMap((p) => (p.kind === 'bar' ? [p.end] : p.kind === 'milestone' ? [p.at] : []));
  const last = [...closedEnds, addDays(asOf, 365)].sort().at(-1)!;
  const lines = [
    'gantt',
    `  title ${mmdGanttText(title)}`,
    '  dateFormat YYYY-MM-DD',
    '  axisFormat %m/%Y',
    `  tickInterval ${tickInterval(first, last)}`,
    '  todayMarker off',
  ];
  for (const area of areasOf(model, placed.map((p) => p.task))) {
    lines.push(`  section ${wrapText(enumLabel(model.pack, 'taskArea', area), 30).split('\n').map(mmdGanttText).join('<br/>')}`);
    for (const p of placed.filter((x) => x.task.area === area)) {
      const label = mmdGanttText(`${truncate(model.shortNameOf(p.task.ref), LABEL_MAX)}${p.suffix}`);
      const id = `t_${mmdId(p.task.ref)}`;
      const meta = [...tags(p, asOf), ...(p.kind === 'milestone' ? ['milestone'] : []), id];
      const span = p.kind === 'bar' ? `${p.start}, ${p.end}` : p.kind === 'milestone' ? `${p.at}, 0d` : `${p.start}, ${last}`;
      lines.push(`    ${label} :${meta.join(', ')}, ${span}`);
    }
  }
  lines.push(`  ${mmdGanttText(`Ngày chốt số liệu ${viShortDate(asOf)}`)} :vert, asof, ${asOf}, 0d`);
  // The legend, drawn under the chart by the renderer (Mermaid's Gantt has none): what each bar means.
  const used = new Set(placed.flatMap((p) => [...tags(p, asOf), ...(p.kind === 'milestone' ? ['milestone'] : [])]));
  if (placed.some((p) => tags(p, asOf).length === 0)) used.add('todo');
  for (const [key, text] of LEGEND) if (used.has(key) || key === 'vert') lines.push(`  %% ${GANTT_LEGEND_MARK} ${key} ${text}`);
  return `${lines.join('\n')}\n`;
}

/**
 * The roadmap Gantt: tasks grouped by task area, bars from start to deadline (`parseDeadline`), a
 * milestone when only the deadline is known, open-ended bars for ongoing tasks; tasks with no date at
 * all are listed in the notes. Above `maxNodes` tasks: one chart per area.
 */
export function roadmapDiagrams(model: Model, opts: DiagramOptions): DiagramSpec[] {
  const tasks = model.all('task');
  if (tasks.length === 0) return [];
  const placed = tasks.map(place).filter((p): p is Placed => p !== undefined);
  const unplaced = tasks.filter((t) => !placed.some((p) => p.task === t));
  const notes = [
    'Màu đỏ: chậm tiến độ hoặc đã quá hạn; xanh nhạt: đang triển khai; xanh đậm: chưa triển khai; xám: đã hoàn thành hoặc dừng thực hiện; hình thoi: chỉ có thời hạn hoàn thành; đường dọc: ngày chốt số liệu.',
    ...(unplaced.length
      ? [`Chưa đưa lên biểu đồ vì chưa có thời hạn hoàn thành xác định (hoặc nhiệm vụ thường xuyên chưa có ngày bắt đầu): ${unplaced.map((t) => model.nameOf(t.ref)).join('; ')}.`]
      : []),
  ];
  if (placed.length === 0) return [];
  if (placed.length <= opts.maxNodes) {
    return [{ name: 'roadmap', group: 'roadmap', title: TITLE, mermaid: chart(model, placed, opts.asOf, TITLE), notes }];
  }
  return areasOf(model, placed.map((p) => p.task)).map((area) => {
    const title = `Lộ trình — ${enumLabel(model.pack, 'taskArea', area)}`;
    return { name: `roadmap-${area}`, group: 'roadmap' as const, title, mermaid: chart(model, placed.filter((p) => p.task.area === area), opts.asOf, title), notes };
  });
}
