import { dateOfCitation, rankOfCitation, sortBases, type RankedBasis } from '../../../analysis/legal-rank.js';
import { viLongDate } from '../../../core/dates.js';
import type { StrategyContext } from '../context.js';
import type { ArticleView, HeaderView, MarksView, PreambleView, SignatureView } from '../view-types.js';
import { documentNumber, fill, sentence, squash, withoutEnding } from '../wording.js';

export const NATIONAL_TITLE = 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM';
export const MOTTO = 'Độc lập - Tự do - Hạnh phúc';

function upper(value: string): string {
  return value.toLocaleUpperCase('vi');
}

/** The issuing body printed top-left, in capitals. */
function issuerOf(ctx: StrategyContext): string {
  return upper(squash(ctx.agency?.document?.issuer ?? ctx.agency?.name ?? ctx.model.root));
}

const BODY_PREFIXES = ['ỦY BAN NHÂN DÂN', 'UỶ BAN NHÂN DÂN', 'HỘI ĐỒNG NHÂN DÂN'];

/**
 * The issuer as printed: a line break written in `document.issuer` is kept; otherwise a People's
 * Committee name is broken after "ỦY BAN NHÂN DÂN", as provincial documents print it.
 */
export function issuerLines(ctx: StrategyContext): string[] {
  const raw = ctx.agency?.document?.issuer;
  if (raw && /\n/.test(raw.trim())) return raw.trim().split(/\s*\n\s*/).map((l) => upper(squash(l)));
  const issuer = issuerOf(ctx);
  const prefix = BODY_PREFIXES.find((p) => issuer.startsWith(`${p} `));
  return prefix ? [prefix, issuer.slice(prefix.length + 1)] : [issuer];
}

export function subjectOf(ctx: StrategyContext): string {
  return squash(ctx.agency?.document?.title ?? fill(ctx.defaults.title, ctx.vars));
}

export function buildHeader(ctx: StrategyContext): HeaderView {
  const doc = ctx.agency?.document;
  const place = squash(ctx.agency?.location ?? ctx.vars['entity'] ?? '');
  return {
    issuerParent: doc?.issuerParent ? upper(squash(doc.issuerParent)) : null,
    issuerLines: issuerLines(ctx),
    number: `Số: ${documentNumber(doc?.number)}`,
    nationalTitle: NATIONAL_TITLE,
    motto: MOTTO,
    placeDate: `${place}, ${viLongDate(ctx.docDate)}`,
    docType: upper(squash(doc?.type ?? 'QUYẾT ĐỊNH')),
    subject: subjectOf(ctx),
  };
}

export function buildMarks(ctx: StrategyContext): MarksView {
  const isDraft = ctx.agency?.document?.status !== 'issued';
  return {
    isDraft,
    isPublic: ctx.isPublic,
    draft: isDraft ? 'DỰ THẢO' : null,
    publicLabel: ctx.isPublic ? 'BẢN CÔNG KHAI' : null,
    publicNotice: ctx.isPublic ? squash(ctx.defaults.publicNotice) : null,
  };
}

/**
 * The căn cứ list: pack documents whose `basisFor` names the agency's level, leaving out those not yet
 * issued or already superseded on the document date and those the agency excludes; the agency's own
 * bases (`document.legalBases`, and `documents` marked `legalBasis: true`) join them. All sorted by rank
 * (documentType order), then date. Every line ends with ";" as in QĐ 1751/QĐ-TTg.
 */
export function legalBases(ctx: StrategyContext): string[] {
  const doc = ctx.agency?.document;
  const level = ctx.agency?.level ?? 'province';
  const excluded = new Set(doc?.excludeBases ?? []);
  for (const id of excluded) {
    if (!ctx.model.pack.legal.some((l) => l.id === id)) {
      ctx.warnings.push(`document.excludeBases: "${id}" không phải mã văn bản nào trong bộ khung ${ctx.model.pack.id}.`);
    }
  }
  const fromPack = ctx.model.pack.legal
    .filter((l) => l.basisFor.includes(level))
    .filter((l) => !excluded.has(l.id))
    .filter((l) => l.date === undefined || l.date <= ctx.docDate)
    .filter((l) => l.supersededOn === undefined || l.supersededOn > ctx.docDate)
    .sort((a, b) => a.order - b.order || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .map((l): RankedBasis => ({ citation: l.citation, rank: l.rank, date: l.date }));
  const own = (doc?.legalBases ?? []).map((c): RankedBasis => ({ citation: c, rank: rankOfCitation(c), date: dateOfCitation(c) }));
  const declared = (ctx.agency?.documents ?? [])
    .filter((d) => d.legalBasis === true && d.date <= ctx.docDate)
    .map((d): RankedBasis => ({ citation: `${documentTypeWord(d.type)} số ${d.number} ${viLongDate(d.date)} của ${d.issuer} ${lowerFirst(d.title)}`, rank: d.type, date: d.date }));
  return sortBases(ctx.model.pack, [...fromPack, ...own, ...declared]).map((b) => `Căn cứ ${withoutEnding(b.citation).replace(/^Căn cứ\s+/u, '')};`);
}

const TYPE_WORD: Readonly<Record<string, string>> = {
  law: 'Luật',
  'party-central': 'Nghị quyết',
  'government-resolution': 'Nghị quyết',
  decree: 'Nghị định',
  'pm-decision': 'Quyết định',
  ministerial: 'Thông tư',
  'government-letter': 'Công văn',
  'ministry-letter': 'Công văn',
  'provincial-party': 'Nghị quyết',
  'council-resolution': 'Nghị quyết',
  decision: 'Quyết định',
  directive: 'Chỉ thị',
  plan: 'Kế hoạch',
  regulation: 'Quy chế',
  'official-letter': 'Công văn',
  other: 'Văn bản',
};

function documentTypeWord(type: string): string {
  return TYPE_WORD[type] ?? 'Văn bản';
}

function lowerFirst(s: string): string {
  return s.length ? s.charAt(0).toLocaleLowerCase('vi') + s.slice(1) : s;
}

export function buildPreamble(ctx: StrategyContext): PreambleView {
  const doc = ctx.agency?.document;
  const authority = upper(squash(doc?.authority ?? issuerOf(ctx)));
  return {
    authority,
    bases: legalBases(ctx),
    proposal: doc?.proposer ? `Theo đề nghị của ${withoutEnding(doc.proposer).replace(/^Theo đề nghị của\s+/u, '')}.` : null,
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
    { label: 'Điều 2.', text: sentence(doc?.effect ?? ctx.defaults.effect) },
    { label: 'Điều 3.', text: sentence(fill(ctx.level.executors, ctx.vars)) },
  ];
}

/** Nơi nhận (each line ends with ";", the last "Lưu: …" line with ".") and the signature block. */
export function buildSignature(ctx: StrategyContext): SignatureView {
  const doc = ctx.agency?.document;
  const given = (doc?.recipients ?? ctx.defaults.defaultRecipients).map(withoutEnding).filter((r) => r !== '');
  const lines = given.some((r) => /^Lưu\s*:/u.test(r)) ? given : [...given, 'Lưu: VT'];
  // "Lưu" always closes the list, as in every seed.
  const ordered = [...lines.filter((r) => !/^Lưu\s*:/u.test(r)), ...lines.filter((r) => /^Lưu\s*:/u.test(r))];
  const signer = doc?.signer;
  return {
    recipientsHeading: 'Nơi nhận:',
    recipients: ordered.map((r, i) => `${r}${i === ordered.length - 1 ? '.' : ';'}`),
    authority: signer?.authority ? upper(squash(signer.authority)) : null,
    delegation: signer?.delegation ? upper(squash(signer.delegation)) : null,
    title: upper(squash(signer?.title ?? ctx.level.signerTitle)),
    name: signer?.name ? squash(signer.name) : null,
  };
}
