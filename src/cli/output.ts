import { mkdir, open, rename, rm } from 'node:fs/promises';
import { once } from 'node:events';
import { osUserError } from '../core/errors.js';
import { dirname, resolve } from 'node:path';
import type { Diagnostic } from '../core/diagnostic.js';
import { BUILTIN_CODES } from '../diagnostics/codes.js';
import type { CodeInfo, FormatContext } from '../diagnostics/format/context.js';
import { FORMATTERS, FORMAT_CHUNKS, type FormatName } from '../diagnostics/format/index.js';
import { stylishBytes } from '../diagnostics/format/stylish.js';
import { ALL_RULE_METAS } from '../rules/index.js';
import type { App } from './app.js';

export function allCodes(): CodeInfo[] {
  return [
    ...ALL_RULE_METAS.map((r) => ({ id: r.id, severity: r.severity, description: r.description, help: r.help, legalRef: r.legalRef })),
    ...BUILTIN_CODES,
  ];
}

/**
 * Writes `content` to stdout, or atomically to `--output FILE`. Content given piece by piece is written
 * as it is made (a national model's findings are never one string), waiting for a slow reader. Pieces
 * may be bytes (the daemon's kept output): written as they are.
 */
export async function emit(app: App, content: string | Iterable<string | Uint8Array>, output: string | undefined): Promise<void> {
  if (output === undefined) {
    for (const piece of typeof content === 'string' ? [content] : coalesceText(content)) {
      if (!app.io.stdout.write(piece) && typeof (app.io.stdout as Partial<NodeJS.WriteStream>).once === 'function') {
        await once(app.io.stdout as NodeJS.WriteStream, 'drain');
      }
    }
    return;
  }
  const target = resolve(app.io.cwd, output);
  const tmp = `${target}.kientruc-tmp-${process.pid}`;
  try {
    await mkdir(dirname(target), { recursive: true });
    const handle = await open(tmp, 'w');
    try {
      for (const piece of typeof content === 'string' ? [content] : coalesceBytes(coalesceText(content))) await (typeof piece === 'string' ? handle.write(piece) : handle.write(piece));
    } finally {
      await handle.close();
    }
    await rename(tmp, target);
  } catch (err: unknown) {
    await rm(tmp, { force: true }).catch(() => undefined);
    throw osUserError(err, output) ?? err;
  }
  app.log.debug(`${app.lang === 'en' ? 'Wrote' : 'Đã ghi'} ${output}`);
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

export function formatDiagnostics(app: App, format: FormatName, diagnostics: readonly Diagnostic[], files: readonly string[]): string {
  return FORMATTERS[format](diagnostics, formatContext(app, format, files));
}

/**
 * `formatDiagnostics` piece by piece where the format allows (stylish, json): for `emit`. In the daemon
 * (`io.findingText`), stylish is written from the bytes it printed for each file last time
 * (`stylishBytes`): the same bytes, and only the files whose findings changed are printed again.
 */
export function formatDiagnosticsChunks(app: App, format: FormatName, diagnostics: readonly Diagnostic[], files: readonly string[]): Iterable<string | Uint8Array> {
  const ctx = formatContext(app, format, files);
  if (format === 'stylish' && app.io.findingText !== undefined) return stylishBytes(diagnostics, ctx, app.io.findingText.for(`stylish ${app.lang} ${ctx.color ? 'color' : 'plain'}`));
  const chunks = FORMAT_CHUNKS[format as keyof typeof FORMAT_CHUNKS] as ((d: readonly Diagnostic[], c: FormatContext) => Iterable<string>) | undefined;
  return chunks ? chunks(diagnostics, ctx) : [FORMATTERS[format](diagnostics, ctx)];
}

function formatContext(app: App, format: FormatName, files: readonly string[]): FormatContext {
  const color = format === 'stylish' && app.color && app.io.stdout.isTTY === true;
  return { codes: allCodes(), toolVersion: app.version, color, lang: app.lang, files };
}
