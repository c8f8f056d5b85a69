import type { Diagnostic } from '../../core/diagnostic.js';
import type { FailOn, Severity } from '../../core/severity.js';
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
   * The run's `--fail-on` (default `error`): JUnit makes a `<failure>` only of an unwaived finding at
   * or above it, the findings that make the exit code 1; the others are passing test cases.
   */
  readonly failOn?: FailOn;
  /** kientruc's public addresses (SARIF `informationUri`, `helpUri`); absent ones are left out. */
  readonly links?: { readonly home?: string; readonly checkDocs?: string };
}

/**
 * The files a run's report names (JUnit lists clean ones as passing tests, json counts them): every YAML
 * path found, refused and unreadable ones too, then the configuration file read. The CLI and the API
 * both take them from here, so the same run gives the same bytes.
 */
export function reportedFiles(run: { readonly loaded: { readonly paths: readonly string[] }; readonly config: { readonly file?: string | undefined } }): string[] {
  return [...run.loaded.paths, ...(run.config.file !== undefined ? [run.config.file] : [])];
}

/**
 * One file's findings as `stylish` prints them, encoded (UTF-8), kept by a long-lived process (the
 * daemon) between runs, with what the summary line counts of them. A `Diagnostic` is never changed
 * once made, and the rule memo keeps a finding's object while what it says is the same: while a file's
 * findings are the same objects in the same order, its block is written again as it is, with no text
 * made and nothing encoded.
 */
export interface StylishBlock {
  readonly items: readonly Diagnostic[];
  readonly bytes: Buffer;
  readonly errors: number;
  readonly warnings: number;
  readonly infos: number;
  readonly waived: number;
}

/** The blocks of the last run with one set of options (language, colour), by file. */
export class StylishBlocks {
  blocks: ReadonlyMap<string, StylishBlock> = new Map();
}

/** Sets of options kept at once: a language and colour switched back and forth (each set holds the whole output). */
const KEPT_OPTIONS = 2;

/** `StylishBlocks` for each format and set of options, held by a long-lived process (the daemon). */
export class FindingTextMemo {
  private readonly byOptions = new Map<string, StylishBlocks>();

  /** The blocks of the format and options named by `key` (the most recently asked sets are kept). */
  for(key: string): StylishBlocks {
    let m = this.byOptions.get(key);
    if (m === undefined) m = new StylishBlocks();
    else this.byOptions.delete(key);
    this.byOptions.set(key, m);
    while (this.byOptions.size > KEPT_OPTIONS) this.byOptions.delete(this.byOptions.keys().next().value as string);
    return m;
  }
}

export type Formatter = (diagnostics: readonly Diagnostic[], ctx: FormatContext) => string;
