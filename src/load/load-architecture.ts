import { closeSync, constants, existsSync, fstatSync, openSync, readdirSync, readSync, realpathSync } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import type { Diagnostic } from '../core/diagnostic.js';
import { UserError } from '../core/errors.js';
import type { Range } from '../core/source.js';
import { text, type Text } from '../core/text.js';
import { sha256, type Cache } from './cache.js';
import type { Position } from '../core/source.js';
import { discoverYamlFiles, displayPath, isYamlName, NOT_DOCUMENTS, pathBase, type DiscoveredFile, type Refusal } from './discover.js';
import { SourceIndex } from './locate.js';
import type { FileParse } from './parse-file.js';
import { ParsePool } from './parse-pool.js';
import { RunCache, type CachedDoc, type FileEntry } from './run-cache.js';
import type { ParsedDoc } from './parse-yaml.js';

/** Files above this size are refused before they are read (a 50 MB file must not stall CI). */
export const DEFAULT_MAX_FILE_BYTES = 8 * 1024 * 1024;

export interface LoadOptions {
  /** The architecture folder. */
  readonly root: string;
  /** Working directory: `root` is relative to it. */
  readonly cwd: string;
  /** What file paths in diagnostics are relative to; default: `pathBase` of the folder (its repository). */
  readonly base?: string | undefined;
  readonly maxFileBytes?: number;
  /** Content-hash cache: files parsed cleanly before are not parsed again. */
  readonly cache?: Cache | undefined;
  /** Parse in worker threads: when there is enough to parse (`auto`), never, or always (tests). */
  readonly parallel?: 'auto' | 'off' | 'force' | undefined;
  /**
   * Texts that override the disk, by absolute path (an editor's unsaved buffers). A YAML file of the
   * architecture folder that exists only here is read too; one deleted on disk but open still counts.
   */
  readonly overlay?: ReadonlyMap<string, string> | undefined;
  /** Told how much was read (files, bytes) once every file is read, before any parse is used (workers may have begun). */
  readonly onRead?: ((size: ReadSize) => void) | undefined;
  /**
   * Given each file's documents as soon as it is parsed (or taken from the cache), in file order, with
   * its content hash and the file already in `sources`: a caller can work on a file (validate it) while
   * the next ones are still being parsed.
   */
  readonly onFile?: ((file: LoadedFileDocs) => void) | undefined;
  /**
   * What a long-running caller (the daemon) knows from the last run: the files it vouches unchanged
   * since then (by their stat) are taken from `files` instead of being read and hashed again; every
   * file read is recorded there (overlay texts are not).
   */
  readonly known?: KnownFiles | undefined;
}

/** Bytes and content hash of files read before, by absolute path, and which of them the caller vouches unchanged. */
export interface KnownFiles {
  readonly unchanged: (abs: string) => boolean;
  readonly files: Map<string, { readonly bytes: Uint8Array; readonly sha: string }>;
}

export interface LoadedFileDocs {
  readonly file: string;
  readonly sha256: string;
  readonly docs: readonly ParsedDoc[];
  readonly sources: SourceIndex;
  /** The run's per-file cache (validation adds to it). */
  readonly cache: RunCache | undefined;
}

export interface ReadSize {
  readonly files: number;
  readonly bytes: number;
}

export interface LoadedFile {
  readonly file: string;
  readonly sha256: string;
  readonly bytes: number;
}

/** The text of a file that did not parse or decode (what model/pending.ts reads declared ids from). */
export interface UnparsedFile {
  readonly file: string;
  /** As decoded; a file that is not UTF-8 is read as Latin-1 (its ASCII, ids among it, survives). */
  readonly text: string;
}

export interface LoadResult {
  /** Display path of the architecture folder. */
  readonly root: string;
  /** The architecture folder, absolute, symbolic links resolved. */
  readonly rootAbs: string;
  /** The folder file paths are relative to (see `pathBase`). */
  readonly base: string;
  readonly docs: readonly ParsedDoc[];
  readonly files: readonly LoadedFile[];
  /** Every YAML path found, including those refused or unreadable (for "N/M files" summaries). */
  readonly paths: readonly string[];
  readonly sources: SourceIndex;
  readonly diagnostics: readonly Diagnostic[];
  /** Files with a document that did not parse, and files that did not decode, with their text. */
  readonly unparsed: readonly UnparsedFile[];
  /** The per-file cache of this run (validation adds to it; `flush()` writes it). */
  readonly cache: RunCache | undefined;
}

const AT_START: Range = { start: { line: 1, col: 1 }, end: { line: 1, col: 1 } };

const REFUSALS: Record<Refusal, { message: Text; fix: Text }> = {
  outside: {
    message: text('Liên kết tượng trưng trỏ ra ngoài thư mục kiến trúc; không được đọc.', 'Symbolic link points outside the architecture folder; it is not read.'),
    fix: text('Sao chép tệp vào thư mục kiến trúc thay vì liên kết.', 'Copy the file into the architecture folder instead of linking it.'),
  },
  broken: {
    message: text('Liên kết tượng trưng hỏng (đích không tồn tại hoặc lặp vòng); không được đọc.', 'Broken symbolic link (missing target or a loop); it is not read.'),
    fix: text('Xóa liên kết hoặc trỏ nó tới một tệp trong thư mục kiến trúc.', 'Remove the link or point it at a file inside the architecture folder.'),
  },
  special: {
    message: text('Không phải tệp thông thường (FIFO, socket hoặc thiết bị); không được đọc.', 'Not a regular file (FIFO, socket or device); it is not read.'),
    fix: text('Thay bằng một tệp YAML thông thường.', 'Replace it with a regular YAML file.'),
  },
};

function refusalDiagnostic(file: string, why: Refusal): Diagnostic {
  return {
    code: why === 'outside' ? 'load.symlink-outside' : why === 'broken' ? 'load.symlink-broken' : 'load.not-a-file',
    severity: 'error',
    message: REFUSALS[why].message,
    file,
    range: AT_START,
    path: [],
    fix: REFUSALS[why].fix,
  };
}

/**
 * Reads a file unless it is larger than `max` (checked on the open descriptor, before reading).
 * Synchronous on purpose: thousands of small files read faster without a promise per step.
 */
function readCapped(abs: string, max: number): Uint8Array | 'too-large' | 'special' {
  // O_NONBLOCK: a FIFO swapped in after discovery must not block the run.
  const fd = openSync(abs, constants.O_RDONLY | constants.O_NONBLOCK);
  try {
    const info = fstatSync(fd);
    if (!info.isFile()) return 'special';
    const size = info.size;
    if (size > max) return 'too-large';
    const buf = Buffer.allocUnsafe(size);
    let read = 0;
    while (read < size) {
      const n = readSync(fd, buf, read, size - read, read);
      if (n === 0) break;
      read += n;
    }
    return buf.subarray(0, read);
  } finally {
    closeSync(fd);
  }
}

function undecodable(file: string, reason: 'invalid-utf8' | 'binary', at: Position): Diagnostic {
  const range = { start: at, end: { line: at.line, col: at.col + 1 } };
  return reason === 'invalid-utf8'
    ? {
        code: 'load.invalid-utf8',
        severity: 'error',
        message: text('Tệp không phải UTF-8 hợp lệ (có thể lưu bằng bảng mã TCVN3/VNI hoặc Windows-1258).', 'The file is not valid UTF-8 (perhaps saved as TCVN3/VNI or Windows-1258).'),
        file,
        range,
        path: [],
        fix: text('Lưu lại tệp với bảng mã UTF-8 (Unicode dựng sẵn).', 'Save the file as UTF-8 (precomposed Unicode).'),
      }
    : {
        code: 'load.binary',
        severity: 'error',
        message: text(
          'Tệp chứa byte NUL: không phải tệp văn bản YAML (ảnh, tệp nén, hoặc văn bản lưu bằng UTF-16).',
          'The file contains NUL bytes: it is not a YAML text file (an image, an archive, or text saved as UTF-16).',
        ),
        file,
        range,
        path: [],
        fix: text('Lưu lại bằng UTF-8, hoặc xóa tệp nhị phân khỏi thư mục kiến trúc.', 'Save it as UTF-8, or remove the binary file from the architecture folder.'),
      };
}

/** The overlay keyed by real paths (the folder is read from its real path; an editor may name it through a link). */
function realOverlay(overlay: ReadonlyMap<string, string> | undefined): ReadonlyMap<string, string> | undefined {
  if (!overlay || overlay.size === 0) return overlay;
  const out = new Map<string, string>();
  for (const [abs, text] of overlay) {
    let real = abs;
    try {
      real = join(realpathSync(dirname(abs)), basename(abs));
    } catch {
      // A folder not on disk yet: keep the path as given.
    }
    out.set(real, text);
  }
  return out;
}

/** Adds the overlay's YAML files under `rootAbs` that discovery did not find on disk, in path order. */
function withOverlay(found: DiscoveredFile[], rootAbs: string, base: string, overlay: ReadonlyMap<string, string> | undefined): DiscoveredFile[] {
  if (!overlay || overlay.size === 0) return found;
  const known = new Set(found.map((f) => f.abs));
  const extra: DiscoveredFile[] = [];
  for (const abs of overlay.keys()) {
    if (known.has(abs) || !isYamlName(abs) || NOT_DOCUMENTS.has(basename(abs))) continue;
    const rel = relative(rootAbs, abs);
    if (rel === '' || rel.startsWith('..') || isAbsolute(rel) || rel.split(sep).some((part) => part.startsWith('.') || part === 'node_modules')) continue;
    extra.push({ abs, display: displayPath(base, abs) });
  }
  if (extra.length === 0) return found;
  return [...found, ...extra].sort((a, b) => (a.display < b.display ? -1 : a.display > b.display ? 1 : 0));
}

/**
 * The documents of a cached file content: made once per cached list and file (a long-running process
 * loads the same cached entries at every request; the same objects let validation and the model
 * take what they derived from them last time).
 */
const DOCS = new WeakMap<readonly CachedDoc[], { readonly file: string; readonly docs: readonly ParsedDoc[] }>();

function docsOf(file: string, cached: readonly CachedDoc[]): readonly ParsedDoc[] {
  const known = DOCS.get(cached);
  if (known !== undefined && known.file === file) return known.docs;
  const docs = cached.map((d) => ({ file, index: d.i, value: d.v, range: { start: { line: d.l, col: d.c }, end: { line: d.l, col: d.c } } }));
  DOCS.set(cached, { file, docs });
  return docs;
}

/**
 * The first thing a new user sees when the folder is not where the command looks (`kientruc check` run
 * beside the YAML instead of above it, or in a repository whose folder has another name): the folders
 * near the working directory that hold an `agency.yaml` are named, so the fix is one copy away.
 */
function missingFolder(shown: string, cwd: string): UserError {
  const found: string[] = [];
  const has = (dir: string): boolean => AGENCY_FILES.some((f) => existsSync(join(dir, f)));
  if (has(cwd)) found.push('.');
  const sub = (dir: string): string[] => {
    try {
      return readdirSync(dir, { withFileTypes: true })
        .filter((e) => e.isDirectory() && !e.name.startsWith('.') && e.name !== 'node_modules')
        .map((e) => e.name)
        .sort();
    } catch {
      return [];
    }
  };
  // Two levels: `kien-truc/` and `docs/kien-truc/` are both common; a deeper search would be slow in a large repository.
  for (const a of sub(cwd)) {
    if (has(join(cwd, a))) found.push(a);
    else for (const b of sub(join(cwd, a))) if (has(join(cwd, a, b))) found.push(`${a}/${b}`);
  }
  const list = found.slice(0, 3).map((f) => `"${f}"`).join(', ');
  if (found.length > 0) {
    return new UserError(
      text(
        `Không tìm thấy thư mục kiến trúc "${shown}". Có agency.yaml trong ${list}: nêu thư mục đó sau lệnh, ví dụ "kientruc check ${found[0]}".`,
        `No architecture folder "${shown}". There is an agency.yaml in ${list}: give that folder after the command, e.g. "kientruc check ${found[0]}".`,
      ),
    );
  }
  return new UserError(
    text(
      `Không tìm thấy thư mục kiến trúc "${shown}". Nêu thư mục chứa agency.yaml sau lệnh (ví dụ "kientruc check kien-truc"), hoặc tạo kho mới: kientruc init . --name "Tên cơ quan".`,
      `No architecture folder "${shown}". Give the folder that holds agency.yaml after the command (e.g. "kientruc check kien-truc"), or start one: kientruc init . --name "Agency name".`,
    ),
  );
}

/** The agency's file as `kientruc init` writes it, and its other spelling. */
const AGENCY_FILES = ['agency.yaml', 'agency.yml'];

/** Reads and parses every YAML file of an architecture folder. Problems in files become diagnostics. */
export async function loadArchitecture(opts: LoadOptions): Promise<LoadResult> {
  const given = resolve(opts.cwd, opts.root);
  const shown = displayPath(opts.cwd, given);
  const info = await stat(given).catch(() => undefined);
  if (!info) throw missingFolder(shown, opts.cwd);
  if (!info.isDirectory()) {
    throw new UserError(
      text(`"${shown}" không phải là thư mục. Chỉ định thư mục chứa các tệp YAML kiến trúc (agency.yaml…).`, `"${shown}" is not a folder. Name the folder that holds the architecture's YAML files (agency.yaml…).`),
    );
  }
  // Paths in every output are relative to the repository, from the folder's real path: the same
  // whatever the working directory and however the folder is spelled (docs/outputs.md).
  const rootAbs = await realpath(given);
  const base = opts.base ?? (await pathBase(rootAbs));
  const root = displayPath(base, rootAbs);

  const max = opts.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
  const diagnostics: Diagnostic[] = [];
  const docs: ParsedDoc[] = [];
  const files: LoadedFile[] = [];
  const unparsed: UnparsedFile[] = [];
  const runCache = opts.cache ? new RunCache(opts.cache, rootAbs) : undefined;
  const sources = new SourceIndex(undefined, runCache);
  const overlay = realOverlay(opts.overlay);
  const discovered = withOverlay(await discoverYamlFiles(rootAbs, base), rootAbs, base, overlay);

  // 1. Read and hash every file (cheap), taking what the cache knows, and hand the rest to the parse
  // pool as read (its workers, when worth it, start parsing while the rest is read); 2. assemble, in
  // file order, exactly as a sequential run would, each file as soon as its parse is done.
  type Slot =
    | { readonly kind: 'done'; readonly diagnostics: readonly Diagnostic[] }
    | { readonly kind: 'hit'; readonly file: string; readonly bytes: Uint8Array; readonly sha: string; readonly entry: FileEntry }
    | { readonly kind: 'parse'; readonly file: string; readonly bytes: Uint8Array; readonly sha: string; readonly entry: FileEntry | undefined; readonly item: number };
  const slots: Slot[] = [];
  const pool = new ParsePool(opts.parallel ?? 'auto');
  for (const f of discovered) {
    if (f.refused) {
      slots.push({ kind: 'done', diagnostics: [refusalDiagnostic(f.display, f.refused)] });
      continue;
    }
    let bytes: Uint8Array | 'too-large' | 'special';
    const over = overlay?.get(f.abs);
    const kept = over === undefined && opts.known?.unchanged(f.abs) ? opts.known.files.get(f.abs) : undefined;
    try {
      bytes = kept ? kept.bytes : over === undefined ? readCapped(f.abs, max) : Buffer.from(over, 'utf8');
    } catch (err: unknown) {
      slots.push({
        kind: 'done',
        diagnostics: [
          {
            code: 'load.unreadable',
            severity: 'error',
            message: text(`Không đọc được tệp: ${(err as Error).message}`, `Cannot read the file: ${(err as Error).message}`),
            file: f.display,
            range: AT_START,
            path: [],
            fix: text('Kiểm tra quyền đọc tệp.', 'Check the file permissions.'),
          },
        ],
      });
      continue;
    }
    if (bytes === 'special') {
      slots.push({ kind: 'done', diagnostics: [refusalDiagnostic(f.display, 'special')] });
      continue;
    }
    if (bytes === 'too-large') {
      const mb = (max / 1024 / 1024).toFixed(0);
      slots.push({
        kind: 'done',
        diagnostics: [
          {
            code: 'load.file-too-large',
            severity: 'error',
            message: text(`Tệp lớn hơn ${mb} MB; kientruc không đọc tệp này.`, `The file is larger than ${mb} MB; kientruc does not read it.`),
            file: f.display,
            range: AT_START,
            path: [],
            fix: text('Tách thành nhiều tệp nhỏ (mỗi thực thể một tài liệu), hoặc dùng --max-file-size.', 'Split it into smaller files, or raise --max-file-size.'),
          },
        ],
      });
      continue;
    }
    const sha = kept ? kept.sha : sha256(bytes);
    if (over === undefined && !kept) opts.known?.files.set(f.abs, { bytes, sha });
    // The same content was parsed cleanly by this version of kientruc before: take its documents.
    const entry = runCache?.entry(f.display, sha);
    if (entry && Array.isArray(entry.docs)) {
      slots.push({ kind: 'hit', file: f.display, bytes, sha, entry });
      continue;
    }
    slots.push({ kind: 'parse', file: f.display, bytes, sha, entry, item: pool.add({ file: f.display, bytes }) });
  }
  const read = slots.filter((s) => s.kind !== 'done') as Exclude<Slot, { kind: 'done' }>[];
  pool.end();
  opts.onRead?.({ files: read.length, bytes: read.reduce((n, s) => n + s.bytes.length, 0) });

  for (const slot of slots) {
    if (slot.kind === 'done') {
      diagnostics.push(...slot.diagnostics);
      continue;
    }
    if (slot.kind === 'hit') {
      files.push({ file: slot.file, bytes: slot.bytes.length, sha256: slot.sha });
      const mine = docsOf(slot.file, slot.entry.docs ?? []);
      for (const d of mine) docs.push(d);
      sources.addBytes(slot.file, slot.bytes, slot.entry);
      opts.onFile?.({ file: slot.file, sha256: slot.sha, docs: mine, sources, cache: runCache });
      continue;
    }
    const r: FileParse = await pool.get(slot.item);
    if (!r.ok) {
      diagnostics.push(undecodable(slot.file, r.reason, r.at));
      if (r.reason === 'invalid-utf8') unparsed.push({ file: slot.file, text: Buffer.from(slot.bytes).toString('latin1') });
      continue;
    }
    files.push({ file: slot.file, bytes: slot.bytes.length, sha256: slot.sha });
    const parsed = r.parsed;
    sources.addFile(slot.file, r.text, parsed.ast, slot.entry);
    for (const d of parsed.docs) docs.push(d);
    for (const d of parsed.diagnostics) diagnostics.push(d);
    if (parsed.diagnostics.length > 0) unparsed.push({ file: slot.file, text: r.text });
    opts.onFile?.({ file: slot.file, sha256: slot.sha, docs: parsed.docs, sources, cache: runCache });
    if (slot.entry && runCache && parsed.diagnostics.length === 0) {
      slot.entry.docs = parsed.docs.map((d) => ({ i: d.index, v: d.value, l: d.range.start.line, c: d.range.start.col }));
      runCache.touch(slot.file);
    }
  }
  if (discovered.length === 0) {
    diagnostics.push({
      code: 'load.no-files',
      severity: 'error',
      message: text(`Thư mục "${root}" không có tệp YAML nào.`, `Folder "${root}" holds no YAML file.`),
      file: root,
      range: AT_START,
      path: [],
      fix: text('Chạy "kientruc init" để tạo bộ tệp mẫu, hoặc chỉ định đúng thư mục.', 'Run "kientruc init" to scaffold files, or point to the right folder.'),
    });
  }
  return { root, rootAbs, base, docs, files, paths: discovered.map((f) => f.display), sources, diagnostics, unparsed, cache: runCache };
}
