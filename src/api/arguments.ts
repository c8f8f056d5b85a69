/**
 * The library's boundary: its callers may be plain JavaScript, so every argument is checked at run time
 * (a typo such as `exitCode(d, 'warn')` must not pass a CI gate), and every failure leaves as a
 * `KientrucError` with a stable `code`, an English `message` and both languages in `text` (docs/api.md).
 */
import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { isIsoDate, type IsoDate } from '../core/dates.js';
import { KientrucError, osUserError, UserError, type KientrucErrorCode } from '../core/errors.js';
import { text, type Text } from '../core/text.js';

/** Throws the library's error: `message` in English, both languages in `text`. */
export function fail(code: KientrucErrorCode, message: Text, cause?: unknown): never {
  throw new KientrucError(message.en, { code, text: message, ...(cause !== undefined ? { cause } : {}) });
}

/** `"value"` for a message: strings quoted, anything else by its type, clipped. */
function shown(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value.length > 60 ? `${value.slice(0, 59)}…` : value);
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : typeof value === 'function' ? 'a function' : String(value);
}

/** `"a", "b", "c"`: the values a message lists. */
const quoted = (values: readonly string[]): string => values.map((v) => `"${v}"`).join(', ');

/** Refuses `value` unless it is one of `allowed`; the message names them all. */
export function oneOf<T extends string>(name: string, value: unknown, allowed: readonly T[]): T {
  if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return value as T;
  const list = quoted(allowed);
  return fail('KIENTRUC_INVALID_ARGUMENT', text(`${name} ${shown(value)} không hợp lệ: dùng một trong ${list}.`, `${name} ${shown(value)} is not valid: use one of ${list}.`));
}

/** A list whose every item is one of `allowed` (a report's formats). */
export function listOf<T extends string>(name: string, value: unknown, allowed: readonly T[]): readonly T[] {
  if (!Array.isArray(value)) {
    const list = quoted(allowed);
    return fail('KIENTRUC_INVALID_ARGUMENT', text(`${name} phải là một mảng gồm ${list}; nhận được ${shown(value)}.`, `${name} must be an array of ${list}; got ${shown(value)}.`));
  }
  return value.map((v) => oneOf(`${name} item`, v, allowed));
}

export function isoDate(name: string, value: unknown): IsoDate {
  if (typeof value === 'string' && isIsoDate(value)) return value;
  return fail('KIENTRUC_INVALID_ARGUMENT', text(`${name} ${shown(value)} không phải ngày dạng YYYY-MM-DD.`, `${name} ${shown(value)} is not a date YYYY-MM-DD.`));
}

export function aString(name: string, value: unknown): string {
  if (typeof value === 'string' && value !== '') return value;
  return fail('KIENTRUC_INVALID_ARGUMENT', text(`${name} phải là một chuỗi không rỗng; nhận được ${shown(value)}.`, `${name} must be a non-empty string; got ${shown(value)}.`));
}

export function anObject(name: string, value: unknown): Record<string, unknown> {
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) return value as Record<string, unknown>;
  return fail('KIENTRUC_INVALID_ARGUMENT', text(`${name} phải là một đối tượng; nhận được ${shown(value)}.`, `${name} must be an object; got ${shown(value)}.`));
}

/** An options object with no key but `allowed`: a misspelt option (`failon`) is refused, never ignored. */
export function optionsObject(name: string, value: unknown, allowed: readonly string[]): Record<string, unknown> {
  const o = anObject(name, value);
  const unknown = Object.keys(o).filter((k) => !allowed.includes(k));
  if (unknown.length > 0) {
    const list = quoted(allowed);
    fail('KIENTRUC_INVALID_ARGUMENT', text(`${name}: không có tùy chọn ${quoted(unknown)}; các tùy chọn: ${list}.`, `${name}: no option ${quoted(unknown)}; the options are ${list}.`));
  }
  return o;
}

export function anArray(name: string, value: unknown): readonly unknown[] {
  if (Array.isArray(value)) return value;
  return fail('KIENTRUC_INVALID_ARGUMENT', text(`${name} phải là một mảng; nhận được ${shown(value)}.`, `${name} must be an array; got ${shown(value)}.`));
}

/** The architecture folder, resolved from `cwd`: refused before loading, in the library's words. */
export async function requireFolder(root: string, cwd: string): Promise<void> {
  const abs = resolve(cwd, root);
  const info = await stat(abs).catch((err: unknown) => err);
  if (info instanceof Error) {
    if ((info as NodeJS.ErrnoException).code === 'ENOENT' || (info as NodeJS.ErrnoException).code === 'ENOTDIR') {
      fail('KIENTRUC_NOT_FOUND', text(`Không có thư mục kiến trúc ${JSON.stringify(abs)} (root ${JSON.stringify(root)}, tính từ cwd).`, `No architecture folder ${JSON.stringify(abs)} (root ${JSON.stringify(root)}, resolved from cwd).`), info);
    }
    throw libraryError(info);
  }
  if (!(info as Awaited<ReturnType<typeof stat>>).isDirectory()) {
    fail('KIENTRUC_NOT_FOUND', text(`${JSON.stringify(abs)} (root) không phải là thư mục.`, `${JSON.stringify(abs)} (root) is not a folder.`));
  }
}

/** The configuration file named by `config`, resolved from `cwd`. */
export async function requireFile(config: string, cwd: string): Promise<void> {
  const abs = resolve(cwd, config);
  const info = await stat(abs).catch(() => undefined);
  if (info === undefined || !info.isFile()) {
    fail('KIENTRUC_NOT_FOUND', text(`Không có tệp cấu hình ${JSON.stringify(abs)} (config ${JSON.stringify(config)}, tính từ cwd).`, `No configuration file ${JSON.stringify(abs)} (config ${JSON.stringify(config)}, resolved from cwd).`));
  }
}

/**
 * Any error thrown below the API, as the library's: its own errors pass as they are; a problem of
 * the user's machine (EACCES on the cache folder…) is `KIENTRUC_FILESYSTEM`; another `UserError` (its
 * text is the user's, in both languages) is `KIENTRUC_INVALID_ARGUMENT`; anything else is a bug
 * (`KIENTRUC_INTERNAL`, as an `InternalError` is already).
 */
export function libraryError(err: unknown): KientrucError {
  if (err instanceof KientrucError && err.code !== 'KIENTRUC_USAGE') return err;
  const os = osUserError(err, (err as NodeJS.ErrnoException | undefined)?.path, 'use');
  if (os !== undefined) return new KientrucError(os.text.en, { code: 'KIENTRUC_FILESYSTEM', text: os.text, cause: err });
  if (err instanceof UserError) return new KientrucError(err.text.en, { code: 'KIENTRUC_INVALID_ARGUMENT', text: err.text, cause: err });
  if (err instanceof KientrucError) return new KientrucError(err.message, { code: 'KIENTRUC_INVALID_ARGUMENT', cause: err });
  const message = err instanceof Error ? err.message : String(err);
  return new KientrucError(`unexpected error: ${message}. This is a bug in kientruc; please report it.`, {
    code: 'KIENTRUC_INTERNAL',
    text: text(`lỗi không lường trước: ${message}. Đây là lỗi của kientruc; vui lòng báo lỗi.`, `unexpected error: ${message}. This is a bug in kientruc; please report it.`),
    cause: err,
  });
}

/** Runs `fn`, turning whatever it throws into the library's error. */
export function guarded<T>(fn: () => T): T {
  try {
    return fn();
  } catch (err: unknown) {
    throw libraryError(err);
  }
}

/** `guarded` for promises. */
export async function guardedAsync<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err: unknown) {
    throw libraryError(err);
  }
}
