/**
 * Reading one spreadsheet cell as a YAML value of a column type, and writing it back for export.
 * Nothing here guesses: a value that has two readings ("1.234" in a percentage column) is refused
 * with the reason and a fix, and a partial date kept as a day is reported.
 */
import { isId } from '../../core/ref.js';
import { text, type Text } from '../../core/text.js';
import { byLabel, byLabelWords } from '../../validate/messages.js';
import type { FrameworkPack } from '../../framework/types.js';
import { AMBIGUOUS_VALUES, type Mapping } from './mapping.js';
import { ambiguous, bad, cellText, ok, type CellValue, type Parsed } from './cell.js';
import { parseDateCell } from './dates.js';
import { normalizeLabel, stripNumbering } from './normalize.js';

export interface ValueContext {
  readonly pack: FrameworkPack;
  readonly mapping: Mapping;
}

/** Splits a list cell: items are separated by ";" or line breaks. */
export function splitList(value: string): string[] {
  return value
    .split(/[;\n]+/)
    .map((s) => s.trim().replace(/^[-+•]\s*/, ''))
    .filter((s) => s !== '');
}

/** Parses a cell of a scalar type (everything but org and ref, which need the model). */
export function parseCell(type: string, raw: CellValue, ctx: ValueContext, field: string): Parsed {
  const [base, arg = ''] = type.split(':') as [string, string?];
  switch (base) {
    case 'text':
      return parseText(raw, field);
    case 'text-list':
      return ok(splitList(cellText(raw)).map((x) => x.replace(/\s+/g, ' ')));
    case 'id':
      return parseId(raw);
    case 'url':
      return parseUrl(raw);
    case 'integer':
      return parseNumber(raw, true);
    case 'number':
      return parseNumber(raw, false);
    case 'bool':
      return parseBool(raw);
    case 'date':
      return parseDateCell(raw, 'date');
    case 'time-point':
      return parseDateCell(raw, 'time-point');
    case 'deadline':
      return parseDateCell(raw, 'deadline');
    case 'enum':
      return parseEnum(arg, cellText(raw), ctx);
    case 'enum-list': {
      const out: unknown[] = [];
      for (const item of splitList(cellText(raw))) {
        const p = parseEnum(arg, item, ctx);
        if (!p.ok) return p;
        if (!out.includes(p.value)) out.push(p.value);
      }
      return ok(out);
    }
    case 'component':
      return parseComponent(cellText(raw), ctx);
    default:
      throw new Error(`parseCell: type ${type} needs the resolver`);
  }
}

function parseText(raw: CellValue, field: string): Parsed {
  const s = cellText(raw);
  if (field === 'name' || field === 'shortName') return ok(s.replace(/\s+/g, ' '));
  return ok(
    s
      .split(/\r?\n/)
      .map((l) => l.trim())
      .filter((l) => l !== '')
      .join('\n'),
  );
}

function parseId(raw: CellValue): Parsed {
  const s = cellText(raw);
  if (isId(s)) return ok(s);
  return bad(
    text(`"${s}" không phải mã định danh hợp lệ (chữ thường không dấu, số, gạch ngang)`, `"${s}" is not a valid id (lower-case ASCII, digits, hyphens)`),
    text('Sửa mã, ví dụ "cong-dich-vu-cong", hoặc để trống để kientruc tạo mã từ tên.', 'Fix the id, e.g. "cong-dich-vu-cong", or leave it empty to derive it from the name.'),
  );
}

function parseUrl(raw: CellValue): Parsed {
  const s = cellText(raw).replace(/\s+/g, '');
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(s) ? s : /^[a-z0-9-]+(\.[a-z0-9-]+)+(\/.*)?$/i.test(s) ? `https://${s}` : undefined;
  if (withScheme !== undefined && URL.canParse(withScheme)) {
    return withScheme === s ? ok(s) : ok(withScheme, text(`Thêm "https://" vào địa chỉ "${s}".`, `Added "https://" to "${s}".`));
  }
  return bad(
    text(`"${cellText(raw)}" không phải địa chỉ truy cập (URL)`, `"${cellText(raw)}" is not a URL`),
    text('Ghi địa chỉ đầy đủ, ví dụ https://dichvucong.sonha.gov.vn, hoặc để trống.', 'Write a full address such as https://dichvucong.sonha.gov.vn, or leave it empty.'),
  );
}

/**
 * Numbers, also when stored as text. A dot or comma is read only when it has one meaning: in an
 * integer column "21.000" and "21,000" are thousands; in a decimal column "95,5" is a decimal comma,
 * but "1.234" (thousands or decimal?) is refused.
 */
export function parseNumber(raw: CellValue, integer: boolean): Parsed {
  let n: number | undefined;
  if (typeof raw === 'number') n = raw;
  else {
    const s = cellText(raw).replace(/[\s\u00a0]/g, '').replace(/%$/, '');
    if (/^-?\d+$/.test(s)) n = Number(s);
    else if (/^-?\d{1,3}([.,])\d{3}(\1\d{3})*$/.test(s)) {
      if (integer) n = Number(s.replace(/[.,]/g, ''));
      else
        return bad(
          text(`"${cellText(raw)}" có hai cách đọc (phân cách hàng nghìn hay thập phân)`, `"${cellText(raw)}" is ambiguous (thousands separator or decimal point)`),
          text('Ghi số không có dấu phân cách hàng nghìn; phần thập phân dùng dấu phẩy, ví dụ 95,5.', 'Write the number without thousands separators; use a decimal comma, e.g. 95,5.'),
        );
    } else if (!integer && /^-?\d+[.,]\d+$/.test(s)) n = Number(s.replace(',', '.'));
  }
  if (n === undefined || !Number.isFinite(n)) {
    return bad(
      text(`"${cellText(raw)}" không phải số`, `"${cellText(raw)}" is not a number`),
      text(integer ? 'Ghi số nguyên, ví dụ 1200.' : 'Ghi số, ví dụ 95,5.', integer ? 'Write a whole number, e.g. 1200.' : 'Write a number, e.g. 95.5.'),
    );
  }
  if (integer && !Number.isInteger(n)) {
    return bad(text(`${n} không phải số nguyên`, `${n} is not a whole number`), text('Ghi số nguyên.', 'Write a whole number.'));
  }
  if (n < 0) return bad(text(`${n} là số âm`, `${n} is negative`), text('Ghi số không âm.', 'Write a non-negative number.'));
  return ok(n);
}

const TRUE_WORDS = new Set(['co', 'x', 'v', 'yes', 'true', '1', 'da', 'da co', 'co su dung', 'da tich hop', 'dung chung']);
const FALSE_WORDS = new Set(['khong', 'chua', 'no', 'false', '0', 'chua co', 'khong su dung', 'chua tich hop']);

function parseBool(raw: CellValue): Parsed {
  if (typeof raw === 'boolean') return ok(raw);
  const s = raw === '✓' || raw === '✔' ? 'x' : normalizeLabel(cellText(raw));
  if (TRUE_WORDS.has(s)) return ok(true);
  if (FALSE_WORDS.has(s)) return ok(false);
  return bad(
    text(`"${cellText(raw)}" không phải Có/Không`, `"${cellText(raw)}" is not yes/no`),
    text('Ghi "Có" hoặc "Không" (hoặc "x" cho có), hoặc để trống.', 'Write "Có" or "Không" (or "x" for yes), or leave it empty.'),
  );
}

/**
 * The pack value of an enum written as its value, its Vietnamese or English label (validate's label
 * matcher, `byLabel`: the label itself, or words only one label holds), a spelling of the mapping's
 * table or the map file ("Dừng sử dụng", "Cấp độ III"). Tried on the cell as written, without its
 * group numbering, then without a trailing parenthesis ("Cấp độ 2 (đã phê duyệt)"), which is said.
 * A near spelling is not taken: the message asks "did you mean".
 */
export function parseEnum(enumId: string, raw: string, ctx: ValueContext): Parsed {
  const def = ctx.pack.enums[enumId];
  if (!def) throw new Error(`unknown enum ${enumId}`);
  const trimmed = raw.replace(/\s*\([^()]*\)\s*$/, '');
  const tries: readonly (readonly [string, Text | undefined])[] = [
    [raw, undefined],
    [stripNumbering(raw), undefined],
    ...(trimmed !== raw && trimmed.trim() !== ''
      ? [[trimmed, text(`đọc "${trimmed.trim()}"; phần "${raw.slice(trimmed.length).trim()}" không được nhập.`, `read as "${trimmed.trim()}"; "${raw.slice(trimmed.length).trim()}" was not imported.`)] as const]
      : []),
  ];
  for (const [written, note] of tries) {
    const key = normalizeLabel(written);
    if (key === '') continue;
    const code = def.values.find((v) => normalizeLabel(String(v.value)) === key);
    if (code) return ok(code.value, note);
    const syn = ctx.mapping.values[enumId]?.[key];
    if (syn !== undefined) return ok(syn, note);
    const labelled = byLabel(written, def.values);
    const v = def.values.find((x) => String(x.value) === labelled);
    if (v) {
      const exact = [v.vi, v.en].some((l) => normalizeLabel(l) === key);
      // Words one label holds ("vận hành" → "Đang vận hành"): taken, and said; a near spelling is only suggested.
      const inside = [v.vi, v.en].some((l) => ` ${normalizeLabel(l)} `.includes(` ${key} `));
      if (exact) return ok(v.value, note);
      if (inside) return ok(v.value, note ?? text(`"${written.trim()}" đọc là "${v.vi}".`, `"${written.trim()}" read as "${v.en}".`));
    }
    const several = AMBIGUOUS_VALUES[enumId]?.[key];
    if (several) {
      const labels = several.map((x) => def.values.find((d) => d.value === x)).filter((d) => d !== undefined);
      return ambiguous(
        text(`"${raw}" có thể là ${labels.map((d) => `"${d.vi}"`).join(' hoặc ')}`, `"${raw}" may mean ${labels.map((d) => `"${d.en}"`).join(' or ')}`),
        text(
          `Ghi rõ ${labels.map((d) => `"${d.vi}"`).join(' hoặc ')}; hoặc, nếu cả bảng tính dùng "${raw}" với một nghĩa, thêm vào mục values.${enumId} của tệp ánh xạ.`,
          `Write ${labels.map((d) => `"${d.en}"`).join(' or ')}; or, if the whole spreadsheet uses "${raw}" in one sense, add it under values.${enumId} in the map file.`,
        ),
      );
    }
  }
  const guess = byLabel(raw, def.values) ?? byLabelWords(raw, def.values);
  const meant = def.values.find((x) => String(x.value) === guess);
  const shown = def.values.map((v) => v.vi).join('; ');
  return bad(
    text(
      `"${raw}" không thuộc danh mục ${def.vi}${meant ? ` (ý bạn là "${meant.vi}"?)` : ''}`,
      `"${raw}" is not a value of ${def.en}${meant ? ` (did you mean "${meant.en}"?)` : ''}`,
    ),
    text(`Ghi một trong: ${shown}; hoặc thêm cách viết này vào mục values.${enumId} của tệp ánh xạ (--map).`, `Write one of: ${def.values.map((v) => v.en).join('; ')}; or add this spelling under values.${enumId} in the map file (--map).`),
  );
}

function parseComponent(raw: string, ctx: ValueContext): Parsed {
  const key = normalizeLabel(stripNumbering(raw));
  for (const c of ctx.pack.components) {
    if (c.id === raw.trim() || normalizeLabel(c.vi) === key || normalizeLabel(c.en) === key) return ok(c.id);
  }
  const syn = ctx.mapping.values['component']?.[key];
  if (syn !== undefined) return ok(syn);
  return bad(
    text(`"${raw}" không phải thành phần kiến trúc (QĐ 3090)`, `"${raw}" is not an architecture component (Decision 3090)`),
    text(`Ghi tên một thành phần, ví dụ "${ctx.pack.components[0]?.vi ?? ''}" (danh mục: kientruc schema); hoặc thêm cách viết vào values.component của tệp ánh xạ.`, 'Write a component name (see kientruc schema), or add this spelling under values.component in the map file.'),
  );
}

/** The Vietnamese label of an enum value, for export. */
export function enumLabel(pack: FrameworkPack, enumId: string, value: unknown): string {
  const v = pack.enums[enumId]?.values.find((x) => x.value === value);
  return v ? v.vi : String(value);
}

export { cellText, isEmptyCell, type CellValue, type Parsed } from './cell.js';
