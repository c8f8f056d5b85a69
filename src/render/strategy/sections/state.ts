import { connectionFigures } from '../../../analysis/figures.js';
import { lowerFirst } from '../../../analysis/names.js';
import { viShortDate } from '../../../core/dates.js';
import { enumLabel } from '../../../framework/types.js';
import type { StrategyContext } from '../context.js';
import type { AppendixDraft, DiagramView, SubsectionView } from '../view-types.js';
import { squash } from '../wording.js';
import { countRows, integrationRows, layerRows, securityNote, securityRows } from './inventory.js';
import { appendixHeading, table } from './tables.js';

function planLine(ctx: StrategyContext, label: string, plan: { readonly status: string; readonly decision?: { readonly number: string; readonly date: string } } | undefined): string | null {
  if (!plan) return null;
  const status = enumLabel(ctx.model.pack, 'planStatus', plan.status);
  const decision = plan.decision ? ` (Quyết định số ${plan.decision.number} ngày ${viShortDate(plan.decision.date)})` : '';
  return `${label}: ${status.toLocaleLowerCase('vi')}${decision}.`;
}

/**
 * Phụ lục hiện trạng, computed from the model: counts, systems per layer, the diagrams, the
 * integrations, and (internal edition only) the security posture.
 */
export function buildStateAppendix(ctx: StrategyContext, diagrams: readonly DiagramView[]): AppendixDraft {
  const pub = ctx.isPublic;
  const sections: SubsectionView[] = [];
  let n = 0;
  const heading = (text: string): string => `${++n}. ${text}`;
  sections.push({
    heading: heading('Tổng hợp'),
    paragraphs: [`Số liệu tính từ mô hình kiến trúc đến ngày ${viShortDate(ctx.asOf)}.`],
    tables: [table(ctx, 'counts', null, ['Nội dung', 'Số lượng'], countRows(ctx), { align: ['left', 'right'] })],
    diagrams: [],
  });
  sections.push({
    heading: heading('Hệ thống thông tin theo lớp của Khung kiến trúc tổng thể quốc gia số'),
    paragraphs: [],
    tables: [table(ctx, 'layers', null, ['Lớp kiến trúc (QĐ 3090/QĐ-BKHCN)', 'Số hệ thống', 'Đang vận hành'], layerRows(ctx), { align: ['left', 'right', 'right'] })],
    diagrams: [],
  });
  if (diagrams.length) {
    sections.push({
      heading: heading('Sơ đồ kiến trúc'),
      paragraphs: [],
      tables: [],
      diagrams,
    });
  }
  sections.push(
    pub
      ? {
          heading: heading('Kết nối, chia sẻ dữ liệu'),
          paragraphs: [`Số kết nối, chia sẻ dữ liệu trong ${lowerFirst(connectionFigures(ctx.model, ctx.asOf).period.labelVi)} theo kênh kết nối.`],
          tables: [table(ctx, 'channels', null, ['Kênh kết nối', 'Số kết nối', 'Đang hoạt động'], integrationRows(ctx), { align: ['left', 'right', 'right'] })],
          diagrams: [],
        }
      : {
          heading: heading('Kết nối, chia sẻ dữ liệu'),
          paragraphs: [],
          tables: [
            table(ctx, 'integrations', null, ['STT', 'Kết nối', 'Từ → đến', 'Kênh', 'Trạng thái'], integrationRows(ctx), {
              align: ['center', 'left', 'left', 'left', 'left'],
              empty: 'Chưa khai báo kết nối.',
            }),
          ],
          diagrams: [],
        },
  );
  if (!pub) {
    const sec = ctx.agency?.security;
    const paragraphs = [
      planLine(ctx, 'Phương án ứng phó sự cố', sec?.incidentResponsePlan),
      planLine(ctx, 'Phương án khôi phục dữ liệu', sec?.dataRecoveryPlan),
      planLine(ctx, 'Quy chế sử dụng mạng nội bộ, mạng kết nối Internet', sec?.internalNetworkRules),
      sec?.lastAssessment
        ? `Đánh giá an toàn thông tin gần nhất ngày ${viShortDate(sec.lastAssessment.date)}${sec.lastAssessment.result ? `: ${squash(sec.lastAssessment.result)}` : '.'}`
        : null,
    ].filter((p): p is string => p !== null);
    sections.push({
      heading: heading('An toàn thông tin'),
      paragraphs,
      tables: [
        table(ctx, 'security', null, ['Cấp độ an toàn hệ thống thông tin', 'Số hệ thống đang xây dựng, vận hành', 'Đã phê duyệt cấp độ'], securityRows(ctx), {
          align: ['left', 'right', 'right'],
          note: securityNote(ctx),
        }),
      ],
      diagrams: [],
    });
  }
  return {
    ...appendixHeading(ctx, 'state', 'HIỆN TRẠNG KIẾN TRÚC SỐ VÀ DỮ LIỆU'),
    intro: null,
    sections,
  };
}

