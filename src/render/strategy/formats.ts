import type { TemplateOverride } from '../../core/project-assets.js';
import type { DocumentLayout } from '../../framework/document-pack.js';
import { strategyCss } from './css.js';
import { trustedHtml } from '../handlebars.js';
import { renderTemplate } from './templates.js';
import type { StrategyView } from './view-types.js';
import { withoutBidiControls } from '../../core/text.js';

/** Blank-line runs from template control lines collapse to one; trailing spaces go; one final newline. */
export function tidy(text: string): string {
  return `${text
    .replace(/[ \t]+$/gm, '')
    .replace(/\n{3,}/g, '\n\n')
    .trim()}\n`;
}

/** The strategy in Markdown (GitHub-flavoured: tables, hard line breaks with a backslash). */
export function renderStrategyMarkdown(view: StrategyView, overrides: readonly TemplateOverride[] = []): string {
  return tidy(renderTemplate('md', view, overrides));
}

/**
 * The strategy as one self-contained HTML file: inline CSS from the layout constants, diagrams as
 * inline SVG. The SVG is the only markup that enters unescaped, and only from the diagram module.
 */
export function renderStrategyHtml(view: StrategyView, layout: DocumentLayout, overrides: readonly TemplateOverride[] = []): string {
  const context = {
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
  return withoutBidiControls(tidy(renderTemplate('html', context, overrides)));
}
