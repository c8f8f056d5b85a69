/**
 * The two variables the memory guard (memory-guard.ts) sets in its child, apart so that the bin can read
 * them before deciding whether the guard, and what it imports (node:child_process, node:v8), loads at
 * all: a `check` a daemon answers (daemon/client.ts) needs neither. No imports.
 */

/** Set in the child: run the command here. */
export const GUARDED_ENV = 'KIENTRUC_GUARDED';
/** Set in the child when the user's stderr is a terminal (the child's is a pipe to us). */
export const STDERR_TTY_ENV = 'KIENTRUC_STDERR_TTY';
