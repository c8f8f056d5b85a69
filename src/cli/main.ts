import { CommanderError } from 'commander';
import { InternalError, osUserError, UsageError, UserError } from '../core/errors.js';
import { pick } from '../core/text.js';
import { BrowserMissingError } from '../render/browser.js';
import { createApp } from './app.js';
import type { Io } from './io.js';
import { createProgram } from './program.js';

/** Runs the CLI and returns the exit code; never calls process.exit. */
export async function main(argv: readonly string[], io: Io): Promise<number> {
  const app = createApp(io);
  const program = await createProgram(app, argv);
  const verbose = argv.includes('--verbose');
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return app.exitCode;
  } catch (err: unknown) {
    if (err instanceof CommanderError) {
      if (err.code === 'commander.helpDisplayed' || err.code === 'commander.version' || err.code === 'commander.help') return 0;
      return err.exitCode === 0 ? 0 : 2;
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
    if (err instanceof UsageError || err instanceof BrowserMissingError) {
      io.stderr.write(`kientruc: ${err.message}\n`);
      return 2;
    }
    const e = err instanceof Error ? err : new Error(String(err));
    const kind = err instanceof InternalError ? 'lỗi nội bộ' : 'lỗi không lường trước';
    io.stderr.write(
      `kientruc: ${kind}: ${e.message}\nĐây là lỗi của kientruc, không phải của tệp YAML. Vui lòng báo lỗi kèm lệnh đã chạy${verbose ? '' : ' (chạy lại với --verbose để xem vết lỗi)'}.\n`,
    );
    if (verbose && e.stack) io.stderr.write(`${e.stack}\n`);
    return 2;
  }
}
