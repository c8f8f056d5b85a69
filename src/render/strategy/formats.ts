import type { TemplateOverride } from '../../core/project-assets.js';
import type { DocumentLayout } from '../../framework/document-pack.js';
import { strategyCss } from './css.js';
import { trustedHtml } from '../handlebars.js';
import { renderTemplate, renderTemplatePieces } from './templates.js';
import type { StrategyView } from './view-types.js';
import { withoutBidiControls } from '../../core/text.js';
import { coalesce, holdingEndRun, mapPieces } from '../streamed.js';

/** Blank-line runs from template control lines collapse to one; trailing spaces go; one final newline. */
export function tidy(text: string): string {
  return `${text
    .replace(/[ \t]+$/gm, '')
    .replace(/\n{3,}/g, '\n\n')
    .trim()}\n`;
}

/**
 * `tidy` of a text given in pieces, in pieces: joined, they are `tidy` of the joined text. Each step
 * holds back only what the next piece could still change: the spaces ending a piece (they go if a
 * line ends there), the line breaks ending a piece (a run of three or more becomes two), the white
 * space ending a piece (the text's last white space goes), and white space at the very start.
 */
export function* tidyPieces(pieces: Iterable<string>): Generator<string> {
  yield* trimmedPieces(collapsedPieces(unpaddedPieces(pieces)));
}

/** Spaces ending a line go (those ending the text with it). */
function unpaddedPieces(pieces: Iterable<string>): Generator<string> {
  return holdingEndRun(pieces, /[ \t]/, (s) => s.replace(/[ \t]+$/gm, ''));
}

/** A run of three or more line breaks becomes two. */
function collapsedPieces(pieces: Iterable<string>): Generator<string> {
  const collapse = (s: string): string => s.replace(/\n{3,}/g, '\n\n');
  return holdingEndRun(pieces, /\n/, collapse, collapse);
}

/** White space at the start and the end goes; one line break ends the text. */
function trimmedPieces(pieces: Iterable<string>): Generator<string> {
  return holdingEndRun(startTrimmed(pieces), /\s/, undefined, () => '\n');
}

function* startTrimmed(pieces: Iterable<string>): Generator<string> {
  let started = false;
  for (const p of pieces) {
    if (started) yield p;
    else {
      const s = p.trimStart();
      if (s === '') continue;
      started = true;
      yield s;
    }
  }
}

/** The strategy in Markdown (GitHub-flavoured: tables, hard line breaks with a backslash). */
export function renderStrategyMarkdown(view: StrategyView, overrides: readonly TemplateOverride[] = []): string {
  return tidy(renderTemplate('md', view, overrides));
}

/** `renderStrategyMarkdown` with the package's templates, in pieces (the same text joined; see `renderTemplatePieces`). */
export function strategyMarkdownPieces(view: StrategyView): Generator<string> {
  return tidyPieces(coalesce(renderTemplatePieces('md', view)));
}

/**
 * The strategy as one self-contained HTML file: inline CSS from the layout constants, diagrams as
 * inline SVG. The SVG is the only markup that enters unescaped, and only from the diagram module.
 */
export function renderStrategyHtml(view: StrategyView, layout: DocumentLayout, overrides: readonly TemplateOverride[] = []): string {
  return withoutBidiControls(tidy(renderTemplate('html', htmlContext(view, layout), overrides)));
}

/** `renderStrategyHtml` with the package's templates, in pieces (the same text joined). */
export function strategyHtmlPieces(view: StrategyView, layout: DocumentLayout): Generator<string> {
  return mapPieces(tidyPieces(coalesce(renderTemplatePieces('html', htmlContext(view, layout)))), withoutBidiControls);
}

function htmlContext(view: StrategyView, layout: DocumentLayout): object {
  return {
    ...view,
    css: trustedHtml(strategyCss(layout).trimEnd()),
    appendices: view.appendices.map((a) => ({
      ...a,
      sections: a.sections.map((s) => ({
        ...s,
        diagrams: s.diagrams.map((d) => ({ ...d, svg: d.svg === null ? null : trustedHtml(d.svg) })),
      })),
    })),
  };
}
