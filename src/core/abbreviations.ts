import { asciiFold } from './labels.js';

/**
 * Abbreviations officials write for common phrases and for bodies ("CSDL hộ tịch", "Sở KH&CN"), as
 * data, so everything that reads names reads them the same way. Only abbreviations with one meaning
 * belong here: "TP" (Tư pháp? Thành phố?) and "TC" (Tài chính? Tổng cục?) do not.
 */
export interface Abbreviation {
  /** How it is written: "KH&CN"; the first is the usual form. Separators (&, comma, -) are read with or without spaces, as "và", or left out. */
  readonly short: readonly string[];
  /** The words it stands for, with their diacritics: "Khoa học và Công nghệ". */
  readonly full: string;
  /** Derived ids use the short form ("csdl-ho-tich", not "co-so-du-lieu-ho-tich"). */
  readonly inIds?: true;
}

/** The table: import (names, derived ids), the site's search and the documents' issuer names read it. */
export const ABBREVIATIONS: readonly Abbreviation[] = [
  { short: ['UBND'], full: 'Ủy ban nhân dân', inIds: true },
  { short: ['HĐND'], full: 'Hội đồng nhân dân' },
  { short: ['CSDL'], full: 'cơ sở dữ liệu', inIds: true },
  { short: ['HTTT'], full: 'hệ thống thông tin', inIds: true },
  { short: ['TTHC'], full: 'thủ tục hành chính', inIds: true },
  { short: ['CNTT'], full: 'công nghệ thông tin', inIds: true },
  { short: ['CĐS'], full: 'chuyển đổi số' },
  { short: ['DVCTT'], full: 'dịch vụ công trực tuyến' },
  { short: ['TTĐT'], full: 'thông tin điện tử' },
  { short: ['ATTT'], full: 'an toàn thông tin' },
  { short: ['BHXH'], full: 'Bảo hiểm xã hội' },
  { short: ['KH&CN'], full: 'Khoa học và Công nghệ' },
  { short: ['KH&ĐT'], full: 'Kế hoạch và Đầu tư' },
  { short: ['NN&MT'], full: 'Nông nghiệp và Môi trường' },
  { short: ['NN&PTNT'], full: 'Nông nghiệp và Phát triển nông thôn' },
  { short: ['TN&MT'], full: 'Tài nguyên và Môi trường' },
  { short: ['GD&ĐT'], full: 'Giáo dục và Đào tạo' },
  { short: ['VH,TT&DL', 'VHTTDL', 'VHTT&DL'], full: 'Văn hóa, Thể thao và Du lịch' },
  { short: ['TT&TT'], full: 'Thông tin và Truyền thông' },
  { short: ['LĐ-TB&XH'], full: 'Lao động - Thương binh và Xã hội' },
  { short: ['GTVT', 'GT-VT'], full: 'Giao thông vận tải' },
];

/** Lower case, no diacritics, one space between words: how search compares text ("Sở KH&CN" → "so kh&cn"). */
export function foldForSearch(value: string): string {
  return asciiFold(value).replace(/\s+/g, ' ').trim();
}

const SEPARATORS = /\s*[&,\-–]\s*/;

/** The folded ways a short form is written: "KH&CN" → "kh&cn", "kh & cn", "khcn", "kh cn", "kh va cn". */
function spellings(short: string): string[] {
  const written = foldForSearch(short);
  const parts = written.split(SEPARATORS).filter((p) => p !== '');
  const forms = new Set([written, parts.join(''), parts.join(' '), written.replace(/\s*([&,\-–])\s*/g, ' $1 ').replace(/ ,/g, ',')]);
  if (parts.length > 1) forms.add(`${parts.slice(0, -1).join(' ')} va ${parts[parts.length - 1] as string}`);
  return [...forms];
}

/**
 * Every folded spelling of a listed short form and the words it stands for, folded ("csdl" →
 * "co so du lieu", "khcn" → "khoa hoc va cong nghe"), longest first so a form is replaced before any
 * shorter one inside it. Plain data: the site's search script carries it as JSON.
 */
export const SEARCH_EXPANSIONS: readonly (readonly [string, string])[] = ABBREVIATIONS.flatMap((a) => {
  const full = foldForSearch(a.full);
  return [...new Set(a.short.flatMap(spellings))].filter((f) => f !== full).map((f) => [f, full] as const);
}).sort((x, y) => y[0].length - x[0].length || (x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : 0));

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The pattern of one spelling between word boundaries, without lookbehind (the site's script runs
 * in browsers that lack it): the character before is captured and written back.
 */
export function expansionPattern(spelling: string): string {
  return `(^|[^a-z0-9])${escape(spelling)}(?=[^a-z0-9]|$)`;
}

const COMPILED = SEARCH_EXPANSIONS.map(([from, to]) => [new RegExp(expansionPattern(from), 'g'), `$1${to}`] as const);

/**
 * Folded text with every listed abbreviation written out: "csdl ho tich" → "co so du lieu ho tich".
 * A search that expands both the query and the text finds "Cơ sở dữ liệu hộ tịch" for "CSDL hộ tịch"
 * and the other way round.
 */
export function expandFolded(folded: string): string {
  let s = folded;
  for (const [re, to] of COMPILED) s = s.replace(re, to);
  return s;
}

const BODY_SEPARATORS = /[&,\-–]+/;

/**
 * Written forms of body names (a capitalised full form: "Khoa học và Công nghệ", "Ủy ban nhân dân",
 * not "cơ sở dữ liệu"), in the original letters: "KH&CN", "KH & CN", "KH và CN", "KHCN", "UBND".
 */
const WRITTEN_BODIES: readonly (readonly [RegExp, string])[] = ABBREVIATIONS.filter((a) => /^\p{Lu}/u.test(a.full)).flatMap((a) =>
  a.short.map((s) => {
    const parts = s.split(BODY_SEPARATORS).filter((p) => p !== '').map(escape);
    const body = parts.join('(?:\\s*[&,\\-–]\\s*|\\s+(?:và|va)\\s+|)');
    return [new RegExp(`(?<![\\p{L}\\p{N}])${body}(?![\\p{L}\\p{N}])`, 'gu'), a.full] as const;
  }),
);

/**
 * A body's name with its abbreviations written out, diacritics kept: "Sở KH&CN" → "Sở Khoa học và
 * Công nghệ", "UBND xã Tân Phú" → "Ủy ban nhân dân xã Tân Phú". NĐ 30/2020 writes the issuer's name in
 * full, so init and the documents' issuer lines use it; import reads names through it.
 */
export function expandBodyNames(name: string): string {
  let s = name.normalize('NFC');
  for (const [re, full] of WRITTEN_BODIES) s = s.replace(re, full);
  return s;
}
