import { PERIOD_PATTERN } from '../../core/dates.js';
import type { FrameworkPack } from '../../framework/types.js';
import { arr, date, doc, enumOf, id, obj, ref, str, text, type Doc, type Schema } from './dsl.js';

export const API_VERSION = 'kientruc/v1';
export const ORG_KINDS = ['agency', 'org'] as const;

/** The fields every document starts with. */
export function baseProperties(kind: string, d: { vi: string; en: string }): Record<string, Schema> {
  return {
    apiVersion: doc(
      { vi: 'Phiên bản định dạng', en: 'Format version', dvi: `Luôn là "${API_VERSION}".`, den: `Always "${API_VERSION}".` },
      { const: API_VERSION },
    ),
    kind: doc({ vi: 'Loại thực thể', en: 'Entity kind', dvi: `"${kind}": ${d.vi}.`, den: `"${kind}": ${d.en}.` }, { const: kind }),
    id: id({
      vi: 'Mã định danh',
      en: 'Identifier',
      dvi: 'Chữ thường không dấu, số và dấu gạch ngang (kebab-case), duy nhất trong loại thực thể; dùng để tham chiếu, ví dụ "ho-tich".',
      den: 'Lower-case ASCII letters, digits and hyphens (kebab-case), unique within the kind; used in references such as "ho-tich".',
    }),
    name: str({ vi: 'Tên', en: 'Name', dvi: 'Tên đầy đủ bằng tiếng Việt có dấu.', den: 'Full name in Vietnamese.' }, { maxLength: 500 }),
    shortName: str({ vi: 'Tên viết tắt', en: 'Short name', dvi: 'Tên ngắn dùng trong sơ đồ và bảng.', den: 'Short name for diagrams and tables.' }, { maxLength: 120 }),
    description: text({ vi: 'Mô tả', en: 'Description' }),
    tags: arr({ vi: 'Nhãn', en: 'Tags', dvi: 'Nhãn tự do để lọc, tìm kiếm.', den: 'Free labels for filtering.' }, { type: 'string', minLength: 1, maxLength: 60 }, { uniqueItems: true }),
    notes: text({ vi: 'Ghi chú nội bộ', en: 'Internal notes', dvi: 'Không đưa vào bản công khai.', den: 'Never published in the public edition.' }),
  };
}

export const BASE_REQUIRED = ['apiVersion', 'kind', 'id', 'name'] as const;

export function orgRef(d: Doc): Schema {
  return ref(d, ORG_KINDS);
}

/** A decision that approves something: số/ký hiệu, ngày, cơ quan ban hành. */
export function decision(d: Doc): Schema {
  return obj(
    d,
    {
      number: str({ vi: 'Số, ký hiệu', en: 'Number', dvi: 'Số và ký hiệu văn bản, ví dụ "1234/QĐ-UBND".', den: 'Document number, e.g. "1234/QĐ-UBND".', examples: ['1234/QĐ-UBND'] }, { maxLength: 120 }),
      date: date({ vi: 'Ngày ban hành', en: 'Date issued' }),
      issuer: str({ vi: 'Cơ quan ban hành', en: 'Issuing body' }, { maxLength: 300 }),
    },
    ['number', 'date'],
  );
}

/** A plan or regulation the agency must have (seed 003): status, approving decision, last review. */
export function plan(pack: FrameworkPack, d: Doc): Schema {
  return obj(
    d,
    {
      status: enumOf(pack, 'planStatus'),
      decision: decision({ vi: 'Quyết định ban hành', en: 'Approving decision' }),
      reviewedOn: date({ vi: 'Ngày rà soát gần nhất', en: 'Last reviewed on' }),
    },
    ['status'],
  );
}

export function period(d: Doc): Schema {
  return doc(d, { type: 'string', pattern: PERIOD_PATTERN, examples: ['2025-Q4', '2025-H1', '2025', '2025-03'] });
}

/** Deadline: a year (`2025`), a quarter (`"2025-Q3"`), a month (`"2025-09"`), a day (`2025-09-30`), `ongoing` (Thực hiện thường xuyên) or a recurrence (`hằng năm`, `quarterly`, …). */
export function deadline(d: Doc): Schema {
  return doc(d, {
    type: ['integer', 'string'],
    format: 'deadline',
    minimum: 1900,
    maximum: 2200,
    examples: [2025, '2025-Q3', '2025-09', '2025-09-30', 'ongoing', 'hằng năm', 'hằng quý'],
  });
}
