import type { Diagnostic } from '../core/diagnostic.js';
import { isAtLeast, type FailOn } from '../core/severity.js';

/** 2 for internal errors, 1 for unwaived findings at or above `failOn`, else 0 (2 beats 1). */
export function exitCodeFor(diagnostics: readonly Diagnostic[], failOn: FailOn): 0 | 1 | 2 {
  if (diagnostics.some((d) => d.code.startsWith('internal.'))) return 2;
  if (diagnostics.some((d) => !d.waived && isAtLeast(d.severity, failOn))) return 1;
  return 0;
}
