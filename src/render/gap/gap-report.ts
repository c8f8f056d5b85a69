import { buildGapReport, type GapReport } from '../../analysis/gap-report.js';
import { stableStringify } from '../../core/stable-json.js';
import { BUILTIN_CODES } from '../../diagnostics/codes.js';
import { renderTemplate } from '../handlebars.js';
import type { GeneratedFile, RenderContext, Renderer } from '../types.js';
import { gapReportMarkdown } from './markdown.js';
import { withoutBidiControls } from '../../core/text.js';

export const REPORT_FORMATS = ['md', 'html', 'json'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** The gap report's view model for a render context (rules and built-in codes describe the findings). */
export function gapReportFor(ctx: Pick<RenderContext, 'model' | 'diagnostics' | 'rules' | 'asOf'>): GapReport {
  return buildGapReport({ model: ctx.model, diagnostics: ctx.diagnostics, codes: [...ctx.rules, ...BUILTIN_CODES], asOf: ctx.asOf });
}

/** `gap-report.{md,html,json}` from a view model. */
export function renderGapReport(report: GapReport, formats: readonly ReportFormat[] = REPORT_FORMATS): GeneratedFile[] {
  const files: GeneratedFile[] = [];
  for (const f of REPORT_FORMATS) {
    if (!formats.includes(f)) continue;
    if (f === 'md') files.push({ path: 'gap-report.md', contents: gapReportMarkdown(report) });
    if (f === 'html') files.push({ path: 'gap-report.html', contents: withoutBidiControls(renderTemplate('gap-report/report', report)) });
    if (f === 'json') files.push({ path: 'gap-report.json', contents: stableStringify(report) });
  }
  return files;
}

export const gapReportRenderer: Renderer = {
  id: 'gap-report',
  description: 'Báo cáo đánh giá khoảng cách (gap-report.md, .html, .json)',
  render(ctx) {
    return renderGapReport(gapReportFor(ctx));
  },
};
