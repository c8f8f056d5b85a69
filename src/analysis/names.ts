import { KIND_LABEL } from '../core/labels.js';
import { parseRef, type RefKind } from '../core/ref.js';
import { text, type Text } from '../core/text.js';
import type { Model } from '../model/model.js';
import { memoPerModel } from './per-model.js';

/**
 * Name beginnings that already say what the entity is ("Hệ thống một cửa điện tử", "Cơ sở dữ liệu hộ
 * tịch"): such names are used as they are, without "Hệ thống …" in front.
 */
const SELF_DESCRIBING: Readonly<Partial<Record<RefKind, readonly string[]>>> = {
  system: ['hệ thống', 'cổng', 'nền tảng', 'ứng dụng', 'trung tâm', 'phần mềm', 'trục', 'cơ sở dữ liệu', 'csdl', 'kho dữ liệu', 'mạng', 'tổng đài', 'lgsp', 'sàn dữ liệu'],
  dataset: ['cơ sở dữ liệu', 'csdl', 'dữ liệu', 'tập dữ liệu', 'kho dữ liệu', 'danh mục', 'sổ'],
  integration: ['kết nối', 'liên thông', 'đồng bộ', 'chia sẻ', 'tích hợp', 'khai thác', 'cung cấp'],
  kpi: ['chỉ tiêu', 'tỷ lệ', 'tỉ lệ', 'số lượng', 'chỉ số'],
  task: ['nhiệm vụ'],
};

/**
 * How findings and reports name an entity, as an official reads it: bodies and national systems by
 * their name ("Sở Y tế", "Cổng Dịch vụ công quốc gia"); a name that says what it is as it stands
 * ("Hệ thống một cửa điện tử"); otherwise kind and quoted name (`Nhiệm vụ "Rà soát, phân loại…"`).
 * English keeps `System "…"`. Unknown refs fall back to the ref as written.
 */
export function entityTitle(model: Model, ref: string): Text {
  // Asked once per finding and per table row: thousands of times per entity kind at national scale.
  const byRef = TITLES(model);
  let t = byRef.get(ref);
  if (t === undefined) byRef.set(ref, (t = titleOf(model, ref)));
  return t;
}

const TITLES = memoPerModel<string, Text>();
const LOWER_TITLES = memoPerModel<string, Text>();

function titleOf(model: Model, ref: string): Text {
  const kind: RefKind | undefined = parseRef(ref)?.kind;
  const name = model.shortNameOf(ref);
  if (!kind) return text(`"${name}"`, `"${name}"`);
  const label = KIND_LABEL[kind];
  const en = `${label.en} "${name}"`;
  if (kind === 'agency' || kind === 'org' || kind === 'national') return text(name, en);
  // Vietnamese has no case mappings of its own (Unicode SpecialCasing): the root mapping is the same, and
  // much cheaper than a locale-specific one, asked once per entity.
  const lower = name.toLowerCase();
  if ((SELF_DESCRIBING[kind] ?? []).some((p) => lower === p || (lower.startsWith(p) && lower.charCodeAt(p.length) === 0x20))) return text(upperFirst(name), en);
  return text(`${label.vi} "${name}"`, en);
}

/** `Hệ thống "…"` with a lower-case kind, for use in the middle of a sentence. */
export function entityTitleLower(model: Model, ref: string): Text {
  const byRef = LOWER_TITLES(model);
  let lower = byRef.get(ref);
  if (lower === undefined) byRef.set(ref, (lower = lowerTitleOf(model, ref)));
  return lower;
}

function lowerTitleOf(model: Model, ref: string): Text {
  const t = entityTitle(model, ref);
  const kind = parseRef(ref)?.kind;
  // Proper names (bodies, national systems) keep their capitals.
  if (kind === 'agency' || kind === 'org' || kind === 'national') return t;
  return text(lowerFirst(t.vi), lowerFirst(t.en));
}

/** First letter in lower case (for a label in mid-sentence; acronyms elsewhere stay). */
export function lowerFirst(s: string): string {
  if (s.length < 2 || s.charAt(1) === s.charAt(1).toUpperCase()) return s;
  return s.charAt(0).toLowerCase() + s.slice(1);
}

function upperFirst(s: string): string {
  return s.length > 0 ? s.charAt(0).toUpperCase() + s.slice(1) : s;
}
