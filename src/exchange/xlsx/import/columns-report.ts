/**
 * Findings about a sheet's columns rather than its rows: a column that holds data no field takes, and
 * a required field the sheet has no column for (one finding for the sheet, naming the values the
 * column takes and the unmapped column it may be, instead of the same error on every row).
 */
import { text } from '../../../core/text.js';
import type { FrameworkPack } from '../../../framework/types.js';
import type { ColumnDef, KindMapping } from '../mapping.js';
import { normalizeLabel } from '../normalize.js';
import { columnLetter } from './grid.js';
import type { CellIssue } from './issues.js';
import type { UnmappedColumn } from './sheet.js';

/** What a kind is called in messages about its rows. */
const ROWS_OF: Readonly<Record<string, { vi: string; en: string }>> = {
  org: { vi: 'cơ quan, đơn vị', en: 'organisation' },
  system: { vi: 'hệ thống', en: 'system' },
  dataset: { vi: 'CSDL', en: 'database' },
  integration: { vi: 'kết nối', en: 'integration' },
  task: { vi: 'nhiệm vụ', en: 'task' },
  function: { vi: 'chức năng nghiệp vụ', en: 'business function' },
  service: { vi: 'dịch vụ công', en: 'public service' },
};

/** A column no field takes: a warning when its cells hold data (dropped), information when it is empty. */
export function unmappedColumnIssue(sheet: string, kind: KindMapping, column: UnmappedColumn, filled: number): CellIssue {
  const h = column.header;
  return {
    code: 'import.unmapped-column',
    severity: filled > 0 ? 'warning' : 'info',
    sheet,
    address: column.address,
    message:
      filled > 0
        ? text(`Cột "${h}" không khớp trường nào: dữ liệu của cột (${filled} hàng) không được nhập.`, `Column "${h}" matches no field: its data (${filled} row${filled === 1 ? '' : 's'}) was not imported.`)
        : text(`Cột "${h}" không khớp trường nào nên không được nhập (cột trống).`, `Column "${h}" matches no field, so it was not imported (the column is empty).`),
    fix: text(
      `Nếu cần nhập, thêm tiêu đề này vào tệp ánh xạ: columns: { ${kind.kind}: { <trường>: ["${h}"] } } (trường: kientruc schema).`,
      `To import it, add this header to the map file: columns: { ${kind.kind}: { <field>: ["${h}"] } } (fields: kientruc schema).`,
    ),
  };
}

/** Parts of a fix as one sentence: "; " between them, a capital and a full stop. */
const sentence = (parts: readonly string[]): string => {
  const s = parts.join('; ');
  return `${s.charAt(0).toUpperCase()}${s.slice(1)}.`;
};

/** The values a column of `col`'s type takes, for a message: an enum's labels, or what to write. */
function valuesOf(col: ColumnDef, pack: FrameworkPack): { vi: string; en: string } {
  const [base, arg = ''] = col.type.split(':') as [string, string?];
  if (base === 'enum' || base === 'enum-list') {
    const def = pack.enums[arg];
    if (def) return { vi: def.values.map((v) => `${String(v.value)} (${v.vi})`).join(', '), en: def.values.map((v) => `${String(v.value)} (${v.en})`).join(', ') };
  }
  if (base === 'component') {
    const some = pack.components.slice(0, 3);
    return {
      vi: `mã hoặc tên thành phần theo QĐ 3090, ví dụ ${some.map((c) => `${c.id} (${c.vi})`).join(', ')}… (danh mục: kientruc schema --list components)`,
      en: `a Decision 3090 component id or name, e.g. ${some.map((c) => `${c.id} (${c.en})`).join(', ')}… (list: kientruc schema --list components)`,
    };
  }
  if (base === 'org' || base === 'org-list') return { vi: 'tên cơ quan, đơn vị', en: 'an organisation name' };
  if (base === 'ref' || base === 'ref-list') return { vi: `tên ${arg.split(',').join(', ')}`, en: `a ${arg.split(',').join(', ')} name` };
  return { vi: col.type, en: col.type };
}

/**
 * The unmapped column a missing field may be: its header holds one of the field's headers as whole
 * words ("Tình trạng sử dụng hiện nay" holds "Tình trạng"), or is the start of one ("Chủ quản" of
 * "Chủ quản hệ thống"). The longest such header wins; a tie between columns suggests none.
 */
function likelyColumn(col: ColumnDef, unmapped: readonly UnmappedColumn[]): UnmappedColumn | undefined {
  let best: UnmappedColumn | undefined;
  let bestScore = 0;
  let tied = false;
  for (const u of unmapped) {
    const un = normalizeLabel(u.header);
    let score = 0;
    for (const h of col.headers.map(normalizeLabel)) {
      if (h.length >= 4 && ` ${un} `.includes(` ${h} `)) score = Math.max(score, h.length);
      else if (un.length >= 4 && h.startsWith(`${un} `)) score = Math.max(score, un.length);
    }
    if (score > bestScore) [best, bestScore, tied] = [u, score, false];
    else if (score > 0 && score === bestScore) tied = true;
  }
  return tied ? undefined : best;
}

/** One finding for a sheet whose rows lack fields it has no column for. */
export function missingColumnsIssue(input: {
  readonly sheet: string;
  readonly address: string;
  readonly kind: KindMapping;
  readonly fields: ReadonlySet<string>;
  readonly rows: number;
  readonly total: number;
  readonly unmapped: readonly UnmappedColumn[];
  readonly pack: FrameworkPack;
}): CellIssue {
  const { kind, pack } = input;
  const cols = kind.columns.filter((c) => input.fields.has(c.field));
  const names = cols.map((c) => c.headers[0] as string);
  const guesses = cols.flatMap((c) => {
    const u = likelyColumn(c, input.unmapped);
    return u ? [{ col: c, u }] : [];
  });
  const guessed = (word: string): string => guesses.map((g) => `${word} ${columnLetter(g.u.col)} «${g.u.header}» → ${g.col.headers[0] as string}`).join('; ');
  const values = cols.map((c) => ({ name: c.headers[0] as string, v: valuesOf(c, pack) }));
  const rowsOf = ROWS_OF[kind.kind] ?? { vi: kind.kind, en: kind.kind };
  const first = cols[0];
  return {
    code: 'import.missing-column',
    severity: 'error',
    sheet: input.sheet,
    address: input.address,
    message: text(
      `Sheet "${input.sheet}" không có cột ${names.join(', ')} (bắt buộc với ${rowsOf.vi}) nên ${input.rows}/${input.total} hàng không được nhập.${guesses.length ? ` Có phải: ${guessed('cột')}?` : ''}`,
      `Sheet "${input.sheet}" has no ${names.join(', ')} column (required for a ${rowsOf.en}), so ${input.rows}/${input.total} rows were not imported.${guesses.length ? ` Did you mean: ${guessed('column')}?` : ''}`,
    ),
    fix: text(
      sentence([
        ...(guesses.length ? [`Khai báo tiêu đề đó trong tệp ánh xạ: columns: { ${kind.kind}: { ${guesses.map((g) => `${g.col.field}: ["${g.u.header}"]`).join(', ')} } }`] : []),
        `thêm cột ${values.map((x) => `"${x.name}" (giá trị: ${x.v.vi})`).join('; ')}`,
        ...(first ? [`hoặc đặt một giá trị cho mọi hàng trong tệp ánh xạ: defaults: { ${kind.kind}: { ${first.field}: … } }`] : []),
      ]),
      sentence([
        ...(guesses.length ? [`Map that header in the map file: columns: { ${kind.kind}: { ${guesses.map((g) => `${g.col.field}: ["${g.u.header}"]`).join(', ')} } }`] : []),
        `add the column ${values.map((x) => `"${x.name}" (values: ${x.v.en})`).join('; ')}`,
        ...(first ? [`or set one value for every row in the map file: defaults: { ${kind.kind}: { ${first.field}: … } }`] : []),
      ]),
    ),
  };
}
