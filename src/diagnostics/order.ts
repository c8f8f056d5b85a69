import { compareDiagnostics, sortDiagnostics, type Diagnostic } from '../core/diagnostic.js';

/**
 * `sortDiagnostics` for a long-lived process (the daemon, the language server) that sorts nearly the
 * same findings run after run: the rule memo keeps a finding's object while what it says is the same.
 * The findings of the last sorted list that are still there are put first, in its order (already
 * sorted), then the new ones; the stable sort then walks the sorted run once and merges the new
 * ones in, instead of sorting a national model's 130,000 findings from scratch. The result is
 * `sortDiagnostics` of the list, element for element: findings that compare equal (same file,
 * position, code, entity and Vietnamese message) are put back in the order the list gives them, as
 * the stable sort of the list does.
 */
export class DiagnosticOrder {
  private last: readonly Diagnostic[] = [];

  sort(list: readonly Diagnostic[]): Diagnostic[] {
    const now = new Set(list);
    // The same object twice (nothing makes it so today): the plain sort, which keeps both.
    if (now.size !== list.length) return (this.last = sortDiagnostics(list));
    const out: Diagnostic[] = [];
    for (const d of this.last) if (now.delete(d)) out.push(d);
    for (const d of now) out.push(d);
    out.sort(compareDiagnostics);
    putTiesInListOrder(out, list);
    this.last = out;
    return out;
  }
}

/** Each run of findings of `sorted` that compare equal, put in the order `list` gives them (in place). */
function putTiesInListOrder(sorted: Diagnostic[], list: readonly Diagnostic[]): void {
  let index: Map<Diagnostic, number> | undefined;
  for (let at = 0; at < sorted.length; ) {
    let end = at + 1;
    while (end < sorted.length && compareDiagnostics(sorted[at] as Diagnostic, sorted[end] as Diagnostic) === 0) end++;
    if (end - at > 1) {
      const where = (index ??= new Map(list.map((d, i) => [d, i])));
      const ties = sorted.slice(at, end).sort((a, b) => (where.get(a) as number) - (where.get(b) as number));
      for (let i = at; i < end; i++) sorted[i] = ties[i - at] as Diagnostic;
    }
    at = end;
  }
}
