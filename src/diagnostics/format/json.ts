import { countBySeverity, type Diagnostic } from '../../core/diagnostic.js';
import { pick } from '../../core/text.js';
import type { FormatContext } from './context.js';

/** Bumped on any breaking change of the JSON shape. */
export const JSON_FORMAT_VERSION = 1;

/** `{ version, tool, summary, diagnostics }` with keys in a fixed order. */
export function formatJson(diagnostics: readonly Diagnostic[], ctx: FormatContext): string {
  return [...jsonChunks(diagnostics, ctx)].join('');
}

/** `formatJson` finding by finding: each finding's object is made only as it is written. */
export function* jsonChunks(diagnostics: readonly Diagnostic[], ctx: FormatContext): Generator<string> {
  const head = {
    version: JSON_FORMAT_VERSION,
    tool: { name: 'kientruc', version: ctx.toolVersion },
    lang: ctx.lang,
    summary: { ...countBySeverity(diagnostics), waived: diagnostics.filter((d) => d.waived).length, files: ctx.files.length },
    diagnostics: [],
  };
  if (diagnostics.length === 0) {
    yield `${JSON.stringify(head, null, 2)}\n`;
    return;
  }
  // The diagnostics are the last member: the head's text ends in `[]\n}`, where the list goes.
  const text = JSON.stringify(head, null, 2);
  yield `${text.slice(0, -'[]\n}'.length)}[`;
  let first = true;
  for (const d of diagnostics) {
    const one = {
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
    };
    yield `${first ? '' : ','}\n    ${JSON.stringify(one, null, 2).replaceAll('\n', '\n    ')}`;
    first = false;
  }
  yield '\n  ]\n}\n';
}
