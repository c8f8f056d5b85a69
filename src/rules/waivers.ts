import type { IsoDate } from '../core/dates.js';
import { viShortDate } from '../core/dates.js';
import type { Diagnostic } from '../core/diagnostic.js';
import type { DocPath, Range } from '../core/source.js';
import { text } from '../core/text.js';

/** A waiver as the configuration declares it (see `validate/config.ts`), with where it was written. */
export interface WaiverSpec {
  readonly rule: string;
  readonly entity: string;
  readonly reason: string;
  readonly approvedBy: string;
  readonly expires: IsoDate;
  readonly file: string;
  readonly range: Range;
  readonly path: DocPath;
}

/**
 * Marks a finding waived (a new object) or gives it back as it is. `rules`, when known: the rules an
 * unexpired waiver names; a finding of any other rule is given back as it is, so a rule's list of
 * findings need not be walked (rules/run-rules.ts keeps the same list from run to run).
 */
export type Waive = ((d: Diagnostic) => Diagnostic) & { readonly rules?: ReadonlySet<string> };

export interface WaiverMatcher {
  /** Marks `d` waived when an unexpired waiver names exactly its (rule, entity) pair. */
  readonly waive: Waive;
  /** After the run: `waiver.expired` (error) and `waiver.unused` (warning), at each waiver's own node. */
  finish(): Diagnostic[];
}

export interface WaiverContext {
  readonly asOf: IsoDate;
  /** Rules that ran (a waiver for a rule switched off is unused). */
  readonly ranRules: ReadonlySet<string>;
  /** True when the entity exists in the model. */
  readonly exists: (ref: string) => boolean;
}

/** True when the waiver's entity is a pattern (`*` any run of characters, `?` one character). */
export function isEntityPattern(entity: string): boolean {
  return entity.includes('*') || entity.includes('?');
}

/** The regular expression of an entity pattern, anchored: `system:*` matches every system. */
export function entityPattern(entity: string): RegExp {
  const body = entity.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.');
  return new RegExp(`^${body}$`);
}

/**
 * Applies waivers on the (rule, entity) pair, where the entity may be a pattern (`system:*`,
 * `dataset:dat-dai-*`). An exact waiver wins over a pattern; among patterns, the first written wins. A
 * waived finding stays in every output, marked `waived`, and no longer counts for `--fail-on`. An
 * expired waiver waives nothing.
 */
export function createWaiverMatcher(waivers: readonly WaiverSpec[], ctx: WaiverContext): WaiverMatcher {
  const key = (rule: string, entity: string) => `${rule}\u0000${entity}`;
  const active = new Map<string, WaiverSpec>();
  const patterns: { readonly w: WaiverSpec; readonly re: RegExp }[] = [];
  for (const w of waivers) {
    if (w.expires < ctx.asOf) continue;
    if (isEntityPattern(w.entity)) patterns.push({ w, re: entityPattern(w.entity) });
    else if (!active.has(key(w.rule, w.entity))) active.set(key(w.rule, w.entity), w);
  }
  const used = new Set<WaiverSpec>();
  const rules = new Set<string>([...active.values(), ...patterns.map((p) => p.w)].map((w) => w.rule));
  const waive = (d: Diagnostic): Diagnostic => {
    // Without waivers (most runs), nothing to look up: no key made per finding.
    if (d.entity === undefined || d.waived || !rules.has(d.code)) return d;
    const entity = String(d.entity);
    const w = active.get(key(d.code, entity)) ?? patterns.find((p) => p.w.rule === d.code && p.re.test(entity))?.w;
    if (!w) return d;
    used.add(w);
    return { ...d, waived: { reason: w.reason, approvedBy: w.approvedBy, expires: w.expires } };
  };
  return {
    waive: Object.assign(waive, { rules }),
    finish() {
      const out: Diagnostic[] = [];
      for (const w of waivers) {
        const where = { file: w.file, range: w.range, path: w.path };
        if (w.expires < ctx.asOf) {
          out.push({
            code: 'waiver.expired',
            severity: 'error',
            message: text(
              `Miễn trừ ${w.rule} cho ${w.entity} đã hết hạn ngày ${viShortDate(w.expires)} (${w.approvedBy} phê duyệt).`,
              `The waiver of ${w.rule} for ${w.entity} expired on ${w.expires} (approved by ${w.approvedBy}).`,
            ),
            ...where,
            fix: text('Khắc phục phát hiện, hoặc trình phê duyệt gia hạn và sửa "expires".', 'Fix the finding, or get an extension approved and update "expires".'),
          });
          continue;
        }
        if (used.has(w)) continue;
        const why = !ctx.ranRules.has(w.rule)
          ? text(` (quy tắc ${w.rule} đã tắt)`, ` (rule ${w.rule} is off)`)
          : !isEntityPattern(w.entity) && !ctx.exists(w.entity)
            ? text(` (${w.entity} không tồn tại)`, ` (${w.entity} does not exist)`)
            : text('', '');
        out.push({
          code: 'waiver.unused',
          severity: 'warning',
          message: text(
            `Miễn trừ ${w.rule} cho ${w.entity} không khớp phát hiện nào${why.vi}.`,
            `The waiver of ${w.rule} for ${w.entity} matches no finding${why.en}.`,
          ),
          ...where,
          fix: text('Xóa miễn trừ không còn cần thiết, hoặc sửa "rule"/"entity".', 'Remove the waiver, or fix "rule"/"entity".'),
        });
      }
      return out;
    },
  };
}
