import type { Browser } from 'puppeteer-core';
import type { TemplateOverride } from '../../core/project-assets.js';
import { withoutBidiControls } from '../../core/text.js';
import type { DocumentLayout } from '../../framework/document-pack.js';
import { trustedHtml } from '../handlebars.js';
import { strategyCss } from '../strategy/css.js';
import { printStrategyPdf } from '../strategy/pdf.js';
import { renderTemplate, renderTemplatePieces } from '../strategy/templates.js';
import { tidy, tidyPieces } from '../strategy/formats.js';
import { coalesce, mapPieces } from '../streamed.js';
import { renderOfficialDocx } from './docx.js';
import type { Block, OfficialDocView } from './view.js';

/** One renderer per format for every administrative document other than the strategy. */

export function renderOfficialMarkdown(view: OfficialDocView, overrides: readonly TemplateOverride[] = []): string {
  return tidy(renderTemplate('md', view, overrides, 'hanh-chinh'));
}

/** `renderOfficialMarkdown` with the package's templates, in pieces (the same text joined; see `renderTemplatePieces`). */
export function officialMarkdownPieces(view: OfficialDocView): Generator<string> {
  return tidyPieces(coalesce(renderTemplatePieces('md', view, 'hanh-chinh')));
}

/** A figure's SVG is the only markup that enters unescaped, and only from the diagram module. */
function trustFigures(blocks: readonly Block[]): unknown[] {
  return blocks.map((b) => (b.figure?.svg ? { ...b, figure: { ...b.figure, svg: trustedHtml(b.figure.svg) } } : b));
}

export function renderOfficialHtml(view: OfficialDocView, layout: DocumentLayout, overrides: readonly TemplateOverride[] = []): string {
  return withoutBidiControls(tidy(renderTemplate('html', htmlContext(view, layout), overrides, 'hanh-chinh')));
}

/** `renderOfficialHtml` with the package's templates, in pieces (the same text joined). */
export function officialHtmlPieces(view: OfficialDocView, layout: DocumentLayout): Generator<string> {
  return mapPieces(tidyPieces(coalesce(renderTemplatePieces('html', htmlContext(view, layout), 'hanh-chinh'))), withoutBidiControls);
}

function htmlContext(view: OfficialDocView, layout: DocumentLayout): object {
  return {
    ...view,
    body: trustFigures(view.body),
    attachment: view.attachment ? { ...view.attachment, body: trustFigures(view.attachment.body) } : null,
    css: trustedHtml(strategyCss(layout).trimEnd()),
  };
}

export async function renderOfficialPdf(browser: Browser, html: string, view: OfficialDocView): Promise<Uint8Array> {
  return printStrategyPdf(browser, html, view.meta.documentDate);
}

export { renderOfficialDocx };
