import { UserError } from '../../core/errors.js';
import { documentFile } from '../streamed.js';
import { EMPTY_ASSETS } from '../../core/project-assets.js';
import { text } from '../../core/text.js';
import { loadDocumentLayout } from '../../framework/document-pack.js';
import { cachedOutput, cachedText, viewKey } from '../cached-output.js';
import type { GeneratedFile, RenderContext } from '../types.js';
import { renderStrategyDocx } from './docx.js';
import { renderStrategyHtml, renderStrategyMarkdown, strategyHtmlPieces, strategyMarkdownPieces } from './formats.js';
import { printStrategyPdf } from './pdf.js';
import { buildStrategyView } from './view-model.js';
import { strategyDiagrams } from './diagrams.js';
import type { Audience } from './view-types.js';

export const STRATEGY_FORMATS = ['md', 'html', 'pdf', 'docx'] as const;
export type StrategyFormat = (typeof STRATEGY_FORMATS)[number];
export const AUDIENCES: readonly Audience[] = ['internal', 'public'];

/** Formats that need the browser (PDF prints the HTML; DOCX embeds the diagrams as PNG). */
export const BROWSER_FORMATS: ReadonlySet<StrategyFormat> = new Set(['pdf', 'docx']);

/** `chien-luoc-du-lieu` (internal) or `chien-luoc-du-lieu-cong-khai` (public). */
export function strategyBaseName(audience: Audience): string {
  return audience === 'public' ? 'chien-luoc-du-lieu-cong-khai' : 'chien-luoc-du-lieu';
}

export interface StrategyRenderOptions {
  readonly formats: readonly StrategyFormat[];
  readonly audience: Audience;
}

/** The strategy in the requested formats for one audience. */
export async function renderStrategy(ctx: RenderContext, opts: StrategyRenderOptions): Promise<GeneratedFile[]> {
  const wants = new Set(opts.formats);
  const pictures = wants.has('html') || wants.has('pdf') || wants.has('docx');
  const diagrams = await strategyDiagrams(ctx, opts.audience, pictures && ctx.browser !== undefined);
  const { view, warnings } = buildStrategyView({
    model: ctx.model,
    asOf: ctx.asOf,
    audience: opts.audience,
    toolVersion: ctx.toolVersion,
    assets: ctx.assets ?? EMPTY_ASSETS,
    diagrams: diagrams.views,
    diagnostics: ctx.diagnostics,
  });
  for (const w of warnings) ctx.log(text(`Chiến lược dữ liệu: ${w.vi}`, `Data strategy: ${w.en}`));
  const layout = loadDocumentLayout(ctx.model.pack.id);
  const overrides = ctx.assets?.templates ?? [];
  const base = strategyBaseName(opts.audience);
  const files: GeneratedFile[] = [];
  // Markdown, and HTML when no PDF is asked for, are rendered when written, one at a time and piece by
  // piece (a national document is tens of MB of text per format; ../streamed.ts), and not kept in the
  // render cache: they cost little to make again. The PDF prints the HTML, so then the HTML is made
  // once, now, and like the PDF and DOCX it is reused from the render cache when what it is made from
  // is unchanged (../cached-output.ts). The agency's own templates are rendered at once, so that a
  // mistake in them is reported before anything is written.
  const key = viewKey(view);
  const overridden = overrides.length > 0;
  if (wants.has('md')) files.push(documentFile(`${base}.md`, overridden, () => renderStrategyMarkdown(view, overrides), () => strategyMarkdownPieces(view)));
  const html = wants.has('pdf') ? await cachedText(ctx, { kind: 'html:strategy', inputs: [key, layout, overrides] }, () => renderStrategyHtml(view, layout, overrides)) : '';
  if (wants.has('html')) {
    files.push(wants.has('pdf') ? { path: `${base}.html`, contents: html } : documentFile(`${base}.html`, overridden, () => renderStrategyHtml(view, layout, overrides), () => strategyHtmlPieces(view, layout)));
  }
  if (wants.has('pdf')) {
    if (!ctx.browser) throw new UserError(text('Bản PDF cần trình duyệt Chromium; bỏ --no-render hoặc chọn --format md,html.', 'The PDF needs the Chromium browser; drop --no-render or choose --format md,html.'));
    const browser = ctx.browser;
    const date = view.meta.documentDate;
    files.push({ path: `${base}.pdf`, contents: await cachedOutput(ctx, { kind: 'pdf', inputs: [html, date], browser: true }, async () => printStrategyPdf(await browser.get(), html, date)) });
  }
  if (wants.has('docx')) {
    files.push({ path: `${base}.docx`, contents: await cachedOutput(ctx, { kind: 'docx:strategy', inputs: [key, layout, diagrams.png] }, () => renderStrategyDocx(view, layout, diagrams.png)) });
  }
  return files;
}
