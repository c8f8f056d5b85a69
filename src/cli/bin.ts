#!/usr/bin/env node
// The only file that touches process, and the only reader of the clock.
import { main } from './main.js';

// A reader that stops early (`kientruc --help | head`, `kientruc schema | less` then q) closes the pipe:
// that is the reader's choice, not an error, so leave quietly as other Unix tools do.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw err;
  });
}

process.exitCode = await main(process.argv.slice(2), {
  stdin: process.stdin,
  stdout: process.stdout,
  stderr: process.stderr,
  cwd: process.cwd(),
  today: new Date(),
  env: process.env,
  onInterrupt(handler) {
    const once = () => {
      process.off('SIGINT', once);
      process.off('SIGTERM', once);
      handler();
    };
    process.on('SIGINT', once);
    process.on('SIGTERM', once);
    return () => {
      process.off('SIGINT', once);
      process.off('SIGTERM', once);
    };
  },
});
