/**
 * The official abbreviations of core/abbreviations.ts as the import reads names: "Sở KH&CN" and "Sở
 * Khoa học và Công nghệ" are compared as one, a body created from "Sở KH&CN" gets the full name (the
 * short one as shortName), and derived ids shorten the phrases officials shorten ("httt", "csdl").
 * A name written with another shorthand is left as written; import.similar-org warns when it looks
 * like a listed body.
 */
import { ABBREVIATIONS, expandFolded } from '../../../core/abbreviations.js';
import { normalizeLabel } from '../normalize.js';

const SEPARATORS = /[&,\-–]+/;

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The form names are compared in: folded as headers are, official abbreviations written out ("so kh cn" → "so khoa hoc va cong nghe"). */
export function nameKey(name: string): string {
  return normalizeLabel(expandFolded(normalizeLabel(name)));
}

/**
 * Written forms of body names (a capitalised full form: "Khoa học và Công nghệ", not "cơ sở dữ liệu"),
 * in the original letters: "KH&CN", "KH & CN", "KH và CN", "KHCN".
 */
const WRITTEN: readonly (readonly [RegExp, string])[] = ABBREVIATIONS.filter((a) => /^\p{Lu}/u.test(a.full)).flatMap((a) =>
  a.short.map((s) => {
    const parts = s.split(SEPARATORS).filter((p) => p !== '').map(escape);
    const body = parts.join('(?:\\s*[&,\\-–]\\s*|\\s+(?:và|va)\\s+|)');
    return [new RegExp(`(?<![\\p{L}\\p{N}])${body}(?![\\p{L}\\p{N}])`, 'gu'), a.full] as const;
  }),
);

/** A body's name with its abbreviations written out, diacritics kept: "Sở KH&CN" → "Sở Khoa học và Công nghệ". */
export function expandWritten(name: string): string {
  let s = name.normalize('NFC');
  for (const [re, full] of WRITTEN) s = s.replace(re, full);
  return s;
}

/** Phrases derived ids shorten: "co-so-du-lieu" → "csdl". */
export const ID_SHORTENINGS: readonly (readonly [RegExp, string])[] = ABBREVIATIONS.filter((a) => a.inIds).map(
  (a) => [new RegExp(`\\b${normalizeLabel(a.full).replace(/ /g, '-')}\\b`, 'g'), normalizeLabel(a.short[0] as string).replace(/ /g, '')] as const,
);
