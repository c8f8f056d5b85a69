import type { Ref } from './ref.js';
import type { Severity } from './severity.js';
import type { DocPath, Range } from './source.js';
import { comparePositions } from './source.js';
import type { Text } from './text.js';

/** Every problem kientruc reports, from YAML syntax to conformance rules, has this one shape. */
export interface Diagnostic {
  /** Rule id, or one of the prefixes `yaml.`, `schema.`, `model.`, `config.`, `waiver.`, `internal.`. */
  readonly code: string;
  readonly severity: Severity;
  /** One sentence that names the entity. */
  readonly message: Text;
  /** Path relative to the working directory, `/` separators. */
  readonly file: string;
  /** 1-based, end exclusive. */
  readonly range: Range;
  readonly entity?: Ref | string;
  /** YAML path inside `file`'s document. */
  readonly path: DocPath;
  /** Legal source; required for rule codes. */
  readonly legalRef?: string;
  /** Imperative hint on how to fix it. */
  readonly fix?: Text;
  /** Set when a waiver accepted this finding. */
  readonly waived?: { readonly reason: string; readonly approvedBy: string; readonly expires: string };
}

/**
 * Codes of the stages that read the YAML and build the model (`load.`, `yaml.`, `schema.`, `model.`):
 * an error with such a code means the model cannot be trusted for rendering.
 */
export function isStructuralCode(code: string): boolean {
  return /^(load|yaml|schema|model)\./.test(code);
}

/** True for an error of the load, YAML, schema or model stage (see `isStructuralCode`). */
export function isStructuralError(d: Diagnostic): boolean {
  return d.severity === 'error' && isStructuralCode(d.code);
}

/** Orders by file, line, column, code, entity: the order of every output. */
export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  if (a.file !== b.file) return a.file < b.file ? -1 : 1;
  const pos = comparePositions(a.range.start, b.range.start);
  if (pos !== 0) return pos;
  if (a.code !== b.code) return a.code < b.code ? -1 : 1;
  const ea = a.entity ?? '';
  const eb = b.entity ?? '';
  if (ea !== eb) return ea < eb ? -1 : 1;
  return a.message.vi < b.message.vi ? -1 : a.message.vi > b.message.vi ? 1 : 0;
}

export function sortDiagnostics(list: readonly Diagnostic[]): Diagnostic[] {
  return [...list].sort(compareDiagnostics);
}

/** Counts per severity, waived findings excluded. */
export function countBySeverity(list: readonly Diagnostic[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const d of list) if (!d.waived) counts[d.severity]++;
  return counts;
}
