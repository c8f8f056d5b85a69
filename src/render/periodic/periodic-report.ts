import type { Period } from '../../core/dates.js';
import { buildPeriodicReport, type PeriodicReport } from '../../analysis/periodic.js';
import { defaultReportPeriod } from '../../analysis/periods.js';
import { stableStringify } from '../../core/stable-json.js';
import { REPORT_FORMATS, type ReportFormat } from '../gap/gap-report.js';
import { renderTemplate } from '../handlebars.js';
import type { GeneratedFile, Renderer } from '../types.js';
import { periodicReportMarkdown } from './markdown.js';
import { withoutBidiControls } from '../../core/text.js';

/** `bao-cao-dinh-ky-<period>` — the file name the directive's report goes by. */
export function periodicReportBase(periodId: string): string {
  return `bao-cao-dinh-ky-${periodId.toLowerCase()}`;
}

/** `bao-cao-dinh-ky-<period>.{md,html,json}` from a view model. */
export function renderPeriodicReport(report: PeriodicReport, formats: readonly ReportFormat[] = REPORT_FORMATS): GeneratedFile[] {
  const base = periodicReportBase(report.period.id);
  const files: GeneratedFile[] = [];
  for (const f of REPORT_FORMATS) {
    if (!formats.includes(f)) continue;
    if (f === 'md') files.push({ path: `${base}.md`, contents: periodicReportMarkdown(report) });
    if (f === 'html') files.push({ path: `${base}.html`, contents: withoutBidiControls(renderTemplate('periodic-report/report', report)) });
    if (f === 'json') files.push({ path: `${base}.json`, contents: stableStringify(report) });
  }
  return files;
}

/** `kientruc build`: the report for the latest complete period before the report date. */
export const periodicReportRenderer: Renderer = {
  id: 'periodic-report',
  description: 'Báo cáo định kỳ của kỳ gần nhất (bao-cao-dinh-ky-<kỳ>.md, .html, .json)',
  render({ model, asOf }) {
    const period: Period = defaultReportPeriod(model, asOf);
    return renderPeriodicReport(buildPeriodicReport(model, period, asOf));
  },
};
