#!/usr/bin/env node
// The only file that touches process, and the only reader of the clock.
import { main } from './main.js';

process.exitCode = await main(process.argv.slice(2), {
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
