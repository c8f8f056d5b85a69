import * as frame from '../../documents/frame.js';
import type { FrameMeta } from '../../documents/frame.js';
import type { StrategyContext } from '../context.js';
import type { ArticleView, HeaderView, MarksView, PreambleView, SignatureView } from '../view-types.js';
import { closingSentence, fill, sentence, squash, withoutEnding } from '../wording.js';

export { NATIONAL_TITLE, MOTTO, issuerLines, legalBases } from '../../documents/frame.js';

function upper(value: string): string {
  return value.toLocaleUpperCase('vi');
}

export function subjectOf(ctx: StrategyContext): string {
  return squash(ctx.agency?.document?.title ?? fill(ctx.defaults.title, ctx.vars));
}

/** The strategy decision's own frame metadata (agency.yaml `document`). */
export function strategyMeta(ctx: StrategyContext): FrameMeta {
  const doc = ctx.agency?.document;
  return {
    typeCode: 'QĐ',
    docType: doc?.type ?? 'QUYẾT ĐỊNH',
    subject: subjectOf(ctx),
    number: doc?.number,
    isDraft: doc?.status !== 'issued',
    recipients: doc?.recipients,
    signer: doc?.signer,
    authority: frame.issuingAuthority(ctx),
  };
}

export function buildHeader(ctx: StrategyContext): HeaderView {
  return frame.buildHeader(ctx, strategyMeta(ctx));
}

export function buildMarks(ctx: StrategyContext): MarksView {
  return frame.buildMarks(ctx, strategyMeta(ctx));
}

export function buildPreamble(ctx: StrategyContext): PreambleView {
  const doc = ctx.agency?.document;
  return {
    authority: frame.issuingAuthority(ctx),
    bases: frame.legalBases(ctx, [], 'chien-luoc'),
    proposal: frame.proposalLine(ctx),
    decides: `${upper(squash(doc?.type ?? 'QUYẾT ĐỊNH'))}:`,
  };
}

export function buildArticle1(ctx: StrategyContext): ArticleView {
  const subject = subjectOf(ctx);
  const approve = /^Phê duyệt\s/u.test(subject) ? withoutEnding(subject) : `Phê duyệt Chiến lược dữ liệu ${ctx.vars['entity'] ?? ''}`.trim();
  return { label: 'Điều 1.', text: `${approve} với những nội dung sau:` };
}

export function buildClosingArticles(ctx: StrategyContext): ArticleView[] {
  const doc = ctx.agency?.document;
  return [
    { label: 'Điều 2.', text: frame.withReplacement(ctx, 'chien-luoc', sentence(doc?.effect ?? ctx.defaults.effect)) },
    { label: 'Điều 3.', text: closingSentence(fill(ctx.level.executors, ctx.vars)) },
  ];
}

/** Nơi nhận and the signature block, from the shared frame. */
export function buildSignature(ctx: StrategyContext): SignatureView {
  return frame.buildSignature(ctx, strategyMeta(ctx));
}
