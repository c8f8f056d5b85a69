import type { Diagnostic } from '../../core/diagnostic.js';
import type { Severity } from '../../core/severity.js';
import { pick } from '../../core/text.js';
import type { FormatContext } from './context.js';

const COMMAND: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'notice' };

/** Control characters other than line ends (ANSI escapes from YAML text) would drive the Actions log viewer. */
export function escapeData(s: string): string {
  return s
    .replace(/[\u0000-\u0009\u000b\u000c\u000e-\u001f\u007f-\u009f]/g, ' ')
    .replace(/%/g, '%25')
    .replace(/\r/g, '%0D')
    .replace(/\n/g, '%0A');
}

export function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/** GitHub Actions workflow commands: one annotation per finding. */
export function formatGithub(diagnostics: readonly Diagnostic[], ctx: FormatContext): string {
  const lines = diagnostics
    .filter((d) => !d.waived)
    .map((d) => {
      const props = [
        `file=${escapeProperty(d.file)}`,
        `line=${d.range.start.line}`,
        `col=${d.range.start.col}`,
        `endLine=${d.range.end.line}`,
        `endColumn=${d.range.end.col}`,
        `title=${escapeProperty(d.legalRef ? `${d.code} [${d.legalRef}]` : d.code)}`,
      ].join(',');
      const msg = `${pick(d.message, ctx.lang)}${d.fix ? `\n${pick(d.fix, ctx.lang)}` : ''}`;
      return `::${COMMAND[d.severity]} ${props}::${escapeData(msg)}`;
    });
  return lines.length ? `${lines.join('\n')}\n` : '';
}
