import type { Period } from '../../core/dates.js';
import { buildPeriodicReport } from '../../analysis/periodic.js';
import { defaultReportPeriod } from '../../analysis/periods.js';
import { parsePeriod } from '../../core/dates.js';
import { stableStringify } from '../../core/stable-json.js';
import { text } from '../../core/text.js';
import { documentBaseName, renderDocuments, type DocumentFormat } from '../documents/index.js';
import type { GeneratedFile, RenderContext, Renderer } from '../types.js';

/**
 * The periodic report (seed 003 mục 1.b): the NĐ 30 Báo cáo from the document engine (md, html,
 * pdf, docx) plus its figures as JSON for other tools.
 */

export const PERIODIC_FORMATS = ['md', 'html', 'pdf', 'docx', 'json'] as const;
export type PeriodicFormat = (typeof PERIODIC_FORMATS)[number];

/** `bao-cao-dinh-ky-<period>` — the file name the directive's report goes by. */
export function periodicReportBase(periodId: string): string {
  return documentBaseName('bao-cao', 'internal', { id: periodId } as Period);
}

/** The period a default report covers: agency.yaml `report.period`, else the latest complete one. */
export function reportPeriodFor(ctx: Pick<RenderContext, 'model' | 'asOf'>): Period {
  const own = ctx.model.agency?.report?.period;
  return (own === undefined ? undefined : parsePeriod(own)) ?? defaultReportPeriod(ctx.model, ctx.asOf);
}

/** `bao-cao-dinh-ky-<period>.{md,html,pdf,docx,json}`, the formats asked for. */
export async function renderPeriodicReport(ctx: RenderContext, period: Period, formats: readonly PeriodicFormat[]): Promise<GeneratedFile[]> {
  const docFormats = formats.filter((f): f is DocumentFormat => f !== 'json');
  const files = docFormats.length ? await renderDocuments(ctx, [{ kind: 'bao-cao', audience: 'internal', formats: docFormats, period }]) : [];
  if (formats.includes('json')) files.push({ path: `${periodicReportBase(period.id)}.json`, contents: stableStringify(buildPeriodicReport(ctx.model, period, ctx.asOf)) });
  return files;
}

/** `kientruc build`: the report for the agency's period (default: the latest complete one). */
export const periodicReportRenderer: Renderer = {
  id: 'periodic-report',
  description: text(
    'Báo cáo định kỳ của kỳ gần nhất (bao-cao-dinh-ky-<kỳ>.md, .html, .pdf, .docx, .json)',
    'Periodic report for the latest period (bao-cao-dinh-ky-<period>.md, .html, .pdf, .docx, .json)',
  ),
  async render(ctx) {
    // Without a browser (--no-render) the build keeps to the fast text formats.
    const formats = PERIODIC_FORMATS.filter((f) => ctx.browser !== undefined || (f !== 'pdf' && f !== 'docx'));
    return renderPeriodicReport(ctx, reportPeriodFor(ctx), formats);
  },
};
