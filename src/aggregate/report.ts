import { countBySeverity } from '../core/diagnostic.js';
import { viShortDate } from '../core/dates.js';
import { parseRef } from '../core/ref.js';
import { stableStringify } from '../core/stable-json.js';
import { countEn, pick, type Lang } from '../core/text.js';
import { enumLabel } from '../framework/types.js';
import { mdCell, mdCode, mdTable, mdText, viNumber } from '../render/markdown.js';
import type { AggregateResult, KpiRollup, LinkEnd, RollupStatus } from './types.js';

const STATUS: Readonly<Record<RollupStatus, { vi: string; en: string }>> = {
  met: { vi: 'Đạt', en: 'Met' },
  behind: { vi: 'Chưa đạt', en: 'Behind' },
  overdue: { vi: 'Quá hạn, chưa đạt', en: 'Overdue' },
  'no-data': { vi: 'Chưa có số liệu', en: 'No data' },
  'no-target': { vi: 'Chưa có giá trị chỉ tiêu', en: 'No target value' },
  'not-aggregated': { vi: 'Không tổng hợp', en: 'Not aggregated' },
};

function n(value: number | undefined, lang: Lang, digits = 2): string {
  if (value === undefined) return '—';
  return lang === 'vi' ? viNumber(value, digits) : String(value);
}

function d(date: string | null | undefined, lang: Lang): string {
  if (!date) return '—';
  return lang === 'vi' ? viShortDate(date) : date;
}

function unitSuffix(unit: string): string {
  return unit === 'percent' ? '%' : '';
}

function rollupBlock(r: KpiRollup, lang: Lang): string {
  const vi = lang === 'vi';
  const u = unitSuffix(r.unit);
  const head = `#### ${mdText(pick(r.name, lang))}`;
  const summary = vi
    ? `Chỉ tiêu quốc gia ${r.comparator === 'lte' ? '≤' : '≥'} ${n(r.targetValue ?? undefined, lang)}${u}, thời hạn ${d(r.deadline, lang)} (${mdText(r.legalRef)}). **Tổng hợp: ${r.value === undefined ? '' : `${n(r.value, lang)}${u} — `}${STATUS[r.status].vi}.** ${mdText(r.basisNote.vi)}`
    : `National target ${r.comparator === 'lte' ? '≤' : '≥'} ${n(r.targetValue ?? undefined, lang)}${u}, due ${d(r.deadline, lang)} (${mdText(r.legalRef)}). **Rolled up: ${r.value === undefined ? '' : `${n(r.value, lang)}${u} — `}${STATUS[r.status].en}.** ${mdText(r.basisNote.en)}`;
  const rows = r.contributions.map((c) => [
    mdCell(c.agencyName),
    `\`${c.kpi}\``,
    c.value === undefined ? '—' : `${n(c.value, lang)}${u}`,
    d(c.date, lang),
    c.weight === undefined ? '—' : n(c.weight, lang, 0),
    c.share === undefined ? '—' : `${n(c.share * 100, lang, 1)}%`,
  ]);
  return [
    head,
    '',
    summary,
    '',
    mdTable([vi ? 'Cơ quan' : 'Agency', vi ? 'Chỉ tiêu' : 'KPI', vi ? 'Số liệu mới nhất' : 'Latest', vi ? 'Ngày' : 'Date', vi ? 'Trọng số' : 'Weight', vi ? 'Tỷ trọng' : 'Share'], rows, ['l', 'l', 'r', 'l', 'r', 'r']),
  ].join('\n');
}

/**
 * The consolidated gaps: each agency's open findings and the entities no task addresses (analysis layer),
 * then the rule codes found in the most agencies — where a province-wide task would help most.
 */
function gapSection(r: AggregateResult, lang: Lang): string {
  const vi = lang === 'vi';
  const merged = r.agencies.filter((a) => a.merged);
  const byCode = new Map<string, { n: number; agencies: Set<string> }>();
  for (const d of r.diagnostics) {
    if (d.waived || d.severity === 'info' || d.code.startsWith('aggregate.')) continue;
    const agency = d.entity === undefined ? undefined : parseRef(d.entity)?.agency;
    if (agency === undefined) continue;
    const e = byCode.get(d.code) ?? { n: 0, agencies: new Set<string>() };
    e.n++;
    e.agencies.add(agency);
    byCode.set(d.code, e);
  }
  const top = [...byCode.entries()].sort((a, b) => b[1].agencies.size - a[1].agencies.size || b[1].n - a[1].n || (a[0] < b[0] ? -1 : 1)).slice(0, 15);
  return [
    vi ? '## Khoảng cách tổng hợp' : '## Consolidated gaps',
    '',
    mdTable(
      vi ? ['Cơ quan', 'Lỗi', 'Cảnh báo', 'Thực thể có phát hiện chưa có nhiệm vụ khắc phục'] : ['Agency', 'Errors', 'Warnings', 'Entities with findings no task addresses'],
      merged.map((a) => [mdCell(a.name), String(a.findings.error), String(a.findings.warning), String(a.unaddressed)]),
      ['l', 'r', 'r', 'r'],
    ),
    '',
    vi
      ? 'Báo cáo khoảng cách tổng hợp (chỉ tiêu quốc gia, độ bao phủ, đánh giá theo lớp, phát hiện theo nhóm, khoảng cách và hành động trên toàn bộ các cơ quan) [gap-report.md](gap-report.md) (cũng có .html, .json). Các phát hiện gặp ở nhiều cơ quan nhất:'
      : 'The consolidated gap report (national targets, coverage, layer scorecards, grouped findings, gaps and actions over all agencies) [gap-report.md](gap-report.md) (also .html, .json). Findings met in the most agencies:',
    '',
    top.length
      ? mdTable(
          vi ? ['Mã', 'Số cơ quan', 'Số phát hiện'] : ['Code', 'Agencies', 'Findings'],
          top.map(([code, e]) => [`\`${code}\``, String(e.agencies.size), String(e.n)]),
          ['l', 'r', 'r'],
        )
      : vi
        ? '_Không có._'
        : '_None._',
  ].join('\n');
}

/** `aggregate.md`: the agencies merged, the conflicts with file and line, KPIs rolled up, cross-agency links. */
export function aggregateMarkdown(r: AggregateResult, lang: Lang, diagram?: { readonly title: string; readonly mermaid: string; readonly svgPath: string | undefined }): string {
  const vi = lang === 'vi';
  const m = r.model;
  const primary = r.agencies.find((a) => a.primary);
  const counts = countBySeverity(r.conflicts);
  const lines: string[] = [
    vi ? `# Tổng hợp kiến trúc số — ${mdText(primary?.name ?? m.root)}` : `# Consolidated digital architecture — ${mdText(primary?.name ?? m.root)}`,
    '',
    vi
      ? `${r.agencies.filter((a) => a.merged).length} cơ quan được tổng hợp · số liệu đến ngày ${d(r.asOf, lang)} · xung đột: ${counts.error} lỗi, ${counts.warning} cảnh báo. Mã thực thể có hậu tố \`@<mã định danh cơ quan>\` (QCVN 102).`
      : `${countEn(r.agencies.filter((a) => a.merged).length, 'agency', 'agencies')} merged · data as of ${r.asOf} · conflicts: ${countEn(counts.error, 'error')}, ${countEn(counts.warning, 'warning')}. Entity refs carry \`@<agency code>\` (QCVN 102).`,
    '',
    vi ? '## Cơ quan' : '## Agencies',
    '',
    mdTable(
      vi
        ? ['Mã định danh', 'Cơ quan', 'Cấp', 'Thư mục', 'Hệ thống', 'Dữ liệu', 'Kết nối', 'Chỉ tiêu', 'Nhiệm vụ', 'Phát hiện (lỗi/cảnh báo)']
        : ['Code', 'Agency', 'Level', 'Folder', 'Systems', 'Datasets', 'Integrations', 'KPIs', 'Tasks', 'Findings (errors/warnings)'],
      r.agencies.map((a) => [
        a.code ? `\`${a.code}\`` : vi ? '_chưa có_' : '_none_',
        `${mdCell(a.name)}${a.primary ? (vi ? ' (cơ quan tổng hợp)' : ' (aggregating)') : ''}${a.merged ? '' : vi ? ' — **không gộp**' : ' — **not merged**'}`,
        mdCell(enumLabel(m.pack, 'agencyLevel', a.level, lang)),
        mdCode(a.dir),
        String(a.entities.system),
        String(a.entities.dataset),
        String(a.entities.integration),
        String(a.entities.kpi),
        String(a.entities.task),
        `${a.findings.error}/${a.findings.warning}`,
      ]),
      ['l', 'l', 'l', 'l', 'r', 'r', 'r', 'r', 'r', 'r'],
    ),
    '',
    vi ? '## Xung đột khi tổng hợp' : '## Merge conflicts',
    '',
  ];
  if (r.conflicts.length === 0) lines.push(vi ? 'Không có xung đột.' : 'No conflict.');
  else {
    lines.push(
      mdTable(
        [vi ? 'Vị trí' : 'Location', vi ? 'Mức' : 'Severity', vi ? 'Mã' : 'Code', vi ? 'Nội dung' : 'Message'],
        r.conflicts.map((c) => [
          mdCode(`${c.file}:${c.range.start.line}:${c.range.start.col}`),
          vi ? ({ error: 'lỗi', warning: 'cảnh báo', info: 'thông tin' } as const)[c.severity] : c.severity,
          `\`${c.code}\``,
          mdCell(pick(c.message, lang) + (c.fix ? ` ${vi ? 'Cách sửa' : 'Fix'}: ${pick(c.fix, lang)}` : '')),
        ]),
      ),
    );
  }
  lines.push('', gapSection(r, lang));
  lines.push('', vi ? '## Chỉ tiêu tổng hợp theo chỉ tiêu quốc gia' : '## KPIs rolled up per national target', '');
  lines.push(
    vi
      ? 'Giá trị tổng hợp là trung bình có trọng số của số liệu mới nhất (đến ngày chốt) của từng cơ quan. Trọng số mặc định là mẫu số của số liệu đo (ví dụ số hồ sơ); khi một cơ quan không có mẫu số, dùng dân số; khi không đủ dân số, các cơ quan có trọng số bằng nhau. Chỉ tiêu đếm được cộng gộp. Cách tính giả định phạm vi số liệu của các cơ quan không chồng lấn: nếu số liệu của cơ quan tổng hợp đã gồm cả các cơ quan khác, đọc riêng dòng của cơ quan đó.'
      : 'The rolled-up value is the weighted mean of each agency’s latest measurement (up to the report date). Default weights are the measurement denominators (e.g. dossiers); when an agency lacks one, population; failing that, equal weights. Counts are summed. This assumes the agencies’ figures do not overlap: when the aggregating agency’s figure already covers the others, read its row on its own.',
    '',
  );
  if (r.rollups.length === 0) lines.push(vi ? '_Không có chỉ tiêu gắn với chỉ tiêu quốc gia._' : '_No KPI answers to a national target._');
  else {
    const u = (x: KpiRollup) => unitSuffix(x.unit);
    lines.push(
      mdTable(
        vi ? ['Chỉ tiêu quốc gia', 'Mục tiêu', 'Thời hạn', 'Tổng hợp', 'Trạng thái', 'Số cơ quan'] : ['National target', 'Target', 'Due', 'Rolled up', 'Status', 'Agencies'],
        r.rollups.map((x) => [
          mdCell(pick(x.name, lang)),
          x.targetValue === null ? '—' : `${x.comparator === 'lte' ? '≤' : '≥'} ${n(x.targetValue, lang)}${u(x)}`,
          d(x.deadline, lang),
          x.value === undefined ? '—' : `${n(x.value, lang)}${u(x)}`,
          vi ? STATUS[x.status].vi : STATUS[x.status].en,
          String(x.contributions.length),
        ]),
        ['l', 'r', 'l', 'r', 'l', 'r'],
      ),
      '',
    );
    const shared = r.rollups.filter((x) => x.contributions.length > 1);
    if (shared.length) lines.push(vi ? '### Đóng góp của từng cơ quan và trọng số' : '### Each agency’s contribution and weight', '');
    for (const ru of shared) lines.push(rollupBlock(ru, lang), '');
  }
  lines.push(vi ? '## Kết nối giữa các cơ quan' : '## Integrations across agencies', '');
  if (r.links.length === 0) lines.push(vi ? 'Không có kết nối giữa các cơ quan được tổng hợp.' : 'No integration between the merged agencies.');
  else {
    const agencyName = (ns: string) =>
      r.agencies.find((a) => a.namespace === ns)?.name ?? (vi ? `Cơ quan \`${ns}\` (ngoài lần tổng hợp)` : `Agency \`${ns}\` (not aggregated)`);
    // An end that resolves nowhere is shown by its ref: it has no name to show.
    const endCell = (ref: string, agency: string) => `${m.get(ref) === undefined ? `\`${ref}\`` : mdCell(m.shortNameOf(ref))}<br>${agencyName(agency)}`;
    const END: Readonly<Record<LinkEnd, string>> = vi
      ? { resolved: 'Có', missing: '**Không tồn tại**', unchecked: 'Chưa kiểm tra' }
      : { resolved: 'Exists', missing: '**Does not exist**', unchecked: 'Not checked' };
    lines.push(
      mdTable(
        [vi ? 'Kết nối' : 'Integration', vi ? 'Từ' : 'From', vi ? 'Đến' : 'To', vi ? 'Kênh' : 'Channel', vi ? 'Trạng thái' : 'Status', vi ? 'Đầu kia' : 'Other end'],
        r.links.map((l) => [
          `${mdCell(l.name)}<br>\`${l.integration}\``,
          endCell(l.from, l.fromAgency),
          endCell(l.to, l.toAgency),
          mdCell(enumLabel(m.pack, 'channel', l.channel, lang)),
          mdCell(enumLabel(m.pack, 'integrationStatus', l.status, lang)),
          END[l.end],
        ]),
      ),
    );
    if (r.links.some((l) => l.end !== 'resolved')) {
      lines.push(
        '',
        vi
          ? '"Không tồn tại": cơ quan được tổng hợp không khai báo đầu kia (xung đột `aggregate.unresolved-ref`). "Chưa kiểm tra": đầu kia thuộc cơ quan không có trong lần tổng hợp này (`aggregate.unknown-agency`).'
          : '"Does not exist": the aggregated agency declares no such end (`aggregate.unresolved-ref`). "Not checked": the other end belongs to an agency outside this aggregation (`aggregate.unknown-agency`).',
      );
    }
  }
  if (diagram && r.links.length) {
    lines.push('', diagram.svgPath ? `![${mdText(diagram.title)}](${diagram.svgPath})` : `\`\`\`mermaid\n${diagram.mermaid.trimEnd()}\n\`\`\``);
  }
  lines.push('', vi ? 'Phụ lục tổng hợp hệ thống, cơ sở dữ liệu, nhiệm vụ của các cơ quan: [appendix.md](appendix.md).' : 'Consolidated appendix of systems, databases and tasks: [appendix.md](appendix.md).');
  return `${lines.join('\n')}\n`;
}

/** `aggregate.json`: the same content for tools. */
export function aggregateJson(r: AggregateResult, toolVersion: string): string {
  return stableStringify({
    version: 1,
    generator: { name: 'kientruc', version: toolVersion },
    asOf: r.asOf,
    primary: r.agencies.find((a) => a.primary)?.ref ?? null,
    agencies: r.agencies,
    aliases: Object.fromEntries([...r.aliases.entries()].sort()),
    conflicts: r.conflicts.map((c) => ({
      code: c.code,
      severity: c.severity,
      message: c.message,
      file: c.file,
      line: c.range.start.line,
      col: c.range.start.col,
      entity: c.entity ?? null,
      path: c.path,
      fix: c.fix ?? null,
    })),
    rollups: r.rollups,
    links: r.links,
  });
}
