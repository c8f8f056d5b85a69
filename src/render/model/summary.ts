import { channelFigures, connectionFigures } from '../../analysis/figures.js';
import { lowerFirst } from '../../analysis/names.js';
import { countBySeverity } from '../../core/diagnostic.js';
import { viShortDate } from '../../core/dates.js';
import { text } from '../../core/text.js';
import { enumLabel } from '../../framework/types.js';
import type { Model } from '../../model/model.js';
import { mdCell, mdTable, mdText, viNumber } from '../markdown.js';
import type { Renderer } from '../types.js';

function countBy<T>(items: readonly T[], key: (t: T) => string | undefined): Map<string, number> {
  const m = new Map<string, number>();
  for (const it of items) {
    const k = key(it) ?? '';
    m.set(k, (m.get(k) ?? 0) + 1);
  }
  return m;
}

function enumTable(model: Model, enumId: string, counts: Map<string, number>, header: string): string {
  const def = model.pack.enums[enumId];
  const rows: string[][] = [];
  for (const v of def?.values ?? []) {
    const n = counts.get(String(v.value)) ?? 0;
    rows.push([mdCell(v.vi), viNumber(n)]);
  }
  const unset = counts.get('') ?? 0;
  if (unset) rows.push(['_Chưa khai báo_', viNumber(unset)]);
  return mdTable([header, 'Số lượng'], rows, ['l', 'r']);
}

/** `summary.md`: what the architecture holds and whether it validated, in one page. */
export const summaryRenderer: Renderer = {
  id: 'summary',
  description: text('Tổng quan mô hình (summary.md)', 'Model overview (summary.md)'),
  render({ model, diagnostics, asOf }) {
    const a = model.agency;
    const systems = model.all('system');
    const datasets = model.all('dataset');
    // The counts every document prints (analysis/figures.ts): the connections of the reporting period.
    const conn = connectionFigures(model, asOf);
    const kpis = model.all('kpi');
    const tasks = model.all('task');
    const budget = tasks.flatMap((t) => t.budget ?? []).reduce((s, b) => s + b.amount, 0);
    const n = countBySeverity(diagnostics);
    const lines: string[] = [
      `# Tổng quan kiến trúc — ${mdText(a?.name ?? model.root)}`,
      '',
      `Bộ khung ${model.pack.id} (phiên bản ${model.pack.version}) · số liệu đến ngày ${viShortDate(asOf)}${a?.code ? ` · mã định danh ${mdText(a.code)}` : ''}.`,
      '',
      mdTable(
        ['Thành phần', 'Số lượng'],
        [
          ['Cơ quan, đơn vị', viNumber(model.all('org').length)],
          ['Hệ thống thông tin', viNumber(systems.length)],
          ['Cơ sở dữ liệu, tập dữ liệu', viNumber(datasets.length)],
          [`Kết nối, chia sẻ dữ liệu (${lowerFirst(conn.period.labelVi)})`, viNumber(conn.total)],
          ['– đang hoạt động', viNumber(conn.inOperation)],
          ['Chỉ tiêu', viNumber(kpis.length)],
          ['Nhiệm vụ', viNumber(tasks.length)],
          ['Tổng kinh phí nhiệm vụ (triệu đồng)', viNumber(budget, 1)],
        ],
        ['l', 'r'],
      ),
      '',
      '## Hệ thống theo lớp kiến trúc (QĐ 3090/QĐ-BKHCN)',
      '',
      enumTable(model, 'layer', countBy(systems, (s) => s.layer), 'Lớp'),
      '',
      '## Hệ thống theo trạng thái',
      '',
      enumTable(model, 'lifecycle', countBy(systems, (s) => s.status), 'Trạng thái'),
      '',
      '## Dữ liệu theo phân loại chia sẻ (Luật Dữ liệu 2024)',
      '',
      enumTable(model, 'sharingClass', countBy(datasets, (d) => d.sharing), 'Phân loại'),
      '',
      '## Dữ liệu theo lớp dữ liệu (QĐ 2439/QĐ-TTg)',
      '',
      enumTable(model, 'dataLayer', countBy(datasets, (d) => d.layer), 'Lớp dữ liệu'),
      '',
      `## Kết nối theo kênh (${lowerFirst(conn.period.labelVi)})`,
      '',
      enumTable(model, 'channel', new Map(channelFigures(model, asOf, conn.period).map((c) => [c.channel, c.total])), 'Kênh'),
      '',
      '## Nhiệm vụ theo nhóm',
      '',
      mdTable(
        ['Nhóm', 'Số nhiệm vụ', 'Kinh phí (triệu đồng)'],
        (model.pack.enums['taskArea']?.values ?? []).map((v) => {
          const inArea = tasks.filter((t) => t.area === v.value);
          return [mdCell(v.vi), viNumber(inArea.length), viNumber(inArea.flatMap((t) => t.budget ?? []).reduce((s, b) => s + b.amount, 0), 1)];
        }),
        ['l', 'r', 'r'],
      ),
      '',
      '## Kết quả kiểm tra',
      '',
      diagnostics.length === 0
        ? 'Không có lỗi, cảnh báo hay thông tin nào.'
        : `${viNumber(n.error)} lỗi, ${viNumber(n.warning)} cảnh báo, ${viNumber(n.info)} thông tin. Chạy \`kientruc check\` để xem chi tiết.`,
      '',
      `_Mức trưởng thành quản trị dữ liệu: ${a?.governance?.maturityLevel !== undefined ? mdText(enumLabel(model.pack, 'maturityLevel', a.governance.maturityLevel)) : 'chưa khai báo'}._`,
      '',
    ];
    return [{ path: 'summary.md', contents: lines.join('\n') }];
  },
};
