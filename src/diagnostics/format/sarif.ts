import type { Diagnostic } from '../../core/diagnostic.js';
import type { Severity } from '../../core/severity.js';
import { pick } from '../../core/text.js';
import { uriOfPath } from '../../core/uri.js';
import type { CodeInfo, FormatContext } from './context.js';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note' };

/**
 * Where docs/check.md documents a code: a rule (every rule has a legal source, built-in codes none)
 * has its own anchor in the rule table (its id, checked by tests/diagnostics/sarif-links.test.ts);
 * every other code is in the "Diagnostic codes" section.
 */
function helpUriOf(c: CodeInfo, checkDocs: string | undefined): string | undefined {
  if (checkDocs === undefined) return undefined;
  return c.legalRef !== undefined ? `${checkDocs}#${encodeURIComponent(c.id)}` : `${checkDocs}#diagnostic-codes`;
}

/**
 * A result's identity across runs (GitHub matches alerts by it): the code, the entity and the field
 * path, which survive edits that only move lines. A finding with no entity (a YAML syntax error, a
 * configuration problem) is told apart by its file and its English message instead, its digits left
 * out (a YAML message names lines: "Line 12 is indented…"), and findings that would still share one
 * (the same syntax error twice in a file) by their order in the run.
 */
function fingerprints(diagnostics: readonly Diagnostic[]): string[] {
  const seen = new Map<string, number>();
  return diagnostics.map((d) => {
    const base = d.entity !== undefined ? `${d.code}|${d.entity}|${d.path.join('.')}` : `${d.code}|${d.file}|${d.path.join('.')}|${d.message.en.replace(/\d+/g, '#')}`;
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return n === 1 ? base : `${base}|${n}`;
  });
}

/** What every `uri` is relative to: the same folder every kientruc output's paths are (load/discover.ts `pathBase`). */
const SRCROOT_DESCRIPTION =
  'Thư mục gốc của kho git chứa thư mục kiến trúc (thư mục cha của thư mục kiến trúc khi nó không nằm trong kho git) / ' +
  'The top level of the git repository holding the architecture folder (the architecture folder\'s parent when it is not in a git repository)';

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
    const helpUri = helpUriOf(c, ctx.links?.checkDocs);
    return {
      id: c.id,
      name: c.id.replace(/[.-](\w)/g, (_, ch: string) => ch.toUpperCase()).replace(/^\w/, (ch) => ch.toUpperCase()),
      shortDescription: { text: pick(c.description, ctx.lang) },
      fullDescription: { text: `${pick(c.description, ctx.lang)}${legal}` },
      help: { text: `${pick(help, ctx.lang)}${legal}`, markdown: `${pick(help, ctx.lang)}${c.legalRef ? `\n\n**Căn cứ pháp lý / Legal basis:** ${c.legalRef}` : ''}` },
      ...(helpUri !== undefined ? { helpUri } : {}),
      defaultConfiguration: { level: LEVEL[c.severity] },
      properties: {
        ...(c.legalRef ? { legalRef: c.legalRef } : {}),
        tags: [c.id.split('.')[0] ?? 'kientruc', ...(c.legalRef ? ['legal'] : [])],
      },
    };
  });
  const prints = fingerprints(diagnostics);
  const results = diagnostics.map((d, i) => {
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
            artifactLocation: { uri: uriOfPath(d.file), uriBaseId: '%SRCROOT%' },
            region: { startLine: start.line, startColumn: start.col, endLine, endColumn },
          },
          ...(d.entity ? { logicalLocations: [{ fullyQualifiedName: String(d.entity), kind: 'object' }] } : {}),
        },
      ],
      partialFingerprints: { 'kientruc/v1': prints[i] as string },
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
            ...(ctx.links?.home !== undefined ? { informationUri: ctx.links.home } : {}),
            language: ctx.lang,
            rules,
          },
        },
        // No `uri`: the base is a folder on the machine that ran the check, and a committed or uploaded
        // report must not depend on it (nor hold an absolute path); code scanning maps paths to the
        // repository it checked out.
        originalUriBaseIds: { '%SRCROOT%': { description: { text: SRCROOT_DESCRIPTION } } },
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}
