import type { Diagnostic } from '../core/diagnostic.js';
import { pathToString } from '../core/source.js';
import type { DiffSide, FindingChange, WaiverChange } from './types.js';

/** Files are compared relative to each side's architecture folder, so two folders can be compared. */
function relativeFile(side: DiffSide, file: string): string {
  const root = side.root.endsWith('/') ? side.root : `${side.root}/`;
  return file.startsWith(root) ? file.slice(root.length) : file;
}

/**
 * code + entity + YAML path: stable when lines move, different when the finding is about something else.
 * `renamed` (old ref → new ref) keys a base-side finding on an entity whose id changed under its new ref.
 */
export function findingKey(side: DiffSide, d: Diagnostic, renamed?: ReadonlyMap<string, string>): string {
  const entity = d.entity === undefined ? undefined : (renamed?.get(d.entity) ?? d.entity);
  return `${d.code}|${entity ?? relativeFile(side, d.file)}|${pathToString(d.path)}`;
}

function toChange(key: string, d: Diagnostic): FindingChange {
  return {
    key,
    code: d.code,
    severity: d.severity,
    entity: d.entity,
    path: pathToString(d.path),
    message: d.message,
    where: { file: d.file, line: d.range.start.line },
    legalRef: d.legalRef,
  };
}

interface Group {
  readonly open: Diagnostic[];
  readonly waived: Diagnostic[];
}

function group(side: DiffSide, renamed?: ReadonlyMap<string, string>): Map<string, Group> {
  const out = new Map<string, Group>();
  for (const d of side.diagnostics) {
    const k = findingKey(side, d, renamed);
    let g = out.get(k);
    if (!g) out.set(k, (g = { open: [], waived: [] }));
    (d.waived ? g.waived : g.open).push(d);
  }
  return out;
}

export interface FindingComparison {
  readonly introduced: FindingChange[];
  readonly resolved: FindingChange[];
  readonly waived: WaiverChange[];
  readonly unwaived: WaiverChange[];
  readonly unchanged: number;
}

/**
 * Findings matched by key on the two sides. Open (unwaived) on both, or waived on both: unchanged.
 * Open on the base side and waived on the head side: newly waived, not resolved (the violation is
 * still there). Waived on the base side and open on the head side: the waiver expired or was withdrawn,
 * not a new violation. Open only on the head side: introduced; open only on the base side: resolved. A
 * finding waived on the head side with no match on the base side is new and waived at once (listed as
 * waived); one waived on the base side that is gone from the head side was fixed under its waiver (not
 * listed, as before).
 */
export function compareFindings(base: DiffSide, head: DiffSide, renamed?: ReadonlyMap<string, string>): FindingComparison {
  const b = group(base, renamed);
  const h = group(head);
  const introduced: FindingChange[] = [];
  const resolved: FindingChange[] = [];
  const waived: WaiverChange[] = [];
  const unwaived: WaiverChange[] = [];
  let unchanged = 0;
  const empty: Group = { open: [], waived: [] };
  for (const k of new Set([...h.keys(), ...b.keys()])) {
    const bg = b.get(k) ?? empty;
    const hg = h.get(k) ?? empty;
    const sameOpen = Math.min(bg.open.length, hg.open.length);
    const sameWaived = Math.min(bg.waived.length, hg.waived.length);
    unchanged += sameOpen + sameWaived;
    const baseOpen = bg.open.slice(sameOpen);
    const headOpen = hg.open.slice(sameOpen);
    const baseWaived = bg.waived.slice(sameWaived);
    const headWaived = hg.waived.slice(sameWaived);
    // Open before, waived now: the same violation, waived.
    for (const [i, d] of headWaived.entries()) {
      const was = baseOpen[i];
      waived.push({ ...toChange(k, d), waiver: terms(d), wasOpen: was !== undefined });
    }
    // Waived before, open now: the waiver ran out or was taken away.
    for (const [i, d] of headOpen.entries()) {
      const before = baseWaived[i];
      if (before === undefined) {
        introduced.push(toChange(k, d));
        continue;
      }
      const waiver = terms(before);
      unwaived.push({ ...toChange(k, d), waiver, why: waiver.expires < head.asOf ? 'expired' : 'withdrawn' });
    }
    for (const d of baseOpen.slice(headWaived.length)) resolved.push(toChange(k, d));
  }
  const order = (x: FindingChange, y: FindingChange) =>
    severityOrder(x) - severityOrder(y) || (x.key < y.key ? -1 : x.key > y.key ? 1 : 0);
  return { introduced: introduced.sort(order), resolved: resolved.sort(order), waived: waived.sort(order), unwaived: unwaived.sort(order), unchanged };
}

function terms(d: Diagnostic): WaiverChange['waiver'] {
  const w = d.waived as NonNullable<Diagnostic['waived']>;
  return { reason: w.reason, approvedBy: w.approvedBy, expires: w.expires };
}

function severityOrder(f: FindingChange): number {
  return f.severity === 'error' ? 0 : f.severity === 'warning' ? 1 : 2;
}
