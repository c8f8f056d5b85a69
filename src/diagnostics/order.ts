import { sameElements } from '../core/arrays.js';
import { compareDiagnostics, type Diagnostic } from '../core/diagnostic.js';

/**
 * `sortDiagnostics` for a long-lived process (the daemon, the language server) that sorts nearly the
 * same findings run after run (the rule memo keeps a finding's object while what it says is the
 * same). Findings are ordered by file first: they are grouped by file, in the order the list gives
 * them, the files are sorted, and each file's group is sorted on its own — taken from the last run
 * when the group is the same objects in the same order (a national model's 130,000 findings are
 * grouped, not sorted from scratch: ≈ 15 ms instead of ≈ 140). The result is `sortDiagnostics` of
 * the list, element for element: that sort is stable, and findings of one file keep the list's order
 * in their group before the group is sorted (stably) by the same comparison.
 */
export class DiagnosticOrder {
  private last = new Map<string, Group>();

  sort(list: readonly Diagnostic[]): Diagnostic[] {
    const groups = new Map<string, Diagnostic[]>();
    for (const d of list) {
      const group = groups.get(d.file);
      if (group) group.push(d);
      else groups.set(d.file, [d]);
    }
    const files = [...groups.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    const out: Diagnostic[] = [];
    const next = new Map<string, Group>();
    for (const file of files) {
      const given = groups.get(file) as Diagnostic[];
      const was = this.last.get(file);
      let sorted: readonly Diagnostic[];
      let perm: readonly number[] | undefined;
      if (was !== undefined && sameElements(was.given, given)) {
        sorted = was.sorted;
        perm = was.perm;
      } else if (given.length <= 1) sorted = given;
      else if (was !== undefined && was.perm !== undefined && sameKeys(was.given, given)) {
        // New objects that compare as the last run's did, pair by pair: the same permutation.
        perm = was.perm;
        sorted = perm.map((i) => given[i] as Diagnostic);
      } else {
        const idx = given.map((_, i) => i);
        idx.sort((i, j) => compareDiagnostics(given[i] as Diagnostic, given[j] as Diagnostic) || i - j);
        perm = idx;
        sorted = idx.map((i) => given[i] as Diagnostic);
      }
      next.set(file, { given, sorted, perm });
      for (const d of sorted) out.push(d);
    }
    this.last = next;
    return out;
  }
}

/** A file's findings as given, sorted, and the permutation that sorted them (index into `given`; none for one finding). */
interface Group {
  readonly given: readonly Diagnostic[];
  readonly sorted: readonly Diagnostic[];
  readonly perm: readonly number[] | undefined;
}

/** True when every pair of `a` compares as the same pair of `b` (`compareDiagnostics` reads only these fields). */
function sameKeys(a: readonly Diagnostic[], b: readonly Diagnostic[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i] as Diagnostic;
    const y = b[i] as Diagnostic;
    if (x === y) continue;
    if (x.file !== y.file || x.code !== y.code || (x.entity ?? '') !== (y.entity ?? '') || x.message.vi !== y.message.vi) return false;
    if (x.range.start.line !== y.range.start.line || x.range.start.col !== y.range.start.col) return false;
  }
  return true;
}
