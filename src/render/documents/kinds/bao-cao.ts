import { connectionFigures, type ConnectionFigures } from '../../../analysis/figures.js';
import { buildPeriodicReport, type ConnectionRow, type PeriodicReport } from '../../../analysis/periodic.js';
import { defaultReportPeriod } from '../../../analysis/periods.js';
import { isSynchronised, nationalSyncReasons } from '../../../analysis/datasets.js';
import { viShortDate } from '../../../core/dates.js';
import { enumLabel } from '../../../framework/types.js';
import { viCollator } from '../../../core/text.js';
import { viNumber } from '../../markdown.js';
import { createContext, type StrategyContext } from '../../strategy/context.js';
import { groupRow, orient, row, table, totalRow } from '../../strategy/sections/tables.js';
import { orderTasks } from '../../strategy/sections/tasks.js';
import type { AppendixView, TableRow } from '../../strategy/view-types.js';
import { orgName, roman, sentence, squash, withoutEnding } from '../../strategy/wording.js';
import { buildHeader, buildMarks, buildSignature, TO_COMPLETE, type FrameMeta } from '../frame.js';
import { heading, paragraph, tableBlock, type Block, type OfficialDocView } from '../view.js';
import type { DocumentInput } from './input.js';

/**
 * Báo cáo định kỳ in the NĐ 30 báo cáo frame, on what the seeds ask to be reported (brief §6):
 * connections, đúng–đủ–sạch–sống quality, sharing requests met, task progress; the data-source
 * catalogue and the priority list; difficulties and recommendations written by the agency; preparer.
 */

const pct = (v: number | null): string => (v === null ? '—' : `${viNumber(v, 1)}%`);
const n = (v: number | null): string => (v === null ? '—' : viNumber(v, 0));
const lowerFirst = (s: string): string => s.charAt(0).toLocaleLowerCase('vi') + s.slice(1);
const DASH = '—';


/**
 * Rows a table of the report lists in the readable formats (Markdown, HTML, DOCX, PDF). A national model
 * has tens of thousands of connections, datasets and tasks: as table rows they make a report no one
 * reads and a DOCX larger than a default Node heap. A longer table lists its first rows and says, under
 * it, how many it left out and where the full list is. Every agency's own report stays below the cap.
 */
export const REPORT_TABLE_ROWS = 200;
/** Where the full rows of the connections, quality, sharing and tasks tables are. */
const IN_JSON = 'danh sách đầy đủ trong tệp JSON của báo cáo (kientruc report --format json)';
/** Where the full data-source catalogue is. */
const IN_XLSX = 'danh mục đầy đủ trong bảng tính (kientruc export --format xlsx)';

interface Cut<T> {
  readonly list: readonly T[];
  /** "Bảng chỉ nêu 200 … đầu tiên trong N; …", or null when every row is listed. */
  readonly note: string | null;
}

/** What a table of `total` rows says under it when it lists only the first ones; null when it lists all. */
function cutNote(total: number, what: string, where: string): string | null {
  if (total <= REPORT_TABLE_ROWS) return null;
  return `Bảng chỉ nêu ${n(REPORT_TABLE_ROWS)} ${what} đầu tiên trong ${n(total)}; còn ${n(total - REPORT_TABLE_ROWS)} ${what} khác không nêu ở đây, ${where}.`;
}

function cut<T>(list: readonly T[], what: string, where: string): Cut<T> {
  return { list: list.length <= REPORT_TABLE_ROWS ? list : list.slice(0, REPORT_TABLE_ROWS), note: cutNote(list.length, what, where) };
}

/** The cut's sentence joined to an appendix's own introduction. */
function withNote(intro: string | null, ...notes: (string | null)[]): string | null {
  const all = [intro, ...notes].filter((x): x is string => x !== null);
  return all.length ? all.join(' ') : null;
}

function appendix(ctx: StrategyContext, label: string, title: string, tables: AppendixView['sections'][number]['tables'], intro: string | null = null): AppendixView {
  return orient({ id: title, label, title, attachment: `(Kèm theo ${ctx.decisionRef})`, intro, sections: [{ heading: '', paragraphs: [], tables, diagrams: [] }] });
}

function connectionsAppendix(ctx: StrategyContext, r: PeriodicReport, label: string): AppendixView {
  const rows: TableRow[] = [];
  let gi = 0;
  let room = REPORT_TABLE_ROWS;
  let all = 0;
  for (const g of r.connections.groups) {
    all += g.rows.length;
    if (g.rows.length === 0 || room === 0) continue;
    rows.push(groupRow(roman(++gi), `${g.label.vi} (${g.working}/${g.total} có giao dịch thành công trong kỳ)`, 8));
    const listed = g.rows.slice(0, room);
    room -= listed.length;
    listed.forEach((c, i) =>
      rows.push(
        row([
          String(i + 1),
          `${squash(c.name)}${c.mandatory ? ' (chia sẻ bắt buộc)' : ''}`,
          squash(c.counterpart),
          c.channelLabel,
          // One number a cell: a right-aligned figure does not wrap, so "105.893; lỗi 2.352" ran over the border.
          n(c.transactions),
          c.failed === null ? '—' : n(c.failed),
          pct(c.availability),
          [c.statusLabel, c.note ? lowerFirst(c.note.vi) : null].filter((x) => x !== null).join('; '),
        ]),
      ),
    );
  }
  const note = cutNote(all, 'kết nối', IN_JSON);
  return appendix(
    ctx,
    label,
    'KẾT NỐI, CHIA SẺ DỮ LIỆU TRONG KỲ',
    [
      table(ctx, 'x', null, ['STT', 'Kết nối', 'Hệ thống, CSDL kết nối', 'Kênh', 'Giao dịch thành công', 'Giao dịch lỗi', 'Sẵn sàng', 'Tình trạng hiện nay'], rows, {
        widths: [5, 24, 19, 10, 11, 9, 8, 14],
        align: ['center', 'left', 'left', 'left', 'right', 'right', 'right', 'left'],
        empty: 'Không có kết nối trong kỳ.',
      }),
    ],
    note,
  );
}

function qualityAppendix(ctx: StrategyContext, r: PeriodicReport, label: string): AppendixView {
  const q = r.quality;
  const shown = cut(q.rows, 'tập dữ liệu', IN_JSON);
  const rows = shown.list.map((d, i) =>
    row([
      String(i + 1),
      squash(d.name),
      d.owner ?? '',
      d.assessedOnDisplay ? `${d.assessedOnDisplay}${d.stale ? ' (đã cũ)' : ''}` : 'Chưa đánh giá',
      pct(d.correct),
      pct(d.complete),
      pct(d.clean),
      pct(d.live),
      d.below.length ? d.below.join(', ') : DASH,
    ]),
  );
  return appendix(ctx, label, 'CHẤT LƯỢNG DỮ LIỆU (ĐÚNG - ĐỦ - SẠCH - SỐNG)', [
    table(ctx, 'x', null, ['STT', 'Tập dữ liệu', 'Chủ sở hữu', 'Ngày đánh giá', 'Đúng', 'Đủ', 'Sạch', 'Sống', 'Dưới ngưỡng'], rows, {
      widths: [5, 27, 14, 13, 7, 7, 7, 7, 13],
      align: ['center', 'left', 'left', 'center', 'right', 'right', 'right', 'right', 'left'],
      empty: 'Không có tập dữ liệu phải đánh giá chất lượng.',
    }),
  ], shown.note);
}

function sharingTable(ctx: StrategyContext, r: PeriodicReport): Block[] {
  const s = r.sharing;
  const shown = cut(s.rows, 'tập dữ liệu', IN_JSON);
  const rows = [
    ...shown.list.map((d, i) => row([String(i + 1), squash(d.name), n(d.received), n(d.met), n(d.refusedInWriting + d.pending + d.unanswered), pct(d.rate)])),
    totalRow(['', 'Cộng', n(s.received), n(s.met), n(s.refusedInWriting + s.pending + s.unanswered), pct(s.rate)]),
  ];
  return [
    tableBlock(
      table(ctx, 'x', null, ['STT', 'Tập dữ liệu', 'Nhận', 'Đáp ứng', 'Chưa đáp ứng', 'Tỉ lệ'], rows, {
        widths: [7, 45, 12, 12, 12, 12],
        align: ['center', 'left', 'right', 'right', 'right', 'right'],
      }),
    ),
    ...(shown.note ? [paragraph(shown.note, { italic: true })] : []),
  ];
}

function tasksAppendix(ctx: StrategyContext, r: PeriodicReport, label: string): AppendixView {
  const shown = cut(r.tasks.rows, 'nhiệm vụ', IN_JSON);
  const rows = shown.list.map((t, i) =>
    row([
      String(i + 1),
      squash(t.name),
      squash(t.lead),
      t.deadlineDisplay ?? '',
      `${t.statusLabel}${t.overdue ? '; quá hạn' : ''}`,
      pct(t.progress),
      t.note ? squash(t.note) : t.updatedInPeriod ? 'Có cập nhật trong kỳ' : 'Không cập nhật trong kỳ',
    ]),
  );
  return appendix(ctx, label, 'TIẾN ĐỘ THỰC HIỆN NHIỆM VỤ', [
    table(ctx, 'x', null, ['STT', 'Nhiệm vụ', 'Cơ quan chủ trì', 'Thời hạn', 'Trạng thái', 'Tiến độ', 'Kết quả trong kỳ'], rows, {
      widths: [5, 30, 15, 11, 12, 8, 19],
      align: ['center', 'left', 'left', 'center', 'left', 'right', 'left'],
      empty: 'Không có nhiệm vụ.',
    }),
  ], shown.note);
}

/** The catalogue columns the periodic survey asks for per data source, and what the model holds of each. */
const CATALOGUE_GAPS = ['danh sách trường dữ liệu', 'mục đích sử dụng', 'căn cứ pháp lý thu thập'] as const;

function catalogueAppendix(ctx: StrategyContext, label: string): AppendixView {
  const m = ctx.model;
  const shown = cut(
    [...ctx.datasets].sort((a, b) => viCollator.compare(a.name, b.name) || (a.ref < b.ref ? -1 : 1)),
    'nguồn dữ liệu',
    IN_XLSX,
  );
  const rows: TableRow[] = shown.list.map((d, i) => {
      const security = [
        d.sharing ? enumLabel(m.pack, 'sharingClass', d.sharing) : null,
        d.personalData ? lowerFirst(enumLabel(m.pack, 'personalData', d.personalData)) : null,
        d.protection?.impactAssessment ? 'đã lập hồ sơ đánh giá tác động' : null,
        d.stateSecret ? 'có bí mật nhà nước' : null,
      ].filter((x): x is string => x !== null);
      return row([
        String(i + 1),
        squash(d.name),
        d.owner ? orgName(m, d.owner) : DASH,
        d.system ? squash(m.shortNameOf(d.system)) : DASH,
        d.openData?.formats?.length ? d.openData.formats.join(', ') : DASH,
        d.updateFrequency ? enumLabel(m.pack, 'updateFrequency', d.updateFrequency) : DASH,
        d.records !== undefined ? viNumber(d.records, 0) : DASH,
        security.join('; '),
      ]);
    });
  return appendix(
    ctx,
    label,
    'DANH MỤC NGUỒN DỮ LIỆU',
    [
      table(ctx, 'x', null, ['STT', 'Nguồn dữ liệu', 'Cơ quan quản lý', 'Hệ thống lưu trữ', 'Định dạng', 'Tần suất cập nhật', 'Số bản ghi', 'Phân loại, điều kiện bảo mật'], rows, {
        widths: [4, 22, 13, 12, 10, 9, 9, 21],
        align: ['center', 'left', 'left', 'left', 'left', 'left', 'right', 'left'],
        empty: 'Chưa khai báo nguồn dữ liệu.',
      }),
    ],
    withNote(
      `Cột "Định dạng" ghi định dạng công bố của dữ liệu mở; "—" là thông tin chưa có trong hồ sơ kiến trúc. Hồ sơ chưa có: ${CATALOGUE_GAPS.join(', ')} của từng nguồn dữ liệu.`,
      shown.note,
    ),
  );
}

/** Core and important data not yet synchronised with the national consolidated database, first. */
function priorityTable(ctx: StrategyContext): Block[] {
  const m = ctx.model;
  const rank = (c: string | undefined): number => (c === 'core' ? 0 : c === 'important' ? 1 : 2);
  const shown = cut(
    ctx.datasets
      .filter((d) => d.criticality === 'core' || d.criticality === 'important')
      .filter((d) => nationalSyncReasons(d).length > 0 && !isSynchronised(d))
      .sort((a, b) => rank(a.criticality) - rank(b.criticality) || viCollator.compare(a.name, b.name)),
    'nguồn dữ liệu',
    IN_XLSX,
  );
  // The tasks addressing each listed dataset, in the model's task order (one pass over the tasks).
  const listed = new Set<string>(shown.list.map((d) => d.ref));
  const tasksOf = new Map<string, string[]>();
  for (const t of m.all('task')) {
    for (const ref of new Set<string>(t.addresses ?? [])) {
      if (listed.has(ref)) tasksOf.set(ref, [...(tasksOf.get(ref) ?? []), squash(t.name)]);
    }
  }
  const tasksFor = (ref: string): string => (tasksOf.get(ref) ?? []).join('; ');
  const rows = shown.list.map((d, i) =>
    row([
      String(i + 1),
      squash(d.name),
      d.criticality ? enumLabel(m.pack, 'criticality', d.criticality) : DASH,
      d.sync?.status ? `${enumLabel(m.pack, 'syncStatus', d.sync.status)}${d.sync.coverage !== undefined ? ` (${viNumber(d.sync.coverage, 1)}%)` : ''}` : 'Chưa xác định',
      tasksFor(d.ref) || 'Chưa có nhiệm vụ',
    ]),
  );
  return [
    tableBlock(
      table(ctx, 'x', null, ['STT', 'Nguồn dữ liệu', 'Mức độ quan trọng', 'Đồng bộ về CSDL tổng hợp quốc gia', 'Nhiệm vụ liên quan'], rows, {
        widths: [7, 33, 15, 20, 25],
        align: ['center', 'left', 'left', 'left', 'left'],
        empty: 'Không có dữ liệu cốt lõi, quan trọng chờ đồng bộ.',
      }),
    ),
    ...(shown.note ? [paragraph(shown.note, { italic: true })] : []),
  ];
}

const hasUsage = (c: ConnectionRow): boolean => c.transactions !== null;

/** A count of working connections, or "—" for connections none of which has transaction figures for the period (missing, not zero). */
function workingCell(working: number, total: number, anyData: boolean): string {
  return total > 0 && !anyData ? DASH : n(working);
}

/**
 * I.1 in one sentence. Transactions the model has no figures for are said to be missing ("chưa có số
 * liệu"), never summed as 0, as Phụ lục I says of each connection.
 */
function connectionsSentence(f: ConnectionFigures, r: PeriodicReport, appendix: string): string {
  if (f.total === 0) return 'Trong kỳ không có kết nối, chia sẻ dữ liệu.';
  const parts = [`Trong kỳ có ${n(f.total)} kết nối, chia sẻ dữ liệu`, `${n(f.inOperation)} kết nối đang hoạt động (${n(f.viaNdop)} qua Nền tảng chia sẻ, điều phối dữ liệu)`];
  if (f.withData === 0) parts.push('chưa có số liệu giao dịch trong kỳ của kết nối nào');
  else {
    const rows = r.connections.groups.flatMap((g) => g.rows);
    const failed = rows.some((c) => c.failed !== null) ? ` và ${n(r.connections.failed)} giao dịch lỗi` : ' (chưa có số liệu giao dịch lỗi)';
    parts.push(
      f.working > 0
        ? `${n(f.working)} kết nối có giao dịch thành công trong kỳ với ${n(r.connections.transactions)} giao dịch thành công${failed}`
        : 'không có kết nối nào có giao dịch thành công trong kỳ',
    );
    if (f.withoutData > 0) parts.push(`${n(f.withoutData)} kết nối chưa có số liệu giao dịch trong kỳ`);
  }
  return `${parts.join('; ')}. Chi tiết tại ${appendix}.`;
}

/**
 * I.2 in one sentence, on two bases each named: assessed at least once, and assessed within the
 * validity period (the gap report's "còn hiệu lực"). Without any assessment there are no averages to
 * give: the sentence says so instead of printing "0/N … bình quân đúng —".
 */
function qualitySentence(q: PeriodicReport['quality'], appendix: string): string {
  const threshold = `ngưỡng tối thiểu ${viNumber(q.threshold, 0)}%`;
  if (q.datasets === 0) return 'Không có tập dữ liệu phải đánh giá chất lượng (đúng, đủ, sạch, sống).';
  if (q.assessed === 0) {
    return `Chưa tập dữ liệu nào trong ${n(q.datasets)} tập dữ liệu phải đánh giá được đánh giá chất lượng (đúng, đủ, sạch, sống); ${threshold}. Chi tiết tại ${appendix}.`;
  }
  const days = `trong ${viNumber(q.maxAgeDays, 0)} ngày gần nhất`;
  const inPeriod = q.assessedInPeriod > 0 ? `${n(q.assessedInPeriod)} đánh giá trong kỳ` : 'chưa tập dữ liệu nào được đánh giá trong kỳ';
  const current = q.current > 0 ? `trong đó ${n(q.current)} có kết quả đánh giá còn hiệu lực (${days})` : `chưa tập dữ liệu nào có kết quả đánh giá còn hiệu lực (${days})`;
  const averages = `bình quân đúng ${pct(q.averages.correct)}, đủ ${pct(q.averages.complete)}, sạch ${pct(q.averages.clean)}, sống ${pct(q.averages.live)}`;
  return `${q.assessed}/${q.datasets} tập dữ liệu phải đánh giá đã được đánh giá chất lượng (${inPeriod}), ${current}; ${averages}; ${threshold}. Chi tiết tại ${appendix}.`;
}

/** Agency prose: a list of paragraphs, or an explicit line when the agency has written none yet. */
function prose(list: readonly string[] | undefined, none: string, missing: string): Block[] {
  if (list === undefined) return [paragraph(missing, { italic: true })];
  if (list.length === 0) return [paragraph(none)];
  return list.map((t, i) => paragraph(sentence(t), { label: `${i + 1}.` }));
}

/**
 * "Kính gửi: A." for one addressee; "Kính gửi:" then "- A;" … "- B." for several (NĐ 30 practice).
 * Without `report.addressees` a line to complete; an empty list (`addressees: []`) prints none.
 */
function addresseeLines(list: readonly string[] | undefined): string[] | null {
  if (list === undefined) return [`Kính gửi: ${TO_COMPLETE.addressees}.`];
  const names = list.map(withoutEnding).filter((a) => a !== '');
  if (names.length === 0) return null;
  if (names.length === 1) return [`Kính gửi: ${names[0]}.`];
  return ['Kính gửi:', ...names.map((a, i) => `- ${a}${i === names.length - 1 ? '.' : ';'}`)];
}

export function buildReportView(input: DocumentInput): OfficialDocView {
  const model = input.model;
  const rep = model.agency?.report;
  const period = input.period ?? defaultReportPeriod(model, input.asOf);
  const date = rep?.date ?? input.asOf;
  const attachedTo = { typeCode: 'BC', number: rep?.number, docName: 'Báo cáo', date };
  const ctx = createContext({ model, asOf: input.asOf, audience: input.audience, assets: input.assets, attachedTo }, orderTasks);
  const r = buildPeriodicReport(model, period, input.asOf);
  const f = connectionFigures(model, input.asOf, period);
  // A period not over by the data date is reported up to that date, and the report says so.
  const periodText = `${lowerFirst(period.labelVi)} (từ ngày ${r.period.startDisplay} đến ngày ${r.period.endDisplay}${period.end > input.asOf ? `; kỳ chưa kết thúc, số liệu đến ngày ${viShortDate(input.asOf)}` : ''})`;
  const subject = squash(rep?.title ?? ctx.defaults.reportTitle.replace('{period}', lowerFirst(period.labelVi)));
  const meta: FrameMeta = {
    typeCode: 'BC',
    docType: 'BÁO CÁO',
    subject,
    number: rep?.number,
    isDraft: rep?.number === undefined || !/^\s*\d/.test(rep.number),
    recipients: rep?.recipients ?? [...(rep?.addressees ?? []), 'Lưu: VT'],
    signer: rep?.signer ?? model.agency?.document?.signer,
  };
  const name = model.agency?.name ?? model.root;
  const labels = ['I', 'II', 'III', 'IV', 'V'].map((x) => `PHỤ LỤC ${x}`);
  const [lConn, lQual, lTask, lCat] = labels as [string, string, string, string, string];
  // In a sentence an appendix is "Phụ lục I", as the Kế hoạch and the strategy write it; capitals are for its heading.
  const cite = (label: string): string => label.replace('PHỤ LỤC', 'Phụ lục');
  const q = r.quality;
  const s = r.sharing;
  const t = r.tasks;
  const byStatus = t.byStatus.filter((x) => x.count > 0).map((x) => `${lowerFirst(x.label)} ${x.count}`);
  const body: Block[] = [
    paragraph(
      `Thực hiện yêu cầu báo cáo định kỳ về số lượng kết nối thành công, chất lượng dữ liệu (đúng, đủ, sạch, sống), tỉ lệ đáp ứng yêu cầu chia sẻ dữ liệu và tiến độ thực hiện nhiệm vụ, ${name} báo cáo kết quả ${periodText} như sau:`,
    ),
    heading(1, 'I. KẾT QUẢ THỰC HIỆN'),
    heading(2, '1. Kết nối, chia sẻ dữ liệu'),
    paragraph(connectionsSentence(f, r, cite(lConn))),
    tableBlock(
      table(
        ctx,
        'x',
        null,
        ['Nhóm kết nối', 'Số kết nối', 'Có giao dịch thành công trong kỳ'],
        [
          ...r.connections.groups.filter((g) => g.total > 0 || g.required).map((g) => row([g.label.vi, n(g.total), workingCell(g.working, g.total, g.rows.some(hasUsage))])),
          totalRow(['Cộng', n(f.total), workingCell(f.working, f.total, f.withData > 0)]),
        ],
        { widths: [60, 15, 25], align: ['left', 'right', 'right'] },
      ),
    ),
    heading(2, '2. Chất lượng dữ liệu'),
    paragraph(qualitySentence(q, cite(lQual))),
    heading(2, '3. Đáp ứng yêu cầu chia sẻ dữ liệu'),
    paragraph(
      s.received
        ? `Nhận ${n(s.received)} yêu cầu chia sẻ dữ liệu, đáp ứng ${n(s.met)} yêu cầu (${pct(s.rate)}); từ chối bằng văn bản ${n(s.refusedInWriting)}, đang xử lý ${n(s.pending)}, chưa trả lời ${n(s.unanswered)}.`
        : 'Trong kỳ không phát sinh yêu cầu chia sẻ dữ liệu.',
    ),
    ...(s.rows.length ? sharingTable(ctx, r) : []),
    heading(2, '4. Tiến độ thực hiện nhiệm vụ'),
    paragraph(
      // A zero is said in words ("không có nhiệm vụ nào"), never as "0 nhiệm vụ …, đã hoàn thành 0".
      // The parts add up: the tasks reported (started by the end of the period) by status, and the ones that start later.
      `${t.declared === t.total ? `${t.total} nhiệm vụ` : `${t.declared} nhiệm vụ, trong đó ${t.total} nhiệm vụ có thời điểm bắt đầu đến hết kỳ`}${byStatus.length ? ` (${byStatus.join(', ')})` : ''}${
        t.declared > t.total ? ` và ${t.declared - t.total} nhiệm vụ bắt đầu sau kỳ báo cáo` : ''
      }; ${
        t.dueInPeriod ? `${t.dueInPeriod} nhiệm vụ đến hạn trong kỳ, đã hoàn thành ${t.doneOfDue}` : 'không có nhiệm vụ nào đến hạn trong kỳ'
      }; ${t.overdue ? `${t.overdue} nhiệm vụ quá hạn` : 'không có nhiệm vụ quá hạn'}. Chi tiết tại ${cite(lTask)}.`,
    ),
    heading(1, 'II. DANH MỤC NGUỒN DỮ LIỆU VÀ DỮ LIỆU ƯU TIÊN'),
    paragraph(`Danh mục nguồn dữ liệu (cơ quan quản lý, hệ thống lưu trữ, định dạng, tần suất cập nhật, phân loại và điều kiện bảo mật) tại ${cite(lCat)}.`),
    paragraph('Dữ liệu cốt lõi, dữ liệu quan trọng phải đồng bộ về Cơ sở dữ liệu tổng hợp quốc gia mà chưa đồng bộ đầy đủ, cần ưu tiên xử lý:'),
    ...priorityTable(ctx),
    heading(1, 'III. KHÓ KHĂN, VƯỚNG MẮC'),
    ...prose(rep?.difficulties, 'Trong kỳ không phát sinh khó khăn, vướng mắc.', '[Cơ quan bổ sung khó khăn, vướng mắc phát sinh trong kỳ.]'),
    heading(1, 'IV. KIẾN NGHỊ, ĐỀ XUẤT'),
    ...prose(rep?.recommendations, 'Không có kiến nghị, đề xuất.', '[Cơ quan bổ sung kiến nghị, đề xuất.]'),
  ];
  const preparer = rep?.preparer;
  const contact = model.agency?.contact;
  const who = preparer
    ? [preparer.name, preparer.unit, preparer.phone ? `điện thoại ${preparer.phone}` : null, preparer.email ? `thư điện tử ${preparer.email}` : null]
    : [contact?.person ?? null, contact?.unit ?? null, contact?.phone ? `điện thoại ${contact.phone}` : null, contact?.email ? `thư điện tử ${contact.email}` : null];
  const contactLine = who.filter((x): x is string => x !== null && x !== '');
  const closing: Block[] = [
    paragraph(`Trên đây là báo cáo kết quả ${lowerFirst(period.labelVi)} của ${name}./.`),
    ...(contactLine.length ? [paragraph(`Người lập báo cáo, đầu mối liên hệ: ${withoutEnding(contactLine.join(', '))}.`, { italic: true })] : []),
  ];
  return {
    meta: { kind: 'bao-cao', title: subject, audience: input.audience, documentDate: date, asOf: input.asOf, generator: input.generator, lang: 'vi' },
    marks: buildMarks(ctx, meta),
    header: buildHeader(ctx, meta),
    addressees: addresseeLines(rep?.addressees),
    preamble: null,
    body,
    closing,
    signature: buildSignature(ctx, meta),
    attachment: null,
    appendices: [connectionsAppendix(ctx, r, lConn), qualityAppendix(ctx, r, lQual), tasksAppendix(ctx, r, lTask), catalogueAppendix(ctx, lCat)],
  };
}
