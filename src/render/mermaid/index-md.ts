import { viShortDate, type IsoDate } from '../../core/dates.js';
import type { Model } from '../../model/model.js';
import { mdText } from '../markdown.js';
import { esc } from '../html.js';
import { coalesce, endingWithOneLineBreak } from '../streamed.js';
import { DIAGRAM_GROUPS, type DiagramGroup, type DiagramSpec } from './types.js';

export type DiagramFormat = 'mmd' | 'svg' | 'png';

const GROUP_TITLE: Readonly<Record<DiagramGroup, string>> = {
  business: 'Kiến trúc nghiệp vụ: dịch vụ công',
  landscape: 'Bức tranh tổng thể hệ thống thông tin',
  integration: 'Kết nối, chia sẻ dữ liệu',
  data: 'Kiến trúc dữ liệu',
  security: 'An toàn hệ thống thông tin',
  roadmap: 'Lộ trình thực hiện nhiệm vụ',
  kpi: 'Chỉ tiêu',
  context: 'Sơ đồ ngữ cảnh từng hệ thống',
};

/** Groups with many small diagrams are folded (`<details>`) so the page stays navigable. */
const FOLDED: ReadonlySet<DiagramGroup> = new Set(['kpi', 'context']);

export interface IndexOptions {
  /** Path from the index to the diagram files, without trailing slash (`diagrams`, or '' beside them). */
  readonly dir: string;
  readonly formats: readonly DiagramFormat[];
  readonly asOf: IsoDate;
  readonly toolVersion: string;
}

function anchorOf(name: string): string {
  return `so-do-${name.replace(/[^a-z0-9]+/g, '-')}`;
}

function links(d: DiagramSpec, opts: IndexOptions): string {
  const prefix = opts.dir ? `${opts.dir}/` : '';
  const label: Record<DiagramFormat, string> = { svg: 'SVG', png: 'PNG', mmd: 'Mermaid' };
  return (['svg', 'png', 'mmd'] as const)
    .filter((f) => opts.formats.includes(f))
    .map((f) => `[${label[f]}](${prefix}${d.name}.${f})`)
    .join(' · ');
}

function block(d: DiagramSpec, opts: IndexOptions, folded: boolean): string[] {
  const body = [links(d, opts), '', '```mermaid', d.mermaid.trimEnd(), '```', ...(d.notes ?? []).flatMap((n) => ['', `_${mdText(n)}_`])];
  if (folded) {
    // A <details> line opens an HTML block: Markdown is not read there, so the title is escaped as HTML.
    return [`<details id="${anchorOf(d.name)}"><summary>${esc(d.title.replace(/\s+/g, ' '))}</summary>`, '', ...body, '', '</details>', ''];
  }
  return [`<a id="${anchorOf(d.name)}"></a>`, '', `### ${mdText(d.title)}`, '', ...body, ''];
}

/**
 * `README.md` of the diagrams: every diagram with its Mermaid source inline (GitHub and GitLab draw
 * it), links to its files, and its notes. Pure: the same diagrams give the same bytes.
 */
export function renderDiagramIndex(model: Model, diagrams: readonly DiagramSpec[], opts: IndexOptions): string {
  return [...diagramIndexPieces(model, diagrams, opts)].join('');
}

/**
 * `renderDiagramIndex` in pieces (the same text joined): a national model's index holds thousands of
 * diagrams' sources (≈ 100 MB), so it is written as it is made, never held as one string.
 */
export function* diagramIndexPieces(model: Model, diagrams: readonly DiagramSpec[], opts: IndexOptions): Generator<string> {
  const agency = model.agency?.name ?? model.root;
  const head: string[] = [
    `# Sơ đồ kiến trúc — ${mdText(agency)}`,
    '',
    `Tạo bởi kientruc ${mdText(opts.toolVersion)} từ mô hình kiến trúc, số liệu đến ngày ${viShortDate(opts.asOf)}. ` +
      'Mỗi sơ đồ có mã nguồn Mermaid ngay dưới đây (GitHub, GitLab hiển thị trực tiếp)' +
      (opts.formats.includes('svg') || opts.formats.includes('png') ? ' và bản vẽ SVG, PNG.' : '; chạy `kientruc diagram` để có bản vẽ SVG, PNG.'),
    '',
    '_Tệp này được tạo tự động; sửa YAML trong `architecture/` rồi chạy lại `kientruc build`._',
    '',
  ];
  if (diagrams.length === 0) {
    head.push('Mô hình chưa có hệ thống, dữ liệu, kết nối, chỉ tiêu hay nhiệm vụ nào để vẽ sơ đồ.');
    yield `${head.join('\n')}\n`;
    return;
  }
  // The lines joined by line breaks, the final run of line breaks made one.
  yield* endingWithOneLineBreak(coalesce(linesOf(head, diagrams, opts)));
}

/** Each line of the index followed by a line break. */
function* linesOf(head: readonly string[], diagrams: readonly DiagramSpec[], opts: IndexOptions): Generator<string> {
  const lines = [...head];
  lines.push('## Mục lục', '');
  for (const g of DIAGRAM_GROUPS) {
    const inGroup = diagrams.filter((d) => d.group === g);
    if (inGroup.length === 0) continue;
    if (FOLDED.has(g)) {
      lines.push(`- [${GROUP_TITLE[g]}](#${anchorOf(`group-${g}`)}) (${inGroup.length} sơ đồ)`);
    } else {
      lines.push(`- ${GROUP_TITLE[g]}`);
      for (const d of inGroup) lines.push(`  - [${mdText(d.title)}](#${anchorOf(d.name)})`);
    }
  }
  lines.push('');
  for (const l of lines) yield `${l}\n`;
  let n = 0;
  for (const g of DIAGRAM_GROUPS) {
    const inGroup = diagrams.filter((d) => d.group === g);
    if (inGroup.length === 0) continue;
    n++;
    for (const l of [`<a id="${anchorOf(`group-${g}`)}"></a>`, '', `## ${n}. ${GROUP_TITLE[g]}`, '']) yield `${l}\n`;
    for (const d of inGroup) for (const l of block(d, opts, FOLDED.has(g))) yield `${l}\n`;
  }
}
