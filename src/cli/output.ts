import { mkdir, open, rename, rm } from 'node:fs/promises';
import { once } from 'node:events';
import { osUserError } from '../core/errors.js';
import { dirname, resolve } from 'node:path';
import type { Diagnostic } from '../core/diagnostic.js';
import { BUILTIN_CODES } from '../diagnostics/codes.js';
import type { CodeInfo, FormatContext } from '../diagnostics/format/context.js';
import { FORMATTERS, FORMAT_CHUNKS, type FormatName } from '../diagnostics/format/index.js';
import { coalesce } from '../render/streamed.js';
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
 * as it is made (a national model's findings are never one string), waiting for a slow reader.
 */
export async function emit(app: App, content: string | Iterable<string>, output: string | undefined): Promise<void> {
  const pieces = typeof content === 'string' ? [content] : coalesce(content);
  if (output === undefined) {
    for (const piece of pieces) {
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
      for (const piece of pieces) await handle.write(piece);
    } finally {
      await handle.close();
    }
    await rename(tmp, target);
  } catch (err: unknown) {
    await rm(tmp, { force: true }).catch(() => undefined);
    throw osUserError(err, output) ?? err;
  }
  app.log.debug(`Đã ghi ${output}`);
}

export function formatDiagnostics(app: App, format: FormatName, diagnostics: readonly Diagnostic[], files: readonly string[]): string {
  return FORMATTERS[format](diagnostics, formatContext(app, format, files));
}

/** `formatDiagnostics` piece by piece where the format allows (stylish, json): for `emit`. */
export function formatDiagnosticsChunks(app: App, format: FormatName, diagnostics: readonly Diagnostic[], files: readonly string[]): Iterable<string> {
  const ctx = formatContext(app, format, files);
  const chunks = FORMAT_CHUNKS[format as keyof typeof FORMAT_CHUNKS] as ((d: readonly Diagnostic[], c: FormatContext) => Iterable<string>) | undefined;
  return chunks ? chunks(diagnostics, ctx) : [FORMATTERS[format](diagnostics, ctx)];
}

function formatContext(app: App, format: FormatName, files: readonly string[]): FormatContext {
  const color = format === 'stylish' && app.color && app.io.stdout.isTTY === true;
  return {
    codes: allCodes(),
    toolVersion: app.version,
    color,
    lang: app.lang,
    files,
    // Only stylish reads it; keyed by every option its text depends on.
    memo: format === 'stylish' ? app.io.findingText?.for(`stylish ${app.lang} ${color ? 'color' : 'plain'}`) : undefined,
  };
}
