import type { PeriodicReport } from '../../analysis/periodic.js';
import { mdCell, mdTable, mdText, viNumber } from '../markdown.js';

const pct = (v: number | null): string => (v === null ? '—' : `${viNumber(v, 1)}%`);
const n = (v: number | null): string => (v === null ? '—' : viNumber(v, 0));
const lower = (s: string): string => (s ? s.charAt(0).toLocaleLowerCase('vi') + s.slice(1) : s);
const br = '<br>';

/** The periodic report as Markdown, every user string escaped. */
export function periodicReportMarkdown(r: PeriodicReport): string {
  const out: string[] = [];
  out.push('# BÁO CÁO ĐỊNH KỲ', '');
  out.push('_về kết nối, chia sẻ dữ liệu, chất lượng dữ liệu và tiến độ thực hiện nhiệm vụ chuyển đổi số_', '');
  const who = r.agency ? `**${mdText(r.agency.name)}** · ` : '';
  const partial = r.period.complete ? '' : ` · _kỳ chưa kết thúc, số liệu đến ngày ${r.asOfDisplay}_`;
  const rp = `kỳ báo cáo: ${lower(r.reportingPeriod.label)}${r.reportingPeriod.confirmed ? '' : ' _(mặc định của bộ khung, chưa xác nhận)_'}`;
  out.push(`${who}**${r.period.label.vi}** (từ ${r.period.startDisplay} đến ${r.period.endDisplay})${partial} · ${rp}`, '');

  const c = r.connections;
  const q = r.quality;
  const s = r.sharing;
  const t = r.tasks;
  out.push('## I. Tóm tắt', '');
  out.push(
    `- Kết nối, chia sẻ dữ liệu hoạt động thành công trong kỳ: **${c.working}**/${c.total} kết nối; ${n(c.transactions)} giao dịch thành công, ${n(c.failed)} giao dịch lỗi.`,
    `- Chất lượng dữ liệu: ${q.assessed}/${q.datasets} tập dữ liệu đã được đánh giá (${q.assessedInPeriod} đánh giá trong kỳ); bình quân đúng ${pct(q.averages.correct)}, đủ ${pct(q.averages.complete)}, sạch ${pct(q.averages.clean)}, sống ${pct(q.averages.live)}.`,
    `- Yêu cầu chia sẻ dữ liệu: nhận ${n(s.received)}, đáp ứng ${n(s.met)} (**${pct(s.rate)}**), từ chối bằng văn bản ${n(s.refusedInWriting)}, đang xử lý ${n(s.pending)}${s.unanswered ? `, **chưa trả lời ${n(s.unanswered)}**` : ''}.`,
    `- Nhiệm vụ: ${t.total} nhiệm vụ; ${t.byStatus.filter((x) => x.count).map((x) => `${lower(x.label)} ${x.count}`).join('; ')}; đến hạn trong kỳ ${t.dueInPeriod} (hoàn thành ${t.doneOfDue}); quá hạn ${t.overdue}.`,
    '',
  );

  out.push('## II. Kết nối, chia sẻ dữ liệu', '');
  c.groups.forEach((g, i) => {
    if (!g.required && g.total === 0) return;
    out.push(`### ${i + 1}. ${g.label.vi}: ${g.working}/${g.total} kết nối hoạt động`, '');
    if (g.rows.length === 0) {
      out.push('_Chưa có kết nối._', '');
      return;
    }
    out.push(
      mdTable(
        ['STT', 'Kết nối', 'Hệ thống, CSDL kết nối', 'Kênh', 'Giao dịch thành công', 'Sẵn sàng', 'Tình trạng'],
        g.rows.map((row, j) => [
          String(j + 1),
          `${mdCell(row.name)}${row.mandatory ? `${br}_chia sẻ bắt buộc_` : ''}`,
          mdCell(row.counterpart),
          mdCell(row.channelLabel),
          `${n(row.transactions)}${row.failed ? `${br}_lỗi ${n(row.failed)}_` : ''}`,
          pct(row.availability),
          row.working ? 'Hoạt động' : `**${mdCell(row.statusLabel)}**${row.note ? `${br}_${mdCell(row.note.vi)}_` : ''}`,
        ]),
        ['r', 'l', 'l', 'l', 'r', 'r', 'c'],
      ),
      '',
    );
  });

  out.push('## III. Chất lượng dữ liệu (đúng - đủ - sạch - sống)', '');
  out.push(
    `_Lần đánh giá gần nhất đến hết kỳ của dữ liệu dùng chung, dữ liệu mở, dữ liệu chủ và cơ sở dữ liệu quốc gia, chuyên ngành. Ngưỡng tối thiểu ${q.threshold}% (giá trị cấu hình, chưa xác nhận); đánh giá cũ hơn ${q.maxAgeDays} ngày được coi là đã cũ._`,
    '',
  );
  out.push(
    mdTable(
      ['STT', 'Tập dữ liệu', 'Chủ sở hữu', 'Ngày đánh giá', 'Đúng', 'Đủ', 'Sạch', 'Sống', 'Dưới ngưỡng'],
      q.rows.map((row, i) => [
        String(i + 1),
        mdCell(row.name),
        mdCell(row.owner),
        row.assessedOn ? `${row.assessedOnDisplay}${row.assessedInPeriod ? ' (trong kỳ)' : ''}${row.stale ? ' **đã cũ**' : ''}` : '**chưa đánh giá**',
        pct(row.correct),
        pct(row.complete),
        pct(row.clean),
        pct(row.live),
        row.below.length ? row.below.join(', ') : '—',
      ]),
      ['r', 'l', 'l', 'c', 'r', 'r', 'r', 'r', 'l'],
    ),
    '',
  );

  out.push('## IV. Tỉ lệ đáp ứng yêu cầu chia sẻ dữ liệu', '');
  if (s.rows.length === 0) out.push('_Không có số liệu yêu cầu chia sẻ trong kỳ._', '');
  else {
    out.push(
      mdTable(
        ['STT', 'Tập dữ liệu', 'Chủ sở hữu', 'Nhận', 'Đáp ứng', 'Từ chối bằng văn bản', 'Đang xử lý', 'Chưa trả lời', 'Tỉ lệ đáp ứng'],
        [
          ...s.rows.map((row, i) => [String(i + 1), mdCell(row.name), mdCell(row.owner), n(row.received), n(row.met), n(row.refusedInWriting), n(row.pending), row.unanswered ? `**${n(row.unanswered)}**` : '0', pct(row.rate)]),
          ['', '**Cộng**', '', `**${n(s.received)}**`, `**${n(s.met)}**`, `**${n(s.refusedInWriting)}**`, `**${n(s.pending)}**`, `**${n(s.unanswered)}**`, `**${pct(s.rate)}**`],
        ],
        ['r', 'l', 'l', 'r', 'r', 'r', 'r', 'r', 'r'],
      ),
      '',
    );
  }

  out.push('## V. Tiến độ thực hiện nhiệm vụ', '');
  out.push(
    mdTable(
      ['STT', 'Nhiệm vụ', 'Cơ quan chủ trì', 'Thời hạn', 'Trạng thái', 'Tiến độ', 'Ghi chú trong kỳ'],
      t.rows.map((row, i) => [
        String(i + 1),
        mdCell(row.name),
        mdCell(row.lead),
        `${mdCell(row.deadlineDisplay)}${row.dueInPeriod ? `${br}_đến hạn trong kỳ_` : ''}`,
        `${mdCell(row.statusLabel)}${row.overdue ? `${br}**quá hạn**` : ''}`,
        pct(row.progress),
        row.note ? mdCell(row.note) : row.updatedInPeriod ? '_có cập nhật_' : '_không cập nhật trong kỳ_',
      ]),
      ['r', 'l', 'l', 'c', 'c', 'r', 'l'],
    ),
    '',
  );

  out.push('---', '', '**Ghi chú phương pháp**', '');
  r.method.forEach((m, i) => out.push(`${i + 1}. ${mdText(m.vi)}`));
  out.push(
    '',
    '_Báo cáo do kientruc tạo từ mô hình kiến trúc, theo yêu cầu thiết lập cơ chế báo cáo định kỳ về số lượng kết nối thành công, chất lượng dữ liệu (đúng - đủ - sạch - sống) và tỉ lệ đáp ứng yêu cầu chia sẻ (văn bản triển khai CV 1215/TTg-KSTT, mục 1.b)._',
  );
  return `${out.join('\n')}\n`;
}
