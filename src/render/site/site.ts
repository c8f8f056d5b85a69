import { connectionFigures } from '../../analysis/figures.js';
import { KPI_STATUS_LABEL, type KpiStatus } from '../../analysis/kpis.js';
import { viShortDate } from '../../core/dates.js';
import type { Diagnostic } from '../../core/diagnostic.js';
import { countBySeverity } from '../../core/diagnostic.js';
import { parseRef } from '../../core/ref.js';
import { uriOfPath } from '../../core/uri.js';
import { countEn, pick, text, viCollator, type Lang } from '../../core/text.js';
import { enumLabel } from '../../framework/types.js';
import type { Model } from '../../model/model.js';
import type { ValidModel } from '../../model/valid.js';
import { diagramEntries } from '../mermaid/diagrams.js';
import { DIAGRAMS_DIR } from '../mermaid/types.js';
import type { GeneratedFile, Renderer, RenderContext } from '../types.js';
import { SITE_CSS, SITE_JS } from './assets.js';
import { CARD_KINDS, datasetCard, findingCard, integrationCard, kindTitle, kpiCard, systemCard, taskCard, type Card, type CardContext } from './cards.js';
import { esc } from '../html.js';
import { facetAttrs, fold, safeSvg, searchIndex } from './html.js';
import { withoutBidiControls } from '../../core/text.js';
import { coalesce, mapPieces, streamedFile } from '../streamed.js';
import { viNumber } from '../markdown.js';

export const SITE_DIR = 'site';

/** A diagram the site shows: its SVG when one was rendered, else its Mermaid source. */
export interface SiteDiagram {
  readonly name: string;
  readonly title: string;
  readonly svg?: string;
  readonly mmd?: string;
}

interface FacetDef {
  readonly key: string;
  readonly vi: string;
  readonly en: string;
  readonly label: (value: string) => string;
}

function facetDefs(model: Model, lang: Lang): Readonly<Record<string, readonly FacetDef[]>> {
  const en = (id: string) => (v: string) => enumLabel(model.pack, id, /^\d+$/.test(v) ? Number(v) : v, lang);
  const agencyName = (code: string) => model.all('agency').find((a) => parseRef(a.ref)?.agency === code)?.name ?? code;
  return {
    all: [
      { key: 'agency', vi: 'Cơ quan', en: 'Agency', label: agencyName },
      { key: 'findings', vi: 'Có phát hiện', en: 'Has findings', label: (v) => v },
    ],
    system: [
      { key: 'layer', vi: 'Lớp', en: 'Layer', label: (v) => `${v} — ${en('layer')(v)}` },
      { key: 'status', vi: 'Trạng thái', en: 'Status', label: en('lifecycle') },
      { key: 'owner', vi: 'Chủ quản', en: 'Owner', label: (v) => model.shortNameOf(v) },
    ],
    dataset: [
      { key: 'sharing', vi: 'Chia sẻ', en: 'Sharing', label: en('sharingClass') },
      { key: 'scope', vi: 'Phạm vi', en: 'Scope', label: en('dataScope') },
      { key: 'sync', vi: 'Đồng bộ', en: 'Sync', label: en('syncStatus') },
    ],
    integration: [
      { key: 'channel', vi: 'Kênh', en: 'Channel', label: en('channel') },
      { key: 'status', vi: 'Trạng thái', en: 'Status', label: en('integrationStatus') },
    ],
    kpi: [
      { key: 'status', vi: 'Trạng thái', en: 'Status', label: (v) => pick(KPI_STATUS_LABEL[v as KpiStatus] ?? { vi: v, en: v }, lang) },
      { key: 'area', vi: 'Nhóm', en: 'Area', label: en('taskArea') },
    ],
    task: [
      { key: 'status', vi: 'Trạng thái', en: 'Status', label: en('taskStatus') },
      { key: 'area', vi: 'Nhóm', en: 'Area', label: en('taskArea') },
    ],
    finding: [
      { key: 'severity', vi: 'Mức', en: 'Severity', label: (v) => (lang === 'vi' ? ({ error: 'lỗi', warning: 'cảnh báo', info: 'thông tin' } as Record<string, string>)[v] ?? v : v) },
      { key: 'code', vi: 'Mã', en: 'Code', label: (v) => v },
    ],
  };
}

/** The values each filter offers, in the order the cards first show them (for one tab, or `all`). */
type FacetValues = Map<string, Set<string>>;

function filterGroup(forKind: string, defs: readonly FacetDef[], seen: FacetValues | undefined, lang: Lang): string {
  const selects: string[] = [];
  for (const def of defs) {
    const values = [...(seen?.get(def.key) ?? [])];
    if (values.length < 2) continue;
    const options = values.map((v) => ({ v, l: def.label(v) })).sort((a, b) => viCollator.compare(a.l, b.l));
    selects.push(
      `<label>${esc(lang === 'vi' ? def.vi : def.en)}<select data-facet="${esc(def.key)}"><option value="">${lang === 'vi' ? 'tất cả' : 'all'}</option>${options
        .map((o) => `<option value="${esc(o.v)}">${esc(o.l)}</option>`)
        .join('')}</select></label>`,
    );
  }
  return selects.length ? `<fieldset class="filters" data-for="${esc(forKind)}"${forKind === 'all' ? '' : ' hidden'}>${selects.join('')}</fieldset>` : '';
}

/**
 * Finding cards the site shows per rule code. A national model has over a hundred thousand findings:
 * as cards they would be half the page (hundreds of MB, more than a browser opens). Each entity's card
 * still lists all of its findings; the findings section shows the first ones of each code and says how
 * many it left out and where the full list is. Every agency's own repository stays below the cap.
 */
export const SITE_FINDINGS_PER_CODE = 50;

/** The findings that get a card (with their index among all findings, the card's anchor), in order. */
function* shownFindings(diagnostics: readonly Diagnostic[]): Generator<readonly [Diagnostic, number]> {
  const perCode = new Map<string, number>();
  for (const [i, d] of diagnostics.entries()) {
    const n = (perCode.get(d.code) ?? 0) + 1;
    perCode.set(d.code, n);
    if (n <= SITE_FINDINGS_PER_CODE) yield [d, i];
  }
}

/** The sentence under the findings section when some findings have no card there, else ''. */
function findingsCut(diagnostics: readonly Diagnostic[], lang: Lang): string {
  const perCode = new Map<string, number>();
  for (const d of diagnostics) perCode.set(d.code, (perCode.get(d.code) ?? 0) + 1);
  let left = 0;
  let codes = 0;
  for (const n of perCode.values()) {
    if (n <= SITE_FINDINGS_PER_CODE) continue;
    left += n - SITE_FINDINGS_PER_CODE;
    codes++;
  }
  if (left === 0) return '';
  const cap = SITE_FINDINGS_PER_CODE;
  return lang === 'vi'
    ? `<p class="hint">Mỗi mã chỉ hiện ${cap} phát hiện đầu tiên ở đây: còn ${viNumber(left, 0)} phát hiện khác của ${codes} mã không có thẻ riêng. Phát hiện của một đối tượng vẫn hiện đủ trên thẻ của đối tượng đó; danh sách đầy đủ: <code>kientruc check --format json</code>.</p>`
    : `<p class="hint">Only the first ${cap} findings of each code are shown here: ${left} more findings of ${codes} codes have no card of their own. An entity's findings are all on its card; the full list: <code>kientruc check --format json</code>.</p>`;
}

function cardHtml(c: Card, lang: Lang): string {
  const findings = c.findings.length
    ? `<ul class="findings">${c.findings
        .map((d) => `<li><span class="badge sev-${esc(d.severity)}">${esc(d.code)}</span> ${esc(pick(d.message, lang))}</li>`)
        .join('')}</ul>`
    : '';
  return [
    `<article class="card${c.kind === 'diagram' ? ' diagram' : ''}" id="${esc(c.id)}" data-kind="${esc(c.kind)}" data-q="${esc(c.q)}"${facetAttrs(c.facets)}>`,
    `<h3>${esc(c.title)}${c.ref ? ` <code>${esc(c.ref)}</code>` : ''}</h3>`,
    c.description ? `<p class="desc">${esc(c.description)}</p>` : '',
    c.fields.length ? `<dl>${c.fields.map(([k, v]) => `<dt>${esc(k)}</dt><dd>${v}</dd>`).join('')}</dl>` : '',
    c.body ?? '',
    findings,
    '</article>',
  ].join('');
}

/** Where the site keeps a diagram's SVG, relative to index.html (`diagrams/context/hsmc.svg`). */
export function siteSvgPath(name: string): string {
  return `${DIAGRAMS_DIR}/${name}.svg`;
}

/** The drawing's size in CSS pixels, from its viewBox (Mermaid writes width="100%"). */
function svgSize(svg: string): { w: number; h: number } | undefined {
  const m = /<svg\b[^>]*?\sviewBox="\s*[-\d.e]+[\s,]+[-\d.e]+[\s,]+([\d.e]+)[\s,]+([\d.e]+)\s*"/i.exec(svg);
  if (!m) return undefined;
  const w = Math.ceil(Number(m[1]));
  const h = Math.ceil(Number(m[2]));
  return Number.isFinite(w) && Number.isFinite(h) && w > 0 && h > 0 ? { w, h } : undefined;
}

/**
 * A drawn diagram is a separate file the browser loads only when its card comes into view (and, for a
 * system's context, only when its box is opened); the link opens it at full size (the page's script
 * shows it in a viewer; without script, the file itself). No SVG: the Mermaid source, inline.
 */
function diagramBody(d: SiteDiagram, lang: Lang): string {
  if (d.svg === undefined) {
    return `<p class="desc">${lang === 'vi' ? 'Chưa vẽ (chạy không có --no-render để có hình); mã Mermaid:' : 'Not drawn (run without --no-render for the picture); Mermaid source:'}</p><pre>${esc(d.mmd ?? '')}</pre>`;
  }
  const src = esc(uriOfPath(siteSvgPath(d.name)));
  const size = svgSize(d.svg);
  const dims = size ? ` width="${size.w}" height="${size.h}"` : '';
  const hint = lang === 'vi' ? 'Bấm vào hình để xem cỡ đầy đủ' : 'Click the picture to see it at full size';
  return `<div class="svg"><a class="zoom" href="${src}" title="${esc(hint)}"><img src="${src}" alt="${esc(d.title)}"${dims} loading="lazy" decoding="async"></a></div><p class="hint">${esc(hint)}</p>`;
}

function diagramCard(d: SiteDiagram, lang: Lang, index: number): Card {
  return { kind: 'diagram', id: `d-${index}`, title: d.title, fields: [], findings: [], facets: {}, q: searchIndex(fold(`${d.title} ${d.name}`)), body: diagramBody(d, lang) };
}

/**
 * The model's diagrams (the diagram module's list and titles), each with the SVG an earlier renderer of
 * the same run drew (`diagrams/<name>.svg`), or its Mermaid source when none was drawn.
 */
export function siteDiagrams(model: ValidModel, asOf: string, outputs: readonly GeneratedFile[]): SiteDiagram[] {
  const svgs = new Map<string, string>();
  for (const f of outputs) {
    const m = new RegExp(`^${DIAGRAMS_DIR}/(.+)\\.svg$`).exec(f.path);
    if (m) svgs.set(m[1] as string, typeof f.contents === 'string' ? f.contents : Buffer.from(f.contents).toString('utf8'));
  }
  return diagramEntries(model, { asOf }).map((d) => {
    const svg = svgs.get(d.name);
    return { name: d.name, title: d.title, mmd: d.mermaid, ...(svg === undefined ? {} : { svg }) };
  });
}

export interface SiteInput {
  readonly model: ValidModel;
  readonly diagnostics: readonly Diagnostic[];
  readonly asOf: string;
  readonly lang: Lang;
  readonly toolVersion: string;
  readonly diagrams: readonly SiteDiagram[];
}

/** The catalogue page: every card rendered on the server, so it reads without script; the script only filters. */
export function siteHtml(input: SiteInput): string {
  return [...siteChunks(input)].join('');
}

/** `siteHtml` card by card: a national catalogue is written as it is made, never held as one string. */
export function* siteChunks(input: SiteInput): Generator<string> {
  const { model, lang } = input;
  const vi = lang === 'vi';
  const byEntity = new Map<string, Diagnostic[]>();
  for (const d of input.diagnostics) {
    if (d.entity === undefined) continue;
    const list = byEntity.get(d.entity);
    if (list) list.push(d);
    else byEntity.set(d.entity, [d]);
  }
  const ctx: CardContext = { model, asOf: input.asOf, lang, findingsOf: (ref) => byEntity.get(ref) ?? [] };
  // A system's context diagram sits in its card; the others have their own section.
  const contextOf = new Map(input.diagrams.filter((d) => d.name.startsWith('context/')).map((d) => [`system:${d.name.slice('context/'.length)}`, d]));
  const withContext = (c: Card): Card => {
    const d = c.ref ? contextOf.get(c.ref) : undefined;
    return d ? { ...c, body: `${c.body ?? ''}<details class="ctx"><summary>${esc(d.title)}</summary>${diagramBody(d, lang)}</details>` } : c;
  };
  // Entity cards are in name order (an entity card's title is its name; the sort is stable).
  const byName = <T extends { readonly name: string }>(list: readonly T[]): T[] => [...list].sort((a, b) => viCollator.compare(a.name, b.name));
  // Cards are made one at a time, twice: once for the counts and filters at the top of the page, once
  // to write them; a national catalogue's cards are never in memory together, not even one kind's.
  function* cardsOf(k: string): Generator<Card> {
    switch (k) {
      case 'system':
        for (const s of byName(model.all('system'))) yield withContext(systemCard(ctx, s));
        return;
      case 'dataset':
        for (const d of byName(model.all('dataset'))) yield datasetCard(ctx, d);
        return;
      case 'integration':
        for (const i of byName(model.all('integration'))) yield integrationCard(ctx, i);
        return;
      case 'kpi':
        for (const x of byName(model.all('kpi'))) yield kpiCard(ctx, x);
        return;
      case 'task':
        for (const t of byName(model.all('task'))) yield taskCard(ctx, t);
        return;
      case 'finding':
        for (const [d, i] of shownFindings(input.diagnostics)) yield findingCard(ctx, d, i);
        return;
      case 'diagram':
        yield* input.diagrams.filter((d) => !d.name.startsWith('context/')).map((d, i) => diagramCard(d, lang, i));
        return;
      default:
    }
  }
  const kinds = [...CARD_KINDS, 'finding', 'diagram'] as const;
  const defs = facetDefs(model, lang);
  // What the filters offer, per tab and for `all`, and how many cards of each kind the page has.
  const facetValues = new Map<string, FacetValues>();
  const present = new Map<string, number>();
  let total = 0;
  const note = (forKind: string, facets: Card['facets']) => {
    const keys = defs[forKind];
    if (!keys?.length) return;
    let seen = facetValues.get(forKind);
    if (!seen) facetValues.set(forKind, (seen = new Map()));
    for (const def of keys) {
      const v = facets[def.key];
      if (v === undefined || v === '') continue;
      let set = seen.get(def.key);
      if (!set) seen.set(def.key, (set = new Set()));
      set.add(v);
    }
  };
  for (const k of kinds) {
    for (const c of cardsOf(k)) {
      total++;
      present.set(c.kind, (present.get(c.kind) ?? 0) + 1);
      note('all', c.facets);
      note(c.kind, c.facets);
    }
  }
  const n = countBySeverity(input.diagnostics);
  const agency = model.agency;
  const title = vi ? `Danh mục kiến trúc số — ${agency?.name ?? model.root}` : `Digital architecture catalogue — ${agency?.name ?? model.root}`;
  const tabs = [`<button type="button" data-tab="all" aria-pressed="true">${vi ? 'Tất cả' : 'All'}</button>`]
    .concat(kinds.filter((k) => present.has(k)).map((k) => `<button type="button" data-tab="${k}" aria-pressed="false">${esc(kindTitle(k, lang))}</button>`))
    .join('');
  const filters = ['all', ...kinds].map((k) => filterGroup(k, defs[k] ?? [], facetValues.get(k), lang)).join('');
  // Connection figures come from the one source every document uses, so the site and the reports agree.
  const c = connectionFigures(model, input.asOf);
  const live = vi
    ? ` trong ${c.period.labelVi.charAt(0).toLocaleLowerCase('vi')}${c.period.labelVi.slice(1)} (${c.inOperation} đang hoạt động, ${c.working} có giao dịch thành công)`
    : ` in ${c.period.labelEn} (${c.inOperation} in operation, ${c.working} with successful transactions)`;
  const summary = vi
    ? `Số liệu đến ngày ${viShortDate(input.asOf)} · ${model.all('system').length} hệ thống · ${model.all('dataset').length} tập dữ liệu · ${c.total} kết nối${live} · ${model.all('kpi').length} chỉ tiêu · ${model.all('task').length} nhiệm vụ · phát hiện: ${n.error} lỗi, ${n.warning} cảnh báo, ${n.info} thông tin`
    : `Data as of ${input.asOf} · ${countEn(model.all('system').length, 'system')} · ${countEn(model.all('dataset').length, 'dataset')} · ${countEn(c.total, 'integration')}${live} · ${countEn(model.all('kpi').length, 'KPI')} · ${countEn(model.all('task').length, 'task')} · findings: ${countEn(n.error, 'error')}, ${countEn(n.warning, 'warning')}, ${n.info} info`;
  yield `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src 'self' data:">
<meta name="generator" content="kientruc ${esc(input.toolVersion)}">
<title>${esc(title)}</title>
<style>${SITE_CSS}</style>
</head>
<body>
<header class="top"><h1>${esc(title)}</h1><p>${esc(summary)}</p></header>
<div class="toolbar">
<input id="q" type="search" placeholder="${vi ? 'Tìm (gõ /): tên, mã, mô tả — có dấu hoặc không dấu' : 'Search (press /): name, id, description'}" aria-label="${vi ? 'Tìm kiếm' : 'Search'}" autocomplete="off">
<div class="tabs" role="toolbar">${tabs}</div>
<span class="count"><span id="count">${total}</span> ${vi ? 'mục' : 'items'}</span>
${filters}
</div>
<main>
`;
  // Sections are separated by a newline, an empty kind included (as when they were joined).
  for (const [i, k] of kinds.entries()) {
    if (i) yield '\n';
    const count = present.get(k) ?? 0;
    if (!count) continue;
    yield `<section data-section="${k}"><h2>${esc(kindTitle(k, lang))} <span class="count">(<span class="sc">${count}</span>)</span></h2><div class="grid">`;
    for (const c of cardsOf(k)) yield cardHtml(c, lang);
    yield '</div>';
    if (k === 'finding') yield findingsCut(input.diagnostics, lang);
    yield '</section>';
  }
  yield `\n<p id="empty" hidden>${vi ? 'Không có mục nào khớp.' : 'Nothing matches.'}</p>
</main>
<footer>${vi ? 'Tạo bởi' : 'Generated by'} kientruc ${esc(input.toolVersion)} · ${esc(model.pack.id)} ${esc(model.pack.version)}</footer>
<script>${SITE_JS}</script>
</body>
</html>
`;
}

/**
 * The site's files: `site/index.html` and each drawn diagram as `site/diagrams/<name>.svg` beside it
 * (stripped of anything executable), so the page stays small and a picture loads only when seen.
 * The folder is self-contained: it works from file:// and on any static host, with no outside request.
 */
export function siteFiles(input: Parameters<typeof siteHtml>[0]): GeneratedFile[] {
  const svgs = input.diagrams.filter((d): d is SiteDiagram & { svg: string } => d.svg !== undefined);
  return [
    streamedFile(`${SITE_DIR}/index.html`, () => coalesce(mapPieces(siteChunks(input), withoutBidiControls))),
    ...svgs.map((d) => ({ path: `${SITE_DIR}/${siteSvgPath(d.name)}`, contents: `${safeSvg(d.svg)}\n` })),
  ];
}

/** `site/index.html` and its diagrams: the catalogue, self-contained (works from file:// and any static host). */
export const siteRenderer: Renderer = {
  id: 'site',
  description: text('Trang danh mục kiến trúc (site/index.html, site/diagrams/)', 'Architecture catalogue site (site/index.html, site/diagrams/)'),
  render(ctx: RenderContext) {
    return siteFiles({ ...ctx, diagrams: siteDiagrams(ctx.model, ctx.asOf, ctx.outputs ?? []) });
  },
};
