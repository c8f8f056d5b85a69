/** User-facing text exists in both languages; a formatter picks one with the run's `--lang`. */
export type Lang = 'vi' | 'en';
export const LANGS: readonly Lang[] = ['vi', 'en'];

export interface Text {
  readonly vi: string;
  readonly en: string;
}

/** Builds a bilingual text. */
export function text(vi: string, en: string): Text {
  return { vi, en };
}

/** The text in `lang`, falling back to Vietnamese. */
export function pick(value: Text, lang: Lang): string {
  return lang === 'en' ? value.en : value.vi;
}

/** `1 file`, `2 files`: a count in English, where the noun follows the number (a Vietnamese noun does not). */
export function countEn(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

let collator: Intl.Collator | undefined;
/** Vietnamese collation for display lists (§7.2). */
export const viCollator: { readonly compare: (a: string, b: string) => number } = {
  // Made on first use: ICU's Vietnamese collation costs ≈ 15 ms, at every start of a command that never sorts names.
  compare: (a, b) => (collator ??= new Intl.Collator('vi', { sensitivity: 'base', numeric: true })).compare(a, b),
};

/** Shortens user text echoed in a message (a 1 MB value must not become a 1 MB message). */
export function clip(value: string, max = 60): string {
  return value.length > max ? `${value.slice(0, max - 1)}…` : value;
}

/**
 * Unicode bidirectional embedding, override and isolate controls (U+202A–U+202E, U+2066–U+2069). In a
 * name they make a browser or a PDF show the characters in another order than they are stored
 * ("Trojan Source", CVE-2021-42574), so a reader approves something other than what the YAML says.
 */
const BIDI_CONTROLS = /[\u202a-\u202e\u2066-\u2069]/g;

/** Drops bidi controls from a page a browser lays out (HTML, and the PDF printed from it). */
export function withoutBidiControls(page: string): string {
  return page.replace(BIDI_CONTROLS, '');
}
