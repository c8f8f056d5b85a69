import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { osUserError } from '../core/errors.js';
import { dirname, resolve } from 'node:path';
import type { Diagnostic } from '../core/diagnostic.js';
import { BUILTIN_CODES } from '../diagnostics/codes.js';
import type { CodeInfo, FormatContext } from '../diagnostics/format/context.js';
import { FORMATTERS, type FormatName } from '../diagnostics/format/index.js';
import { RULES } from '../rules/index.js';
import type { App } from './app.js';

export function allCodes(): CodeInfo[] {
  return [
    ...RULES.map((r) => ({ id: r.id, severity: r.severity, description: r.description, help: r.help, legalRef: r.legalRef })),
    ...BUILTIN_CODES,
  ];
}

/** Writes `content` to stdout, or atomically to `--output FILE`. */
export async function emit(app: App, content: string, output: string | undefined): Promise<void> {
  if (output === undefined) {
    app.io.stdout.write(content);
    return;
  }
  const target = resolve(app.io.cwd, output);
  const tmp = `${target}.kientruc-tmp-${process.pid}`;
  try {
    await mkdir(dirname(target), { recursive: true });
    await writeFile(tmp, content);
    await rename(tmp, target);
  } catch (err: unknown) {
    await rm(tmp, { force: true }).catch(() => undefined);
    throw osUserError(err, output) ?? err;
  }
  app.log.debug(`Đã ghi ${output}`);
}

export function formatDiagnostics(app: App, format: FormatName, diagnostics: readonly Diagnostic[], files: readonly string[]): string {
  const ctx: FormatContext = {
    codes: allCodes(),
    toolVersion: app.version,
    color: format === 'stylish' && app.color && app.io.stdout.isTTY === true,
    lang: app.lang,
    files,
  };
  return FORMATTERS[format](diagnostics, ctx);
}
