import type { Io } from './io.js';

export interface Logger {
  /** Progress and results for humans (stderr); silenced by --quiet. */
  info(message: string): void;
  warn(message: string): void;
  /** Only with --verbose. */
  debug(message: string): void;
  readonly verbose: boolean;
}

export function createLogger(io: Io, opts: { quiet: boolean; verbose: boolean; color: boolean }): Logger {
  const dim = (s: string) => (opts.color ? `\u001b[2m${s}\u001b[0m` : s);
  const yellow = (s: string) => (opts.color ? `\u001b[33m${s}\u001b[0m` : s);
  return {
    verbose: opts.verbose,
    info(message) {
      if (!opts.quiet) io.stderr.write(`${message}\n`);
    },
    warn(message) {
      io.stderr.write(`${yellow(message)}\n`);
    },
    debug(message) {
      if (opts.verbose) io.stderr.write(`${dim(message)}\n`);
    },
  };
}
