import { parseDeadline, viDeadline } from '../../core/dates.js';
import { viCollator } from '../../core/text.js';
import type { Model } from '../../model/model.js';
import { viNumber } from '../markdown.js';

/** Vietnamese sub-item letters: đ follows d, and there is no f, j, w or z (brief §5.1). */
export const VI_LETTERS = ['a', 'b', 'c', 'd', 'đ', 'e', 'g', 'h', 'i', 'k', 'l', 'm', 'n', 'o', 'p', 'q', 'r', 's', 't', 'u', 'v', 'x', 'y'] as const;

/** The i-th (0-based) letter; past `y` the letters repeat with a number (`a1`, `b1`, …). */
export function viLetter(i: number): string {
  const base = VI_LETTERS[i % VI_LETTERS.length] as string;
  return i < VI_LETTERS.length ? base : `${base}${Math.floor(i / VI_LETTERS.length)}`;
}

const ROMAN: readonly [number, string][] = [
  [1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'],
  [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I'],
];

export function roman(n: number): string {
  let out = '';
  let rest = n;
  for (const [v, s] of ROMAN) {
    while (rest >= v) {
      out += s;
      rest -= v;
    }
  }
  return out;
}

/** Fills `{name}` placeholders; unknown names stay as written. */
export function fill(template: string, vars: Readonly<Record<string, string>>): string {
  return template.replace(/\{([a-zA-Z]+)\}/g, (m, k: string) => vars[k] ?? m);
}

/** Collapses the whitespace YAML folded scalars and Markdown leave inside a paragraph. */
export function squash(value: string): string {
  return value.replace(/\s+/g, ' ').trim();
}

/** Ends a sentence with `end` unless it already ends with punctuation. */
export function sentence(value: string, end = '.'): string {
  const s = squash(value);
  return /[.;:!?…]$/.test(s) ? s : `${s}${end}`;
}

/** The last sentence of a document's body, closed with the end mark "./." (NĐ 30/2020/NĐ-CP Phụ lục I). */
export function closingSentence(value: string): string {
  const s = squash(value);
  return s.endsWith('./.') ? s : `${s.replace(/[.;,…]+$/, '')}./.`;
}

/** A list line ending: `;` for every item but the last, which ends with `.` (Nơi nhận, căn cứ). */
export function withoutEnding(value: string): string {
  return squash(value).replace(/[.;,]+$/, '');
}

/**
 * The subject of the strategy: the agency's name without "Ủy ban nhân dân" ("tỉnh Sơn Hà"), since a
 * province's strategy is the province's, not its People's Committee's.
 */
export function entityName(agencyName: string): string {
  const stripped = agencyName.replace(/^(Ủy ban nhân dân|Uỷ ban nhân dân|UBND)\s+/u, '');
  return stripped === agencyName ? agencyName : stripped;
}

/**
 * How a body of the agency is named in the agency's own document: "Sở Tài chính tỉnh Sơn Hà" →
 * "Sở Tài chính", "Công an tỉnh Sơn Hà" → "Công an tỉnh". Other names are kept as declared.
 */
export function localOrgName(name: string, location: string | undefined): string {
  if (!location) return name;
  for (const unit of ['tỉnh', 'thành phố']) {
    const suffix = ` ${unit} ${location}`;
    if (!name.endsWith(suffix)) continue;
    const head = name.slice(0, -suffix.length);
    return head.startsWith('Sở ') ? head : `${head} ${unit}`;
  }
  return name;
}

/** Display name of any organisation ref in the document. */
export function orgName(model: Model, ref: string): string {
  const info = model.org(ref);
  if (!info) return model.nameOf(ref);
  if (info.source === 'agency') return info.name;
  // Communes go by their usual abbreviation ("UBND xã Lam Nguyên"), as the seeds write them.
  if (info.level === 'commune' && info.shortName?.startsWith('UBND ')) return info.shortName;
  return localOrgName(info.name, model.agency?.location);
}

/** Names joined with ", " in Vietnamese order, without duplicates. */
export function joinNames(names: readonly string[]): string {
  return [...new Set(names)].sort(viCollator.compare).join(', ');
}

/** A deadline as the task table prints it; the raw value when it cannot be parsed. */
export function deadlineText(value: unknown): string {
  const d = parseDeadline(value);
  return d ? viDeadline(d) : value === undefined || value === null ? '' : String(value);
}

/** Million VND, Vietnamese digits: `1.234,5`. */
export function million(value: number): string {
  return viNumber(Math.round(value * 10) / 10, 1);
}
