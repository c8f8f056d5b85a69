import { dateOfCitation, rankOfCitation, sortBases, type RankedBasis } from '../../analysis/legal-rank.js';
import { viLongDate, type IsoDate } from '../../core/dates.js';
import { expandBodyNames } from '../../core/abbreviations.js';
import { text, type Text } from '../../core/text.js';
import type { LevelWording, StrategyDefaults } from '../../framework/document-pack.js';
import type { Model } from '../../model/model.js';
import type { Agency } from '../../model/types.js';
import type { HeaderView, MarksView, SignatureView } from '../strategy/view-types.js';
import { squash, withoutEnding } from '../strategy/wording.js';

/**
 * The NĐ 30/2020/NĐ-CP frame every administrative document shares (Phụ lục I): issuing body, quốc
 * hiệu and tiêu ngữ, số/ký hiệu with the issuer's abbreviation, địa danh and date, tên loại and trích
 * yếu, căn cứ, nơi nhận and chữ ký, and the "(Kèm theo …)" line of each Phụ lục. Each document kind
 * (chien-luoc, ke-hoach, bao-cao) builds its body and asks this module for the frame, so the frame is
 * written once.
 */

export const NATIONAL_TITLE = 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM';
export const MOTTO = 'Độc lập - Tự do - Hạnh phúc';

/** What the frame needs from a document's build context (the strategy's context satisfies it). */
export interface FrameContext {
  readonly model: Model;
  readonly agency: Agency | undefined;
  readonly docDate: IsoDate;
  readonly isPublic: boolean;
  readonly defaults: StrategyDefaults;
  readonly level: LevelWording;
  readonly vars: Readonly<Record<string, string>>;
  /** Things the author should know, for the command to print in its language. */
  readonly warnings: Text[];
}

export interface SignerInput {
  readonly authority?: string | undefined;
  readonly delegation?: string | undefined;
  readonly title: string;
  readonly name?: string | undefined;
}

/** One document's own metadata: which tên loại, which số, which nơi nhận and signer. */
export interface FrameMeta {
  /** Type code in the số/ký hiệu: QĐ, KH, BC (NĐ 30/2020 Phụ lục III). */
  readonly typeCode: string;
  /** Tên loại as printed: QUYẾT ĐỊNH, KẾ HOẠCH, BÁO CÁO. */
  readonly docType: string;
  readonly subject: string;
  /** The number as written in YAML (may be only the suffix, "    /QĐ-UBND"), or undefined. */
  readonly number: string | undefined;
  readonly isDraft: boolean;
  readonly recipients: readonly string[] | undefined;
  readonly signer: SignerInput | undefined;
  /**
   * Who issues the document: a decision's authority line ("ỦY BAN NHÂN DÂN TỈNH …", or "CHỦ TỊCH ỦY
   * BAN NHÂN DÂN …" for the chair's own decision, `issuingAuthority`); the issuer when undefined.
   */
  readonly authority?: string | undefined;
}

/**
 * What a document prints in a formal part the agency has not written yet: a bracketed line for the
 * agency to complete, as the báo cáo does for its difficulties and recommendations, so a draft shows
 * the gap instead of leaving the part out.
 */
export const TO_COMPLETE = {
  proposer: '[Cơ quan bổ sung chức danh, cơ quan đề nghị]',
  addressees: '[Cơ quan bổ sung cơ quan nhận báo cáo]',
  signerName: '[Cơ quan bổ sung họ và tên người ký]',
} as const;

const NBSP = '\u00a0';

function upper(value: string): string {
  return value.toLocaleUpperCase('vi');
}

/** The issuing body printed top-left, in capitals, its name in full ("UBND XÃ …" → "ỦY BAN NHÂN DÂN XÃ …"). */
export function issuerOf(ctx: Pick<FrameContext, 'agency' | 'model'>): string {
  return upper(squash(expandBodyNames(ctx.agency?.document?.issuer ?? ctx.agency?.name ?? ctx.model.root)));
}

/** A decision's authority line above the căn cứ: `document.authority`, else the issuer. */
export function issuingAuthority(ctx: Pick<FrameContext, 'agency' | 'model'>): string {
  const own = ctx.agency?.document?.authority;
  return own ? upper(squash(expandBodyNames(own))) : issuerOf(ctx);
}

/** "Theo đề nghị của …." (`document.proposer`); a line to complete when the agency names none. */
export function proposalLine(ctx: Pick<FrameContext, 'agency'>): string {
  const own = ctx.agency?.document?.proposer;
  return `Theo đề nghị của ${own ? withoutEnding(own).replace(/^Theo đề nghị của\s+/u, '') : TO_COMPLETE.proposer}.`;
}

const BODY_PREFIXES: readonly (readonly [string, string])[] = [
  ['ỦY BAN NHÂN DÂN', 'UBND'],
  ['UỶ BAN NHÂN DÂN', 'UBND'],
  ['HỘI ĐỒNG NHÂN DÂN', 'HĐND'],
];

/**
 * The issuer as printed: a line break written in `document.issuer` is kept; otherwise a People's
 * Committee name is broken after "ỦY BAN NHÂN DÂN", as provincial documents print it.
 */
export function issuerLines(ctx: Pick<FrameContext, 'agency' | 'model'>): string[] {
  const raw = ctx.agency?.document?.issuer;
  if (raw && /\n/.test(raw.trim())) return raw.trim().split(/\s*\n\s*/).map((l) => upper(squash(expandBodyNames(l))));
  const issuer = issuerOf(ctx);
  const prefix = BODY_PREFIXES.find(([p]) => issuer.startsWith(`${p} `));
  return prefix ? [prefix[0], issuer.slice(prefix[0].length + 1)] : [issuer];
}

/**
 * The issuer's abbreviation after the type code ("UBND" in "…/QĐ-UBND"): `document.issuerCode`, else
 * UBND/HĐND for People's Committees and Councils, else the initials of the issuer's last line
 * ("SỞ Y TẾ" → "SYT").
 */
export function issuerCode(ctx: Pick<FrameContext, 'agency' | 'model'>): string {
  const own = ctx.agency?.document?.issuerCode;
  if (own) return squash(own);
  const issuer = issuerOf(ctx);
  const known = BODY_PREFIXES.find(([p]) => issuer.startsWith(p));
  if (known) return known[1];
  const last = issuerLines(ctx).at(-1) ?? issuer;
  return last
    .split(/\s+/)
    .map((w) => w.charAt(0))
    .join('');
}

/** Does the written number carry the document's own number (digits before the slash)? */
export function hasNumber(raw: string | undefined): boolean {
  return raw !== undefined && /^\s*\d+/.test(raw);
}

/**
 * The number as printed after "Số:". A number below 10 gets a leading zero (NĐ 30/2020); a draft
 * without a number keeps a blank of non-breaking spaces before "/<type>-<issuer>", so no format
 * collapses it and the suffix is never cut short ("/QĐ" alone).
 */
export function documentNumber(raw: string | undefined, code: string): string {
  const value = (raw ?? '').replace(/\s+$/, '');
  if (!hasNumber(value)) {
    const suffix = value.trim().startsWith('/') && value.trim().length > 1 ? value.trim().slice(1) : code;
    return `${NBSP.repeat(8)}/${suffix}`;
  }
  return value.trim().replace(/^(\d)(?=\/)/, '0$1');
}

/**
 * "Sơn Hà, ngày 15 tháng 10 năm 2026". A document without its number is not yet signed: day and month
 * are left blank for the văn thư to fill in, as on a draft (the year stays).
 */
export function placeDate(ctx: FrameContext, numbered: boolean): string {
  const place = squash(ctx.agency?.location ?? ctx.vars['entity'] ?? '');
  const date = numbered ? viLongDate(ctx.docDate) : `ngày${NBSP.repeat(6)}tháng${NBSP.repeat(6)}năm ${ctx.docDate.slice(0, 4)}`;
  return `${place}, ${date}`;
}

export function buildHeader(ctx: FrameContext, meta: FrameMeta): HeaderView {
  const doc = ctx.agency?.document;
  const code = `${meta.typeCode}-${issuerCode(ctx)}`;
  return {
    issuerParent: doc?.issuerParent ? upper(squash(doc.issuerParent)) : null,
    issuerLines: issuerLines(ctx),
    number: `Số: ${documentNumber(meta.number, code)}`,
    nationalTitle: NATIONAL_TITLE,
    motto: MOTTO,
    placeDate: placeDate(ctx, hasNumber(meta.number)),
    docType: upper(squash(meta.docType)),
    subject: squash(meta.subject),
  };
}

export function buildMarks(ctx: FrameContext, meta: Pick<FrameMeta, 'isDraft'>): MarksView {
  return {
    isDraft: meta.isDraft,
    isPublic: ctx.isPublic,
    draft: meta.isDraft ? 'DỰ THẢO' : null,
    publicLabel: ctx.isPublic ? 'BẢN CÔNG KHAI' : null,
    publicNotice: ctx.isPublic ? squash(ctx.defaults.publicNotice) : null,
  };
}

/**
 * The căn cứ list: pack documents whose `basisFor` names the agency's level, in `order`, leaving out
 * those not yet issued or already superseded on the document date and those the agency excludes;
 * then the agency's own bases. `extra` names pack documents a kind cites whatever the level (the
 * architecture cites CV 5441 and CV 2943). Every line ends with ";" as in QĐ 1751/QĐ-TTg.
 */
export function legalBases(ctx: FrameContext, extra: readonly string[] = [], kind?: ReplaceableKind): string[] {
  const doc = ctx.agency?.document;
  const level = ctx.agency?.level ?? 'province';
  const excluded = new Set(doc?.excludeBases ?? []);
  for (const id of excluded) {
    if (!ctx.model.pack.legal.some((l) => l.id === id)) {
      ctx.warnings.push(
        text(
          `document.excludeBases: "${id}" không phải mã văn bản nào trong bộ khung ${ctx.model.pack.id}.`,
          `document.excludeBases: "${id}" is not the id of any document in the framework pack ${ctx.model.pack.id}.`,
        ),
      );
    }
  }
  const fromPack = ctx.model.pack.legal
    .filter((l) => l.basisFor.includes(level) || extra.includes(l.id))
    .filter((l) => !excluded.has(l.id))
    .filter((l) => l.date === undefined || l.date <= ctx.docDate)
    .filter((l) => l.supersededOn === undefined || l.supersededOn > ctx.docDate)
    .sort((a, b) => a.order - b.order || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .map((l): RankedBasis => ({ citation: l.citation, rank: l.rank, date: l.date }));
  const own = (doc?.legalBases ?? []).map((c): RankedBasis => ({ citation: c, rank: rankOfCitation(c), date: dateOfCitation(c) }));
  // A document this one replaces is not one of its bases (Điều 2 says it is replaced: withReplacement).
  const declared = (ctx.agency?.documents ?? [])
    .filter((d) => d.legalBasis === true && d.date <= ctx.docDate && (kind === undefined || d.replacedBy !== kind))
    .map((d): RankedBasis => ({ citation: citationOf(d), rank: d.type, date: d.date }));
  return sortBases(ctx.model.pack, [...fromPack, ...own, ...declared]).map((b) => `Căn cứ ${withoutEnding(b.citation).replace(/^Căn cứ\s+/u, '')};`);
}

/** The kinds of decision an agency's earlier document can be replaced by (documents[].replacedBy). */
export type ReplaceableKind = 'chien-luoc' | 'ke-hoach' | 'kien-truc';

type AgencyDocument = NonNullable<Agency['documents']>[number];

/** "Quyết định số 2380/QĐ-UBND ngày 26 tháng 12 năm 2025 của Ủy ban nhân dân tỉnh ban hành …": how a căn cứ or a replaced act is cited. */
export function citation(typeWord: string, number: string, date: IsoDate, issuer: string, title: string): string {
  return `${typeWord} số ${number} ${viLongDate(date)} của ${issuer} ${lowerFirst(title)}`;
}

function citationOf(d: AgencyDocument): string {
  return citation(documentTypeWord(d.type), d.number, d.date, d.issuer, d.title);
}

/**
 * The entry-into-force article of a decision of `kind`, saying which of the agency's documents it
 * replaces (documents[].replacedBy, issued before the document date): "Quyết định này có hiệu lực kể
 * từ ngày ký và thay thế Quyết định số … ." Without one, `effect` as written.
 */
export function withReplacement(ctx: FrameContext, kind: ReplaceableKind, effect: string): string {
  const replaced = (ctx.agency?.documents ?? []).filter((d) => d.replacedBy === kind && d.date <= ctx.docDate);
  if (replaced.length === 0) return effect;
  return `${withoutEnding(effect)} và thay thế ${replaced.map(citationOf).join('; ')}.`;
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

/** People's Committees and Councils decide as collegial bodies: their documents are signed on the body's behalf. */
const COLLEGIAL_BODIES: readonly (readonly [string, string])[] = [
  ['ỦY BAN NHÂN DÂN', 'ỦY BAN NHÂN DÂN'],
  ['UỶ BAN NHÂN DÂN', 'ỦY BAN NHÂN DÂN'],
  ['HỘI ĐỒNG NHÂN DÂN', 'HỘI ĐỒNG NHÂN DÂN'],
];

/**
 * The signer's authority line when `signer.authority` is not written: "TM. ỦY BAN NHÂN DÂN" when the
 * document is issued by a People's Committee (its authority line names the committee), "TM. HỘI ĐỒNG
 * NHÂN DÂN" for a Council (NĐ 30/2020/NĐ-CP Phụ lục I: the signer of a collegial body signs on its
 * behalf); none for a body headed by one person (a sở, a ministry) or for the chair's own decision
 * ("CHỦ TỊCH ỦY BAN NHÂN DÂN …" as `document.authority`).
 */
export function defaultSignerAuthority(issuing: string): string | null {
  const line = upper(squash(expandBodyNames(issuing)));
  const body = COLLEGIAL_BODIES.find(([p]) => line === p || line.startsWith(`${p} `));
  return body ? `TM. ${body[1]}` : null;
}

/** Nơi nhận (each line ends with ";", the last "Lưu: …" line with ".") and the signature block. */
export function buildSignature(ctx: FrameContext, meta: Pick<FrameMeta, 'recipients' | 'signer' | 'authority'>): SignatureView {
  const given = (meta.recipients ?? ctx.defaults.defaultRecipients).map(withoutEnding).filter((r) => r !== '');
  const lines = given.some((r) => /^Lưu\s*:/u.test(r)) ? given : [...given, 'Lưu: VT'];
  // "Lưu" always closes the list, as in every seed.
  const ordered = [...lines.filter((r) => !/^Lưu\s*:/u.test(r)), ...lines.filter((r) => /^Lưu\s*:/u.test(r))];
  const signer = meta.signer;
  return {
    recipientsHeading: 'Nơi nhận:',
    recipients: ordered.map((r, i) => `${r}${i === ordered.length - 1 ? '.' : ';'}`),
    authority: signer?.authority ? upper(squash(signer.authority)) : defaultSignerAuthority(meta.authority ?? issuerOf(ctx)),
    delegation: signer?.delegation ? upper(squash(signer.delegation)) : null,
    title: upper(squash(signer?.title ?? ctx.level.signerTitle)),
    name: signer?.name ? squash(signer.name) : TO_COMPLETE.signerName,
  };
}

/**
 * "Quyết định số …/QĐ-UBND ngày … của …": the document an appendix is attached to, as its
 * "(Kèm theo …)" line names it. Without a number the date is left blank too (see `placeDate`).
 */
export function attachmentRef(ctx: Pick<FrameContext, 'agency' | 'model' | 'docDate'>, meta: Pick<FrameMeta, 'typeCode' | 'number'>, docName: string): string {
  const code = `${meta.typeCode}-${issuerCode(ctx)}`;
  const date = hasNumber(meta.number) ? viLongDate(ctx.docDate) : `ngày${NBSP.repeat(4)}/${NBSP.repeat(4)}/${ctx.docDate.slice(0, 4)}`;
  const name = ctx.agency?.name ?? ctx.model.root;
  return `${docName} số ${documentNumber(meta.number, code)} ${date} của ${name}`;
}
