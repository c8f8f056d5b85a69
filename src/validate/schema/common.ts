import { PERIOD_PATTERN } from '../../core/dates.js';
import type { FrameworkPack } from '../../framework/types.js';
import { REPLACED_BY_KINDS, TIME_FIELDS, type TimedKind } from '../../core/time-fields.js';
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

/** A time point: a year (`2027`) or a day (`2027-06-30`); see core/time-fields.ts for the day a year stands for. */
export function timePoint(d: Doc): Schema {
  return doc(d, { type: ['integer', 'string'], format: 'time-point', minimum: 1900, maximum: 2200, examples: [2027, '2027-06-30'] });
}

/**
 * `since`, `until`, `replacedBy` and `transitions` for a timed kind, built from the kind's own
 * properties: `transitions[].set` accepts exactly the fields of TIME_FIELDS, each with its own schema,
 * so a value a transition sets is checked as if it were written on the entity.
 */
export function timeProperties(kind: TimedKind, properties: Readonly<Record<string, Schema>>): Record<string, Schema> {
  const replacedBy = properties['replacedBy'] ?? ref(
    { vi: 'Được thay thế bởi', en: 'Replaced by', dvi: 'Thực thể thay thế khi thực thể này dừng (until); "national:…" khi hợp nhất lên nền tảng, CSDL quốc gia.', den: 'What takes over when this one ends (until); "national:…" when consolidated onto a national platform or database.' },
    REPLACED_BY_KINDS[kind],
  );
  const settable: Record<string, Schema> = {};
  for (const field of TIME_FIELDS[kind]) {
    const schema = field === 'replacedBy' ? replacedBy : properties[field];
    if (!schema) throw new Error(`TIME_FIELDS.${kind} names "${field}", which the ${kind} schema does not have`);
    settable[field] = schema;
  }
  const set = doc(
    {
      vi: 'Trường thay đổi',
      en: 'Fields changed',
      dvi: `Giá trị mới của các trường, có hiệu lực từ "at". Được đổi: ${TIME_FIELDS[kind].join(', ')}. Trường dạng đối tượng (ví dụ hosting) được thay cả khối.`,
      den: `New values, in force from "at". Changeable: ${TIME_FIELDS[kind].join(', ')}. An object field (e.g. hosting) is replaced whole.`,
      ...(kind === 'system' ? { examples: [{ status: 'retired' }, { hosting: { deployment: 'provincial-dc' } }] } : {}),
    },
    { type: 'object', additionalProperties: false, minProperties: 1, properties: settable },
  );
  return {
    since: timePoint({
      vi: 'Có từ',
      en: 'Exists since',
      dvi: 'Năm (2019, tức 01/01/2019) hoặc ngày (2019-06-30) thực thể bắt đầu tồn tại, hoạt động. Trước ngày này thực thể không có trong kiến trúc ở thời điểm đó (--as-of, --state).',
      den: 'Year (2019, i.e. 1 January 2019) or day (2019-06-30) it comes into existence. Before it, the entity is absent from the state at that date (--as-of, --state).',
    }),
    until: timePoint({
      vi: 'Có đến',
      en: 'Exists until',
      dvi: 'Năm (2027, tức 31/12/2027) hoặc ngày thực thể dừng, giải thể hay được thay thế; từ ngày này thực thể không còn trong kiến trúc.',
      den: 'Year (2027, i.e. 31 December 2027) or day it is retired, dissolved or replaced; from that day on it is no longer in the architecture.',
    }),
    replacedBy,
    transitions: arr(
      {
        vi: 'Chuyển đổi theo kế hoạch',
        en: 'Planned transitions',
        dvi: 'Các thay đổi theo lộ trình, mỗi thay đổi có hiệu lực từ "at" và do một nhiệm vụ ("task") thực hiện; lộ trình (kientruc diff --from current --to target:2030) được tính từ đây.',
        den: 'Planned changes, each in force from "at" and delivered by a task; the roadmap (kientruc diff --from current --to target:2030) is computed from them.',
        examples: [[{ at: 2027, task: 'task:vi-du', set: { status: 'retired' }, note: 'Hợp nhất lên nền tảng dùng chung' }]],
      },
      obj(
        { vi: 'Chuyển đổi', en: 'Transition' },
        {
          at: timePoint({ vi: 'Có hiệu lực từ', en: 'In force from', dvi: 'Năm (2027, tức 31/12/2027) hoặc ngày (2027-06-30).', den: 'Year (2027, i.e. 31 December 2027) or day (2027-06-30).' }),
          task: ref({ vi: 'Nhiệm vụ thực hiện', en: 'Delivering task', dvi: 'Nhiệm vụ trong lộ trình thực hiện thay đổi này; thiếu nhiệm vụ là một khoảng trống (quy tắc task.transition-unassigned).', den: 'The roadmap task that delivers this change; a transition without one is a gap (rule task.transition-unassigned).' }, ['task']),
          set,
          note: str({ vi: 'Ghi chú', en: 'Note' }, { maxLength: 500 }),
        },
        ['at', 'set'],
      ),
    ),
  };
}
