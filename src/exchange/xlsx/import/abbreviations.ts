/**
 * The official abbreviations of core/abbreviations.ts as the import reads names: "Sở KH&CN" and "Sở
 * Khoa học và Công nghệ" are compared as one, a body created from "Sở KH&CN" gets the full name (the
 * short one as shortName), and derived ids shorten the phrases officials shorten ("httt", "csdl").
 * A name written with another shorthand is left as written; import.similar-org warns when it looks
 * like a listed body.
 */
import { ABBREVIATIONS, expandFolded } from '../../../core/abbreviations.js';
import { normalizeLabel } from '../normalize.js';

/** The form names are compared in: folded as headers are, official abbreviations written out ("so kh cn" → "so khoa hoc va cong nghe"). */
export function nameKey(name: string): string {
  return normalizeLabel(expandFolded(normalizeLabel(name)));
}

/** Phrases derived ids shorten: "co-so-du-lieu" → "csdl". */
export const ID_SHORTENINGS: readonly (readonly [RegExp, string])[] = ABBREVIATIONS.filter((a) => a.inIds).map(
  (a) => [new RegExp(`\\b${normalizeLabel(a.full).replace(/ /g, '-')}\\b`, 'g'), normalizeLabel(a.short[0] as string).replace(/ /g, '')] as const,
);
