import type { Document, YAMLError } from 'yaml';
import type { Diagnostic } from '../core/diagnostic.js';
import type { Range } from '../core/source.js';
import { text, type Text } from '../core/text.js';
import { normalizeStrings } from './decode.js';
import { parseAst, rangeFromOffsets, type ParsedAst } from './locate.js';

/** Aliases expanded per document before we call it a "billion laughs" attack. */
export const MAX_ALIAS_COUNT = 200;

export interface ParsedDoc {
  readonly file: string;
  /** Index of the document inside its file (0-based, counting empty documents). */
  readonly index: number;
  readonly value: unknown;
  /** Where the document's content starts (its first key). */
  readonly range: Range;
}

export interface ParsedFile {
  readonly docs: ParsedDoc[];
  readonly diagnostics: Diagnostic[];
  readonly ast: ParsedAst;
}

const YAML_MESSAGES: Record<string, { code: string; msg: (token: string) => Text; fix: Text }> = {
  DUPLICATE_KEY: {
    code: 'yaml.duplicate-key',
    msg: (t) => text(`Khóa "${t}" xuất hiện hai lần trong cùng một đối tượng.`, `Key "${t}" appears twice in the same mapping.`),
    fix: text('Xóa hoặc đổi tên một trong hai khóa.', 'Remove or rename one of the two keys.'),
  },
  TAB_AS_INDENT: {
    code: 'yaml.tab-indent',
    msg: () => text('Dùng ký tự Tab để thụt lề; YAML chỉ cho phép dấu cách.', 'A tab is used for indentation; YAML only allows spaces.'),
    fix: text('Thay mỗi Tab bằng dấu cách (2 dấu cách cho mỗi cấp).', 'Replace each tab with spaces (2 per level).'),
  },
  BAD_INDENT: {
    code: 'yaml.indent',
    msg: () => text('Thụt lề không đúng cấp.', 'Wrong indentation level.'),
    fix: text('Căn thẳng khóa này với các khóa cùng cấp.', 'Align this key with its siblings.'),
  },
  MISSING_CHAR: {
    code: 'yaml.unclosed',
    msg: () => text('Dấu nháy hoặc dấu ngoặc mở ở đây chưa được đóng.', 'A quote or bracket opened here is never closed.'),
    fix: text('Đóng dấu nháy hoặc ngoặc đã mở.', 'Close the open quote or bracket.'),
  },
  BAD_DQ_ESCAPE: {
    code: 'yaml.bad-escape',
    msg: () => text('Chuỗi trong nháy kép có ký tự thoát (\\) không hợp lệ.', 'Invalid escape (\\) in a double-quoted string.'),
    fix: text('Dùng nháy đơn, hoặc viết \\\\ thay cho \\.', 'Use single quotes, or write \\\\ for \\.'),
  },
  MULTILINE_IMPLICIT_KEY: {
    code: 'yaml.syntax',
    msg: () => text('Khóa kéo dài nhiều dòng hoặc thiếu dấu ":" sau khóa.', 'A key spans lines, or a ":" is missing after a key.'),
    fix: text('Kiểm tra dấu ":" và dấu nháy ở dòng trước.', 'Check the ":" and quotes on the previous line.'),
  },
  TAG_RESOLVE_FAILED: {
    code: 'yaml.unknown-tag',
    msg: (t) => text(`Thẻ YAML "${t}" không được hỗ trợ.`, `YAML tag "${t}" is not supported.`),
    fix: text('Bỏ thẻ "!…"; kientruc chỉ dùng chuỗi, số, danh sách và đối tượng.', 'Remove the "!…" tag; kientruc uses plain strings, numbers, lists and mappings.'),
  },
};

/** The key written at `offset` (`  owner: x` → `owner`), for duplicate-key messages. */
function keyAt(source: string, offset: number): string {
  const line = source.slice(offset, source.indexOf('\n', offset) === -1 ? undefined : source.indexOf('\n', offset));
  const m = /^\s*(?:-\s+)?("[^"]*"|'[^']*'|[^:#]+?)\s*:/.exec(line);
  return (m?.[1] ?? line.trim()).replace(/^["']|["']$/g, '').slice(0, 80);
}

/**
 * Where an unterminated quoted string was opened: yaml reports the end of the input, but the
 * writer needs the line with the stray quote. Walks back to the last line with an odd quote count.
 */
function unclosedQuoteStart(source: string, errorOffset: number, quote: '"' | "'"): number | undefined {
  const before = source.slice(0, errorOffset);
  const lines = before.split('\n');
  let offset = before.length;
  for (let i = lines.length - 1; i >= 0; i--) {
    const line = lines[i] ?? '';
    offset -= line.length + (i < lines.length - 1 ? 1 : 0);
    const count = line.split(quote).length - 1;
    if (count % 2 === 1) return offset + line.indexOf(quote);
  }
  return undefined;
}

function yamlDiagnostic(file: string, err: YAMLError, source: string, ast: ParsedAst): Diagnostic {
  let [start, end] = err.pos;
  if (err.code === 'MISSING_CHAR' && /quote/i.test(err.message)) {
    const quote = /single/i.test(err.message) ? "'" : '"';
    const opened = unclosedQuoteStart(source, start, quote);
    if (opened !== undefined) {
      start = opened;
      end = opened + 1;
    }
  }
  const token = err.code === 'DUPLICATE_KEY' ? keyAt(source, start) : (source.slice(start, Math.min(end, start + 80)).split('\n')[0] ?? '');
  const known = YAML_MESSAGES[err.code];
  const detail = err.message.split('\n')[0] ?? err.message;
  const message = known
    ? known.msg(token)
    : text(`Lỗi cú pháp YAML: ${detail}`, `YAML syntax error: ${detail}`);
  return {
    code: known?.code ?? 'yaml.syntax',
    severity: 'error',
    message,
    file,
    range: rangeFromOffsets(ast.lineCounter, start, Math.max(end, start + 1)),
    path: [],
    fix: known?.fix ?? text('Sửa cú pháp YAML tại vị trí này.', 'Fix the YAML syntax here.'),
  };
}

function isStackOverflow(err: unknown): boolean {
  return err instanceof RangeError && /call stack/i.test(err.message);
}

/** Parses one file's text into documents, reporting every YAML problem with its position. */
export function parseYamlFile(file: string, source: string): ParsedFile {
  const diagnostics: Diagnostic[] = [];
  let ast: ParsedAst;
  try {
    ast = parseAst(source);
  } catch (err: unknown) {
    if (!isStackOverflow(err)) throw err;
    const empty = parseAst('');
    return {
      docs: [],
      ast: empty,
      diagnostics: [
        {
          code: 'yaml.too-deep',
          severity: 'error',
          message: text('Tệp lồng nhau quá sâu để đọc.', 'The file is nested too deeply to read.'),
          file,
          range: { start: { line: 1, col: 1 }, end: { line: 1, col: 1 } },
          path: [],
          fix: text('Mỗi tài liệu kientruc chỉ cần vài cấp lồng nhau; kiểm tra lại tệp.', 'kientruc documents need only a few levels of nesting; check the file.'),
        },
      ],
    };
  }
  const docs: ParsedDoc[] = [];
  ast.docs.forEach((doc: Document.Parsed, index) => {
    const problems = [...doc.errors, ...doc.warnings.filter((w) => w.code === 'TAG_RESOLVE_FAILED')];
    for (const err of problems) diagnostics.push(yamlDiagnostic(file, err, source, ast));
    if (problems.length > 0) return;
    if (doc.contents === null) return; // an empty document, e.g. after a trailing `---`
    let value: unknown;
    try {
      value = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    } catch (err: unknown) {
      const deep = isStackOverflow(err);
      const start = doc.contents.range?.[0] ?? 0;
      diagnostics.push({
        code: deep ? 'yaml.too-deep' : 'yaml.alias-limit',
        severity: 'error',
        message: deep
          ? text('Tài liệu lồng nhau quá sâu để đọc.', 'The document is nested too deeply to read.')
          : text(
              `Tài liệu dùng bí danh (alias *…) quá nhiều lần (giới hạn ${MAX_ALIAS_COUNT}); có thể là tấn công "billion laughs".`,
              `The document expands aliases (*…) too many times (limit ${MAX_ALIAS_COUNT}); possibly a "billion laughs" attack.`,
            ),
        file,
        range: rangeFromOffsets(ast.lineCounter, start, start + 1),
        path: [],
        fix: deep
          ? text('Giảm số cấp lồng nhau.', 'Reduce the nesting.')
          : text('Viết trực tiếp giá trị thay vì lặp lại bí danh.', 'Write the values out instead of repeating aliases.'),
      });
      return;
    }
    const start = doc.contents.range?.[0] ?? 0;
    docs.push({ file, index, value: normalizeStrings(value), range: rangeFromOffsets(ast.lineCounter, start, start) });
  });
  const hasContent = ast.docs.some((d) => d.contents !== null) || diagnostics.length > 0;
  if (!hasContent) {
    diagnostics.push({
      code: 'yaml.empty-file',
      severity: 'error',
      message: text('Tệp không có tài liệu YAML nào (rỗng hoặc chỉ có chú thích).', 'The file holds no YAML document (empty or comments only).'),
      file,
      range: { start: { line: 1, col: 1 }, end: { line: 1, col: 1 } },
      path: [],
      fix: text('Khai báo một thực thể (apiVersion, kind, id, name) hoặc xóa tệp.', 'Declare an entity (apiVersion, kind, id, name) or delete the file.'),
    });
  }
  return { docs, diagnostics, ast };
}
