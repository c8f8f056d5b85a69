import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/core/diagnostic.js';
import { text } from '../../src/core/text.js';
import type { FormatContext } from '../../src/diagnostics/format/context.js';
import { FORMATTERS } from '../../src/diagnostics/format/index.js';

const finding = (severity: Diagnostic['severity']): Diagnostic => ({
  code: 'schema.type',
  severity,
  message: text('Sai kiểu.', 'Wrong type.'),
  file: 'architecture/a.yaml',
  range: { start: { line: 1, col: 1 }, end: { line: 1, col: 2 } },
  path: [],
});

const ctx = (files: number): FormatContext => ({
  codes: [],
  toolVersion: '0.0.0-test',
  color: false,
  lang: 'en',
  files: Array.from({ length: files }, (_, i) => `architecture/f${i}.yaml`),
});

const summary = (out: string): string => out.trimEnd().split('\n').at(-1) ?? '';

describe('stylish summary line in English', () => {
  it('counts one error, one warning and one file in the singular', () => {
    expect(summary(FORMATTERS.stylish([finding('error')], ctx(32)))).toBe('✖ 1 error, 0 warnings, 0 info in 1/32 files.');
    expect(summary(FORMATTERS.stylish([finding('warning')], ctx(1)))).toBe('⚠ 0 errors, 1 warning, 0 info in 1/1 file.');
    expect(summary(FORMATTERS.stylish([finding('error'), finding('error')], ctx(2)))).toBe('✖ 2 errors, 0 warnings, 0 info in 1/2 files.');
  });

  it('says "1 file" when a clean run read one file', () => {
    expect(summary(FORMATTERS.stylish([], ctx(1)))).toBe('✓ No problems (1 file).');
  });

  it('keeps the Vietnamese line (no plural in Vietnamese)', () => {
    expect(summary(FORMATTERS.stylish([finding('error')], { ...ctx(32), lang: 'vi' }))).toBe('✖ 1 lỗi, 0 cảnh báo, 0 thông tin trong 1/32 tệp.');
  });
});
