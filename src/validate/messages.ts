import type { ErrorObject } from 'ajv';
import { asciiFold, slugify } from '../core/labels.js';
import { parseRef, REF_KINDS } from '../core/ref.js';
import { closest, closestId } from '../core/similar.js';
import type { DocPath } from '../core/source.js';
import { clip, text, type Text } from '../core/text.js';
import type { EnumValue } from '../framework/types.js';
import type { Schema } from './schema/dsl.js';

export interface Translated {
  readonly code: string;
  /** The YAML path the problem is about (a missing field's own path). */
  readonly path: DocPath;
  /** Where to point (a missing field points at its parent's key, or at `id` at the top). */
  readonly at?: DocPath;
  readonly part: 'value' | 'key';
  readonly message: Text;
  readonly fix?: Text;
}

const TYPE_VI: Record<string, string> = {
  string: 'chuỗi văn bản',
  integer: 'số nguyên',
  number: 'số',
  boolean: 'true hoặc false',
  object: 'đối tượng (các cặp khóa: giá trị)',
  array: 'danh sách (các dòng bắt đầu bằng "- ")',
  null: 'rỗng',
};

function typeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

function show(value: unknown): string {
  const s = typeof value === 'string' ? value : JSON.stringify(value) ?? String(value);
  return s.length > 60 ? `${s.slice(0, 57)}…` : s;
}

export function instancePathToPath(instancePath: string): (string | number)[] {
  if (instancePath === '') return [];
  return instancePath
    .slice(1)
    .split('/')
    .map((seg) => seg.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((seg) => (/^\d+$/.test(seg) ? Number(seg) : seg));
}

function fieldName(schema: Schema | undefined, path: DocPath): { vi: string; en: string } {
  const key = path.length ? clip(String(path[path.length - 1])) : '';
  const vi = schema?.['x-vi'];
  const en = schema?.['x-en'];
  if (typeof vi === 'string' && typeof en === 'string') return { vi: `"${key}" (${vi})`, en: `"${key}" (${en})` };
  return { vi: `"${key}"`, en: `"${key}"` };
}

/** An enum value as messages show it; a value that belongs to a layer (a component) names it. */
export type EnumChoice = EnumValue & { readonly layer?: string };

/** Where the whole catalogue of an enum is printed (`kientruc schema --list …`). */
const LIST_OF: Readonly<Record<string, string>> = { component: 'components' };

/** The `layer` written beside the value at `path` (`layer` of a system, of one of its `roles`). */
function layerBeside(data: unknown, path: DocPath): string | undefined {
  let value: unknown = data;
  for (const p of path.slice(0, -1)) value = value !== null && typeof value === 'object' ? (value as Record<string | number, unknown>)[p] : undefined;
  const layer = value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>)['layer'] : undefined;
  return typeof layer === 'string' ? layer : undefined;
}

/**
 * Turns one ajv error into a located, bilingual message. `subject` names the entity
 * (e.g. `Hệ thống "cong-dvc"`); `propSchema` finds a property's schema for titles.
 */
export function translateAjvError(
  err: ErrorObject,
  subject: Text,
  propSchema: (path: DocPath) => Schema | undefined,
  enumValues?: (enumId: string) => readonly EnumChoice[] | undefined,
  /** The whole document, for a value whose allowed set depends on a field beside it (a component on its layer). */
  data?: unknown,
): Translated {
  const path = instancePathToPath(err.instancePath);
  const here = propSchema(path);
  const field = fieldName(here, path);
  const where = path.length ? field : { vi: subject.vi, en: subject.en };
  switch (err.keyword) {
    case 'required': {
      const missing = String((err.params as { missingProperty: string }).missingProperty);
      const full = [...path, missing];
      const f = fieldName(propSchema(full), full);
      const container = path.length ? text(` trong ${field.vi}`, ` in ${field.en}`) : text('', '');
      return {
        code: 'schema.required',
        path: full,
        at: path.length ? full : ['id'],
        part: 'key',
        message: text(`${subject.vi} thiếu trường bắt buộc ${f.vi}${container.vi}.`, `${subject.en} lacks the required field ${f.en}${container.en}.`),
        fix: text(`Thêm "${missing}:" vào ${path.length ? field.vi : subject.vi}.`, `Add "${missing}:" to ${path.length ? field.en : subject.en}.`),
      };
    }
    case 'additionalProperties': {
      const extraKey = String((err.params as { additionalProperty: string }).additionalProperty);
      const extra = clip(extraKey);
      const props = Object.keys((err.parentSchema?.['properties'] as Record<string, unknown> | undefined) ?? {});
      const guess = closest(extraKey, props);
      const hint = guess ? text(` — ý bạn là "${guess}"?`, ` — did you mean "${guess}"?`) : text('.', '.');
      return {
        code: 'schema.unknown-field',
        path: [...path, extraKey],
        part: 'key',
        message: text(
          `Trường "${extra}" không có trong lược đồ của ${path.length ? field.vi : subject.vi}${hint.vi}`,
          `Field "${extra}" is not part of ${path.length ? field.en : subject.en}${hint.en}`,
        ),
        fix: guess
          ? text(`Đổi "${extra}" thành "${guess}".`, `Rename "${extra}" to "${guess}".`)
          : text(`Xóa "${extra}"; các trường hợp lệ: ${props.join(', ')}.`, `Remove "${extra}"; valid fields: ${props.join(', ')}.`),
      };
    }
    case 'type': {
      const expected = String((err.params as { type: string | string[] }).type).split(',');
      const vi = expected.map((t) => TYPE_VI[t] ?? t).join(' hoặc ');
      const actual = typeOf(err.data);
      if (expected.includes('integer') && !expected.includes('number') && typeof err.data === 'number' && Number.isFinite(err.data)) {
        // A decimal where a count is expected: say "whole number", and offer the two nearest.
        const value = err.data;
        return {
          code: 'schema.type',
          path,
          part: 'value',
          message: text(
            `${where.vi} của ${subject.vi} phải là số nguyên (không có phần thập phân), nhưng đang là ${value}.`,
            `${where.en} of ${subject.en} must be a whole number, not ${value}.`,
          ),
          fix: text(`Bỏ phần thập phân: ${Math.floor(value)} hoặc ${Math.ceil(value)}.`, `Drop the decimals: ${Math.floor(value)} or ${Math.ceil(value)}.`),
        };
      }
      const fix = typeFix(expected, err.data, percentSign(propSchema, here));
      return {
        code: 'schema.type',
        path,
        part: 'value',
        message: text(
          `${where.vi} của ${subject.vi} phải là ${vi}, nhưng đang là ${TYPE_VI[actual] ?? actual}${typeof err.data === 'string' ? ` ("${show(err.data)}")` : ''}.`,
          `${where.en} of ${subject.en} must be ${expected.join(' or ')}, not ${actual}${typeof err.data === 'string' ? ` ("${show(err.data)}")` : ''}.`,
        ),
        ...(fix ? { fix } : {}),
      };
    }
    case 'enum': {
      const allowed = (err.params as { allowedValues: unknown[] }).allowedValues;
      const enumId = (err.parentSchema?.['x-enum'] ?? here?.['x-enum']) as string | undefined;
      const values = enumId === undefined ? undefined : enumValues?.(enumId);
      const labelOf = (v: unknown): EnumChoice | undefined => values?.find((x) => x.value === v);
      // `level: "3"` for the number 3 (or a string value written bare): the value is right, its quotes are not.
      const same = allowed.find((v) => typeof v !== typeof err.data && String(v) === String(err.data));
      if (same !== undefined) {
        const quoted = typeof err.data === 'string';
        return {
          code: 'schema.enum',
          path,
          part: 'value',
          message: quoted
            ? text(
                `${where.vi} của ${subject.vi} được viết trong dấu nháy ("${show(err.data)}") nên là chuỗi văn bản; giá trị này phải là số.`,
                `${where.en} of ${subject.en} is quoted ("${show(err.data)}"), so it is text; this value must be a number.`,
              )
            : text(`${where.vi} của ${subject.vi} phải là chuỗi văn bản "${show(same)}", không phải số.`, `${where.en} of ${subject.en} must be the text "${show(same)}", not a number.`),
          fix: quoted ? text(`Bỏ dấu nháy: ${show(same)}.`, `Remove the quotes: ${show(same)}.`) : text(`Đặt trong dấu nháy: "${show(same)}".`, `Put it in quotes: "${show(same)}".`),
        };
      }
      const shown = allowed.map(String);
      const given = typeof err.data === 'string' ? err.data : undefined;
      // A label, then a typo of a code, then a code sharing whole words, then the words of one label.
      const found = given === undefined ? undefined : (byLabel(given, values ?? []) ?? closestId(given, shown) ?? byLabelWords(given, values ?? []));
      // A "suggestion" equal to what is written helps nobody.
      const guess = found !== undefined && found !== given ? found : undefined;
      const label = guess === undefined ? undefined : labelOf(values?.find((x) => String(x.value) === guess)?.value);
      const item = (v: unknown, lang: 'vi' | 'en'): string => {
        const l = labelOf(v);
        return l ? `${String(v)} (${l[lang]})` : String(v);
      };
      const listed = (lang: 'vi' | 'en'): string => {
        const items = allowed.map((v) => item(v, lang));
        return items.length > 14 ? `${items.slice(0, 14).join(', ')}, …` : items.join(', ');
      };
      const hint = guess
        ? text(` — ý bạn là "${guess}"${label ? ` (${label.vi})` : ''}?`, ` — did you mean "${guess}"${label ? ` (${label.en})` : ''}?`)
        : text('.', '.');
      const list = enumId === undefined ? undefined : (LIST_OF[enumId] ?? 'enums');
      // The values of the layer written beside it (a component of the system's own layer), the others in the catalogue.
      const layer = layerBeside(data, path);
      const own = layer === undefined ? [] : allowed.filter((v) => labelOf(v)?.layer === layer);
      let fix: Text;
      if (own.length > 0 && list !== undefined) {
        const ofLayer = (lang: 'vi' | 'en'): string => own.map((v) => item(v, lang)).join(', ');
        fix = text(
          `Dùng một thành phần của lớp ${layer}: ${ofLayer('vi')}; các lớp khác: kientruc schema --list ${list}.`,
          `Use a component of layer ${layer}: ${ofLayer('en')}; other layers: kientruc schema --list ${list}.`,
        );
      } else if (list !== undefined && (allowed.length > 14 || LIST_OF[enumId as string] !== undefined)) {
        fix = text(`Dùng một trong: ${listed('vi')}; danh mục đầy đủ: kientruc schema --list ${list}.`, `Use one of: ${listed('en')}; the whole list: kientruc schema --list ${list}.`);
      } else {
        fix = text(`Dùng một trong: ${listed('vi')}.`, `Use one of: ${listed('en')}.`);
      }
      return {
        code: 'schema.enum',
        path,
        part: 'value',
        message: text(
          `Giá trị "${show(err.data)}" không hợp lệ cho ${where.vi} của ${subject.vi}${hint.vi}`,
          `"${show(err.data)}" is not a valid ${where.en} of ${subject.en}${hint.en}`,
        ),
        fix,
      };
    }
    case 'const':
      return {
        code: 'schema.const',
        path,
        part: 'value',
        message: text(
          `${where.vi} phải là "${String((err.params as { allowedValue: unknown }).allowedValue)}".`,
          `${where.en} must be "${String((err.params as { allowedValue: unknown }).allowedValue)}".`,
        ),
      };
    case 'pattern': {
      const kinds = here?.['x-ref'] as string[] | undefined;
      const value = String(err.data);
      if (kinds) {
        const parsed = parseRef(value);
        const form = kinds.map((k) => `${k}:<id>`).join(', ');
        if (parsed && !kinds.includes(parsed.kind)) {
          return {
            code: 'model.wrong-ref-kind',
            path,
            part: 'value',
            message: text(
              `${where.vi} của ${subject.vi} phải tham chiếu ${form}, nhưng "${value}" là tham chiếu ${parsed.kind}.`,
              `${where.en} of ${subject.en} must reference ${form}, but "${value}" is a ${parsed.kind} reference.`,
            ),
            fix: text(`Dùng tham chiếu dạng ${form}.`, `Use a reference of the form ${form}.`),
          };
        }
        const prefix = value.split(':')[0] ?? '';
        const kindGuess = value.includes(':') ? closest(prefix, REF_KINDS) : undefined;
        const bare = !value.includes(':') ? `${kinds[0]}:${slugify(value)}` : undefined;
        const guessed = bare ?? (kindGuess ? `${kindGuess}:${slugify(value.slice(prefix.length + 1))}` : undefined);
        // A "suggestion" equal to the input, or with nothing left of the id, helps nobody.
        const suggestion = guessed !== undefined && guessed !== value && !guessed.endsWith(':') ? guessed : undefined;
        return {
          code: 'schema.ref-format',
          path,
          part: 'value',
          message: text(
            `"${show(value)}" không phải tham chiếu hợp lệ cho ${where.vi} của ${subject.vi}${suggestion ? ` — ý bạn là "${suggestion}"?` : '.'}`,
            `"${show(value)}" is not a valid reference for ${where.en} of ${subject.en}${suggestion ? ` — did you mean "${suggestion}"?` : '.'}`,
          ),
          fix: here?.['x-unknown']
            ? text(
                `Tham chiếu có dạng ${form}; mã viết thường, không dấu, nối bằng "-". Khi chưa biết, ghi "chưa xác định".`,
                `References look like ${form}; ids are lower-case ASCII joined by "-". When not yet known, write "chưa xác định".`,
              )
            : text(`Tham chiếu có dạng ${form}; mã viết thường, không dấu, nối bằng "-".`, `References look like ${form}; ids are lower-case ASCII joined by "-".`),
        };
      }
      if (path.length === 1 && path[0] === 'id') {
        const suggestion = slugify(value);
        return {
          code: 'schema.id-format',
          path,
          part: 'value',
          message: text(
            `Mã định danh "${show(value)}" của ${subject.vi} không hợp lệ: chỉ dùng chữ thường không dấu, số và dấu "-".`,
            `Identifier "${show(value)}" of ${subject.en} is invalid: use lower-case ASCII letters, digits and "-".`,
          ),
          fix: suggestion ? text(`Đổi thành "${suggestion}".`, `Change it to "${suggestion}".`) : text('Đặt lại mã, ví dụ "ho-tich".', 'Choose an id such as "ho-tich".'),
        };
      }
      return {
        code: 'schema.pattern',
        path,
        part: 'value',
        message: text(`${where.vi} của ${subject.vi} có giá trị "${show(value)}" sai định dạng.`, `${where.en} of ${subject.en} has a malformed value "${show(value)}".`),
        ...(Array.isArray(here?.['examples']) ? { fix: text(`Ví dụ: ${(here['examples'] as unknown[]).join(', ')}.`, `Examples: ${(here['examples'] as unknown[]).join(', ')}.`) } : {}),
      };
    }
    case 'format': {
      const format = String((err.params as { format: string }).format);
      const value = show(err.data);
      const isoDay = typeof err.data === 'string' ? asIsoDay(err.data) : undefined;
      const byFormat: Record<string, [Text, Text]> = {
        date: [
          text(`${where.vi} của ${subject.vi} phải là một ngày có thật dạng YYYY-MM-DD, nhận "${value}".`, `${where.en} of ${subject.en} must be a real date YYYY-MM-DD, got "${value}".`),
          isoDay === undefined ? text('Viết ngày dạng 2025-12-31.', 'Write dates as 2025-12-31.') : text(`Viết ngày dạng YYYY-MM-DD: ${isoDay}.`, `Write the date as YYYY-MM-DD: ${isoDay}.`),
        ],
        deadline: [
          text(`${where.vi} của ${subject.vi} có giá trị "${value}" không hợp lệ.`, `${where.en} of ${subject.en} has an invalid value "${value}".`),
          text(
            'Ghi năm (2025), quý ("2025-Q3"), tháng ("2025-09"), ngày (2025-09-30), "ongoing" (thực hiện thường xuyên) hoặc định kỳ ("hằng năm", "hằng quý", "hằng tháng"); thời hạn tính theo nhiệm vụ, sự kiện khác ghi ở "deadlineAfter".',
            'Write a year (2025), a quarter ("2025-Q3"), a month ("2025-09"), a day (2025-09-30), "ongoing" or a recurrence ("annual", "quarterly", "monthly"); a deadline relative to another task or event goes in "deadlineAfter".',
          ),
        ],
        'time-point': [
          text(`${where.vi} của ${subject.vi} có giá trị "${value}" không phải năm hay ngày.`, `${where.en} of ${subject.en} has the value "${value}", which is neither a year nor a day.`),
          isoDay === undefined
            ? text('Ghi năm (2027) hoặc ngày có thật dạng YYYY-MM-DD (2027-06-30).', 'Write a year (2027) or a real day YYYY-MM-DD (2027-06-30).')
            : text(`Ghi ngày dạng YYYY-MM-DD: ${isoDay}.`, `Write the day as YYYY-MM-DD: ${isoDay}.`),
        ],
        uri: [
          text(`${where.vi} của ${subject.vi} phải là địa chỉ URL đầy đủ, nhận "${value}".`, `${where.en} of ${subject.en} must be a full URL, got "${value}".`),
          text('Ví dụ: https://dichvucong.sonha.gov.vn', 'For example: https://dichvucong.sonha.gov.vn'),
        ],
        email: [
          text(`${where.vi} của ${subject.vi} phải là địa chỉ thư điện tử, nhận "${value}".`, `${where.en} of ${subject.en} must be an e-mail address, got "${value}".`),
          text('Ví dụ: cds@sonha.gov.vn', 'For example: cds@sonha.gov.vn'),
        ],
      };
      const [message, fix] = byFormat[format] ?? [
        text(`${where.vi} của ${subject.vi} sai định dạng ${format}.`, `${where.en} of ${subject.en} is not a valid ${format}.`),
        undefined,
      ];
      return { code: 'schema.format', path, part: 'value', message, ...(fix ? { fix } : {}) };
    }
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum': {
      const limit = (err.params as { limit: number }).limit;
      const op = err.keyword === 'minimum' ? '≥' : err.keyword === 'maximum' ? '≤' : err.keyword === 'exclusiveMinimum' ? '>' : '<';
      return {
        code: 'schema.range',
        path,
        part: 'value',
        message: text(`${where.vi} của ${subject.vi} phải ${op} ${limit}, nhận ${show(err.data)}.`, `${where.en} of ${subject.en} must be ${op} ${limit}, got ${show(err.data)}.`),
      };
    }
    case 'minLength':
      return {
        code: 'schema.empty',
        path,
        part: 'value',
        message: text(`${where.vi} của ${subject.vi} không được để trống.`, `${where.en} of ${subject.en} must not be empty.`),
        fix: text('Điền giá trị hoặc xóa trường.', 'Fill it in or remove the field.'),
      };
    case 'minProperties':
      return {
        code: 'schema.empty',
        path,
        part: 'value',
        message: text(`${where.vi} của ${subject.vi} không được để trống.`, `${where.en} of ${subject.en} must not be empty.`),
        fix: text('Ghi ít nhất một trường, hoặc xóa mục này.', 'Write at least one field, or remove the entry.'),
      };
    case 'maxLength':
      return {
        code: 'schema.too-long',
        path,
        part: 'value',
        message: text(
          `${where.vi} của ${subject.vi} dài quá ${(err.params as { limit: number }).limit} ký tự.`,
          `${where.en} of ${subject.en} is longer than ${(err.params as { limit: number }).limit} characters.`,
        ),
        fix: text('Rút gọn; đưa nội dung dài vào "description".', 'Shorten it; put long text in "description".'),
      };
    case 'uniqueItems': {
      const j = (err.params as { j: number }).j;
      return {
        code: 'schema.duplicate-item',
        path: [...path, j],
        part: 'value',
        message: text(`${where.vi} của ${subject.vi} có phần tử lặp lại.`, `${where.en} of ${subject.en} has a repeated item.`),
        fix: text('Xóa phần tử lặp lại.', 'Remove the repeated item.'),
      };
    }
    default:
      return {
        code: `schema.${err.keyword.replace(/[^a-zA-Z]/g, '').toLowerCase() || 'invalid'}`,
        path,
        part: 'value',
        message: text(`${where.vi} của ${subject.vi} không hợp lệ: ${err.message ?? err.keyword}.`, `${where.en} of ${subject.en} is invalid: ${err.message ?? err.keyword}.`),
      };
  }
}

/** Digits grouped by thousands with "." or "," (21.000, 1.234.567, 21,000): Vietnamese or English grouping. */
export const GROUPED_NUMBER = /^-?[1-9]\d{0,2}([.,])\d{3}(\1\d{3})*$/;

/** What a "%" written after a number should become: the entity's own `unit` field (a KPI), a field in percent already, or neither. */
export type PercentSign = 'unit-field' | 'percent-field' | 'none';

/**
 * Where the "%" a writer put after a number belongs: in the entity's `unit` (a KPI's measurements and
 * targets), nowhere for a field already in percent (a task's progress, a quality score: 0–100), or
 * nowhere said for any other number.
 */
function percentSign(propSchema: (path: DocPath) => Schema | undefined, field: Schema | undefined): PercentSign {
  const root = propSchema([])?.['properties'] as Record<string, Schema> | undefined;
  if (root?.['unit'] !== undefined) return 'unit-field';
  return field?.['minimum'] === 0 && field['maximum'] === 100 ? 'percent-field' : 'none';
}

/**
 * How to write a value of the expected type. Numbers are never guessed: a grouped figure ("21.000") is
 * twenty-one thousand in Vietnamese and twenty-one in English, so the hint names both readings.
 */
export function typeFix(expected: readonly string[], data: unknown, percent: PercentSign = 'none'): Text | undefined {
  const wantsNumber = expected.includes('number') || expected.includes('integer');
  if (wantsNumber && typeof data === 'string') {
    const s = data.trim();
    if (GROUPED_NUMBER.test(s)) {
      const digits = s.replace(/[.,]/g, '');
      return text(
        `Viết số không có dấu phân cách hàng nghìn: ${digits} nếu là ${s} theo cách viết Việt Nam; kientruc không tự đoán.`,
        `Write the number without thousands separators: ${digits} if "${s}" groups thousands; kientruc never guesses.`,
      );
    }
    if (/^-?[1-9]\d{0,2}([ \u00a0\u202f]\d{3})+$/.test(s)) {
      const digits = s.replace(/[ \u00a0\u202f]/g, '');
      return text(`Viết số liền, không có dấu cách: ${digits}.`, `Write the number without spaces: ${digits}.`);
    }
    if (/^-?\d+,\d+$/.test(s)) {
      return text(`Dùng dấu chấm cho phần thập phân: ${s.replace(',', '.')}.`, `Use a dot for decimals: ${s.replace(',', '.')}.`);
    }
    if (/^-?\d+(\.\d+)?$/.test(s)) return text(`Bỏ dấu nháy: ${s}.`, `Remove the quotes: ${s}.`);
    if (/^-?\d+(\.\d+)?\s*%$/.test(s)) {
      const n = s.replace(/\s*%$/, '');
      if (percent === 'unit-field') return text(`Bỏ ký hiệu %: ${n} (đơn vị ghi ở "unit").`, `Drop the % sign: ${n} (the unit goes in "unit").`);
      if (percent === 'percent-field') return text(`Bỏ ký hiệu %: ${n} (trường này đã tính theo phần trăm, 0–100).`, `Drop the % sign: ${n} (this field is already in percent, 0–100).`);
      return text(`Bỏ ký hiệu %: ${n}.`, `Drop the % sign: ${n}.`);
    }
    return text('Ghi một con số, ví dụ 21000 hoặc 99.5.', 'Write a number, e.g. 21000 or 99.5.');
  }
  if (expected.includes('boolean')) return text('Ghi true (có) hoặc false (không), không đặt trong dấu nháy.', 'Write true or false, without quotes.');
  if (expected.includes('array')) return text('Ghi dạng danh sách: mỗi phần tử một dòng bắt đầu bằng "- ", hoặc [a, b].', 'Write a list: one "- item" per line, or [a, b].');
  if (expected.includes('object')) return text('Ghi dạng các cặp "khóa: giá trị" thụt lề bên dưới trường này.', 'Write "key: value" pairs indented below the field.');
  if (expected.includes('string')) return text('Đặt giá trị trong dấu nháy kép, ví dụ "2025".', 'Put the value in double quotes, e.g. "2025".');
  return undefined;
}

/** A written day in another common order (30/09/2026, 30-9-2026, 2026/09/30, 2026-9-30) as YYYY-MM-DD, when it is a real day. */
export function asIsoDay(value: string): string | undefined {
  const s = value.trim();
  const dmy = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(s);
  const ymd = /^(\d{4})[/.-](\d{1,2})[/.-](\d{1,2})$/.exec(s);
  // Vietnamese writes the day first: 03/04/2026 is 3 April.
  const [y, m, d] = dmy ? [dmy[3], dmy[2], dmy[1]] : ymd ? [ymd[1], ymd[2], ymd[3]] : [];
  if (y === undefined || m === undefined || d === undefined) return undefined;
  const iso = `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;
  const t = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(t.getTime()) && t.toISOString().slice(0, 10) === iso && iso !== s ? iso : undefined;
}

/** Lower case, no diacritics (đ → d), words separated by one space: how a label is matched. */
function fold(s: string): string {
  return asciiFold(s).replace(/[^a-z0-9]+/g, ' ').trim();
}

/**
 * The alternatives a label lists, each folded: "Xã, phường, đặc khu" → xa, phuong, dac khu; "Commune,
 * ward or special zone" → commune, ward, special zone. A one-word alternative ("xã", "sở", "bộ") is
 * what people write for the value, and too short for the other matches.
 */
function alternatives(label: string): string[] {
  const parts = label.split(/,|;|\s+(?:hoặc|or)\s+/i).map(fold).filter((p) => p !== '');
  return parts.length > 1 ? parts : [];
}

/** Shortest label or alias a written value may hold, whole words, to be taken for it ("ngân sách" in "ngân sách xã"). */
const MIN_HELD = 6;

/**
 * The enum value whose Vietnamese or English label, or one of its aliases (pack data: `planned` for a
 * task not started), the writer typed instead of its code ("dùng chung", "dung chung", "Đang vận hành"),
 * diacritics and case aside: the label, alias or one alternative of a label ("xã" for "Xã, phường, đặc
 * khu") itself; else the only label or alias holding the words; else the only label or alias of two
 * words or more that the words hold ("ngân sách xã" holds the alias "ngân sách": the state budget);
 * else the only one close to them.
 */
export function byLabel(given: string, values: readonly EnumValue[]): string | undefined {
  const g = fold(given);
  if (g === '' || values.length === 0) return undefined;
  const labels = values.flatMap((v) => [v.vi, v.en, ...(v.aliases ?? [])].map((l) => ({ l: fold(l), value: String(v.value) })));
  const parts = values.flatMap((v) => [v.vi, v.en].flatMap(alternatives).map((l) => ({ l, value: String(v.value) })));
  const one = (list: readonly { value: string }[]): string | undefined => {
    const distinct = new Set(list.map((x) => x.value));
    return distinct.size === 1 ? list[0]?.value : undefined;
  };
  const exact = one([...labels, ...parts].filter((x) => x.l === g));
  if (exact !== undefined) return exact;
  if (g.length >= 3) {
    const inside = one(labels.filter((x) => ` ${x.l} `.includes(` ${g} `)));
    if (inside !== undefined) return inside;
  }
  const held = one(labels.filter((x) => x.l.length >= MIN_HELD && x.l.includes(' ') && ` ${g} `.includes(` ${x.l} `)));
  if (held !== undefined) return held;
  const near = closest(g, labels.map((x) => x.l));
  return near === undefined ? undefined : one(labels.filter((x) => x.l === near));
}

/** Two words of which one begins the other: "admin" and "administrative", "procedures" and "procedure". */
function beginsWord(word: string, labelWord: string): boolean {
  if (Math.min(word.length, labelWord.length) < 3) return false;
  return labelWord.startsWith(word) || (word.startsWith(labelWord) && word.length - labelWord.length <= 2);
}

/**
 * The enum value whose Vietnamese or English label has, for every word written, a word it begins or
 * that begins it ("admin procedures" → tthc, "Administrative-procedure handling system"); undefined
 * when the words are short (each at least 3 letters, 4 in all) or fit more than one value.
 */
export function byLabelWords(given: string, values: readonly EnumValue[]): string | undefined {
  const words = fold(given).split(' ').filter((w) => w !== '');
  if (words.length === 0 || words.some((w) => w.length < 3) || words.join('').length < 4) return undefined;
  const fits = new Set<string>();
  for (const v of values) {
    for (const l of [fold(v.vi), fold(v.en)]) {
      const labelWords = l.split(' ');
      if (words.every((w) => labelWords.some((lw) => beginsWord(w, lw)))) fits.add(String(v.value));
    }
  }
  return fits.size === 1 ? [...fits][0] : undefined;
}
