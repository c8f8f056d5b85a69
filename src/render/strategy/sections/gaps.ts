import { viShortDate } from '../../../core/dates.js';
import type { StrategyContext } from '../context.js';
import type { AppendixView, SubsectionView, TableRow } from '../view-types.js';
import { appendixHeading, row, table } from './tables.js';

/** One line of the gap summary, already worded (the analysis decides what is a gap). */
export interface GapLine {
  /** `kpi` — a target not (yet) met; `open` — findings no task addresses. */
  readonly kind: 'kpi' | 'open';
  readonly subject: string;
  /** Current value, or the problems found. */
  readonly state: string;
  /** Status, or the rule codes. */
  readonly assessment: string;
}

/** Phụ lục: tổng hợp khoảng cách — KPIs off track, then (internal edition) findings without a task. */
export function buildGapAppendix(ctx: StrategyContext, lines: readonly GapLine[]): AppendixView {
  const sections: SubsectionView[] = [];
  const kpiRows: TableRow[] = lines.filter((l) => l.kind === 'kpi').map((l, i) => row([String(i + 1), l.subject, l.state, l.assessment]));
  sections.push({
    heading: '1. Chỉ tiêu chưa đạt hoặc có nguy cơ không đạt',
    paragraphs: [],
    tables: [table(ctx, 'gaps', null, ['STT', 'Chỉ tiêu', 'Hiện trạng', 'Đánh giá'], kpiRows, { align: ['center', 'left', 'left', 'left'], empty: 'Mọi chỉ tiêu đều đạt hoặc đúng tiến độ.' })],
    diagrams: [],
  });
  if (!ctx.isPublic) {
    const openRows = lines.filter((l) => l.kind === 'open').map((l, i) => row([String(i + 1), l.subject, l.state, l.assessment]));
    sections.push({
      heading: '2. Vấn đề chưa có nhiệm vụ xử lý',
      paragraphs: [],
      tables: [table(ctx, 'gaps', null, ['STT', 'Đối tượng', 'Vấn đề', 'Mã kiểm tra'], openRows, { align: ['center', 'left', 'left', 'left'], empty: 'Mọi vấn đề phát hiện đều đã có nhiệm vụ xử lý.' })],
      diagrams: [],
    });
  }
  return {
    ...appendixHeading(ctx, 'gaps', 'TỔNG HỢP KHOẢNG CÁCH SO VỚI MỤC TIÊU'),
    intro: `Đánh giá tại ngày ${viShortDate(ctx.asOf)} theo số liệu của mô hình kiến trúc.`,
    sections,
  };
}
