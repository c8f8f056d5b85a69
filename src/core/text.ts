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

/** Vietnamese collation for display lists (§7.2). */
export const viCollator = new Intl.Collator('vi', { sensitivity: 'base', numeric: true });

/** Shortens user text echoed in a message (a 1 MB value must not become a 1 MB message). */
export function clip(value: string, max = 60): string {
  return value.length > max ? `${value.slice(0, max - 1)}…` : value;
}
