import { isoOf, isIsoDate, type IsoDate } from '../core/dates.js';
import { UserError } from '../core/errors.js';
import { text, type Lang } from '../core/text.js';
import { TOOL_VERSION } from '../load/package-info.js';
import type { Io } from './io.js';
import { createLogger, type Logger } from './logger.js';

/** kientruc's version (package.json); the API's outputs name the same one. */
export { TOOL_VERSION };

/** What every command receives: io, global options, and a place to put its exit code. */
export interface App {
  readonly io: Io;
  readonly version: string;
  exitCode: number;
  /** Set from global options before the command runs. */
  lang: Lang;
  color: boolean;
  /** --quiet: no progress on stderr. */
  quiet: boolean;
  log: Logger;
  today: IsoDate;
}

export function createApp(io: Io): App {
  const color = Boolean(io.stderr.isTTY) && io.env['NO_COLOR'] === undefined;
  return {
    io,
    version: TOOL_VERSION,
    exitCode: 0,
    lang: 'vi',
    color,
    quiet: false,
    log: createLogger(io, { quiet: false, verbose: false, color }),
    today: isoOf(io.today),
  };
}

export function parseAsOf(value: string | undefined): IsoDate | undefined {
  if (value === undefined) return undefined;
  if (!isIsoDate(value)) throw new UserError(text(`--as-of "${value}" không phải ngày dạng YYYY-MM-DD (ví dụ 2026-09-30).`, `--as-of "${value}" is not a date YYYY-MM-DD (e.g. 2026-09-30).`));
  return value;
}

export function parseMegabytes(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) throw new UserError(text(`--max-file-size "${value}" phải là số MB dương.`, `--max-file-size "${value}" must be a positive number of MB.`));
  return Math.round(n * 1024 * 1024);
}
