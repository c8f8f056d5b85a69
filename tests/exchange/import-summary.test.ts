import { describe, expect, it } from 'vitest';
import { text } from '../../src/core/text.js';
import type { CellIssue } from '../../src/exchange/xlsx/import/issues.js';
import { formatCellIssues } from '../../src/exchange/xlsx/import/report.js';

const issue = (severity: CellIssue['severity']): CellIssue => ({ code: 'import.x', severity, sheet: 'Hệ thống', address: 'B2', message: text('Sai.', 'Wrong.') });

describe('import summary line', () => {
  it('counts in English with the right plural', () => {
    const one = formatCellIssues('a.xlsx', [issue('error'), issue('warning')], { lang: 'en', color: false });
    expect(one.trimEnd().split('\n').at(-1)).toBe('1 error, 1 warning, 0 info in a.xlsx.');
    const two = formatCellIssues('a.xlsx', [issue('error'), issue('error'), issue('info')], { lang: 'en', color: false });
    expect(two.trimEnd().split('\n').at(-1)).toBe('2 errors, 0 warnings, 1 info in a.xlsx.');
    expect(formatCellIssues('a.xlsx', [issue('error')], { lang: 'vi', color: false }).trimEnd().split('\n').at(-1)).toBe('1 lỗi, 0 cảnh báo, 0 thông tin trong a.xlsx.');
  });
});
