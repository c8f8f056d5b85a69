/**
 * What the readable gap report (Markdown, HTML, and the DOCX and PDF made from them) shows of a large
 * model: repetitive lists are cut to their first rows, each cut says how many rows it left out and where
 * they are (the JSON report keeps every row), and long lists of gaps and actions get a summary per
 * responsible body first. A model below the caps (every agency's own repository) shows everything.
 */
import type { GapReport } from '../../analysis/gap-report.js';
import type { ActionRow, FindingGroup, FindingItem, GapRow, RefName } from '../../analysis/findings.js';
import { viCollator } from '../../core/text.js';
import { viNumber } from '../markdown.js';

/** Findings shown per rule, and rows shown of the gaps, the actions and the per-body summaries. */
export const GAP_REPORT_CAPS = { findingsPerRule: 50, rows: 200 } as const;

export const GAP_REPORT_JSON = 'gap-report.json';

export interface ShownFindingGroup extends Omit<FindingGroup, 'items'> {
  readonly items: readonly FindingItem[];
  /** "Còn N phát hiện khác của quy tắc X, …", or null when every finding is shown. */
  readonly more: string | null;
}

/** Rows of gaps or actions summed up per responsible body. */
export interface BodyRow {
  readonly name: string;
  readonly ref: string | null;
  readonly count: number;
  readonly errors: number;
  readonly warnings: number;
}

export interface ShownList<T> {
  readonly rows: readonly T[];
  /** "Còn N …", or null when every row is shown. */
  readonly more: string | null;
  /** Per responsible body, most rows first, when the list was cut; otherwise null. */
  readonly byBody: readonly BodyRow[] | null;
  readonly byBodyMore: string | null;
}

export interface ShownGapReport extends Omit<GapReport, 'findings' | 'gaps' | 'actions'> {
  readonly findings: readonly ShownFindingGroup[];
  readonly gaps: readonly GapRow[];
  readonly actions: readonly ActionRow[];
  readonly gapList: ShownList<GapRow>;
  readonly actionList: ShownList<ActionRow>;
}

const n = (v: number): string => viNumber(v);
const SEE_JSON = `danh sách đầy đủ trong ${GAP_REPORT_JSON} (kientruc gap --format json)`;

function byBody(rows: readonly { readonly responsible: RefName | null; readonly severity: string }[], cap: number): { rows: BodyRow[]; more: string | null } {
  const by = new Map<string, { name: string; ref: string | null; count: number; errors: number; warnings: number }>();
  for (const r of rows) {
    const key = r.responsible?.ref ?? '';
    const b = by.get(key) ?? { name: r.responsible?.name ?? '(chưa xác định đơn vị)', ref: r.responsible?.ref ?? null, count: 0, errors: 0, warnings: 0 };
    b.count++;
    if (r.severity === 'error') b.errors++;
    if (r.severity === 'warning') b.warnings++;
    by.set(key, b);
  }
  const all = [...by.values()].sort((a, b) => b.count - a.count || viCollator.compare(a.name, b.name) || (a.ref ?? '').localeCompare(b.ref ?? ''));
  return {
    rows: all.slice(0, cap),
    more: all.length > cap ? `Còn ${n(all.length - cap)} đơn vị khác, mỗi đơn vị ít dòng hơn; ${SEE_JSON}.` : null,
  };
}

function cut<T extends { readonly responsible: RefName | null; readonly severity: string }>(rows: readonly T[], cap: number, what: string): ShownList<T> {
  if (rows.length <= cap) return { rows, more: null, byBody: null, byBodyMore: null };
  const bodies = byBody(rows, cap);
  return {
    rows: rows.slice(0, cap),
    more: `Còn ${n(rows.length - cap)} ${what} khác (chỉ nêu ${n(cap)} dòng đầu trong ${n(rows.length)}); ${SEE_JSON}.`,
    byBody: bodies.rows,
    byBodyMore: bodies.more,
  };
}

/** The gap report as the readable formats show it (see the file comment). Pure. */
export function shownGapReport(r: GapReport, caps: { readonly findingsPerRule: number; readonly rows: number } = GAP_REPORT_CAPS): ShownGapReport {
  const findings = r.findings.map((g): ShownFindingGroup => {
    if (g.items.length <= caps.findingsPerRule) return { ...g, more: null };
    const left = g.items.length - caps.findingsPerRule;
    return {
      ...g,
      items: g.items.slice(0, caps.findingsPerRule),
      more: `Còn ${n(left)} phát hiện khác của quy tắc ${g.code} (chỉ nêu ${n(caps.findingsPerRule)} phát hiện đầu theo thứ tự tệp); ${SEE_JSON}.`,
    };
  });
  const gapList = cut(r.gaps, caps.rows, 'tồn tại');
  const actionList = cut(r.actions, caps.rows, 'đối tượng cần khắc phục');
  return { ...r, findings, gaps: gapList.rows, actions: actionList.rows, gapList, actionList };
}
