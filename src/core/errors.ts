/** Base of every error kientruc throws on purpose. Problems in user YAML are diagnostics, not errors. */
export class KientrucError extends Error {
  override name = 'KientrucError';
}

/** Bad flag, missing folder, unreadable root: exit 2 with one line. */
export class UsageError extends KientrucError {
  override name = 'UsageError';
}

/** A broken invariant inside kientruc: exit 2 and ask for a report. */
export class InternalError extends KientrucError {
  override name = 'InternalError';
}
