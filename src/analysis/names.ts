import { KIND_LABEL } from '../core/labels.js';
import { parseRef, type RefKind } from '../core/ref.js';
import { text, type Text } from '../core/text.js';
import type { Model } from '../model/model.js';

/**
 * How findings and reports name an entity: its kind and its (short) name, as an official reads it —
 * `Hệ thống "Một cửa điện tử tỉnh"`. Unknown refs fall back to the ref as written.
 */
export function entityTitle(model: Model, ref: string): Text {
  const kind: RefKind | undefined = parseRef(ref)?.kind;
  const name = model.shortNameOf(ref);
  if (!kind) return text(`"${name}"`, `"${name}"`);
  const label = KIND_LABEL[kind];
  return text(`${label.vi} "${name}"`, `${label.en} "${name}"`);
}

/** `Hệ thống "…"` with a lower-case kind, for use in the middle of a sentence. */
export function entityTitleLower(model: Model, ref: string): Text {
  const t = entityTitle(model, ref);
  return text(lowerFirst(t.vi), lowerFirst(t.en));
}

/** First letter in lower case (for a label in mid-sentence; acronyms elsewhere stay). */
export function lowerFirst(s: string): string {
  return s.length > 0 ? s.charAt(0).toLowerCase() + s.slice(1) : s;
}
