import { documentFile } from '../streamed.js';
import type { Period } from '../../core/dates.js';
import { UserError } from '../../core/errors.js';
import { EMPTY_ASSETS } from '../../core/project-assets.js';
import { text } from '../../core/text.js';
import { loadDocumentLayout } from '../../framework/document-pack.js';
import { dateOfState, transitionsBetween } from '../../model/states.js';
import { targetStateOf } from '../../analysis/architecture.js';
import type { Model } from '../../model/model.js';
import { defaultReportPeriod } from '../../analysis/periods.js';
import { renderStrategy } from '../strategy/index.js';
import type { GapReport } from '../../analysis/gap-report.js';
import { gapReportFor, renderGapReportAll, type GapFormat } from '../gap/gap-report.js';
import { cachedOutput, cachedText, viewKey } from '../cached-output.js';
import type { GeneratedFile, RenderContext, Renderer } from '../types.js';
import { buildReportView } from './kinds/bao-cao.js';
import type { DocumentInput } from './kinds/input.js';
import { buildPlanView } from './kinds/ke-hoach.js';
import { buildArchitectureView } from './kinds/kien-truc/index.js';
import { architectureFigures } from './kinds/kien-truc/figures.js';
import { officialHtmlPieces, officialMarkdownPieces, renderOfficialDocx, renderOfficialHtml, renderOfficialMarkdown, renderOfficialPdf } from './render.js';
import { DOCUMENT_KINDS, type DocumentKind, type OfficialDocView } from './view.js';

/**
 * Documents as a stage: every administrative document kientruc writes, by kind, in every format,
 * from one function. Commands (doc, report, build) only choose what to render and write the files.
 */

export { DOCUMENT_KINDS, type DocumentKind } from './view.js';
export const DOCUMENT_FORMATS = ['md', 'html', 'pdf', 'docx'] as const;
export type DocumentFormat = (typeof DOCUMENT_FORMATS)[number];
export type Audience = 'internal' | 'public';

export interface OfficialDocumentRequest {
  readonly kind: DocumentKind;
  readonly audience: Audience;
  readonly formats: readonly DocumentFormat[];
  /** Báo cáo: the period reported on (default: the latest complete one). */
  readonly period?: Period;
}

/** The gap report (an internal technical report, not an administrative document), from its view model. */
export interface GapReportRequest {
  readonly kind: 'gap-report';
  readonly formats: readonly GapFormat[];
  /** Its view model when the caller already built it (to report its summary); else built here. */
  readonly report?: GapReport;
}

export type DocumentRequest = OfficialDocumentRequest | GapReportRequest;

/** The document kind the agency chose (`document.kind`), `chien-luoc` by default. */
export function defaultKind(model: Model): DocumentKind {
  return model.agency?.document?.kind ?? 'chien-luoc';
}

/** `chien-luoc-du-lieu`, `ke-hoach-du-lieu-cong-khai`, `bao-cao-dinh-ky-2026-q3`. */
export function documentBaseName(kind: DocumentKind, audience: Audience, period?: Period): string {
  if (kind === 'bao-cao') return `bao-cao-dinh-ky-${(period?.id ?? 'ky').toLowerCase()}`;
  const base = kind === 'chien-luoc' ? 'chien-luoc-du-lieu' : kind === 'kien-truc' ? 'kien-truc-so' : 'ke-hoach-du-lieu';
  return audience === 'public' ? `${base}-cong-khai` : base;
}

/** Does this request need Chromium? (PDF always; the strategy's and the architecture's HTML and DOCX embed diagrams.) */
export function needsBrowser(req: DocumentRequest): boolean {
  const formats: readonly string[] = req.formats;
  return formats.includes('pdf') || ((req.kind === 'chien-luoc' || req.kind === 'kien-truc') && (formats.includes('html') || formats.includes('docx')));
}

export function parseKind(value: string): DocumentKind {
  const v = value.trim().toLowerCase();
  if ((DOCUMENT_KINDS as readonly string[]).includes(v)) return v as DocumentKind;
  throw new UserError(text(`--kind "${value}": dùng một trong ${DOCUMENT_KINDS.join(', ')}.`, `--kind "${value}": use one of ${DOCUMENT_KINDS.join(', ')}.`));
}

/** The view of a Kế hoạch or Báo cáo (the strategy has its own, richer view: `buildStrategyView`). */
export function buildDocumentView(kind: Exclude<DocumentKind, 'chien-luoc' | 'kien-truc'>, input: DocumentInput): OfficialDocView {
  return kind === 'ke-hoach' ? buildPlanView(input) : buildReportView(input);
}

/**
 * The Kiến trúc số: the current state is the state the run loaded (`current` by default), the target
 * state the model at 31 December of the target year (`modelAt`), the roadmap the timeline between
 * them (`transitionsBetween`); each state's overall diagram drawn from its own model.
 */
async function architectureDocument(ctx: RenderContext, input: DocumentInput, pictures: boolean): Promise<{ view: OfficialDocView; images: ReadonlyMap<string, Uint8Array> }> {
  const current = ctx.model;
  const currentDate = dateOfState(current) ?? ctx.asOf;
  const { model: target, year: targetYear, date: targetDate } = targetStateOf(current);
  const transitions = transitionsBetween(current, currentDate, targetDate);
  const figures = await architectureFigures(ctx, { current: { model: current, asOf: ctx.asOf }, target: { model: target, asOf: targetDate, year: targetYear } }, pictures);
  const view = buildArchitectureView({ ...input, model: current, target, targetYear, targetDate, figures, transitions });
  return { view, images: figures.png };
}

async function renderOne(ctx: RenderContext, req: DocumentRequest): Promise<GeneratedFile[]> {
  if (req.kind === 'gap-report') return renderGapReportAll(ctx, req.report ?? gapReportFor(ctx), req.formats);
  if (req.kind === 'chien-luoc') {
    const files = await renderStrategy(ctx, { formats: req.formats, audience: req.audience });
    return files;
  }
  const period = req.kind === 'bao-cao' ? (req.period ?? defaultReportPeriod(ctx.model, ctx.asOf)) : undefined;
  const input: DocumentInput = {
    model: ctx.model,
    asOf: ctx.asOf,
    audience: req.kind === 'bao-cao' ? 'internal' : req.audience,
    assets: ctx.assets ?? EMPTY_ASSETS,
    generator: `kientruc ${ctx.toolVersion}`,
    diagnostics: ctx.diagnostics,
    ...(period ? { period } : {}),
  };
  const pictures = req.formats.some((f) => f !== 'md') && ctx.browser !== undefined;
  const { view, images } = req.kind === 'kien-truc' ? await architectureDocument(ctx, input, pictures) : { view: buildDocumentView(req.kind, input), images: new Map<string, Uint8Array>() };
  const layout = loadDocumentLayout(ctx.model.pack.id);
  const overrides = ctx.assets?.templates ?? [];
  const base = documentBaseName(req.kind, req.audience, period);
  const files: GeneratedFile[] = [];
  // As for the strategy (../strategy/index.ts): Markdown, and HTML when no PDF is asked for, are
  // rendered when written, piece by piece; the HTML a PDF prints is made now and cached; the agency's
  // own templates are rendered at once.
  const key = viewKey(view);
  const overridden = overrides.length > 0;
  if (req.formats.includes('md')) files.push(documentFile(`${base}.md`, overridden, () => renderOfficialMarkdown(view, overrides), () => officialMarkdownPieces(view)));
  const html = req.formats.includes('pdf') ? await cachedText(ctx, { kind: 'html:official', inputs: [key, layout, overrides] }, () => renderOfficialHtml(view, layout, overrides)) : '';
  if (req.formats.includes('html')) {
    files.push(req.formats.includes('pdf') ? { path: `${base}.html`, contents: html } : documentFile(`${base}.html`, overridden, () => renderOfficialHtml(view, layout, overrides), () => officialHtmlPieces(view, layout)));
  }
  if (req.formats.includes('pdf')) {
    if (!ctx.browser) {
      throw new UserError(
        text(
          'Bản PDF cần trình duyệt Chromium; bỏ --no-render hoặc chọn --format md,html,docx.',
          'The PDF needs the Chromium browser; drop --no-render or choose --format md,html,docx.',
        ),
      );
    }
    const browser = ctx.browser;
    files.push({ path: `${base}.pdf`, contents: await cachedOutput(ctx, { kind: 'pdf:official', inputs: [html, key], browser: true }, async () => renderOfficialPdf(await browser.get(), html, view)) });
  }
  if (req.formats.includes('docx')) files.push({ path: `${base}.docx`, contents: await cachedOutput(ctx, { kind: 'docx:official', inputs: [key, layout, images] }, () => renderOfficialDocx(view, layout, images)) });
  return files;
}

/** Renders a selection of documents with the context's one browser and cache. */
export async function renderDocuments(ctx: RenderContext, requests: readonly DocumentRequest[]): Promise<GeneratedFile[]> {
  const files: GeneratedFile[] = [];
  for (const req of requests) files.push(...(await renderOne(ctx, req)));
  return files;
}

/**
 * `kientruc build`: the agency's document (`document.kind`) in every format, internal and public
 * editions; with `--no-render` (no browser) Markdown and HTML only.
 */
export const documentsRenderer: Renderer = {
  id: 'documents',
  description: text(
    'Văn bản của cơ quan (Chiến lược dữ liệu, Kế hoạch hoặc Khung kiến trúc số, theo document.kind): bản nội bộ và bản công khai (md, html, pdf, docx)',
    "The agency's document (data strategy, plan or digital architecture framework, per document.kind): internal and public editions (md, html, pdf, docx)",
  ),
  async render(ctx) {
    return renderDocuments(ctx, buildRequests(ctx));
  },
  // One edition at a time: each edition's view model is let go once its files are written.
  async *renderParts(ctx) {
    for (const req of buildRequests(ctx)) yield await renderDocuments(ctx, [req]);
  },
};

/** What `kientruc build` renders: the agency's document kind, both editions. */
function buildRequests(ctx: RenderContext): DocumentRequest[] {
  const kind = defaultKind(ctx.model);
  // Without a browser (--no-render) the build keeps to the fast text formats, as for every output.
  const formats = DOCUMENT_FORMATS.filter((f) => ctx.browser !== undefined || f === 'md' || f === 'html');
  const audiences: readonly Audience[] = ['internal', 'public'];
  return audiences.map((audience) => ({ kind, audience, formats }));
}
