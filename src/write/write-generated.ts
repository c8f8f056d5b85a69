/**
 * The one place kientruc writes generated files. Every writing command claims its output folder first
 * (`claimOutput`: refuses dangerous folders at once, before any work), then hands the files to
 * `writeGenerated`, which:
 *  - replaces or deletes only files a kientruc manifest lists (`.kientruc-manifest.json`, kept in the
 *    output folder), never a file it did not write;
 *  - stages everything before touching the output, so a failed, full or interrupted run leaves the
 *    previous output whole, and removes its temp files on every failure;
 *  - swaps a whole folder with two renames where it can, and replaces file by file (each one atomic)
 *    where a rename cannot (a mount point: EXDEV, EBUSY; foreign files the user keeps beside ours);
 *  - creates files and folders with the usual modes under the user's umask (0644/0755 by default);
 *  - reports the machine's refusals (ENOSPC, EACCES, EROFS…) as one line naming the path.
 * Rules and examples: docs/outputs.md.
 */
import { randomBytes } from 'node:crypto';
import { closeSync, fstatSync, linkSync, openSync, readSync } from 'node:fs';
import { lstat, mkdir, open, readdir, readFile, realpath, rename, rm, rmdir, stat, unlink, writeFile } from 'node:fs/promises';
import { basename, dirname, extname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { InternalError, osErrorCode, osUserError, UserError } from '../core/errors.js';
import { text } from '../core/text.js';
import { makeFolders } from './make-folder.js';
import type { GeneratedFile } from '../render/types.js';
import {
  CHOOSE_ANOTHER,
  exists,
  filesOf,
  holdsForeignLooking,
  isFsRoot,
  listTree,
  MANIFEST,
  manifestJson,
  OLD_PREFIX,
  OUTPUT_EXTENSIONS,
  ownedFiles,
  readManifest,
  refusal,
  safeRelative,
  speaksFor,
  TMP_PREFIX,
  leftByDeadRun,
  type EntryKind,
} from './ownership.js';

export { MANIFEST, manifestJson, OLD_PREFIX, TMP_PREFIX } from './ownership.js';

/**
 * Moments of a write, in order. `onStep` is called at each (tests use it to interrupt a real build at
 * a known moment; see tests/robust/interrupted-build.test.ts).
 */
export type WriteStep = 'staging' | 'staging-half' | 'staged' | 'swapped-out' | 'swapped-in' | 'done';

export interface WriteOptions {
  readonly onStep?: ((step: WriteStep) => void | Promise<void>) | undefined;
}

export type WriteMode =
  /** The folder becomes `files`: files kientruc wrote before and does not write now are deleted. */
  | 'replace'
  /** `files` are added or replaced; kientruc's other files there stay. */
  | 'merge';

/** An output folder that passed `claimOutput`; the only way to get one. */
export interface OutputDir {
  /** Absolute, with symbolic links resolved (a link to the folder stays a link). */
  readonly path: string;
  /** As the user wrote it, for messages. */
  readonly shown: string;
  /** `--force`: write beside files kientruc did not write (never replacing or deleting them). */
  readonly force: boolean;
  /** Recorded in the manifest. */
  readonly version: string;
}

export interface ClaimOptions {
  /** `--out` as the user wrote it. */
  readonly out: string;
  readonly cwd: string;
  /** The architecture folder(s) the command reads: the output may be neither inside nor around them. */
  readonly sources: readonly string[];
  /** The user's home folder (HOME). */
  readonly home?: string | undefined;
  readonly force?: boolean | undefined;
  readonly version: string;
}

function isInside(parent: string, child: string): boolean {
  const rel = relative(parent, child);
  return rel !== '' && !rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel);
}

/** `path` with links resolved as far as it exists (the rest appended): where a write would really land. */
async function realPathOf(path: string, shown: string): Promise<string> {
  const tail: string[] = [];
  let at = path;
  for (;;) {
    try {
      const real = await realpath(at);
      return tail.length ? join(real, ...tail.reverse()) : real;
    } catch (err: unknown) {
      const code = osErrorCode(err);
      if (code === 'ENOENT' && dirname(at) !== at) {
        tail.push(basename(at));
        at = dirname(at);
        continue;
      }
      if (code === 'ENOTDIR') {
        throw refusal(shown, text('một phần của đường dẫn là tệp, không phải thư mục', 'part of the path is a file, not a folder'), CHOOSE_ANOTHER);
      }
      throw osUserError(err, shown, 'use') ?? err;
    }
  }
}

/**
 * Checks `--out` before any work and resolves it. Refuses (exit 2, one line: the path, why, what to do)
 * an empty path, the file-system root, the home folder, the architecture folder, a folder inside or
 * around it, a git repository (or its .git), an existing file, and a non-empty folder kientruc does not
 * manage (unless `force`). A folder written by a kientruc older than manifests is recognised at write
 * time (see `writeGenerated`).
 */
export async function claimOutput(o: ClaimOptions): Promise<OutputDir> {
  const shown = o.out;
  if (o.out.trim() === '') {
    throw refusal(shown, text('đường dẫn rỗng (sẽ là thư mục hiện tại)', 'the path is empty (it would be the current folder)'), CHOOSE_ANOTHER);
  }
  const path = await realPathOf(resolve(o.cwd, o.out), shown);
  if (isFsRoot(path)) throw refusal(shown, text('đây là thư mục gốc của hệ thống tệp', 'it is the root of the file system'), CHOOSE_ANOTHER);
  if (o.home !== undefined && o.home !== '') {
    const home = await realpath(o.home).catch(() => resolve(o.home as string));
    if (home === path) throw refusal(shown, text('đây là thư mục nhà (home) của bạn', 'it is your home folder'), CHOOSE_ANOTHER);
  }
  if (path.split(sep).includes('.git')) {
    throw refusal(shown, text('đường dẫn nằm trong thư mục .git của một kho git', "the path is inside a git repository's .git folder"), CHOOSE_ANOTHER);
  }
  for (const source of o.sources) {
    const src = await realpath(resolve(o.cwd, source)).catch(() => undefined);
    if (src === undefined) continue;
    const name = relative(o.cwd, src).split(sep).join('/') || '.';
    if (src === path) throw refusal(shown, text(`đây là thư mục kiến trúc ${name}`, `it is the architecture folder ${name}`), CHOOSE_ANOTHER);
    if (isInside(src, path)) throw refusal(shown, text(`thư mục nằm trong thư mục kiến trúc ${name}`, `it is inside the architecture folder ${name}`), CHOOSE_ANOTHER);
    if (isInside(path, src)) throw refusal(shown, text(`thư mục chứa thư mục kiến trúc ${name}`, `it contains the architecture folder ${name}`), CHOOSE_ANOTHER);
  }
  const info = await stat(path).catch(() => undefined);
  if (info && !info.isDirectory()) {
    throw refusal(shown, text('đây là một tệp đã có, không phải thư mục', 'it is an existing file, not a folder'), text('Chọn tên thư mục, ví dụ --out generated', 'Name a folder, e.g. --out generated'));
  }
  if (info && (await exists(join(path, '.git')))) {
    throw refusal(shown, text('thư mục chứa .git (gốc của một kho git)', 'it holds .git (the root of a git repository)'), CHOOSE_ANOTHER);
  }
  const out: OutputDir = { path, shown, force: o.force === true, version: o.version };
  if (info && !out.force && (await holdsForeignLooking(path))) {
    // Early answer for a folder that cannot be ours: it holds a file of a kind kientruc never writes, and
    // no manifest speaks for it. (A folder holding only kinds kientruc writes is decided at write time.)
    if (!(await speaksFor(path))) throw foreign(out);
  }
  return out;
}

function foreign(out: OutputDir): UserError {
  return refusal(
    out.shown,
    text(`thư mục không trống và không do kientruc quản lý (không có ${MANIFEST})`, `the folder is not empty and kientruc does not manage it (no ${MANIFEST})`),
    text(
      'Chọn thư mục trống hoặc chưa có; hoặc thêm --force để ghi bên cạnh các tệp đang có (không tệp nào của bạn bị xóa hay ghi đè)',
      'Choose an empty or new folder; or add --force to write beside the files there (none of yours is deleted or overwritten)',
    ),
  );
}

function collision(out: OutputDir, rel: string, why: ReturnType<typeof text>): UserError {
  return refusal(
    `${out.shown.replace(/[\\/]+$/, '')}/${rel}`,
    why,
    text('Chuyển hoặc đổi tên nó, hoặc chọn --out khác', 'Move or rename it, or choose another --out'),
  );
}

/** Turns a system error into one line naming the output (a bug stays a bug). */
function userFacing(err: unknown, out: OutputDir, rel?: string): unknown {
  if (err instanceof UserError || err instanceof InternalError) return err;
  const shown = rel === undefined ? out.shown : `${out.shown.replace(/[\\/]+$/, '')}/${rel}`;
  return osUserError(err, shown) ?? err;
}

/** `mkdir -p` that reports the real cause (see `makeFolders`). Returns the first folder created. */
async function mkdirp(dir: string): Promise<string | undefined> {
  return makeFolders(dir);
}

/** `.kientruc-tmp-<pid>-<random>`: the pid lets a later run tell a dead run's leftovers from a live one's. */
function tmpName(): string {
  return `${TMP_PREFIX}${process.pid}-${randomBytes(6).toString('hex')}`;
}

/** Puts back an output folder left aside by a run killed between its two renames; removes stale temp files. */
async function recover(outDir: string): Promise<void> {
  const parent = dirname(outDir);
  let entries: string[];
  try {
    entries = await readdir(parent);
  } catch {
    return;
  }
  const prefix = `${OLD_PREFIX}${basename(outDir)}-`;
  for (const old of entries.filter((e) => e.startsWith(prefix)).sort()) {
    if (!(await exists(outDir))) await rename(join(parent, old), outDir);
    else await rm(join(parent, old), { recursive: true, force: true });
  }
  for (const e of entries.filter((x) => leftByDeadRun(x, TMP_PREFIX))) await rm(join(parent, e), { recursive: true, force: true });
  // Temp files staged beside their targets by a run that was killed.
  for (const [p, kind] of await listTree(outDir).catch(() => new Map<string, EntryKind>())) {
    if (kind !== 'link' && leftByDeadRun(basename(p), TMP_PREFIX)) await rm(join(outDir, p), { recursive: true, force: true });
  }
}

/** Files with this run's names a folder without manifest must hold to be taken for an older kientruc's output. */
export const LEGACY_MIN_FILES = 10;

interface Plan {
  readonly exists: boolean;
  /** Files kientruc owns in the folder now (that exist). */
  readonly owned: ReadonlySet<string>;
  /** Owned files this write deletes (`replace`). */
  readonly stale: readonly string[];
  /** What the manifest lists afterwards. */
  readonly listed: readonly string[];
  /** The folder holds only kientruc's files (so it may be swapped whole). */
  readonly onlyOwned: boolean;
  /**
   * False when the manifest of the folder around it already lists every file written and the folder has
   * none of its own (`schema --out generated/schema` after a build): nothing new to record, and
   * `build --check` stays clean.
   */
  readonly manifest: boolean;
  /**
   * Owned regular files reached through real folders only (no link on the way): a whole-folder swap
   * may carry one over into the new folder when it holds exactly the bytes this write would put there.
   */
  readonly reusable: ReadonlySet<string>;
}

/** Decides what the write may touch, or refuses. */
async function plan(out: OutputDir, paths: readonly string[], mode: WriteMode): Promise<Plan> {
  const info = await stat(out.path).catch(() => undefined);
  if (!info) return { exists: false, owned: new Set(), stale: [], listed: paths, onlyOwned: true, manifest: true, reusable: new Set() };
  if (!info.isDirectory()) throw refusal(out.shown, text('đây là một tệp đã có, không phải thư mục', 'it is an existing file, not a folder'), CHOOSE_ANOTHER);
  const tree = await listTree(out.path);
  const files = filesOf(tree);
  const found = await ownedFiles(out.path, tree);
  let owned = new Set([...found.owned].filter((f) => tree.has(f) && tree.get(f) !== 'dir'));
  if (files.length > 0 && !found.managed) {
    // A kientruc older than manifests wrote this folder when it holds only kinds of file kientruc writes,
    // and at least half of what this very run writes, ten files or more (a user's own README.md or
    // gap-report.md is never mistaken for ours). It is taken over when it holds nothing else (so nothing
    // is deleted); otherwise the user is told which command to run.
    const produced = new Set(paths);
    const present = files.filter((f) => produced.has(f)).length;
    const kinds = !found.invalid && files.length >= LEGACY_MIN_FILES && files.every((f) => OUTPUT_EXTENSIONS.has(extname(f).toLowerCase()) && !f.split('/').some((x) => x.startsWith('.')));
    const others = files.filter((f) => !produced.has(f)).sort();
    if (kinds && present >= LEGACY_MIN_FILES && present * 2 >= paths.length && others.length === 0) owned = new Set(files);
    else if (kinds && !out.force) {
      throw refusal(
        out.shown,
        others.length > 0
          ? text(
              `thư mục có vẻ do một phiên bản kientruc cũ tạo (chưa có ${MANIFEST}) nhưng có ${others.length} tệp lần chạy này không tạo, ví dụ ${JSON.stringify(others[0])}`,
              `the folder looks like an older kientruc's output (no ${MANIFEST}) but holds ${others.length} files this run does not write, e.g. ${JSON.stringify(others[0])}`,
            )
          : text(
              `thư mục có vẻ do một phiên bản kientruc cũ tạo (chưa có ${MANIFEST}) nhưng chỉ có ${present} trong ${paths.length} tệp lần chạy này tạo`,
              `the folder looks like an older kientruc's output (no ${MANIFEST}) but holds only ${present} of the ${paths.length} files this run writes`,
            ),
        text(
          'Chạy một lần lệnh đã tạo nó (thường là kientruc build, không có --no-render) để kientruc nhận quản lý thư mục, hoặc chuyển thư mục đi',
          'Run the command that wrote it once (usually kientruc build, without --no-render) so kientruc takes it over, or move the folder away',
        ),
      );
    } else if (!out.force) throw foreign(out);
  }
  if (found.invalid && tree.get(MANIFEST) !== undefined) {
    throw collision(out, MANIFEST, text('tệp này không phải danh sách của kientruc', 'this file is not a kientruc manifest'));
  }
  for (const p of paths) {
    const parts = p.split('/');
    for (let i = 1; i < parts.length; i++) {
      const q = parts.slice(0, i).join('/');
      const kind = tree.get(q);
      if (kind !== undefined && kind !== 'dir') throw collision(out, q, text('đây là tệp hoặc liên kết, nhưng đầu ra cần một thư mục ở đây', 'it is a file or a link, but the output needs a folder here'));
    }
    const kind = tree.get(p);
    if (kind === 'dir') throw collision(out, p, text('đây là thư mục, nhưng đầu ra cần một tệp ở đây', 'it is a folder, but the output needs a file here'));
    if (kind !== undefined && !owned.has(p)) {
      throw collision(out, p, text(`tệp này đã có và không do kientruc ghi (không có trong ${MANIFEST})`, `this file exists and kientruc did not write it (not in ${MANIFEST})`));
    }
  }
  const produced = new Set(paths);
  const stale = mode === 'replace' ? [...owned].filter((f) => !produced.has(f)).sort() : [];
  const throughFolders = (f: string): boolean => {
    const parts = f.split('/');
    return parts.slice(1).every((_, i) => tree.get(parts.slice(0, i + 1).join('/')) === 'dir');
  };
  // A stale file under a linked folder would be deleted through the link: keep it instead.
  const safeStale = stale.filter(throughFolders);
  const reusable = new Set([...owned].filter((f) => produced.has(f) && tree.get(f) === 'file' && throughFolders(f)));
  const listed = mode === 'replace' ? paths : [...new Set([...owned, ...paths])];
  const onlyOwned = files.every((f) => owned.has(f) || f === MANIFEST);
  const manifest = found.own || found.enclosing.size === 0 || !paths.every((f) => found.enclosing.has(f));
  return { exists: true, owned, stale: safeStale, listed, onlyOwned, manifest, reusable };
}

/** Writes one output: a streamed file piece by piece (never whole in memory), any other at once. */
async function writeOutput(target: string, f: GeneratedFile, flag = 'w'): Promise<void> {
  if (f.chunks === undefined) {
    await writeFile(target, f.contents, { flag });
    return;
  }
  const handle = await open(target, flag);
  try {
    for (const piece of f.chunks()) await handle.write(piece);
  } finally {
    await handle.close();
  }
}

/** Whether `current` holds exactly the bytes of `f` (a streamed file is compared piece by piece). */
function sameBytes(current: Buffer, f: GeneratedFile): boolean {
  if (f.chunks === undefined) return current.equals(typeof f.contents === 'string' ? Buffer.from(f.contents, 'utf8') : Buffer.from(f.contents));
  let at = 0;
  for (const piece of f.chunks()) {
    const b = Buffer.from(piece, 'utf8');
    if (at + b.length > current.length || !current.subarray(at, at + b.length).equals(b)) return false;
    at += b.length;
  }
  return at === current.length;
}

const COMPARE_BYTES = 1 << 20;

/**
 * Whether the regular file at `path` holds exactly the bytes of `f`, with the mode a new file gets;
 * read piece by piece (a streamed output is compared piece by piece too), so memory stays bounded.
 * Any doubt (unreadable, another size, a special file) is a no. Synchronous: a rebuild compares a few
 * hundred files, mostly small, and each asynchronous call costs more CPU than the read it waits for.
 */
function holdsExactly(path: string, f: GeneratedFile, mode: number): boolean {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch {
    return false;
  }
  try {
    const st = fstatSync(fd);
    if (!st.isFile() || (st.mode & 0o7777) !== mode) return false;
    let at = 0;
    let got: Buffer | undefined;
    const same = (want: Buffer): boolean => {
      if (at + want.length > st.size) return false;
      for (let off = 0; off < want.length; off += COMPARE_BYTES) {
        const len = Math.min(COMPARE_BYTES, want.length - off);
        got ??= Buffer.allocUnsafe(Math.min(COMPARE_BYTES, st.size));
        const n = readSync(fd, got, 0, len, at + off);
        if (n !== len || !got.subarray(0, len).equals(want.subarray(off, off + len))) return false;
      }
      at += want.length;
      return true;
    };
    if (f.chunks === undefined) {
      const want = typeof f.contents === 'string' ? Buffer.from(f.contents, 'utf8') : Buffer.from(f.contents.buffer, f.contents.byteOffset, f.contents.byteLength);
      return want.length === st.size && same(want);
    }
    for (const piece of f.chunks()) if (!same(Buffer.from(piece, 'utf8'))) return false;
    return at === st.size;
  } catch {
    return false;
  } finally {
    closeSync(fd);
  }
}

/**
 * Writes the staged copy of a whole folder (files and manifest) into a new folder `dir`. A file of
 * `from.reusable` (owned by kientruc, a regular file) that already holds exactly the bytes to write,
 * with the mode a new file would get, is hard-linked from the current folder instead of written again:
 * after an edit most outputs are unchanged, and this saves writing them (the bytes are compared, never
 * assumed). Where a link is refused (another file system, no link support), the file is written.
 */
async function stageFolder(
  dir: string,
  files: readonly GeneratedFile[],
  paths: readonly string[],
  manifest: string | undefined,
  step: (s: WriteStep) => Promise<void>,
  from?: { readonly dir: string; readonly reusable: ReadonlySet<string> },
): Promise<void> {
  await mkdir(dir);
  // A new file's mode under the user's umask: the staging folder's, without the execute bits.
  const fileMode = (await stat(dir)).mode & 0o666;
  await step('staging');
  const half = Math.floor(files.length / 2);
  const made = new Set<string>([dir]);
  for (const [i, f] of files.entries()) {
    if (i === half) await step('staging-half');
    const rel = paths[i] as string;
    const target = join(dir, rel);
    const folder = dirname(target);
    if (!made.has(folder)) {
      await mkdirp(folder);
      made.add(folder);
    }
    if (from?.reusable.has(rel) && holdsExactly(join(from.dir, rel), f, fileMode)) {
      try {
        linkSync(join(from.dir, rel), target);
        continue;
      } catch {
        // Refused (another file system, no link support): written below.
      }
    }
    await writeOutput(target, f);
  }
  if (manifest !== undefined) await writeFile(join(dir, MANIFEST), manifest);
}

/** Whole-folder swap: stage beside the folder, then two renames. Returns false when a rename is refused (a mount point). */
async function swapFolder(out: OutputDir, files: readonly GeneratedFile[], paths: readonly string[], p: Plan, step: (s: WriteStep) => Promise<void>): Promise<boolean> {
  const parent = dirname(out.path);
  await mkdirp(parent);
  const staged = join(parent, tmpName());
  try {
    await stageFolder(staged, files, paths, p.manifest ? manifestJson(out.version, p.listed) : undefined, step, p.exists ? { dir: out.path, reusable: p.reusable } : undefined);
    await step('staged');
    if (p.exists) {
      const old = join(parent, `${OLD_PREFIX}${basename(out.path)}-${randomBytes(6).toString('hex')}`);
      try {
        await rename(out.path, old);
      } catch (err: unknown) {
        const code = osErrorCode(err);
        if (code === 'EXDEV' || code === 'EBUSY' || code === 'EPERM' || code === 'EACCES') return false;
        throw err;
      }
      await step('swapped-out');
      try {
        await rename(staged, out.path);
      } catch (err: unknown) {
        await rename(old, out.path);
        throw err;
      }
      await step('swapped-in');
      await rm(old, { recursive: true, force: true });
    } else {
      await rename(staged, out.path);
      await step('swapped-in');
    }
    return true;
  } finally {
    await rm(staged, { recursive: true, force: true }).catch(() => undefined);
  }
}

/** Writes `contents` to `target` atomically: a temp file beside it, then a rename. */
async function atomicFile(target: string, contents: string | Uint8Array): Promise<void> {
  const tmp = join(dirname(target), tmpName());
  try {
    await writeFile(tmp, contents, { flag: 'wx' });
    await rename(tmp, target);
  } catch (err: unknown) {
    await rm(tmp, { force: true }).catch(() => undefined);
    throw err;
  }
}

/**
 * File by file, inside the folder: every file is first staged beside its target (a failure there, ENOSPC
 * included, removes the temp files and changes nothing), the manifest then lists old and new files (so a
 * crash never orphans one), each temp file is renamed onto its target, stale files are deleted, and the
 * manifest is written last.
 */
async function replaceEachFile(out: OutputDir, files: readonly GeneratedFile[], paths: readonly string[], p: Plan, step: (s: WriteStep) => Promise<void>): Promise<void> {
  const createdDirs: string[] = [];
  const temps: { tmp: string; rel: string }[] = [];
  const mkdirs = async (dir: string): Promise<void> => {
    const first = await mkdirp(dir);
    if (first !== undefined) {
      for (let d = dir; d.length >= first.length; d = dirname(d)) createdDirs.push(d);
    }
  };
  let rel: string | undefined;
  try {
    await mkdirs(out.path);
    await step('staging');
    const half = Math.floor(files.length / 2);
    for (const [i, f] of files.entries()) {
      if (i === half) await step('staging-half');
      rel = paths[i] as string;
      const target = join(out.path, rel);
      await mkdirs(dirname(target));
      const tmp = join(dirname(target), tmpName());
      temps.push({ tmp, rel });
      await writeOutput(tmp, f, 'wx');
    }
    rel = MANIFEST;
    if (p.manifest) await atomicFile(join(out.path, MANIFEST), manifestJson(out.version, [...p.owned, ...p.listed]));
    await step('staged');
  } catch (err: unknown) {
    await Promise.all(temps.map((t) => rm(t.tmp, { force: true }).catch(() => undefined)));
    for (const d of [...new Set(createdDirs)].sort((a, b) => b.length - a.length)) await rmdir(d).catch(() => undefined);
    throw userFacing(err, out, rel);
  }
  try {
    for (const t of temps.splice(0)) {
      rel = t.rel;
      await rename(t.tmp, join(out.path, t.rel));
    }
    await step('swapped-in');
    for (const s of p.stale) {
      rel = s;
      await rm(join(out.path, s), { force: true });
      // Folders emptied by the deletion go too, up to the output folder.
      for (let d = dirname(join(out.path, s)); isInside(out.path, d); d = dirname(d)) {
        if ((await readdir(d).catch(() => ['?'])).length > 0) break;
        await rmdir(d).catch(() => undefined);
      }
    }
    rel = MANIFEST;
    if (p.manifest) await atomicFile(join(out.path, MANIFEST), manifestJson(out.version, p.listed));
  } catch (err: unknown) {
    await Promise.all(temps.map((t) => rm(t.tmp, { force: true }).catch(() => undefined)));
    throw userFacing(err, out, rel);
  }
}

/**
 * Writes generated files into a claimed output folder (see the file comment): `replace` makes the
 * folder's kientruc files exactly `files`; `merge` adds or replaces `files` and keeps kientruc's others.
 */
export async function writeGenerated(out: OutputDir, files: readonly GeneratedFile[], mode: WriteMode, opts: WriteOptions = {}): Promise<void> {
  const step = async (s: WriteStep): Promise<void> => {
    await opts.onStep?.(s);
  };
  const paths = files.map((f) => {
    const rel = safeRelative(f.path);
    if (rel === undefined || rel.split('/').some((p) => p === MANIFEST || p.startsWith(TMP_PREFIX) || p.startsWith(OLD_PREFIX))) {
      throw new InternalError(`refusing to write outside the output folder, or over kientruc's own files: ${JSON.stringify(f.path)}`);
    }
    return rel;
  });
  const seen = new Set<string>();
  for (const p of paths) {
    if (seen.has(p)) throw new InternalError(`two renderers produced ${p}`);
    seen.add(p);
  }
  try {
    await recover(out.path);
    const p = await plan(out, paths, mode);
    let swappable = mode === 'replace' && p.onlyOwned;
    if (swappable && p.exists) {
      // A mount point (another device than its parent) cannot be renamed: go file by file at once.
      const [self, parent] = await Promise.all([lstat(out.path), lstat(dirname(out.path))]);
      swappable = self.dev === parent.dev;
    }
    if (swappable && (await swapFolder(out, files, paths, p, step))) {
      await step('done');
      return;
    }
    await replaceEachFile(out, files, paths, p, step);
    await step('done');
  } catch (err: unknown) {
    throw userFacing(err, out);
  }
}

/** Creates new files in `dir` (which may exist): never replaces one (EEXIST). For `init`, whose files become the user's. */
export async function writeNewFiles(dir: string, files: readonly GeneratedFile[]): Promise<void> {
  for (const f of files) {
    const rel = safeRelative(f.path);
    if (rel === undefined) throw new InternalError(`refusing to write outside ${dir}: ${JSON.stringify(f.path)}`);
    const target = join(dir, rel);
    try {
      await mkdirp(dirname(target));
      await writeOutput(target, f, 'wx');
    } catch (err: unknown) {
      throw osUserError(err, target) ?? err;
    }
  }
}

export interface GeneratedDiff {
  readonly missing: readonly string[];
  readonly changed: readonly string[];
  /** Files kientruc wrote there before that the build would delete (only for `replace`). */
  readonly extra: readonly string[];
}

/** Compares what a build would write (manifest included) with what is in `outDir` (for `build --check` in CI). */
export async function diffGenerated(outDir: string, files: readonly GeneratedFile[], mode: WriteMode, version: string): Promise<GeneratedDiff> {
  const missing: string[] = [];
  const changed: string[] = [];
  const tree = await listTree(outDir).catch(() => new Map<string, EntryKind>());
  const { owned } = await ownedFiles(outDir, tree);
  const produced = new Set<string>();
  const manifest = manifestJson(version, mode === 'replace' ? files.map((f) => f.path) : [...owned, ...files.map((f) => f.path)]);
  for (const f of [...files, { path: MANIFEST, contents: manifest }]) {
    const rel = safeRelative(f.path);
    if (rel === undefined) throw new InternalError(`refusing to read outside the output folder: ${JSON.stringify(f.path)}`);
    produced.add(rel);
    if (tree.get(rel) !== 'file') {
      missing.push(f.path);
      continue;
    }
    const current = await readFile(join(outDir, rel));
    if (!sameBytes(current, f)) changed.push(f.path);
  }
  const extra = mode === 'replace' ? [...owned].filter((p) => !produced.has(p) && tree.has(p)) : [];
  return { missing: missing.sort(), changed: changed.sort(), extra: extra.sort() };
}

/** The manifest of `dir`, for tests and tools: the files kientruc owns there (empty when none). */
export async function manifestFiles(dir: string): Promise<readonly string[]> {
  const m = await readManifest(dir);
  return m.state === 'ok' ? m.files : [];
}
