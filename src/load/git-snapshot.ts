import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, realpath, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { UserError } from '../core/errors.js';
import { closest } from '../core/similar.js';
import { text, type Text } from '../core/text.js';
import { CONFIG_NAMES } from './config.js';

/** An architecture folder as it was at one commit, written to a temp folder that mirrors the repository. */
export interface GitSnapshot {
  /** Full commit id the ref resolved to. */
  readonly commit: string;
  /** Working directory inside the snapshot that corresponds to the caller's `cwd`. */
  readonly cwd: string;
  /** The snapshot's repository root: file paths are relative to it, as in the working tree. */
  readonly base: string;
  /** The architecture folder, relative to `cwd` (pass both to the pipeline). */
  readonly root: string;
  /** Number of YAML files written. */
  readonly files: number;
  /** Removes the temp folder. */
  dispose(): Promise<void>;
}

const MAX_OUTPUT = 512 * 1024 * 1024;

/** Runs git with arguments (never through a shell) and returns stdout; rejects with stderr on failure. */
function git(args: readonly string[], cwd: string, input?: string): Promise<Buffer> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn('git', [...args], { cwd, stdio: [input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'], env: { ...process.env, GIT_TERMINAL_PROMPT: '0', LC_ALL: 'C' } });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    let size = 0;
    child.stdout?.on('data', (b: Buffer) => {
      size += b.length;
      if (size > MAX_OUTPUT) child.kill();
      else out.push(b);
    });
    child.stderr?.on('data', (b: Buffer) => err.push(b));
    child.on('error', (e) => reject(e));
    child.on('close', (status) => {
      if (status === 0) resolvePromise(Buffer.concat(out));
      else reject(new Error(Buffer.concat(err).toString('utf8').trim() || `git ${args[0]} exited with ${status}`));
    });
    if (input !== undefined && child.stdin) {
      child.stdin.on('error', (e) => reject(e));
      child.stdin.end(input);
    }
  });
}

/** The top folder of the git repository holding `cwd`, or undefined outside a repository (or without git). */
export async function gitTopLevel(cwd: string): Promise<string | undefined> {
  try {
    return (await git(['rev-parse', '--show-toplevel'], cwd)).toString('utf8').trim();
  } catch {
    return undefined;
  }
}

/** The commit a ref names (`main`, `HEAD~1`, `v1.2`, a sha), or undefined when it names none. */
export async function resolveCommit(cwd: string, ref: string): Promise<string | undefined> {
  if (ref.startsWith('-') || ref.includes('\0')) return undefined;
  try {
    const sha = (await git(['rev-parse', '--verify', '--quiet', `${ref}^{commit}`], cwd)).toString('utf8').trim();
    return /^[0-9a-f]{40,64}$/.test(sha) ? sha : undefined;
  } catch {
    return undefined;
  }
}

/**
 * What to try instead of a ref that names nothing: the branches and tags there are (the default branch
 * is "master" in many repositories), first the remote branch of the same name: in CI a checkout often
 * has `origin/main` but no local `main`. A shallow clone (CI's default) may hold no other branch at
 * all, which only fetching more history fixes.
 */
async function refHint(cwd: string, ref: string): Promise<Text> {
  let refs: string[] = [];
  let shallow = false;
  try {
    const listed = (await git(['for-each-ref', '--format=%(refname:short)', 'refs/heads', 'refs/remotes', 'refs/tags'], cwd)).toString('utf8');
    refs = listed.split('\n').filter((r) => r !== '' && !r.endsWith('/HEAD') && r !== 'HEAD');
    shallow = (await git(['rev-parse', '--is-shallow-repository'], cwd)).toString('utf8').trim() === 'true';
  } catch {
    return text('', '');
  }
  const same = refs.filter((r) => r.endsWith(`/${ref}`));
  const shown = [...same, ...refs.filter((r) => !same.includes(r))].slice(0, 6);
  const parts: Text[] = [];
  if (same.length > 0) parts.push(text(` Dùng "${same[0]}".`, ` Use "${same[0]}".`));
  else if (shown.length > 0) parts.push(text(` Có: ${shown.join(', ')}${refs.length > shown.length ? ', …' : ''}.`, ` There are: ${shown.join(', ')}${refs.length > shown.length ? ', …' : ''}.`));
  if (shallow && same.length === 0) {
    parts.push(
      text(
        ' Bản sao này chỉ có một phần lịch sử: lấy nhánh gốc về (git fetch origin <nhánh>, hoặc fetch-depth: 0 với actions/checkout).',
        ' This clone holds only part of the history: fetch the base branch (git fetch origin <branch>, or fetch-depth: 0 with actions/checkout).',
      ),
    );
  }
  return text(parts.map((p) => p.vi).join(''), parts.map((p) => p.en).join(''));
}

/** Parses `git ls-tree -r -z` output: regular YAML blobs only (symlinks and submodules are skipped). */
function yamlBlobs(listing: Buffer): { sha: string; path: string }[] {
  const out: { sha: string; path: string }[] = [];
  for (const entry of listing.toString('utf8').split('\0')) {
    const tab = entry.indexOf('\t');
    if (tab < 0) continue;
    const [mode, type, sha] = entry.slice(0, tab).split(' ');
    const path = entry.slice(tab + 1);
    if (type !== 'blob' || mode === '120000' || sha === undefined) continue;
    if (!/\.ya?ml$/i.test(path)) continue;
    out.push({ sha, path });
  }
  return out;
}

/** Splits `git cat-file --batch` output into blob contents, in request order. */
function splitBatch(buf: Buffer, count: number): Buffer[] {
  const out: Buffer[] = [];
  let pos = 0;
  for (let i = 0; i < count; i++) {
    const nl = buf.indexOf(0x0a, pos);
    if (nl < 0) throw new Error('truncated git cat-file output');
    const header = buf.subarray(pos, nl).toString('utf8').split(' ');
    const size = Number(header[2]);
    if (header[1] !== 'blob' || !Number.isFinite(size)) throw new Error(`unexpected git cat-file header: ${header.join(' ')}`);
    out.push(buf.subarray(nl + 1, nl + 1 + size));
    pos = nl + 1 + size + 1;
  }
  return out;
}

/** Whether `path` (repository-relative) is a folder at `commit`. */
async function isFolderAt(top: string, commit: string, path: string): Promise<boolean> {
  try {
    return (await git(['cat-file', '-t', `${commit}:${path}`], top)).toString('utf8').trim() === 'tree';
  } catch {
    return false;
  }
}

/** The folder holding an agency.yaml at `commit` whose path is closest to `path` (a likely typo), if any. */
async function closestArchitecture(top: string, commit: string, path: string): Promise<string | undefined> {
  try {
    const names = (await git(['ls-tree', '-r', '-z', '--name-only', '--full-tree', commit], top)).toString('utf8').split('\0');
    const folders = names.filter((n) => n === 'agency.yaml' || n.endsWith('/agency.yaml')).map((n) => (n.includes('/') ? n.slice(0, n.lastIndexOf('/')) : ''));
    return closest(path, folders) ?? (folders.length === 1 ? folders[0] : undefined);
  } catch {
    return undefined;
  }
}

/** `dir` (relative to `cwd`) as a path relative to the repository's top folder ('' for the top itself), or undefined outside it. */
function repoPath(top: string, cwdReal: string, dir: string): string | undefined {
  const rel = relative(top, resolve(cwdReal, dir)).split(sep).join('/');
  return rel.startsWith('..') || isAbsolute(rel) ? undefined : rel;
}

/**
 * Whether `dir` (relative to `cwd`) is a folder at `ref`; undefined when `cwd` is not in a git
 * repository or `ref` names no commit (the snapshot then says why).
 */
export async function folderAt(cwd: string, ref: string, dir: string): Promise<boolean | undefined> {
  const cwdReal = await realpath(cwd);
  const top = await gitTopLevel(cwdReal);
  const commit = top ? await resolveCommit(cwd, ref) : undefined;
  const rel = top ? repoPath(top, cwdReal, dir) : undefined;
  if (!top || !commit || rel === undefined) return undefined;
  return rel === '' || (await isFolderAt(top, commit, rel));
}

/**
 * Where an architecture folder went between two versions, by git's own rename detection
 * (`git diff -M --diff-filter=R`): `forward`, `dir` is the folder at `base` and the answer the folder
 * its files were renamed into at `head`; `backward`, `dir` is the folder at `head` and the answer the
 * folder its files came from at `base`. `head` undefined is the working tree (renames git knows of:
 * `git mv`, or files added to the index). Each renamed file votes for the folder its path implies
 * (`architecture/systems/a.yaml` → `kien-truc/systems/a.yaml` votes for `kien-truc`); the folder with
 * most votes wins, and it must exist on its side. Undefined when git reports no such rename, or two
 * folders tie. The answer is relative to `cwd`, like `dir`.
 */
export async function followFolderRename(opts: {
  readonly cwd: string;
  readonly base: string;
  readonly head: string | undefined;
  readonly dir: string;
  readonly direction: 'forward' | 'backward';
}): Promise<string | undefined> {
  const cwdReal = await realpath(opts.cwd);
  const top = await gitTopLevel(cwdReal);
  if (!top) return undefined;
  const rel = repoPath(top, cwdReal, opts.dir);
  const baseCommit = await resolveCommit(opts.cwd, opts.base);
  const headCommit = opts.head === undefined ? undefined : await resolveCommit(opts.cwd, opts.head);
  if (rel === undefined || rel === '' || !baseCommit || (opts.head !== undefined && !headCommit)) return undefined;
  let listing: string;
  try {
    const args = ['diff', '-z', '--name-status', '-M', '--diff-filter=R', baseCommit, ...(headCommit ? [headCommit] : []), '--'];
    listing = (await git(args, top)).toString('utf8');
  } catch {
    return undefined;
  }
  const votes = new Map<string, number>();
  const parts = listing.split('\0');
  for (let i = 0; i + 2 < parts.length; i += 3) {
    const [from, to] = opts.direction === 'forward' ? [parts[i + 1] as string, parts[i + 2] as string] : [parts[i + 2] as string, parts[i + 1] as string];
    if (!from.startsWith(`${rel}/`)) continue;
    const rest = from.slice(rel.length + 1);
    if (to !== rest && !to.endsWith(`/${rest}`)) continue;
    const folder = to === rest ? '' : to.slice(0, to.length - rest.length - 1);
    if (folder !== rel) votes.set(folder, (votes.get(folder) ?? 0) + 1);
  }
  const ranked = [...votes].sort((a, b) => b[1] - a[1]);
  const [first, second] = ranked;
  if (!first || (second && second[1] === first[1])) return undefined;
  const folder = first[0];
  const exists =
    opts.direction === 'backward'
      ? await isFolderAt(top, baseCommit, folder)
      : headCommit
        ? await isFolderAt(top, headCommit, folder)
        : existsSync(join(top, folder));
  if (!exists) return undefined;
  return relative(cwdReal, join(top, folder)).split(sep).join('/') || '.';
}

/**
 * Writes the YAML files of `dir` (relative to `cwd`) as they are at `ref` into a temp folder laid out
 * like the repository, so file paths in diagnostics read the same as in the working tree. `flag`: the
 * option a missing folder's hint names (`--dir` by default).
 */
export async function snapshotFolderAt(opts: { readonly cwd: string; readonly ref: string; readonly dir: string; readonly flag?: string }): Promise<GitSnapshot> {
  const cwdReal = await realpath(opts.cwd);
  const top = await gitTopLevel(cwdReal);
  if (!top) {
    throw new UserError(
      text(
        `"${opts.ref}" không phải thư mục, và ${opts.cwd} không nằm trong kho git nên không thể đọc theo tham chiếu git.`,
        `"${opts.ref}" is not a folder, and ${opts.cwd} is not in a git repository, so it cannot be read as a git reference.`,
      ),
    );
  }
  const commit = await resolveCommit(opts.cwd, opts.ref);
  if (!commit) {
    const hint = await refHint(opts.cwd, opts.ref);
    throw new UserError(
      text(
        `"${opts.ref}" không phải thư mục cũng không phải tham chiếu git (nhánh, thẻ, commit) có trong kho.${hint.vi}`,
        `"${opts.ref}" is neither a folder nor a git reference (branch, tag, commit) in the repository.${hint.en}`,
      ),
    );
  }
  const absDir = resolve(cwdReal, opts.dir);
  const relDir = relative(top, absDir).split(sep).join('/');
  if (relDir.startsWith('..') || isAbsolute(relDir)) {
    throw new UserError(text(`Thư mục kiến trúc "${opts.dir}" nằm ngoài kho git ${top}.`, `The architecture folder "${opts.dir}" is outside the git repository ${top}.`));
  }
  // A folder missing at the ref (a typo in --dir, or one renamed since) would read as an empty
  // architecture, and a diff against it as "no changes": say so instead.
  if (relDir !== '' && !(await isFolderAt(top, commit, relDir))) {
    const flag = opts.flag ?? '--dir';
    const guess = await closestArchitecture(top, commit, relDir);
    const shown = guess === undefined ? undefined : relative(cwdReal, join(top, guess)).split(sep).join('/') || '.';
    throw new UserError(
      text(
        `Thư mục kiến trúc "${opts.dir}" không có tại ${opts.ref} (${commit.slice(0, 8)}).${shown ? ` Ý bạn là ${flag} ${shown}?` : ` Nêu thư mục chứa agency.yaml bằng ${flag}.`}`,
        `The architecture folder "${opts.dir}" does not exist at ${opts.ref} (${commit.slice(0, 8)}).${shown ? ` Did you mean ${flag} ${shown}?` : ` Give the folder holding agency.yaml with ${flag}.`}`,
      ),
    );
  }
  // The folder, and the rule configuration that sits beside it (see load/config.ts).
  const parent = relDir.includes('/') ? relDir.slice(0, relDir.lastIndexOf('/')) : '';
  const configs = relDir === '' ? [] : CONFIG_NAMES.map((n) => (parent ? `${parent}/${n}` : n));
  const listing = await git(['ls-tree', '-r', '-z', '--full-tree', commit, '--', relDir === '' ? '.' : relDir, ...configs], top);
  const blobs = yamlBlobs(listing);
  const contents = blobs.length ? splitBatch(await git(['cat-file', '--batch'], top, blobs.map((b) => `${b.sha}\n`).join('')), blobs.length) : [];
  const tmp = await mkdtemp(join(tmpdir(), 'kientruc-diff-'));
  try {
    await mkdir(join(tmp, relDir), { recursive: true });
    for (const [i, b] of blobs.entries()) {
      const target = join(tmp, b.path);
      if (relative(tmp, target).startsWith('..')) continue;
      await mkdir(dirname(target), { recursive: true });
      await writeFile(target, contents[i] as Buffer);
    }
    const cwd = join(tmp, relative(top, cwdReal));
    await mkdir(cwd, { recursive: true });
    return { commit, cwd, base: await realpath(tmp), root: relative(cwdReal, absDir).split(sep).join('/') || '.', files: blobs.length, dispose: () => rm(tmp, { recursive: true, force: true }) };
  } catch (err: unknown) {
    await rm(tmp, { recursive: true, force: true });
    throw err;
  }
}
