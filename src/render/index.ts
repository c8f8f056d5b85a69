// Everything `kientruc build` renders, in order. A capability adds its renderer here.
import { gapReportRenderer } from './gap/gap-report.js';
import { diagramsRenderer } from './mermaid/renderer.js';
import { modelJsonRenderer } from './model/model-json.js';
import { periodicReportRenderer } from './periodic/periodic-report.js';
import { summaryRenderer } from './model/summary.js';
import { schemaRenderer } from './schema-file.js';
import { siteRenderer } from './site/site.js';
import { documentsRenderer } from './documents/index.js';
import type { Renderer } from './types.js';

// The site comes last: it shows what the others drew.
export const RENDERERS: readonly Renderer[] = [
  schemaRenderer,
  modelJsonRenderer,
  summaryRenderer,
  gapReportRenderer,
  periodicReportRenderer,
  diagramsRenderer,
  documentsRenderer,
  siteRenderer,
];
