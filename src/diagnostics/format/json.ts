import { countBySeverity, type Diagnostic } from '../../core/diagnostic.js';
import { pick } from '../../core/text.js';
import type { FormatContext } from './context.js';

/** Bumped on any breaking change of the JSON shape. */
export const JSON_FORMAT_VERSION = 1;

/** `{ version, tool, summary, diagnostics }` with keys in a fixed order. */
export function formatJson(diagnostics: readonly Diagnostic[], ctx: FormatContext): string {
  const out = {
    version: JSON_FORMAT_VERSION,
    tool: { name: 'kientruc', version: ctx.toolVersion },
    lang: ctx.lang,
    summary: { ...countBySeverity(diagnostics), waived: diagnostics.filter((d) => d.waived).length, files: ctx.files.length },
    diagnostics: diagnostics.map((d) => ({
      code: d.code,
      severity: d.severity,
      message: pick(d.message, ctx.lang),
      file: d.file,
      range: {
        start: { line: d.range.start.line, col: d.range.start.col },
        end: { line: d.range.end.line, col: d.range.end.col },
      },
      entity: d.entity ?? null,
      path: d.path,
      legalRef: d.legalRef ?? null,
      fix: d.fix ? pick(d.fix, ctx.lang) : null,
      waived: d.waived ? { reason: d.waived.reason, approvedBy: d.waived.approvedBy, expires: d.waived.expires } : null,
    })),
  };
  return `${JSON.stringify(out, null, 2)}\n`;
}
