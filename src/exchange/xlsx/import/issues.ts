import type { Diagnostic } from '../../../core/diagnostic.js';
import type { Severity } from '../../../core/severity.js';
import type { Text } from '../../../core/text.js';

/** A finding about one spreadsheet cell: `file:sheet!cell`, what is wrong, how to fix it. */
export interface CellIssue {
  readonly code: string;
  readonly severity: Severity;
  readonly sheet: string;
  /** A1 address. */
  readonly address: string;
  readonly message: Text;
  readonly fix?: Text;
  /** The entity the row becomes, when it has one. */
  readonly entity?: string;
}

/** Row and column (1-based) of an A1 address. */
export function cellPosition(address: string): { line: number; col: number } {
  const m = /^([A-Z]+)(\d+)$/.exec(address);
  if (!m) return { line: 1, col: 1 };
  let col = 0;
  for (const ch of m[1] as string) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { line: Number(m[2]), col };
}

/**
 * The issue as a kientruc diagnostic: `file` is the spreadsheet, the range is row:column of the cell,
 * the path is `[sheet, address]` (so JSON and SARIF consumers can point at the cell).
 */
export function issueToDiagnostic(file: string, issue: CellIssue): Diagnostic {
  const start = cellPosition(issue.address);
  return {
    code: issue.code,
    severity: issue.severity,
    message: issue.message,
    file,
    range: { start, end: { line: start.line, col: start.col + 1 } },
    path: [issue.sheet, issue.address],
    ...(issue.entity ? { entity: issue.entity } : {}),
    ...(issue.fix ? { fix: issue.fix } : {}),
  };
}

/** Orders issues by sheet order, then row, then column, then code. */
export function compareIssues(sheetOrder: readonly string[]) {
  return (a: CellIssue, b: CellIssue): number => {
    const sa = sheetOrder.indexOf(a.sheet);
    const sb = sheetOrder.indexOf(b.sheet);
    if (sa !== sb) return sa - sb;
    const pa = cellPosition(a.address);
    const pb = cellPosition(b.address);
    return pa.line - pb.line || pa.col - pb.col || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);
  };
}
