import { lstat, readdir, readFile, realpath, stat } from 'node:fs/promises';
import { dirname, isAbsolute, join, relative } from 'node:path';
import type { Diagnostic } from '../core/diagnostic.js';
import { FILE_START } from '../core/source.js';
import { closest } from '../core/similar.js';
import { text } from '../core/text.js';
import { PROSE_FILES, type ProjectAssets, type ProseFile, type ProseKey, type TemplateOverride } from '../core/project-assets.js';
import { PACKAGE_ROOT } from '../core/paths.js';
import { decodeYamlBytes } from './decode.js';
import { displayPath } from './discover.js';

/**
 * Files besides the YAML that shape the strategy document, read here so renderers stay pure:
 * - prose the agency writes in Markdown, `<architecture>/strategy/<name>.md`;
 * - Handlebars partials overriding the built-in ones, `<repo>/templates/strategy/<name>.hbs`, where
 *   `<repo>` is the folder holding the architecture folder.
 * Nothing outside the architecture folder (prose) or the repo (templates) is ever read: a symlink
 * that resolves outside is reported and skipped.
 */

const MAX_BYTES = 1024 * 1024;

/** The package's own strategy partials; an override must carry one of these names. */
export const BUILTIN_TEMPLATES = join(PACKAGE_ROOT, 'templates', 'strategy');

export interface AssetOptions {
  readonly rootAbs: string;
  readonly cwd: string;
  /** Names of the built-in partials (`header.md.hbs`, …); defaults to the package's `templates/strategy/`. */
  readonly knownTemplates?: readonly string[];
}

function isInside(root: string, target: string): boolean {
  const rel = relative(root, target);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

async function exists(path: string): Promise<boolean> {
  return (await lstat(path).catch(() => undefined)) !== undefined;
}

/** Resolves `abs` and tells whether it stays inside `boundary` (both through symlinks). */
async function resolvesInside(boundaryReal: string, abs: string): Promise<boolean> {
  try {
    return isInside(boundaryReal, await realpath(abs));
  } catch {
    return false;
  }
}

function outside(file: string, what: 'prose' | 'template', boundary: string): Diagnostic {
  return {
    code: what === 'template' ? 'load.template-outside' : 'load.symlink-outside',
    severity: 'error',
    message:
      what === 'template'
        ? text(
            `Mẫu ghi đè trỏ ra ngoài thư mục dự án "${boundary}"; kientruc không đọc tệp này.`,
            `The template override resolves outside the project folder "${boundary}"; kientruc does not read it.`,
          )
        : text(
            `Tệp nội dung Chiến lược trỏ ra ngoài thư mục kiến trúc "${boundary}"; kientruc không đọc tệp này.`,
            `The strategy prose file resolves outside the architecture folder "${boundary}"; kientruc does not read it.`,
          ),
    file,
    range: FILE_START,
    path: [],
    fix: text('Sao chép tệp vào thư mục dự án thay vì liên kết ra ngoài.', 'Copy the file into the project instead of linking outside it.'),
  };
}

async function readText(abs: string, file: string, diagnostics: Diagnostic[]): Promise<string | undefined> {
  const info = await stat(abs);
  if (!info.isFile()) return undefined;
  if (info.size > MAX_BYTES) {
    diagnostics.push({
      code: 'load.file-too-large',
      severity: 'error',
      message: text('Tệp lớn hơn 1 MB; kientruc không đọc tệp này.', 'The file is larger than 1 MB; kientruc does not read it.'),
      file,
      range: FILE_START,
      path: [],
    });
    return undefined;
  }
  const decoded = decodeYamlBytes(await readFile(abs));
  if (!decoded.ok) {
    diagnostics.push({
      code: decoded.reason === 'invalid-utf8' ? 'load.invalid-utf8' : 'load.binary',
      severity: 'error',
      message: text('Tệp không phải văn bản UTF-8 hợp lệ.', 'The file is not valid UTF-8 text.'),
      file,
      range: { start: decoded.at, end: { line: decoded.at.line, col: decoded.at.col + 1 } },
      path: [],
      fix: text('Lưu lại tệp với bảng mã UTF-8.', 'Save the file as UTF-8.'),
    });
    return undefined;
  }
  return decoded.text.normalize('NFC');
}

/** Lists the regular entries of `dir` whose name ends with `suffix`, sorted; [] when the folder is absent. */
async function list(dir: string, suffix: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  return entries
    .filter((e) => e.name.endsWith(suffix) && !e.name.startsWith('.') && (e.isFile() || e.isSymbolicLink()))
    .map((e) => e.name)
    .sort();
}

/** Reads the strategy prose and template overrides of a project. Problems become located diagnostics. */
export async function loadProjectAssets(opts: AssetOptions): Promise<{ value: ProjectAssets; diagnostics: Diagnostic[] }> {
  const diagnostics: Diagnostic[] = [];
  const known = opts.knownTemplates ?? (await list(BUILTIN_TEMPLATES, '.hbs'));
  const rootReal = await realpath(opts.rootAbs);
  const repoAbs = dirname(opts.rootAbs);
  const repoReal = await realpath(repoAbs);
  const shown = (abs: string): string => displayPath(opts.cwd, abs);

  const prose: ProseFile[] = [];
  const proseDir = join(opts.rootAbs, 'strategy');
  if (await exists(proseDir)) {
    if (!(await resolvesInside(rootReal, proseDir))) {
      diagnostics.push(outside(shown(proseDir), 'prose', shown(opts.rootAbs)));
    } else {
      for (const name of await list(proseDir, '.md')) {
        const abs = join(proseDir, name);
        const key = (PROSE_FILES as Record<string, ProseKey>)[name];
        if (!key) {
          const guess = closest(name, Object.keys(PROSE_FILES));
          diagnostics.push({
            code: 'load.unknown-strategy-file',
            severity: 'warning',
            message: text(
              `Tệp "${name}" không phải tệp nội dung Chiến lược nào; kientruc bỏ qua.`,
              `"${name}" is not one of the strategy prose files; kientruc ignores it.`,
            ),
            file: shown(abs),
            range: FILE_START,
            path: [],
            fix: text(
              guess ? `Đổi tên thành "${guess}".` : `Dùng một trong: ${Object.keys(PROSE_FILES).join(', ')}.`,
              guess ? `Rename it to "${guess}".` : `Use one of: ${Object.keys(PROSE_FILES).join(', ')}.`,
            ),
          });
          continue;
        }
        if (!(await resolvesInside(rootReal, abs))) {
          diagnostics.push(outside(shown(abs), 'prose', shown(opts.rootAbs)));
          continue;
        }
        const body = await readText(abs, shown(abs), diagnostics);
        if (body !== undefined) prose.push({ key, file: shown(abs), text: body });
      }
    }
  }

  const templates: TemplateOverride[] = [];
  const templatesDir = join(repoAbs, 'templates', 'strategy');
  if (await exists(templatesDir)) {
    if (!(await resolvesInside(repoReal, templatesDir))) {
      diagnostics.push(outside(shown(templatesDir), 'template', shown(repoAbs)));
    } else {
      for (const name of await list(templatesDir, '.hbs')) {
        const abs = join(templatesDir, name);
        if (!(await resolvesInside(repoReal, abs))) {
          diagnostics.push(outside(shown(abs), 'template', shown(repoAbs)));
          continue;
        }
        if (!known.includes(name)) {
          const guess = closest(name, known);
          diagnostics.push({
            code: 'load.unknown-template',
            severity: 'warning',
            message: text(
              `Mẫu "${name}" không trùng tên mẫu nào của Chiến lược dữ liệu; kientruc bỏ qua.`,
              `"${name}" does not name any strategy template; kientruc ignores it.`,
            ),
            file: shown(abs),
            range: FILE_START,
            path: [],
            fix: text(
              guess ? `Đổi tên thành "${guess}".` : 'Xem danh sách mẫu trong docs/data-strategy.md của kientruc.',
              guess ? `Rename it to "${guess}".` : 'See the template list in docs/data-strategy.md of kientruc.',
            ),
          });
          continue;
        }
        const body = await readText(abs, shown(abs), diagnostics);
        if (body !== undefined) templates.push({ name, file: shown(abs), text: body });
      }
    }
  }
  return { value: { prose, templates, templatesDir: shown(templatesDir) }, diagnostics };
}
