import type { Diagnostic } from '../../core/diagnostic.js';
import type { Severity } from '../../core/severity.js';
import type { Lang, Text } from '../../core/text.js';

/** A rule or built-in code as formatters describe it. */
export interface CodeInfo {
  readonly id: string;
  readonly severity: Severity;
  readonly description: Text;
  readonly help?: Text;
  readonly legalRef?: string;
}

export interface FormatContext {
  /** Every registered rule and built-in code (SARIF lists them all, not only those that fired). */
  readonly codes: readonly CodeInfo[];
  readonly toolVersion: string;
  readonly color: boolean;
  readonly lang: Lang;
  /** Files that were checked (JUnit reports clean files as passing tests). */
  readonly files: readonly string[];
}

export type Formatter = (diagnostics: readonly Diagnostic[], ctx: FormatContext) => string;
