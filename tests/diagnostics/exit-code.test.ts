import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/core/diagnostic.js';
import type { FailOn, Severity } from '../../src/core/severity.js';
import { text } from '../../src/core/text.js';
import { exitCodeFor } from '../../src/diagnostics/exit-code.js';

const d = (severity: Severity, code = 'x.y', waived = false): Diagnostic => ({
  code,
  severity,
  message: text('m', 'm'),
  file: 'f',
  range: { start: { line: 1, col: 1 }, end: { line: 1, col: 1 } },
  path: [],
  ...(waived ? { waived: { reason: 'r', approvedBy: 'a', expires: '2030-01-01' } } : {}),
});

describe('exitCodeFor', () => {
  it.each<[string, Diagnostic[], FailOn, number]>([
    ['nothing', [], 'error', 0],
    ['an error', [d('error')], 'error', 1],
    ['a warning with --fail-on error', [d('warning')], 'error', 0],
    ['a warning with --fail-on warning', [d('warning')], 'warning', 1],
    ['info with --fail-on warning', [d('info')], 'warning', 0],
    ['info with --fail-on info', [d('info')], 'info', 1],
    ['an error with --fail-on none', [d('error')], 'none', 0],
    ['a waived error', [d('error', 'x.y', true)], 'error', 0],
    ['an internal error', [d('error', 'internal.rule-crashed')], 'none', 2],
    ['internal beats findings', [d('error'), d('error', 'internal.error')], 'error', 2],
  ])('%s → %i', (_n, diags, failOn, code) => {
    expect(exitCodeFor(diags, failOn)).toBe(code);
  });
});
