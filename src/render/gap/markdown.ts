import { mdCell, mdCode, mdTable, mdText, viNumber } from '../markdown.js';
import type { BodyRow, ShownGapReport } from './shown.js';
import { GAP_TOC, gapSection, TECHNICAL_NOTE } from './toc.js';

const pct = (v: number | null): string => (v === null ? '—' : `${viNumber(v, 1)}%`);
const UNCONFIRMED = ' _(chưa xác nhận)_';
const br = '<br>';

/** The per-body summary of a cut list, then its note: what a reader of a national report starts from. */
function bodySummary(rows: readonly BodyRow[] | null, more: string | null, what: string): string[] {
  if (rows === null) return [];
  const out = [`**Tổng hợp theo đơn vị chịu trách nhiệm** (số ${what} mỗi đơn vị):`, ''];
  out.push(
    mdTable(
      ['STT', 'Đơn vị chịu trách nhiệm', `Số ${what}`, 'Lỗi', 'Cảnh báo'],
      rows.map((b, i) => [String(i + 1), `${mdCell(b.name)}${b.ref ? `${br}\`${b.ref}\`` : ''}`, viNumber(b.count), viNumber(b.errors), viNumber(b.warnings)]),
      ['r', 'l', 'r', 'r', 'r'],
    ),
    '',
  );
  if (more !== null) out.push(`_${mdText(more)}_`, '');
  return out;
}

/** The gap report as Markdown: the same sections as the HTML, every user string escaped (long lists cut: see shown.ts). */
export function gapReportMarkdown(r: ShownGapReport): string {
  const s = r.summary;
  const out: string[] = [];
  out.push('# BÁO CÁO ĐÁNH GIÁ KHOẢNG CÁCH', '');
  out.push('_so với Khung kiến trúc tổng thể quốc gia số, Khung kiến trúc dữ liệu quốc gia và các chỉ tiêu quốc gia_', '');
  const who = r.agency ? `**${mdText(r.agency.name)}**${r.agency.code ? ` · mã định danh ${mdText(r.agency.code)}` : ''} · ` : '';
  out.push(`${who}số liệu đến ngày ${r.asOfDisplay} · bộ khung ${mdText(r.framework.id)} (${mdText(r.framework.version)})`, '');
  out.push('**Mục lục**', '', ...GAP_TOC.map((t) => `- ${t.title}`), '');

  out.push(`## ${gapSection('tom-tat')}`, '');
  const by = s.targetsByStatus;
  out.push(
    `- Chỉ tiêu quốc gia: **${s.targets}** chỉ tiêu; đạt ${by.achieved}, đúng tiến độ ${by['on-track']}, chậm ${by.behind}, nguy cơ không đạt ${by['at-risk']}, thiếu số liệu ${by['no-data']}${s.unconfirmedTargets ? ` (${s.unconfirmedTargets} chỉ tiêu có thông tin chưa xác nhận)` : ''}.`,
    `- Mức độ bao phủ của kiến trúc: ${s.coverageMeetingTarget}/${s.coverageWithTarget} nội dung có chỉ tiêu quốc gia đã đạt mức chỉ tiêu.`,
    `- Kiểm tra tuân thủ: **${s.errors}** lỗi, **${s.warnings}** cảnh báo, ${s.infos} thông tin${s.waived ? `, ${s.waived} phát hiện đã được miễn trừ` : ''}.`,
    `- Tồn tại chưa có nhiệm vụ khắc phục: **${s.gaps}**; việc cần làm: **${s.actions}** đối tượng.`,
    '',
  );

  out.push(`## ${gapSection('chi-tieu')}`, '');
  out.push(
    mdTable(
      ['STT', 'Chỉ tiêu quốc gia', 'Mức chỉ tiêu', 'Mục tiêu của cơ quan', 'Giá trị cơ sở', 'Số đo gần nhất', 'Thời hạn', 'Dự báo tại thời hạn', 'Trạng thái'],
      r.targets.map((t, i) => [
        String(i + 1),
        `${mdCell(t.name.vi)}${t.confirmed ? '' : UNCONFIRMED}${t.appliesTo === 'national' ? `${br}_${mdCell(t.appliesToLabel.vi)}_` : ''}${br}${mdCell(t.legalRef)}`,
        mdCell(t.national.display),
        t.agencyTargets
          ? `${mdCell(t.agencyTargets.display)}${t.agencyTargets.deadlineDisplay ? ` (${t.agencyTargets.deadlineDisplay})` : ''}${br}_${mdCell(t.agencyTargets.note.vi)}_`
          : t.kpi
            ? t.kpi.target
              ? `${mdCell(t.kpi.target.display)} (${mdCell(t.kpi.target.deadlineDisplay)})`
              : '—'
            : '_chưa có chỉ tiêu_',
        t.baseline ? `${mdCell(t.baseline.display)} (${t.baseline.dateDisplay})` : '—',
        t.latest ? `${mdCell(t.latest.display)} (${t.latest.dateDisplay}${t.latest.source !== 'kpi' ? `, ${mdCell(t.basis?.vi ?? 'tính từ mô hình')}` : ''})` : '—',
        `${mdCell(t.goal?.deadlineDisplay)}${t.goal?.deadlineFrom === 'kpi' ? `${br}_theo mục tiêu của cơ quan_` : ''}`,
        mdCell(t.projected?.display),
        `**${t.statusLabel.vi}**${t.overdue ? ' (quá hạn)' : ''}`,
      ]),
      ['r', 'l', 'r', 'r', 'r', 'r', 'c', 'r', 'c'],
    ),
    '',
  );

  out.push(`## ${gapSection('bao-phu')}`, '');
  out.push(
    mdTable(
      ['STT', 'Nội dung', 'Kết quả', 'Tỷ lệ', 'Chỉ tiêu quốc gia', 'Đánh giá'],
      r.coverage.map((c, i) => [
        String(i + 1),
        `${mdCell(c.label.vi)}${br}_${mdCell(c.method.vi)}_`,
        c.denominator ? `${viNumber(c.numerator ?? 0)}/${viNumber(c.denominator)}` : '—',
        mdCell(c.display),
        c.target ? `${mdCell(c.target.display)}${c.target.deadlineDisplay ? ` (${c.target.deadlineDisplay})` : ''}${c.target.confirmed ? '' : UNCONFIRMED}` : '—',
        c.meetsTarget === true ? 'Đạt' : c.meetsTarget === false ? '**Chưa đạt**' : '—',
      ]),
      ['r', 'l', 'r', 'r', 'l', 'c'],
    ),
    '',
  );

  out.push(`## ${gapSection('theo-lop')}`, '');
  out.push('### 1. Theo lớp của Khung kiến trúc tổng thể quốc gia số (QĐ 3090/QĐ-BKHCN)', '');
  out.push(
    mdTable(
      ['Lớp', 'Hệ thống', 'Đang vận hành', 'Phê duyệt cấp độ an toàn', 'Có phương án ứng phó, khôi phục', 'Lỗi', 'Cảnh báo', 'Đánh giá'],
      r.scorecards.layers.map((l) => [
        `${l.layer} ${mdCell(l.label.vi)}`,
        String(l.systems),
        String(l.inService),
        `${l.securityApproved}/${l.securityScope} (${pct(l.securityApprovedPct)})`,
        `${l.withPlans}/${l.inService} (${pct(l.withPlansPct)})`,
        String(l.errors),
        String(l.warnings),
        l.ratingLabel.vi,
      ]),
      ['l', 'r', 'r', 'r', 'r', 'r', 'r', 'c'],
    ),
    '',
  );
  out.push('### 2. Theo lớp dữ liệu của Khung kiến trúc dữ liệu quốc gia (QĐ 2439/QĐ-TTg)', '');
  out.push(
    mdTable(
      ['Lớp dữ liệu', 'Tập dữ liệu', 'Đã phân loại', 'Đồng bộ về CSDL tổng hợp quốc gia', 'Đánh giá chất lượng còn hiệu lực', 'Chất lượng bình quân', 'Lỗi', 'Cảnh báo', 'Đánh giá'],
      r.scorecards.dataLayers.map((l) => [
        mdCell(l.label.vi),
        String(l.datasets),
        l.datasets ? `${l.classified}/${l.datasets} (${pct(l.classifiedPct)})` : '—',
        l.syncRequired ? `${l.synchronised}/${l.syncRequired} (${pct(l.synchronisedPct)})` : '—',
        l.qualityRequired ? `${l.qualityCurrent}/${l.qualityRequired} (${pct(l.qualityCurrentPct)})` : '—',
        pct(l.qualityAverage),
        String(l.errors),
        String(l.warnings),
        l.ratingLabel.vi,
      ]),
      ['l', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'c'],
    ),
    '',
  );

  out.push(`## ${gapSection('ton-tai')}`, '');
  if (r.gaps.length === 0) out.push('Mọi tồn tại đều đã có nhiệm vụ khắc phục.', '');
  else {
    out.push(...bodySummary(r.gapList.byBody, r.gapList.byBodyMore, 'tồn tại'));
    out.push(
      mdTable(
        ['STT', 'Đối tượng', 'Tồn tại', 'Mức độ', 'Đơn vị chịu trách nhiệm'],
        r.gaps.map((g, i) => [
          String(i + 1),
          `${mdCell(g.title.vi)}${br}\`${g.entity}\``,
          g.codes.length ? g.codes.map((c) => `${mdCell(c.description.vi)} (\`${c.code}\`)`).join(br) : 'Chỉ tiêu chưa đạt, chưa có nhiệm vụ thực hiện',
          g.severityLabel.vi,
          mdCell(g.responsible?.name),
        ]),
        ['r', 'l', 'l', 'c', 'l'],
      ),
      '',
    );
    if (r.gapList.more !== null) out.push(`_${mdText(r.gapList.more)}_`, '');
  }

  out.push(`## ${gapSection('viec-can-lam')}`, '');
  out.push('_Mỗi dòng là một đối tượng (hệ thống, tập dữ liệu, kết nối, chỉ tiêu, cơ quan) có tồn tại chưa được miễn trừ. Sắp xếp theo mức độ nghiêm trọng, rồi theo thời hạn (thời hạn của nhiệm vụ liên quan, hoặc của chỉ tiêu quốc gia). Cách khắc phục chi tiết từng tồn tại ở mục VII._', '');
  if (r.actions.length === 0) out.push('Không có việc cần làm.', '');
  else {
    out.push(...bodySummary(r.actionList.byBody, r.actionList.byBodyMore, 'đối tượng'));
    out.push(
      mdTable(
        ['STT', 'Đối tượng', 'Tồn tại cần khắc phục', 'Mức độ', 'Đơn vị chịu trách nhiệm', 'Thời hạn', 'Nhiệm vụ liên quan'],
        r.actions.map((a, i) => [
          String(i + 1),
          mdCell(a.title.vi),
          a.items.map((it) => `• ${mdCell(it.message.vi)}${it.legalRef ? ` [${mdCell(it.legalRef)}]` : ''}`).join(br),
          a.severityLabel.vi,
          mdCell(a.responsible?.name),
          mdCell(a.deadlineDisplay),
          a.tasks.length ? a.tasks.map((t) => mdCell(t.name)).join('; ') : '_chưa có_',
        ]),
        ['r', 'l', 'l', 'c', 'l', 'c', 'l'],
      ),
      '',
    );
    if (r.actionList.more !== null) out.push(`_${mdText(r.actionList.more)}_`, '');
  }

  out.push(`## ${gapSection('ky-thuat')}`, '', `_${TECHNICAL_NOTE}_`, '');
  if (r.findings.length === 0) out.push('Không có phát hiện nào.', '');
  r.findings.forEach((g, i) => {
    out.push(`### ${i + 1}. ${mdText(g.description.vi)} (${g.severityLabel.vi})`, '');
    out.push(
      `Mã quy tắc \`${g.code}\`${g.legalRef ? ` · Căn cứ: ${mdText(g.legalRef)}` : ''}${g.confirmed ? '' : ' · _căn cứ chưa xác nhận, chỉ cảnh báo_'} · ${g.count} phát hiện${g.waivedCount ? `, ${g.waivedCount} đã miễn trừ` : ''}`,
      '',
    );
    out.push(
      mdTable(
        ['Vị trí', 'Nội dung', 'Cách khắc phục'],
        g.items.map((it) => [
          mdCode(it.location),
          it.waived ? `~~${mdCell(it.message.vi)}~~${br}_Đã miễn trừ đến ${it.waived.expiresDisplay}: ${mdCell(it.waived.reason)} (${mdCell(it.waived.approvedBy)})_` : mdCell(it.message.vi),
          mdCell(it.fix?.vi),
        ]),
      ),
      '',
    );
    if (g.more !== null) out.push(`_${mdText(g.more)}_`, '');
  });

  out.push('---', '', '**Ghi chú phương pháp**', '');
  r.method.forEach((m, i) => out.push(`${i + 1}. ${mdText(m.vi)}`));
  out.push('', '_Báo cáo do kientruc tạo từ mô hình kiến trúc; cùng dữ liệu đầu vào và ngày số liệu cho cùng một kết quả._');
  return `${out.join('\n')}\n`;
}
