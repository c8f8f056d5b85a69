import { open, realpath, rename, rm, stat } from 'node:fs/promises';
import { once } from 'node:events';
import { osUserError } from '../core/errors.js';
import { dirname, resolve } from 'node:path';
import type { Diagnostic } from '../core/diagnostic.js';
import type { FailOn } from '../core/severity.js';
import { allCodeInfos } from '../diagnostics/all-codes.js';
import type { CodeInfo, FormatContext } from '../diagnostics/format/context.js';
import { FORMATTERS, FORMAT_CHUNKS, type FormatName } from '../diagnostics/format/index.js';
import { stylishBytes } from '../diagnostics/format/stylish.js';
import { PROJECT_LINKS } from '../load/package-info.js';
import { makeFolders } from '../write/make-folder.js';
import type { App } from './app.js';

export function allCodes(): CodeInfo[] {
  return allCodeInfos();
}

/**
 * Writes `content` to stdout, or atomically to `--output FILE`. Content given piece by piece is written
 * as it is made (a national model's findings are never one string), waiting for a slow reader. Pieces
 * may be bytes (the daemon's kept output): written as they are.
 */
export async function emit(app: App, content: string | Iterable<string | Uint8Array>, output: string | undefined): Promise<void> {
  // `-o /dev/stdout` is stdout: a pipe or a socket (as CI runners and spawnSync give) cannot be opened by name.
  if (output === undefined || STDOUT_NAMES.has(output)) {
    for (const piece of typeof content === 'string' ? [content] : coalesceText(content)) {
      if (!app.io.stdout.write(piece) && typeof (app.io.stdout as Partial<NodeJS.WriteStream>).once === 'function') {
        await once(app.io.stdout as NodeJS.WriteStream, 'drain');
      }
    }
    return;
  }
  // An existing target is replaced where it really is (a symbolic link stays a link). A device, a pipe
  // or a socket (`-o /dev/stdout` into a pipe, `-o /dev/null`, a FIFO) is written in place: a temp file
  // renamed over it would replace the device with a regular file.
  const given = resolve(app.io.cwd, output);
  const target = await realpath(given).catch(() => given);
  const pieces = (): Iterable<string | Uint8Array> => (typeof content === 'string' ? [content] : coalesceBytes(coalesceText(content)));
  const existing = await stat(target).catch(() => undefined);
  if (existing !== undefined && !existing.isFile() && !existing.isDirectory()) {
    try {
      await writePieces(target, 'a', pieces());
    } catch (err: unknown) {
      throw osUserError(err, output) ?? err;
    }
    return;
  }
  const tmp = `${target}.kientruc-tmp-${process.pid}`;
  try {
    await makeFolders(dirname(target));
    await writePieces(tmp, 'w', pieces());
    await rename(tmp, target);
  } catch (err: unknown) {
    await rm(tmp, { force: true }).catch(() => undefined);
    throw osUserError(err, output) ?? err;
  }
  app.log.debug(`${app.lang === 'en' ? 'Wrote' : 'Đã ghi'} ${output}`);
}

/** Names of this process's standard output (Linux, macOS). */
const STDOUT_NAMES: ReadonlySet<string> = new Set(['/dev/stdout', '/dev/fd/1', '/proc/self/fd/1']);

/** Writes `pieces` into a file opened with `flags`, one write each. */
async function writePieces(path: string, flags: 'w' | 'a', pieces: Iterable<string | Uint8Array>): Promise<void> {
  const handle = await open(path, flags);
  try {
    for (const piece of pieces) await (typeof piece === 'string' ? handle.write(piece) : handle.write(piece));
  } finally {
    await handle.close();
  }
}

/** Text pieces grouped as `coalesce` groups them (fewer writes, same text, as they come); bytes pass through as they are, in place. */
function* coalesceText(pieces: Iterable<string | Uint8Array>, size = 1 << 16): Generator<string | Uint8Array> {
  let buf = '';
  for (const p of pieces) {
    if (typeof p === 'string') {
      buf += p;
      if (buf.length < size) continue;
    }
    if (buf !== '') yield buf;
    buf = '';
    if (typeof p !== 'string') yield p;
  }
  if (buf !== '') yield buf;
}

/** Runs of byte pieces joined into pieces of about a megabyte (one write each to a file); text passes through. */
function* coalesceBytes(pieces: Iterable<string | Uint8Array>): Generator<string | Uint8Array> {
  let held: Uint8Array[] = [];
  let size = 0;
  for (const p of pieces) {
    if (typeof p !== 'string') {
      held.push(p);
      size += p.length;
      if (size < 1 << 20) continue;
    }
    if (held.length > 0) yield held.length === 1 ? (held[0] as Uint8Array) : Buffer.concat(held, size);
    held = [];
    size = 0;
    if (typeof p === 'string') yield p;
  }
  if (held.length > 0) yield held.length === 1 ? (held[0] as Uint8Array) : Buffer.concat(held, size);
}

export function formatDiagnostics(app: App, format: FormatName, diagnostics: readonly Diagnostic[], files: readonly string[], failOn?: FailOn): string {
  return FORMATTERS[format](diagnostics, formatContext(app, format, files, failOn));
}

/**
 * `formatDiagnostics` piece by piece where the format allows (stylish, json): for `emit`. In the daemon
 * (`io.findingText`), stylish is written from the bytes it printed for each file last time
 * (`stylishBytes`): the same bytes, and only the files whose findings changed are printed again.
 */
export function formatDiagnosticsChunks(app: App, format: FormatName, diagnostics: readonly Diagnostic[], files: readonly string[], failOn?: FailOn): Iterable<string | Uint8Array> {
  const ctx = formatContext(app, format, files, failOn);
  if (format === 'stylish' && app.io.findingText !== undefined) return stylishBytes(diagnostics, ctx, app.io.findingText.for(`stylish ${app.lang} ${ctx.color ? 'color' : 'plain'}`));
  const chunks = FORMAT_CHUNKS[format as keyof typeof FORMAT_CHUNKS] as ((d: readonly Diagnostic[], c: FormatContext) => Iterable<string>) | undefined;
  return chunks ? chunks(diagnostics, ctx) : [FORMATTERS[format](diagnostics, ctx)];
}

/** The same context the API's `formatDiagnostics` builds (src/api.ts), but for colour: the same run gives the same bytes. */
function formatContext(app: App, format: FormatName, files: readonly string[], failOn: FailOn | undefined): FormatContext {
  const color = format === 'stylish' && app.color && app.io.stdout.isTTY === true;
  return { codes: allCodes(), toolVersion: app.version, color, lang: app.lang, files, links: PROJECT_LINKS, ...(failOn !== undefined ? { failOn } : {}) };
}
