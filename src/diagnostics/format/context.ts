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
  /**
   * The text of each finding as this format and these options (language, colour) print it, kept by a
   * long-lived process (the daemon) between runs: a finding is the same object while what it says is
   * the same (the rule memo keeps it), and a `Diagnostic` is never changed once made, so its text is
   * made once. Absent in a one-off run.
   */
  readonly memo?: WeakMap<Diagnostic, string> | undefined;
}

/** `FormatContext.memo` for each format and set of options, held by a long-lived process. */
export class FindingTextMemo {
  private readonly byOptions = new Map<string, WeakMap<Diagnostic, string>>();

  /** The memo of the format and options named by `key`. */
  for(key: string): WeakMap<Diagnostic, string> {
    let m = this.byOptions.get(key);
    if (m === undefined) this.byOptions.set(key, (m = new WeakMap()));
    return m;
  }
}

export type Formatter = (diagnostics: readonly Diagnostic[], ctx: FormatContext) => string;
