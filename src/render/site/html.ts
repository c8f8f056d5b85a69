import { expandFolded } from '../../core/abbreviations.js';
import { asciiFold } from '../../core/labels.js';
import { esc } from '../html.js';

/** Vietnamese folded to ASCII lower case for search: "Hộ tịch" → "ho tich" (the page's script folds queries the same way). */
export function fold(value: string): string {
  return asciiFold(value).replace(/\s+/g, ' ').trim();
}

/** The text of escaped HTML as a reader sees it: tags dropped, the entities `esc` writes decoded. */
export function htmlText(html: string): string {
  return html
    .replace(/<[^>]*>/g, ' ')
    .replace(/&(lt|gt|quot|#39|#10|#13|amp);/g, (_, e: string) => ({ lt: '<', gt: '>', quot: '"', '#39': "'", '#10': ' ', '#13': ' ', amp: '&' })[e] ?? '');
}

/**
 * What a card's search matches: its folded text with the abbreviations officials write spelled out
 * ("csdl ho tich" → "co so du lieu ho tich", `core/abbreviations.ts`). The page's script expands the
 * query the same way, so "CSDL hộ tịch" finds "Cơ sở dữ liệu hộ tịch" and the other way round.
 */
export function searchIndex(folded: string): string {
  return expandFolded(folded);
}

/** A card's search text (`searchIndex`): plain values, then every displayed field as "label value" ("Chủ quản Sở Y tế"). */
export function searchText(plain: readonly string[], fields: readonly (readonly [string, string])[]): string {
  return searchIndex(fold([...plain, ...fields.map(([k, v]) => `${k} ${htmlText(v)}`)].join(' ')));
}

/** An element id for a ref: only characters safe in ids and fragments. */
export function anchorOf(ref: string): string {
  return `e-${ref.replace(/[^A-Za-z0-9-]/g, '_')}`;
}

/** Facet key → value, written as `data-f-<key>` attributes (the filters match on them). */
export type Facets = Readonly<Record<string, string | undefined>>;

export function facetAttrs(facets: Facets): string {
  return Object.entries(facets)
    .filter(([, v]) => v !== undefined && v !== '')
    .map(([k, v]) => ` data-f-${k.replace(/[^a-z0-9-]/g, '')}="${esc(v)}"`)
    .join('');
}

/** A Mermaid SVG made by our own renderer, stripped of anything executable before it is inlined. */
export function safeSvg(svg: string): string {
  return svg
    .replace(/<\?xml[^>]*>/g, '')
    .replace(/<!DOCTYPE[^>]*>/gi, '')
    .replace(/<script[\s\S]*?<\/script>/gi, '')
    .replace(/\son[a-z]+\s*=\s*("[^"]*"|'[^']*')/gi, '')
    .replace(/(href|xlink:href)\s*=\s*("|')\s*javascript:[^"']*\2/gi, '')
    .trim();
}
