import { parseDeadline } from '../../core/dates.js';
/**
 * Dates as Vietnamese inventories write them. A date with only a month or year is kept as its first
 * day for a day field (and said so), as a year where the field takes one (goLive), and at its own
 * precision for a task deadline.
 */
import { text } from '../../core/text.js';
import { normalizeLabel } from './normalize.js';
import { bad, cellText, ok, pad, type CellValue, type Parsed } from './cell.js';

interface PartialDate {
  readonly year: number;
  readonly month?: number;
  readonly day?: number;
}

const ROMAN_QUARTER: Record<string, number> = { i: 1, ii: 2, iii: 3, iv: 4, '1': 1, '2': 2, '3': 3, '4': 4 };

/** Vietnamese ways of writing a date: dd/mm/yyyy, "ngày 5 tháng 3 năm 2024", "tháng 3/2024", "năm 2023", an Excel date. */
export function readDate(raw: CellValue): PartialDate | 'ongoing' | undefined {
  if (raw instanceof Date) return { year: raw.getUTCFullYear(), month: raw.getUTCMonth() + 1, day: raw.getUTCDate() };
  if (typeof raw === 'number') {
    if (Number.isInteger(raw) && raw >= 1900 && raw <= 2200) return { year: raw };
    if (raw > 20000 && raw < 80000) {
      const d = new Date(Date.UTC(1899, 11, 30) + Math.floor(raw) * 86_400_000);
      return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
    }
    return undefined;
  }
  const s = normalizeLabel(cellText(raw));
  if (/^(thuc hien )?thuong xuyen$|^lien tuc$/.test(s)) return 'ongoing';
  let m = /^(?:ngay )?(\d{1,2}) (?:thang )?(\d{1,2}) (?:nam )?(\d{4})$/.exec(s);
  if (m) return { year: Number(m[3]), month: Number(m[2]), day: Number(m[1]) };
  m = /^(\d{4}) (\d{1,2}) (\d{1,2})$/.exec(s);
  if (m) return { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
  m = /^(?:thang |t)?(\d{1,2}) (?:nam )?(\d{4})$/.exec(s);
  if (m) return { year: Number(m[2]), month: Number(m[1]) };
  m = /^(\d{4}) (\d{1,2})$/.exec(s);
  if (m) return { year: Number(m[1]), month: Number(m[2]) };
  m = /^(?:nam )?(\d{4})$/.exec(s);
  if (m) return { year: Number(m[1]) };
  m = /^(?:quy|q) (i|ii|iii|iv|[1-4]) (?:nam )?(\d{4})$/.exec(s);
  if (m) return { year: Number(m[2]), month: (ROMAN_QUARTER[m[1] as string] as number) * 3 };
  return undefined;
}

function validDay(d: PartialDate): boolean {
  if (d.year < 1900 || d.year > 2200) return false;
  if (d.month !== undefined && (d.month < 1 || d.month > 12)) return false;
  if (d.day === undefined) return true;
  const last = new Date(Date.UTC(d.year, d.month as number, 0)).getUTCDate();
  return d.day >= 1 && d.day <= last;
}

/**
 * `date`: a day (a month or year is kept as its first day, and said so); `time-point`: a year or a day,
 * as the schema's timePoint fields take them, so "2012" stays 2012 (a month still becomes its first
 * day, said so); `deadline`: the task schema's day, month, quarter, year, "ongoing" or recurrence.
 */
export function parseDateCell(raw: CellValue, kind: 'date' | 'time-point' | 'deadline'): Parsed {
  const d = readDate(raw);
  const shown = cellText(raw);
  // A quarter ("Quý IV/2026", "quý 4 năm 2026") is a deadline as the task schema writes it (2026-Q4).
  if (kind === 'deadline') {
    const q = /^(?:quý|quy|q)\s*(i{1,3}|iv|[1-4])\s*(?:\/|-|\s)\s*(?:năm\s*)?(\d{4})$/iu.exec(shown.normalize('NFC').trim());
    if (q) {
      const n = ({ i: 1, ii: 2, iii: 3, iv: 4 } as Record<string, number>)[(q[1] as string).toLowerCase()] ?? Number(q[1]);
      return ok(`${q[2]}-Q${n}`);
    }
  }
  // Recurring deadlines ("hằng quý", "hằng năm", …) are deadlines as the task schema writes them.
  if (kind === 'deadline' && d === undefined) {
    const recurring = parseDeadline(shown.normalize('NFC').trim());
    if (recurring?.kind === 'ongoing' && recurring.recurrence !== undefined) return ok(recurring.raw);
  }
  if (d === 'ongoing') {
    if (kind === 'deadline') return ok('ongoing');
  } else if (d !== undefined && validDay(d)) {
    const iso = `${d.year}-${pad(d.month ?? 1)}-${pad(d.day ?? 1)}`;
    if (kind === 'deadline') return ok(d.day !== undefined ? iso : d.month !== undefined ? `${d.year}-${pad(d.month)}` : d.year);
    if (d.day !== undefined) return ok(iso);
    if (kind === 'time-point' && d.month === undefined) return ok(d.year);
    return ok(
      iso,
      text(
        `"${shown}" không có ngày cụ thể; ghi ${iso} (ngày đầu ${d.month !== undefined ? 'tháng' : 'năm'}).`,
        `"${shown}" has no exact day; wrote ${iso} (first day of the ${d.month !== undefined ? 'month' : 'year'}).`,
      ),
    );
  } else if (d !== undefined) {
    return bad(text(`"${shown}" không phải ngày có thật`, `"${shown}" is not a real date`), text('Sửa ngày, tháng (dd/mm/yyyy).', 'Fix the day or month (dd/mm/yyyy).'));
  }
  return bad(
    text(`"${shown}" không đọc được thành ngày`, `"${shown}" cannot be read as a date`),
    kind === 'deadline'
      ? text('Ghi ngày dd/mm/yyyy, "tháng 3/2024", "năm 2025" hoặc "Thực hiện thường xuyên".', 'Write dd/mm/yyyy, "tháng 3/2024", "năm 2025" or "Thực hiện thường xuyên".')
      : text('Ghi ngày dd/mm/yyyy, "tháng 3/2024" hoặc "năm 2023".', 'Write dd/mm/yyyy, "tháng 3/2024" or "năm 2023".'),
  );
}

