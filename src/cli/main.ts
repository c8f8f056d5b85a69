import { CommanderError } from 'commander';
import { InternalError, osUserError, UsageError, UserError } from '../core/errors.js';
import { pick } from '../core/text.js';
import { createApp } from './app.js';
import type { Io } from './io.js';
import { parseErrorLine } from './parse-errors.js';
import { createProgram, langOf, unknownHelpTarget } from './program.js';

/** The closest command name (edit distance ≤ 2), as commander suggests for a mistyped command. */
function suggestion(word: string, names: readonly string[], lang: 'vi' | 'en'): string {
  const distance = (a: string, b: string): number => {
    const row = Array.from({ length: b.length + 1 }, (_, j) => j);
    for (let i = 1; i <= a.length; i++) {
      let prev = row[0] as number;
      row[0] = i;
      for (let j = 1; j <= b.length; j++) {
        const cur = row[j] as number;
        row[j] = Math.min(cur + 1, (row[j - 1] as number) + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
        prev = cur;
      }
    }
    return row[b.length] as number;
  };
  const best = names.map((n) => [n, distance(word, n)] as const).filter(([, d]) => d <= 2).sort((x, y) => x[1] - y[1])[0];
  if (!best) return '';
  return lang === 'vi' ? `; có phải ý bạn là "${best[0]}"?` : `; did you mean "${best[0]}"?`;
}

/** Runs the CLI and returns the exit code; never calls process.exit. */
export async function main(argv: readonly string[], io: Io): Promise<number> {
  const app = createApp(io);
  app.lang = langOf(argv);
  const program = await createProgram(app, argv);
  const unknown = unknownHelpTarget(argv);
  if (unknown !== undefined) {
    const hint = app.lang === 'vi' ? 'chạy "kientruc --help" để xem các lệnh' : 'run "kientruc --help" for the commands';
    io.stderr.write(`kientruc: ${app.lang === 'vi' ? `không có lệnh "${unknown}"` : `unknown command "${unknown}"`}${suggestion(unknown, program.commands.map((c) => c.name()), app.lang)} (${hint}).\n`);
    return 2;
  }
  const verbose = argv.includes('--verbose');
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return app.exitCode;
  } catch (err: unknown) {
    if (err instanceof CommanderError) {
      if (err.code === 'commander.helpDisplayed' || err.code === 'commander.version' || err.code === 'commander.help') return 0;
      if (err.exitCode === 0) return 0;
      io.stderr.write(parseErrorLine(err, app.lang));
      return 2;
    }
    if (err instanceof UserError) {
      io.stderr.write(`kientruc: ${pick(err.text, app.lang)}\n`);
      if (verbose && err.stack) io.stderr.write(`${err.stack}\n`);
      return 2;
    }
    // The user's machine said no (a full disk, a read-only folder, a file where a folder should be):
    // one line naming the path, not "lỗi nội bộ".
    const fromOs = osUserError(err, (err as NodeJS.ErrnoException | undefined)?.path, 'use');
    if (fromOs) {
      io.stderr.write(`kientruc: ${pick(fromOs.text, app.lang)}\n`);
      if (verbose && err instanceof Error && err.stack) io.stderr.write(`${err.stack}\n`);
      return 2;
    }
    if (err instanceof UsageError) {
      io.stderr.write(`kientruc: ${err.message}\n`);
      return 2;
    }
    const e = err instanceof Error ? err : new Error(String(err));
    const internal = err instanceof InternalError;
    io.stderr.write(
      app.lang === 'en'
        ? `kientruc: ${internal ? 'internal error' : 'unexpected error'}: ${e.message}\nThis is a bug in kientruc, not in the YAML files. Please report it with the command you ran${verbose ? '' : ' (run it again with --verbose for the stack trace)'}.\n`
        : `kientruc: ${internal ? 'lỗi nội bộ' : 'lỗi không lường trước'}: ${e.message}\nĐây là lỗi của kientruc, không phải của tệp YAML. Vui lòng báo lỗi kèm lệnh đã chạy${verbose ? '' : ' (chạy lại với --verbose để xem vết lỗi)'}.\n`,
    );
    if (verbose && e.stack) io.stderr.write(`${e.stack}\n`);
    return 2;
  }
}
