import type { Diagnostic } from '../../core/diagnostic.js';
import type { Severity } from '../../core/severity.js';
import { pick } from '../../core/text.js';
import type { FormatContext } from './context.js';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note' };

/** SARIF 2.1.0; every registered rule and built-in code is listed in `tool.driver.rules`. */
export function formatSarif(diagnostics: readonly Diagnostic[], ctx: FormatContext): string {
  const codes = [...ctx.codes];
  const known = new Set(codes.map((c) => c.id));
  for (const d of diagnostics) {
    if (!known.has(d.code)) {
      known.add(d.code);
      codes.push({ id: d.code, severity: d.severity, description: d.message });
    }
  }
  codes.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const index = new Map(codes.map((c, i) => [c.id, i]));
  const rules = codes.map((c) => {
    const help = c.help ?? c.description;
    const legal = c.legalRef ? `\n\nCăn cứ pháp lý / Legal basis: ${c.legalRef}` : '';
    return {
      id: c.id,
      name: c.id.replace(/[.-](\w)/g, (_, ch: string) => ch.toUpperCase()).replace(/^\w/, (ch) => ch.toUpperCase()),
      shortDescription: { text: pick(c.description, ctx.lang) },
      fullDescription: { text: `${pick(c.description, ctx.lang)}${legal}` },
      help: { text: `${pick(help, ctx.lang)}${legal}`, markdown: `${pick(help, ctx.lang)}${c.legalRef ? `\n\n**Căn cứ pháp lý / Legal basis:** ${c.legalRef}` : ''}` },
      defaultConfiguration: { level: LEVEL[c.severity] },
      properties: {
        ...(c.legalRef ? { legalRef: c.legalRef } : {}),
        tags: [c.id.split('.')[0] ?? 'kientruc', ...(c.legalRef ? ['legal'] : [])],
      },
    };
  });
  const results = diagnostics.map((d) => {
    const { start, end } = d.range;
    const endLine = Math.max(end.line, start.line);
    const endColumn = endLine === start.line ? Math.max(end.col, start.col + 1) : Math.max(end.col, 1);
    return {
      ruleId: d.code,
      ruleIndex: index.get(d.code) ?? 0,
      level: LEVEL[d.severity],
      message: { text: `${pick(d.message, ctx.lang)}${d.fix ? ` ${pick(d.fix, ctx.lang)}` : ''}` },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: encodeURI(d.file), uriBaseId: '%SRCROOT%' },
            region: { startLine: start.line, startColumn: start.col, endLine, endColumn },
          },
          ...(d.entity ? { logicalLocations: [{ fullyQualifiedName: String(d.entity), kind: 'object' }] } : {}),
        },
      ],
      partialFingerprints: { 'kientruc/v1': `${d.code}|${d.entity ?? ''}|${d.path.join('.')}` },
      ...(d.legalRef ? { properties: { legalRef: d.legalRef } } : {}),
      ...(d.waived ? { suppressions: [{ kind: 'external', status: 'accepted', justification: `${d.waived.reason} (${d.waived.approvedBy}, ${d.waived.expires})` }] } : {}),
    };
  });
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'kientruc',
            version: ctx.toolVersion,
            semanticVersion: ctx.toolVersion,
            informationUri: 'https://github.com/kientruc/kientruc',
            language: ctx.lang,
            rules,
          },
        },
        originalUriBaseIds: { '%SRCROOT%': { description: { text: 'Thư mục làm việc / working directory' } } },
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}
