import { buildGapReport, type GapReport } from '../../analysis/gap-report.js';
import { stableJsonChunks } from '../../core/stable-json.js';
import { coalesce, streamedFile } from '../streamed.js';
import { shownGapReport } from './shown.js';
import { BUILTIN_CODES } from '../../diagnostics/codes.js';
import { renderTemplate } from '../handlebars.js';
import type { GeneratedFile, RenderContext, Renderer } from '../types.js';
import { loadDocumentLayout } from '../../framework/document-pack.js';
import { renderTechnicalDocx } from '../documents/technical-docx.js';
import { printStrategyPdf } from '../strategy/pdf.js';
import { cachedOutput } from '../cached-output.js';
import { gapReportMarkdown } from './markdown.js';
import { GAP_TOC, TECHNICAL_NOTE } from './toc.js';
import { text, withoutBidiControls } from '../../core/text.js';

/** Text formats, rendered without a browser. */
export const REPORT_FORMATS = ['md', 'html', 'json'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];
/** Every format of the gap report: the text ones, DOCX (from its Markdown) and PDF (its HTML printed). */
export const GAP_FORMATS = ['md', 'html', 'pdf', 'docx', 'json'] as const;
export type GapFormat = (typeof GAP_FORMATS)[number];

/** The gap report's view model for a render context (rules and built-in codes describe the findings). */
export function gapReportFor(ctx: Pick<RenderContext, 'model' | 'diagnostics' | 'rules' | 'asOf'>): GapReport {
  return buildGapReport({ model: ctx.model, diagnostics: ctx.diagnostics, codes: [...ctx.rules, ...BUILTIN_CODES], asOf: ctx.asOf });
}

/** `gap-report.{md,html,json}` from a view model. */
export function renderGapReport(report: GapReport, formats: readonly ReportFormat[] = REPORT_FORMATS): GeneratedFile[] {
  const files: GeneratedFile[] = [];
  // The readable formats cut repetitive lists (saying so); the JSON keeps every row, streamed to disk.
  const shown = formats.includes('md') || formats.includes('html') ? shownGapReport(report) : undefined;
  for (const f of REPORT_FORMATS) {
    if (!formats.includes(f)) continue;
    if (f === 'md' && shown) files.push({ path: 'gap-report.md', contents: gapReportMarkdown(shown) });
    if (f === 'html' && shown) files.push({ path: 'gap-report.html', contents: withoutBidiControls(renderTemplate('gap-report/report', { ...shown, toc: GAP_TOC, technicalNote: TECHNICAL_NOTE })) });
    if (f === 'json') files.push(streamedFile('gap-report.json', () => coalesce(stableJsonChunks(report))));
  }
  return files;
}

/**
 * `gap-report.{md,html,pdf,docx,json}`, the formats asked for: DOCX from the same Markdown, PDF by
 * printing the same HTML with the context's browser (PDF is skipped without one).
 */
export async function renderGapReportAll(ctx: Pick<RenderContext, 'browser' | 'model'> & Partial<Pick<RenderContext, 'cache' | 'toolVersion'>>, report: GapReport, formats: readonly GapFormat[]): Promise<GeneratedFile[]> {
  const text = renderGapReport(report, REPORT_FORMATS.filter((f) => formats.includes(f) || (f === 'md' && formats.includes('docx')) || (f === 'html' && formats.includes('pdf'))));
  const get = (p: string): string => String(text.find((f) => f.path === p)?.contents ?? '');
  const files: GeneratedFile[] = text.filter((f) => formats.includes(f.path.slice('gap-report.'.length) as GapFormat));
  const date = report.asOf;
  if (formats.includes('docx')) {
    const view = { meta: { title: 'Báo cáo đánh giá khoảng cách', documentDate: date, generator: 'kientruc' }, marks: { isPublic: false } };
    const md = get('gap-report.md');
    const layout = loadDocumentLayout(ctx.model.pack.id);
    files.push({ path: 'gap-report.docx', contents: await cachedOutput(ctx, { kind: 'docx:technical', inputs: [md, view, layout] }, () => renderTechnicalDocx(md, view, layout)) });
  }
  const browser = ctx.browser;
  if (formats.includes('pdf') && browser) {
    const html = get('gap-report.html');
    files.push({ path: 'gap-report.pdf', contents: await cachedOutput(ctx, { kind: 'pdf', inputs: [html, date], browser: true }, async () => printStrategyPdf(await browser.get(), html, date)) });
  }
  const order = (p: string): number => GAP_FORMATS.indexOf(p.slice('gap-report.'.length) as GapFormat);
  return files.sort((a, b) => order(a.path) - order(b.path));
}

export const gapReportRenderer: Renderer = {
  id: 'gap-report',
  description: text('Báo cáo đánh giá khoảng cách (gap-report.md, .html, .pdf, .docx, .json)', 'Gap report (gap-report.md, .html, .pdf, .docx, .json)'),
  render(ctx) {
    // Without a browser (--no-render) the build keeps to the fast text formats.
    return renderGapReportAll(ctx, gapReportFor(ctx), ctx.browser ? GAP_FORMATS : REPORT_FORMATS);
  },
};
