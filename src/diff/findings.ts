import type { Diagnostic } from '../core/diagnostic.js';
import { pathToString } from '../core/source.js';
import type { DiffSide, FindingChange } from './types.js';

/** Files are compared relative to each side's architecture folder, so two folders can be compared. */
function relativeFile(side: DiffSide, file: string): string {
  const root = side.root.endsWith('/') ? side.root : `${side.root}/`;
  return file.startsWith(root) ? file.slice(root.length) : file;
}

/** code + entity + YAML path: stable when lines move, different when the finding is about something else. */
export function findingKey(side: DiffSide, d: Diagnostic): string {
  return `${d.code}|${d.entity ?? relativeFile(side, d.file)}|${pathToString(d.path)}`;
}

function toChange(side: DiffSide, d: Diagnostic): FindingChange {
  return {
    key: findingKey(side, d),
    code: d.code,
    severity: d.severity,
    entity: d.entity,
    path: pathToString(d.path),
    message: d.message,
    where: { file: d.file, line: d.range.start.line },
    legalRef: d.legalRef,
  };
}

function group(side: DiffSide): Map<string, Diagnostic[]> {
  const out = new Map<string, Diagnostic[]>();
  for (const d of side.diagnostics) {
    if (d.waived) continue;
    const k = findingKey(side, d);
    const list = out.get(k);
    if (list) list.push(d);
    else out.set(k, [d]);
  }
  return out;
}

/** Unwaived findings only on the head side (introduced) or only on the base side (resolved). */
export function compareFindings(base: DiffSide, head: DiffSide): { introduced: FindingChange[]; resolved: FindingChange[]; unchanged: number } {
  const b = group(base);
  const h = group(head);
  const introduced: FindingChange[] = [];
  const resolved: FindingChange[] = [];
  let unchanged = 0;
  for (const [k, list] of h) {
    const n = b.get(k)?.length ?? 0;
    unchanged += Math.min(n, list.length);
    for (const d of list.slice(n)) introduced.push(toChange(head, d));
  }
  for (const [k, list] of b) {
    const n = h.get(k)?.length ?? 0;
    for (const d of list.slice(n)) resolved.push(toChange(base, d));
  }
  const order = (x: FindingChange, y: FindingChange) =>
    severityOrder(x) - severityOrder(y) || (x.key < y.key ? -1 : x.key > y.key ? 1 : 0);
  return { introduced: introduced.sort(order), resolved: resolved.sort(order), unchanged };
}

function severityOrder(f: FindingChange): number {
  return f.severity === 'error' ? 0 : f.severity === 'warning' ? 1 : 2;
}
