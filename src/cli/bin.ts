#!/usr/bin/env node
// The only file that touches process, and the only reader of the clock.
import * as nodeModule from 'node:module';
import { fileURLToPath } from 'node:url';
import { GUARDED_ENV, STDERR_TTY_ENV } from './guard-env.js';

// Node 22.1+ keeps the compiled code of the ~170 modules a command loads in a cache on disk (its own
// folder under the OS temp folder, or NODE_COMPILE_CACHE; NODE_DISABLE_COMPILE_CACHE=1 turns it off), so
// later starts skip compiling them. Node 20 has no such cache: nothing happens there.
(nodeModule as { enableCompileCache?: () => unknown }).enableCompileCache?.();

// A reader that stops early (`kientruc --help | head`, `kientruc schema | less` then q) closes the pipe:
// that is the reader's choice, not an error, so leave quietly as other Unix tools do.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw err;
  });
}

const guarded = process.env[GUARDED_ENV] === '1';
// `check`/`validate` with a daemon serving the folder: it answers, and nothing else of kientruc loads
// (daemon/client.ts; undefined: no daemon, or not one that can serve this command exactly).
const mayServe = !guarded && process.argv.slice(2).some((a) => a === 'check' || a === 'validate');
const served = !mayServe ? undefined : await (await import('./daemon/client.js')).runThroughDaemon({
  argv: process.argv.slice(2),
  env: process.env,
  cwd: process.cwd(),
  stdout: process.stdout,
  stderr: process.stderr,
  today: new Date(),
});
// The memory guard (node:child_process, node:v8) loads only now: a `check` the daemon answered needs
// neither. Paired with a static import, build id in both (`farm-bench`, 60 and 80 pairs, the sample's
// daemon): the client's CPU ×0.97 both times, 0.5 MB less memory.
const guard = served === undefined ? await import('./memory-guard.js') : undefined;
if (guard === undefined) {
  process.exitCode = served;
} else if (!guarded && guard.needsGuard({ argv: process.argv.slice(2), cwd: process.cwd(), env: process.env })) {
  // The command runs in a child with the same Node flags, so running out of memory is one line
  // (memory-guard.ts); a command that reads nothing, or a small architecture, runs here instead.
  process.exitCode = await guard.runGuarded({
    argv: process.argv.slice(2),
    execArgv: process.execArgv,
    // This file: dist/cli/bin.js (the bundle's entry point, cli/bundle.ts), or bin.ts under tsx.
    script: fileURLToPath(import.meta.url),
    env: process.env,
    stderr: process.stderr,
    onSignal: (signal, relay) => void process.on(signal, relay),
  });
} else {
  if (guarded) guard.followParent();
  const { main } = await import('./main.js');
  // Under the guard, stderr is a pipe to the bin: the user's terminal is said by the bin.
  const stderr = guarded && process.env[STDERR_TTY_ENV] === '1' ? { write: (s: string) => process.stderr.write(s), isTTY: true } : process.stderr;
  process.exitCode = await main(process.argv.slice(2), {
    stdin: process.stdin,
    stdout: process.stdout,
    stderr,
    cwd: process.cwd(),
    today: new Date(),
    clock: () => new Date(),
    env: process.env,
    onInterrupt(handler) {
      let called = false;
      const once = () => {
        // Under the guard the same Ctrl-C can arrive twice (from the terminal and relayed): one interruption.
        if (!guarded) {
          process.off('SIGINT', once);
          process.off('SIGTERM', once);
        }
        if (called) return;
        called = true;
        handler();
      };
      process.on('SIGINT', once);
      process.on('SIGTERM', once);
      return () => {
        process.off('SIGINT', once);
        process.off('SIGTERM', once);
      };
    },
    ...(guarded
      ? {
          onLoaded({ files, bytes }) {
            process.stderr.write(guard.sizeLine(files, bytes));
            // A large architecture: the writing commands grow the heap slowly from here on (memory-guard.ts).
            const flag = guard.heapFlagFor(process.argv.slice(2), process.execArgv, process.env['NODE_OPTIONS'], bytes);
            if (flag !== undefined) guard.setHeapFlag(flag);
          },
        }
      : {}),
  });
}
