/**
 * Names to refs: an inventory names owners, systems and databases by their Vietnamese names. A name
 * is found by its folded form, by its short name, without the trailing "tỉnh …", or as written ref
 * or id; a folded name that two entities share resolves to neither (it is reported, not guessed).
 */
import { slugify } from '../../../core/labels.js';
import { ID_SHORTENINGS, nameKey } from './abbreviations.js';

const AMBIGUOUS = Symbol('ambiguous');

export { nameKey };

/**
 * The key without a trailing place: " tỉnh <place>", " tỉnh", " của tỉnh" ("so y te tinh son ha" →
 * "so y te"). Only the agency's own place is dropped, so "… tỉnh đáp ứng …" keeps its words.
 */
function withoutPlace(key: string, place: string | undefined): string | undefined {
  const tail = place ? `(?: ${place})?` : '';
  const m = new RegExp(`^(.+?) (?:cua )?(?:tinh|thanh pho)${tail}$`).exec(key);
  return m ? m[1] : undefined;
}

export class NameIndex {
  /** The agency's place, folded ("son ha"), or undefined. */
  constructor(private readonly place?: string) {}

  private readonly exact = new Map<string, string | typeof AMBIGUOUS>();
  private readonly loose = new Map<string, string | typeof AMBIGUOUS>();
  private readonly refs = new Set<string>();
  /** Every ref under each exact key, for naming the candidates of an ambiguous name. */
  private readonly byKey = new Map<string, string[]>();

  add(ref: string, ...names: (string | undefined)[]): void {
    this.refs.add(ref);
    for (const name of names) {
      if (!name) continue;
      const key = nameKey(name);
      put(this.exact, key, ref);
      const list = this.byKey.get(key) ?? [];
      if (!list.includes(ref)) list.push(ref);
      this.byKey.set(key, list);
      const bare = withoutPlace(key, this.place);
      if (bare) put(this.loose, bare, ref);
    }
  }

  has(ref: string): boolean {
    return this.refs.has(ref);
  }

  /** The ref a written name, ref or id of `kind` stands for; `ambiguous` when two entities share it. */
  find(written: string, kind: string, mode: 'exact' | 'loose' | 'both' = 'both'): string | 'ambiguous' | undefined {
    const t = written.trim();
    if (this.refs.has(t)) return t;
    if (this.refs.has(`${kind}:${t}`)) return `${kind}:${t}`;
    const key = nameKey(t);
    const bare = withoutPlace(key, this.place);
    const exact = mode === 'loose' ? undefined : this.exact.get(key);
    const hit = exact ?? (mode === 'exact' ? undefined : (this.loose.get(key) ?? (bare !== undefined ? this.loose.get(bare) : undefined)));
    return hit === AMBIGUOUS ? 'ambiguous' : hit;
  }

  /** The refs a name is shared by (in the order they were added). */
  candidates(written: string): readonly string[] {
    return this.byKey.get(nameKey(written)) ?? [];
  }
}

function put(map: Map<string, string | typeof AMBIGUOUS>, key: string, ref: string): void {
  const prev = map.get(key);
  map.set(key, prev === undefined || prev === ref ? ref : AMBIGUOUS);
}

/** Longest derived id: long enough to tell names apart, short enough to read in a ref. */
const DERIVED_ID_LENGTH = 48;

/**
 * An ASCII kebab-case id from a Vietnamese name, not in `taken`: "Cổng Dịch vụ công" →
 * "cong-dich-vu-cong"; common phrases abbreviated (csdl, httt, tthc, ubnd), cut at a word boundary;
 * then "-2", "-3" for a repeated name.
 */
export function deriveId(label: string, taken: ReadonlySet<string>, fallback: string): string {
  let slug = slugify(label);
  for (const [re, short] of ID_SHORTENINGS) slug = slug.replace(re, short);
  if (slug.length > DERIVED_ID_LENGTH) {
    const cut = slug.slice(0, DERIVED_ID_LENGTH + 1);
    slug = cut.includes('-') ? cut.slice(0, cut.lastIndexOf('-')) : cut.slice(0, DERIVED_ID_LENGTH);
  }
  const base = slug.replace(/-+$/, '') || fallback;
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}

/** A folded name without spaces and "và": "so nong nghiep moi truong" and "so nong nghiep va moi truong" agree. */
const squeeze = (key: string): string => key.replace(/\bva\b/g, '').replace(/ /g, '');

/**
 * A listed name `written` may stand for without matching it: the same words up to "và" and spacing,
 * or initials of the listed name ("Sở TC" for "Sở Tài chính", "Sở NV" for "Sở Nội vụ"), the first word
 * ("Sở", "UBND", "Trung tâm"…) alike. A hint for a warning, never a match: initials have many readings.
 */
export function similarName(written: string, listed: string): boolean {
  const a = nameKey(written);
  const b = nameKey(listed);
  if (a === b) return false;
  if (squeeze(a) === squeeze(b)) return true;
  const initials = (short: string, long: string, shortWritten: string): boolean => {
    const [head, ...rest] = short.split(' ');
    const [lhead, ...lrest] = long.split(' ');
    // The short form's tail is one token written in capitals in the cell ("TC", "NV").
    if (head !== lhead || rest.length !== 1 || !/(?:^|\s)\p{Lu}{2,}(?:\s|$)/u.test(shortWritten)) return false;
    const letters = lrest.filter((w) => w !== 'va').map((w) => w[0]).join('');
    return letters.length >= 2 && letters === rest[0];
  };
  return initials(a, b, written) || initials(b, a, listed);
}
