import type { EntityKind, RefKind } from './ref.js';
import { text, type Text } from './text.js';

/** How messages name each kind of entity. */
export const KIND_LABEL: Readonly<Record<RefKind, Text>> = {
  agency: text('Cơ quan', 'Agency'),
  org: text('Cơ quan, đơn vị', 'Organisation'),
  system: text('Hệ thống', 'System'),
  dataset: text('Tập dữ liệu', 'Dataset'),
  integration: text('Kết nối', 'Integration'),
  kpi: text('Chỉ tiêu', 'KPI'),
  task: text('Nhiệm vụ', 'Task'),
  service: text('Dịch vụ công', 'Public service'),
  function: text('Chức năng nghiệp vụ', 'Business function'),
  national: text('Hệ thống quốc gia', 'National system'),
  target: text('Chỉ tiêu quốc gia', 'National target'),
};

/** `Hệ thống "cong-dvc"` / `System "cong-dvc"`. */
export function entityLabel(kind: EntityKind | RefKind, id: string | undefined): Text {
  const label = KIND_LABEL[kind];
  return id === undefined ? label : text(`${label.vi} "${id}"`, `${label.en} "${id}"`);
}

/** Vietnamese without diacritics, in lower case: "Hộ tịch Điện tử" → "ho tich dien tu". */
export function asciiFold(value: string): string {
  return value
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase();
}

/** ASCII kebab-case suggestion for an id written in Vietnamese: "Hộ tịch điện tử" → "ho-tich-dien-tu". */
export function slugify(value: string): string {
  return asciiFold(value)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80);
}

/**
 * Abbreviations of a body's name and the words they stand for. An agency named "UBND xã Tân Phú" is
 * the same issuer as "Ủy ban nhân dân xã Tân Phú": the documents print its name in full and number
 * its documents "…/QĐ-UBND" either way.
 */
const BODY_ABBREVIATIONS: readonly (readonly [RegExp, string])[] = [
  [/(?<![\p{L}\p{N}])UBND(?![\p{L}\p{N}])/gu, 'Ủy ban nhân dân'],
  [/(?<![\p{L}\p{N}])HĐND(?![\p{L}\p{N}])/gu, 'Hội đồng nhân dân'],
];

/** "UBND xã Tân Phú" → "Ủy ban nhân dân xã Tân Phú"; "Văn phòng HĐND và UBND" → "Văn phòng Hội đồng nhân dân và Ủy ban nhân dân". */
export function expandBodyAbbreviations(name: string): string {
  return BODY_ABBREVIATIONS.reduce((s, [re, full]) => s.replace(re, full), name.normalize('NFC'));
}
