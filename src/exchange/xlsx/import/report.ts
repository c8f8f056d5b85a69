import type { Lang } from '../../../core/text.js';
import { countEn, pick } from '../../../core/text.js';
import type { CellIssue } from './issues.js';

const COLORS = { error: '\u001b[31m', warning: '\u001b[33m', info: '\u001b[36m', dim: '\u001b[2m', reset: '\u001b[0m' };
const oneLine = (s: string): string => s.replace(/[\u0000-\u001f\u007f-\u009f]+/g, ' ');

/** One line per finding, `file:sheet!cell  severity  message  code`, then the fix; like `stylish`, for cells. */
export function formatCellIssues(file: string, issues: readonly CellIssue[], opts: { lang: Lang; color: boolean }): string {
  const paint = (c: keyof typeof COLORS, s: string) => (opts.color ? `${COLORS[c]}${s}${COLORS.reset}` : s);
  const vi = opts.lang === 'vi';
  const lines: string[] = [];
  for (const i of issues) {
    lines.push(`${oneLine(`${file}:${i.sheet}!${i.address}`)}  ${paint(i.severity, i.severity)}  ${oneLine(pick(i.message, opts.lang))}  ${paint('dim', i.code)}`);
    if (i.fix) lines.push(`    ${vi ? 'Cách sửa' : 'Fix'}: ${oneLine(pick(i.fix, opts.lang))}`);
  }
  const n = { error: 0, warning: 0, info: 0 };
  for (const i of issues) n[i.severity]++;
  if (issues.length) lines.push('');
  lines.push(vi ? `${n.error} lỗi, ${n.warning} cảnh báo, ${n.info} thông tin trong ${file}.` : `${countEn(n.error, 'error')}, ${countEn(n.warning, 'warning')}, ${n.info} info in ${file}.`);
  return `${lines.join('\n')}\n`;
}
