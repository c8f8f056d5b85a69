import type { Document, YAMLError } from 'yaml';
import type { Diagnostic } from '../core/diagnostic.js';
import { FILE_START, type Position, type Range } from '../core/source.js';
import { clip, text, type Text } from '../core/text.js';
import { checkAliases, MAX_ALIAS_EXPANSION, type AliasProblem } from './aliases.js';
import { normalizeStrings } from './decode.js';
import { firstTooDeepNode, MAX_DEPTH, scanTooDeep } from './depth.js';
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

/** YAML problems listed per file; a file of garbage can make the parser report thousands. */
export const MAX_YAML_ERRORS = 20;

/** 1-based position of a character offset, without a parse (same columns as yaml's LineCounter). */
export function positionAt(source: string, offset: number): Position {
  let line = 1;
  let lineStart = 0;
  let nl = source.indexOf('\n');
  while (nl >= 0 && nl < offset) {
    line++;
    lineStart = nl + 1;
    nl = source.indexOf('\n', lineStart);
  }
  return { line, col: offset - lineStart + 1 };
}

function tooDeep(file: string, range: Range): Diagnostic {
  return {
    code: 'yaml.too-deep',
    severity: 'error',
    message: text(
      `Dữ liệu lồng nhau quá ${MAX_DEPTH} cấp; kientruc không đọc tài liệu này.`,
      `The data is nested more than ${MAX_DEPTH} levels deep; kientruc does not read this document.`,
    ),
    file,
    range,
    path: [],
    fix: text('Mỗi tài liệu kientruc chỉ cần vài cấp lồng nhau; kiểm tra lại dấu ngoặc và thụt lề từ vị trí này.', 'kientruc documents need only a few levels of nesting; check the brackets and indentation from here.'),
  };
}

function aliasDiagnostic(file: string, problem: AliasProblem, ast: ParsedAst, docStart: number): Diagnostic {
  const at = problem.kind === 'too-large' ? docStart : problem.offset;
  const range = rangeFromOffsets(ast.lineCounter, at, at + 1);
  const base = { severity: 'error' as const, file, range, path: [] };
  switch (problem.kind) {
    case 'unknown':
      return {
        ...base,
        code: 'yaml.unknown-alias',
        message: text(`Bí danh "*${clip(problem.name)}" không trỏ tới neo "&${clip(problem.name)}" nào đứng trước nó.`, `Alias "*${clip(problem.name)}" names no anchor "&${clip(problem.name)}" written before it.`),
        fix: text('Khai báo neo &tên trước khi dùng *tên, hoặc viết trực tiếp giá trị.', 'Declare the &name anchor before using *name, or write the value out.'),
      };
    case 'cycle':
      return {
        ...base,
        code: 'yaml.alias-cycle',
        message: text(`Bí danh "*${clip(problem.name)}" nằm bên trong chính neo "&${clip(problem.name)}" mà nó trỏ tới (vòng lặp vô hạn).`, `Alias "*${clip(problem.name)}" sits inside the very anchor it names (an endless loop).`),
        fix: text('Bỏ bí danh này hoặc viết trực tiếp giá trị.', 'Remove the alias or write the value out.'),
      };
    case 'too-large':
      return {
        ...base,
        code: 'yaml.alias-limit',
        message: text(
          `Tài liệu dùng bí danh (alias *…) sao chép quá nhiều dữ liệu (giới hạn ${MAX_ALIAS_COUNT} lần, ${MAX_ALIAS_EXPANSION} phần tử); có thể là tấn công "billion laughs".`,
          `The document's aliases (*…) copy too much data (limit ${MAX_ALIAS_COUNT} uses, ${MAX_ALIAS_EXPANSION} nodes); possibly a "billion laughs" attack.`,
        ),
        fix: text('Viết trực tiếp giá trị thay vì lặp lại bí danh.', 'Write the values out instead of repeating aliases.'),
      };
  }
}

/** Parses one file's text into documents, reporting every YAML problem with its position. */
export function parseYamlFile(file: string, source: string): ParsedFile {
  const deepAt = scanTooDeep(source);
  if (deepAt >= 0) {
    const p = positionAt(source, deepAt);
    return { docs: [], ast: parseAst(''), diagnostics: [tooDeep(file, { start: p, end: { line: p.line, col: p.col + 1 } })] };
  }
  let ast: ParsedAst;
  try {
    ast = parseAst(source);
  } catch (err: unknown) {
    if (!isStackOverflow(err)) throw err;
    return { docs: [], ast: parseAst(''), diagnostics: [tooDeep(file, FILE_START)] };
  }
  const diagnostics: Diagnostic[] = [];
  let yamlErrors = 0;
  let omitted: Diagnostic | undefined;
  let omittedCount = 0;
  const report = (d: Diagnostic): void => {
    if (yamlErrors < MAX_YAML_ERRORS) {
      yamlErrors++;
      diagnostics.push(d);
      return;
    }
    omittedCount++;
    omitted ??= d;
  };
  const docs: ParsedDoc[] = [];
  ast.docs.forEach((doc: Document.Parsed, index) => {
    const deepNode = firstTooDeepNode(doc.contents);
    const exhausted = doc.errors.find((e) => e.code === 'RESOURCE_EXHAUSTION');
    if (deepNode >= 0 || exhausted) {
      const at = deepNode >= 0 ? deepNode : (exhausted?.pos[0] ?? 0);
      report(tooDeep(file, rangeFromOffsets(ast.lineCounter, at, at + 1)));
      return;
    }
    const problems = [...doc.errors, ...doc.warnings.filter((w) => w.code === 'TAG_RESOLVE_FAILED')];
    for (const err of problems) report(yamlDiagnostic(file, err, source, ast));
    if (problems.length > 0) return;
    if (doc.contents === null) return; // an empty document, e.g. after a trailing `---`
    const start = doc.contents.range?.[0] ?? 0;
    const aliasProblem = checkAliases(doc.contents);
    if (aliasProblem) {
      report(aliasDiagnostic(file, aliasProblem, ast, start));
      return;
    }
    let value: unknown;
    try {
      value = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    } catch (err: unknown) {
      if (!(err instanceof ReferenceError) && !isStackOverflow(err)) throw err;
      report(aliasDiagnostic(file, { kind: 'too-large', expansion: Number.POSITIVE_INFINITY }, ast, start));
      return;
    }
    docs.push({ file, index, value: normalizeStrings(value), range: rangeFromOffsets(ast.lineCounter, start, start) });
  });
  if (omitted && omittedCount > 0) {
    diagnostics.push({
      code: 'yaml.too-many-errors',
      severity: 'error',
      message: text(
        `Tệp còn ${omittedCount} lỗi YAML khác từ vị trí này (không liệt kê); sửa các lỗi trên rồi chạy lại.`,
        `The file has ${omittedCount} more YAML errors from here on (not listed); fix the ones above and run again.`,
      ),
      file,
      range: omitted.range,
      path: [],
      fix: text('Kiểm tra tệp có đúng là YAML không, bắt đầu từ lỗi đầu tiên.', 'Check that the file is YAML at all, starting from the first error.'),
    });
  }
  const hasContent = ast.docs.some((d) => d.contents !== null) || diagnostics.length > 0;
  if (!hasContent) {
    diagnostics.push({
      code: 'yaml.empty-file',
      severity: 'error',
      message: text('Tệp không có tài liệu YAML nào (rỗng hoặc chỉ có chú thích).', 'The file holds no YAML document (empty or comments only).'),
      file,
      range: FILE_START,
      path: [],
      fix: text('Khai báo một thực thể (apiVersion, kind, id, name) hoặc xóa tệp.', 'Declare an entity (apiVersion, kind, id, name) or delete the file.'),
    });
  }
  return { docs, diagnostics, ast };
}
