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
