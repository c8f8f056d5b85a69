import { readFile, stat } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import type { Diagnostic } from '../core/diagnostic.js';
import { UserError } from '../core/errors.js';
import { text } from '../core/text.js';
import { decodeYamlBytes } from './decode.js';
import { displayPath } from './discover.js';
import { SourceIndex } from './locate.js';
import { parseYamlFile } from './parse-yaml.js';

/** Names of the configuration file, looked for next to the architecture folder, then inside it. */
export const CONFIG_NAMES = ['kientruc.config.yaml', 'kientruc.config.yml'] as const;

/** A configuration file read from disk, not yet validated. */
export interface LoadedConfig {
  /** Display path (relative to the working directory). */
  readonly file: string;
  /** The first YAML document, or undefined when the file could not be parsed. */
  readonly value: unknown;
  readonly sources: SourceIndex;
  readonly diagnostics: readonly Diagnostic[];
}

async function isFile(path: string): Promise<boolean> {
  return (await stat(path).catch(() => undefined))?.isFile() ?? false;
}

/**
 * Finds the configuration: `--config FILE` when given (a missing file is a usage error), else
 * `kientruc.config.yaml` in the architecture folder's parent, then in the folder itself.
 */
export async function findConfig(opts: { readonly cwd: string; readonly rootAbs: string; readonly explicit?: string }): Promise<string | undefined> {
  if (opts.explicit !== undefined) {
    const abs = resolve(opts.cwd, opts.explicit);
    if (!(await isFile(abs))) throw new UserError(text(`Không tìm thấy tệp cấu hình "${opts.explicit}" (--config).`, `No configuration file "${opts.explicit}" (--config).`));
    return abs;
  }
  for (const dir of [dirname(opts.rootAbs), opts.rootAbs]) {
    for (const name of CONFIG_NAMES) {
      const abs = join(dir, name);
      if (await isFile(abs)) return abs;
    }
  }
  return undefined;
}

const AT_START = { start: { line: 1, col: 1 }, end: { line: 1, col: 1 } };

/** Reads and parses a configuration file; problems become `config.*` diagnostics located in it. */
export async function readConfig(abs: string, cwd: string): Promise<LoadedConfig> {
  const file = displayPath(cwd, abs);
  const sources = new SourceIndex();
  const fail = (message: Diagnostic['message'], fix: Diagnostic['fix']): LoadedConfig => ({
    file,
    value: undefined,
    sources,
    diagnostics: [{ code: 'config.syntax', severity: 'error', message, file, range: AT_START, path: [], ...(fix ? { fix } : {}) }],
  });
  let bytes: Uint8Array;
  try {
    bytes = await readFile(abs);
  } catch (err: unknown) {
    return fail(text(`Không đọc được tệp cấu hình: ${(err as Error).message}`, `Cannot read the configuration: ${(err as Error).message}`), text('Kiểm tra quyền đọc tệp.', 'Check the file permissions.'));
  }
  const decoded = decodeYamlBytes(bytes);
  if (!decoded.ok) return fail(text('Tệp cấu hình không phải văn bản UTF-8.', 'The configuration is not UTF-8 text.'), text('Lưu lại tệp với bảng mã UTF-8.', 'Save the file as UTF-8.'));
  const parsed = parseYamlFile(file, decoded.text);
  sources.addFile(file, decoded.text, parsed.ast);
  const diagnostics = parsed.diagnostics.map((d): Diagnostic => ({ ...d, code: d.code === 'yaml.empty-file' ? 'config.empty' : 'config.syntax' }));
  return { file, value: parsed.docs[0]?.value, sources, diagnostics };
}
