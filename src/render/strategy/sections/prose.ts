import MarkdownIt from 'markdown-it';
import type { ProseKey } from '../../../core/project-assets.js';
import { text } from '../../../core/text.js';
import { inlineText } from '../../documents/markdown-blocks.js';
import type { StrategyContext } from '../context.js';
import type { ItemView, ProseSectionView } from '../view-types.js';
import { fill, sentence, squash } from '../wording.js';

const md = new MarkdownIt({ html: false, linkify: false, typographer: false });

/**
 * The paragraphs and list items of an agency's Markdown prose, as plain text (emphasis and links are
 * kept as their words; headings are skipped, since the section heading is fixed by the document).
 * Plain text keeps the four formats identical and leaves no room for markup injection.
 */
export function markdownItems(source: string): string[] {
  const items: string[] = [];
  let inHeading = false;
  for (const t of md.parse(source, {})) {
    if (t.type === 'heading_open') inHeading = true;
    else if (t.type === 'heading_close') inHeading = false;
    else if (t.type === 'inline' && !inHeading) {
      const s = squash(inlineText(t, ' '));
      if (s) items.push(s);
    }
  }
  return items;
}

interface Sourced {
  readonly texts: readonly string[];
  readonly origin: ProseSectionView['origin'];
  readonly originFile: string | null;
}

/** Markdown file, else agency YAML, else the framework default (with its placeholders filled). */
function source(ctx: StrategyContext, key: ProseKey, fallback: readonly string[]): Sourced {
  const file = ctx.assets.prose.find((p) => p.key === key);
  if (file) {
    const texts = markdownItems(file.text);
    if (texts.length) {
      if (ctx.agency?.strategy?.[key] !== undefined) {
        ctx.warnings.push(
          text(
            `${file.file} thay cho strategy.${key} trong agency.yaml (tệp Markdown được ưu tiên).`,
            `${file.file} replaces strategy.${key} in agency.yaml (the Markdown file comes first).`,
          ),
        );
      }
      return { texts, origin: 'markdown', originFile: file.file };
    }
    ctx.warnings.push(text(`${file.file} không có đoạn văn nào; dùng nội dung khác.`, `${file.file} has no paragraph; other content is used.`));
  }
  const yaml = ctx.agency?.strategy?.[key];
  if (yaml !== undefined) {
    const texts = (typeof yaml === 'string' ? [yaml] : [...yaml]).map(squash).filter((s) => s !== '');
    if (texts.length) return { texts, origin: 'yaml', originFile: ctx.agency?.origin.file ?? null };
  }
  return { texts: fallback.map((t) => squash(fill(t, ctx.vars))), origin: 'default', originFile: ctx.defaults.file };
}

function section(heading: string, s: Sourced, numbered: boolean): ProseSectionView {
  const items: ItemView[] = s.texts.map((t, i) => ({ label: numbered ? `${i + 1}.` : null, text: sentence(t) }));
  return { heading, items, origin: s.origin, originFile: s.originFile };
}

export function buildViewpoints(ctx: StrategyContext): ProseSectionView {
  return section('I. QUAN ĐIỂM', source(ctx, 'viewpoints', ctx.defaults.viewpoints), true);
}

export function buildVision(ctx: StrategyContext): ProseSectionView {
  return section('II. TẦM NHÌN', source(ctx, 'vision', [ctx.defaults.vision]), false);
}

export function buildPrinciples(ctx: StrategyContext): ProseSectionView {
  return section('III. NGUYÊN TẮC', source(ctx, 'principles', ctx.defaults.principles), true);
}

export function buildGeneralObjective(ctx: StrategyContext): ProseSectionView {
  return section('1. Mục tiêu tổng quát', source(ctx, 'generalObjective', [ctx.defaults.generalObjective]), false);
}
