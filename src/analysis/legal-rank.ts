import type { IsoDate } from '../core/dates.js';
import type { FrameworkPack } from '../framework/types.js';

/** One line of a căn cứ list before it is sorted. */
export interface RankedBasis {
  readonly citation: string;
  /** A value of the pack enum `documentType`; undefined sorts last. */
  readonly rank: string | undefined;
  readonly date: IsoDate | undefined;
}

/**
 * The document type a citation written as free text names, by its opening words and its số/ký hiệu
 * ("Luật …", "Nghị quyết số 57-NQ/TW", "Quyết định số 142/QĐ-TTg", "…/QĐ-UBND"). Only orders the
 * căn cứ list; undefined when the text says nothing recognisable (the line then keeps its place at
 * the end). Agencies that want a fixed place declare the document in agency.documents with its type.
 */
export function rankOfCitation(citation: string): string | undefined {
  const c = citation.normalize('NFC').replace(/^Căn cứ\s+/u, '');
  if (/^Luật Tổ chức\b/u.test(c)) return 'organic-law';
  if (/^(Bộ )?Luật\b/u.test(c)) return 'law';
  if (/-(NQ|QĐ|KL|CT|KH)\/(TW|BCĐTW)\b/u.test(c)) return 'party-central';
  if (/-(NQ|QĐ|KL|CT|KH|CTr)\/(TU|ThU)\b/u.test(c)) return 'provincial-party';
  if (/\/NQ-CP\b/u.test(c)) return 'government-resolution';
  if (/\/NĐ-CP\b/u.test(c) || /^Nghị định\b/u.test(c)) return 'decree';
  if (/\/(QĐ|CT)-TTg\b/u.test(c)) return 'pm-decision';
  if (/\/TT-B|\/QĐ-B[A-ZĐ]/u.test(c)) return 'ministerial';
  if (/\/(TTg|TB|VPCP)-|\/TB-VPCP\b/u.test(c)) return 'government-letter';
  if (/\/NQ-HĐND\b/u.test(c)) return 'council-resolution';
  if (/\/QĐ-UBND\b/u.test(c)) return 'decision';
  if (/\/CT-UBND\b/u.test(c)) return 'directive';
  if (/\/KH-/u.test(c) || /^Kế hoạch\b/u.test(c)) return 'plan';
  return undefined;
}

/** Sorts căn cứ lines by rank (order of the `documentType` enum), then date, keeping input order on ties. */
export function sortBases<T extends RankedBasis>(pack: FrameworkPack, bases: readonly T[]): T[] {
  const order = new Map((pack.enums['documentType']?.values ?? []).map((v, i) => [String(v.value), i] as const));
  const rankOf = (b: T) => (b.rank === undefined ? Number.MAX_SAFE_INTEGER : order.get(b.rank) ?? Number.MAX_SAFE_INTEGER - 1);
  return bases
    .map((b, i) => ({ b, i }))
    .sort((x, y) => rankOf(x.b) - rankOf(y.b) || cmpDate(x.b.date, y.b.date) || x.i - y.i)
    .map((x) => x.b);
}

function cmpDate(a: IsoDate | undefined, b: IsoDate | undefined): number {
  if (a === b) return 0;
  if (a === undefined) return 1;
  if (b === undefined) return -1;
  return a < b ? -1 : 1;
}

/** `ngày 26 tháng 12 năm 2025` or `26/12/2025` inside a citation, as an ISO date. */
export function dateOfCitation(citation: string): IsoDate | undefined {
  const long = /ngày (\d{1,2}) tháng (\d{1,2}) năm (\d{4})/u.exec(citation);
  const short = long ?? /\b(\d{1,2})\/(\d{1,2})\/(\d{4})\b/u.exec(citation);
  if (!short) return undefined;
  return `${short[3]}-${String(short[2]).padStart(2, '0')}-${String(short[1]).padStart(2, '0')}`;
}
