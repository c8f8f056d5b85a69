/**
 * Reading one spreadsheet cell as a YAML value of a column type, and writing it back for export.
 * Nothing here guesses: a value that has two readings ("1.234" in a percentage column) is refused
 * with the reason and a fix, and a partial date kept as a day is reported.
 */
import { isId } from '../../core/ref.js';
import { text } from '../../core/text.js';
import type { FrameworkPack } from '../../framework/types.js';
import type { Mapping } from './mapping.js';
import { bad, cellText, ok, type CellValue, type Parsed } from './cell.js';
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

/** The pack value of an enum written as its value, its Vietnamese or English label, or a synonym from the map. */
export function parseEnum(enumId: string, raw: string, ctx: ValueContext): Parsed {
  const def = ctx.pack.enums[enumId];
  if (!def) throw new Error(`unknown enum ${enumId}`);
  const key = normalizeLabel(raw);
  const bare = normalizeLabel(stripNumbering(raw));
  for (const k of [key, bare]) {
    for (const v of def.values) {
      if (normalizeLabel(String(v.value)) === k || normalizeLabel(v.vi) === k || normalizeLabel(v.en) === k) return ok(v.value);
    }
    const syn = ctx.mapping.values[enumId]?.[k];
    if (syn !== undefined) return ok(syn);
  }
  const shown = def.values.map((v) => v.vi).join('; ');
  return bad(
    text(`"${raw}" không thuộc danh mục ${def.vi}`, `"${raw}" is not a value of ${def.en}`),
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
