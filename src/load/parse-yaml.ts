import type { Document, YAMLError } from 'yaml';
import { yamlLib } from './yaml-lib.js';
import type { Diagnostic } from '../core/diagnostic.js';
import { FILE_START, type Position, type Range } from '../core/source.js';
import { clip, text, type Text } from '../core/text.js';
import { checkAliases, MAX_ALIAS_EXPANSION, type AliasProblem } from './aliases.js';
import { normalizeStrings } from './decode.js';
import { inspectTree, MAX_DEPTH, scanTooDeep } from './depth.js';
import { fastParse } from './fast-yaml.js';
import { withIndentCauses } from './indent-errors.js';
import { LineIndex, parseAst, rangeFromOffsets, type FastPositions, type ParsedAst } from './locate.js';

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
  /** yaml's syntax trees, or the fast parser's flat positions: what the locator needs. */
  readonly ast?: ParsedAst | FastPositions;
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
  KEY_OVER_1024_CHARS: {
    code: 'yaml.syntax',
    msg: () => text('Khóa dài quá 1024 ký tự, hoặc thiếu dấu ":" sau khóa.', 'A key is longer than 1024 characters, or a ":" is missing after a key.'),
    fix: text('Rút ngắn khóa; giá trị dài đặt sau dấu ":".', 'Shorten the key; put long text after the ":".'),
  },
  BAD_SCALAR_START: {
    code: 'yaml.syntax',
    msg: (t) => text(`Giá trị không được bắt đầu bằng ký tự "${t.slice(0, 1)}" khi không đặt trong dấu nháy.`, `A value cannot start with "${t.slice(0, 1)}" unless it is quoted.`),
    fix: text('Đặt giá trị trong dấu nháy kép "…".', 'Put the value in double quotes "…".'),
  },
  BLOCK_AS_IMPLICIT_KEY: {
    code: 'yaml.syntax',
    msg: () => text('Đối tượng hoặc danh sách lồng nhau phải bắt đầu ở dòng mới, thụt lề sâu hơn khóa.', 'A nested mapping or list must start on a new line, indented under its key.'),
    fix: text('Xuống dòng sau dấu ":" và thụt lề 2 dấu cách.', 'Break the line after ":" and indent by 2 spaces.'),
  },
  UNEXPECTED_TOKEN: {
    code: 'yaml.syntax',
    msg: (t) => text(`Ký tự không mong đợi "${t.slice(0, 20)}".`, `Unexpected "${t.slice(0, 20)}".`),
    fix: text('Kiểm tra dấu ngoặc, dấu nháy và dấu ":" ở dòng này.', 'Check the brackets, quotes and ":" on this line.'),
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

/** The first flow collection (`[…`, `{…`) that never got its closing bracket. */
function unclosedFlowStart(doc: Document.Parsed, source: string): number | undefined {
  const stack: unknown[] = [doc.contents];
  while (stack.length > 0) {
    const node = stack.pop();
    if (!yamlLib().isCollection(node)) continue;
    const [s, e] = node.range ?? [0, 0];
    if (node.flow) {
      const close = source[s] === '[' ? ']' : '}';
      if (source.slice(s, e).trimEnd().slice(-1) !== close) return s;
    }
    const kids: unknown[] = [];
    for (const item of node.items as unknown[]) {
      if (yamlLib().isPair(item)) kids.push(item.key, item.value);
      else kids.push(item);
    }
    for (let k = kids.length - 1; k >= 0; k--) stack.push(kids[k]);
  }
  return undefined;
}

function yamlDiagnostic(file: string, err: YAMLError, source: string, ast: ParsedAst, doc: Document.Parsed): Diagnostic {
  let [start, end] = err.pos;
  if (err.code === 'BAD_INDENT' && /end with an? [\]}]/.test(err.message)) {
    const opened = unclosedFlowStart(doc, source);
    if (opened !== undefined) {
      const known = YAML_MESSAGES['MISSING_CHAR'] as (typeof YAML_MESSAGES)[string];
      return {
        code: known.code,
        severity: 'error',
        message: known.msg(''),
        file,
        range: rangeFromOffsets(ast.lineCounter, opened, opened + 1),
        path: [],
        fix: known.fix,
      };
    }
  }
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

/**
 * A tab used for indentation throws the parser off for the rest of the document: what it reports after
 * the tab (keys "spanning lines", bad indentation of lines that are fine) is an echo. The problems
 * before the first tab, every tab, and the first other problem after it are kept.
 */
function withoutTabEchoes(problems: readonly YAMLError[]): YAMLError[] {
  const firstTab = problems.filter((e) => e.code === 'TAB_AS_INDENT').reduce((min, e) => Math.min(min, e.pos[0]), Number.POSITIVE_INFINITY);
  if (firstTab === Number.POSITIVE_INFINITY) return [...problems];
  let echoKept = false;
  return [...problems]
    .sort((a, b) => a.pos[0] - b.pos[0])
    .filter((e) => {
      if (e.code === 'TAB_AS_INDENT' || e.pos[0] < firstTab) return true;
      if (echoKept) return false;
      echoKept = true;
      return true;
    });
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

/** True when `&name` is written in `before` (an earlier document of the same file). */
function anchoredBefore(before: string, name: string): boolean {
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(?:^|[\\s\\[{,:-])&${escaped}(?=[\\s,\\]}]|$)`, 'm').test(before);
}

function aliasDiagnostic(file: string, problem: AliasProblem, ast: ParsedAst, docStart: number, before = ''): Diagnostic {
  const at = problem.kind === 'too-large' ? docStart : problem.offset;
  const range = rangeFromOffsets(ast.lineCounter, at, at + 1);
  const base = { severity: 'error' as const, file, range, path: [] };
  switch (problem.kind) {
    case 'unknown':
      if (anchoredBefore(before, problem.name)) {
        return {
          ...base,
          code: 'yaml.unknown-alias',
          message: text(
            `Bí danh "*${clip(problem.name)}" trỏ tới neo "&${clip(problem.name)}" của một tài liệu trước trong tệp; neo không có hiệu lực qua dấu "---" ngăn cách tài liệu.`,
            `Alias "*${clip(problem.name)}" names the anchor "&${clip(problem.name)}" of an earlier document in the file; anchors do not cross "---" document boundaries.`,
          ),
          fix: text(
            `Viết trực tiếp giá trị ở đây, hoặc khai báo lại neo &${clip(problem.name)} trong chính tài liệu này.`,
            `Write the value out here, or declare the &${clip(problem.name)} anchor again in this document.`,
          ),
        };
      }
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

/** No content at all: nothing, or only comments, between `---` markers (an explicit `null` is content). */
function isEmptyDoc(doc: Document.Parsed): boolean {
  const c = doc.contents;
  return c === null || (yamlLib().isScalar(c) && c.value === null && c.source === '' && !c.tag && !c.anchor);
}

function emptyFile(file: string): Diagnostic {
  return {
    code: 'yaml.empty-file',
    severity: 'error',
    message: text('Tệp không có tài liệu YAML nào (rỗng hoặc chỉ có chú thích).', 'The file holds no YAML document (empty or comments only).'),
    file,
    range: FILE_START,
    path: [],
    fix: text('Khai báo một thực thể (apiVersion, kind, id, name) hoặc xóa tệp.', 'Declare an entity (apiVersion, kind, id, name) or delete the file.'),
  };
}

/**
 * Parses one file's text into documents, reporting every YAML problem with its position. The fast
 * parser takes the files it fully understands (nearly all of them); anything else goes to `yaml`.
 */
/** An unquoted `<<` key somewhere: the careful parser names it (yaml.merge-key). */
const MERGE_KEY = /(?:^|[\s{,[-])<<[ \t]*:/m;

export function parseYamlFile(file: string, source: string): ParsedFile {
  if (source.includes('<<') && MERGE_KEY.test(source)) return parseWithYaml(file, source);
  const fast = fastParse(source, true);
  if (fast.ok) {
    const lines = fast.docs.length > 0 ? new LineIndex(source) : undefined;
    const docs = fast.docs.map((d) => ({ file, index: d.index, value: d.value, range: rangeFromOffsets(lines as LineIndex, d.start, d.start) }));
    return { docs, diagnostics: docs.length === 0 ? [emptyFile(file)] : [], ast: { positions: fast.positions, docs: fast.docs, lines } };
  }
  return parseWithYaml(file, source);
}

/** The careful path: yaml parses, and every problem becomes a located diagnostic. */
export function parseWithYaml(file: string, source: string): ParsedFile {
  const deepAt = scanTooDeep(source);
  if (deepAt >= 0) {
    const p = positionAt(source, deepAt);
    return { docs: [], diagnostics: [tooDeep(file, { start: p, end: { line: p.line, col: p.col + 1 } })] };
  }
  let ast: ParsedAst;
  try {
    ast = parseAst(source);
  } catch (err: unknown) {
    if (!isStackOverflow(err)) throw err;
    return { docs: [], diagnostics: [tooDeep(file, FILE_START)] };
  }
  const diagnostics: Diagnostic[] = [];
  let yamlErrors = 0;
  let omitted: Diagnostic | undefined;
  let omittedCount = 0;
  const seen = new Set<string>();
  const report = (d: Diagnostic): void => {
    const key = `${d.code}|${d.range.start.line}:${d.range.start.col}|${d.message.vi}`;
    if (seen.has(key)) return; // several parser errors often point at the same unclosed bracket
    seen.add(key);
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
    const tree = inspectTree(doc.contents);
    // The composer overflowed: its other errors are noise from the same nesting.
    const exhausted = doc.errors.find((e) => e.code === 'RESOURCE_EXHAUSTION');
    if (exhausted) {
      const at = tree.deep >= 0 ? tree.deep : exhausted.pos[0];
      report(tooDeep(file, rangeFromOffsets(ast.lineCounter, at, at + 1)));
      return;
    }
    const problems = withoutTabEchoes([...doc.errors, ...doc.warnings.filter((w) => w.code === 'TAG_RESOLVE_FAILED')]);
    const indents = withIndentCauses(file, problems, source, ast);
    for (const d of indents.found) report(d);
    for (const err of indents.rest) report(yamlDiagnostic(file, err, source, ast, doc));
    if (problems.length > 0) return;
    if (tree.deep >= 0) {
      report(tooDeep(file, rangeFromOffsets(ast.lineCounter, tree.deep, tree.deep + 1)));
      return;
    }
    if (isEmptyDoc(doc)) return; // an empty document, e.g. after a trailing `---`
    if (tree.badTag) {
      const [ts, te] = tree.badTag.range ?? [0, 1];
      const shown = (tree.badTag.tag ?? '').replace(/^tag:yaml\.org,2002:/, '!!');
      const known = YAML_MESSAGES['TAG_RESOLVE_FAILED'] as (typeof YAML_MESSAGES)[string];
      report({
        code: known.code,
        severity: 'error',
        message: known.msg(clip(shown)),
        file,
        range: rangeFromOffsets(ast.lineCounter, ts, Math.max(te, ts + 1)),
        path: [],
        fix: known.fix,
      });
      return;
    }
    if (tree.complexKey) {
      const [ks, ke] = tree.complexKey.range ?? [0, 1];
      report({
        code: 'yaml.complex-key',
        severity: 'error',
        message: text('Khóa phải là một chuỗi văn bản; khóa dạng danh sách, đối tượng hoặc bí danh không được hỗ trợ.', 'A key must be plain text; list, mapping or alias keys are not supported.'),
        file,
        range: rangeFromOffsets(ast.lineCounter, ks, Math.max(ke, ks + 1)),
        path: [],
        fix: text('Viết khóa là một từ, ví dụ "name:".', 'Write the key as a word, e.g. "name:".'),
      });
      return;
    }
    if (tree.mergeKey) {
      const [ks, ke] = tree.mergeKey.range ?? [0, 2];
      report({
        code: 'yaml.merge-key',
        severity: 'error',
        message: text(
          'Khóa gộp "<<" (YAML 1.1) không được hỗ trợ: kientruc đọc YAML 1.2, nên các trường trong "<<" không được gộp vào tài liệu.',
          'The "<<" merge key (YAML 1.1) is not supported: kientruc reads YAML 1.2, so the fields under "<<" are not merged into the document.',
        ),
        file,
        range: rangeFromOffsets(ast.lineCounter, ks, Math.max(ke, ks + 2)),
        path: [],
        fix: text(
          'Viết trực tiếp các trường (apiVersion, kind, …) trong tài liệu thay cho "<<: *tên"; mỗi tài liệu tự đầy đủ.',
          'Write the fields (apiVersion, kind, …) in the document itself instead of "<<: *name"; each document stands on its own.',
        ),
      });
      return;
    }
    const start = doc.contents?.range?.[0] ?? 0;
    const aliasProblem = checkAliases(doc.contents);
    if (aliasProblem) {
      report(aliasDiagnostic(file, aliasProblem, ast, start, source.slice(0, start)));
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
  const hasContent = ast.docs.some((d) => !isEmptyDoc(d)) || diagnostics.length > 0;
  if (!hasContent) diagnostics.push(emptyFile(file));
  return { docs, diagnostics, ast };
}
