// Loaded with `node --import` into a spawned bin: on exit, writes the process's CPU time (user and
// system, microseconds, every thread) as JSON to file descriptor 3, so a test bounds the work a
// run did rather than the wall-clock time it took on a loaded machine.
import { writeSync } from 'node:fs';

process.on('exit', () => {
  try {
    writeSync(3, JSON.stringify(process.cpuUsage()));
  } catch {
    // No fd 3: not run by a test that asked.
  }
});
