import { CommanderError } from 'commander';
import { InternalError, UsageError } from '../core/errors.js';
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
