// Everything `kientruc build` renders, in order. A capability adds its renderer here.
import { diagramsRenderer } from './mermaid/renderer.js';
import { gapReportRenderer } from './gap/gap-report.js';
import { modelJsonRenderer } from './model/model-json.js';
import { periodicReportRenderer } from './periodic/periodic-report.js';
import { summaryRenderer } from './model/summary.js';
import { schemaRenderer } from './schema-file.js';
import { strategyRenderer } from './strategy/index.js';
import type { Renderer } from './types.js';

export const RENDERERS: readonly Renderer[] = [schemaRenderer, modelJsonRenderer, summaryRenderer, gapReportRenderer, periodicReportRenderer, diagramsRenderer, strategyRenderer];
