/** 1-based line and column, as yaml's LineCounter, SARIF and GitHub use them. */
export interface Position {
  readonly line: number;
  readonly col: number;
}

/** A span in a file; `end` is exclusive, as in SARIF. */
export interface Range {
  readonly start: Position;
  readonly end: Position;
}

export interface Location {
  /** Path relative to the working directory, with `/` separators. */
  readonly file: string;
  readonly range: Range;
}

export const FILE_START: Range = { start: { line: 1, col: 1 }, end: { line: 1, col: 1 } };

/** A JSON path inside one YAML document, e.g. `['security', 'decision', 'number']`. */
export type DocPath = readonly (string | number)[];

/** `a.b.0.c` form used in fix hints and JSON output. */
export function pathToString(path: DocPath): string {
  return path.map(String).join('.');
}

export function comparePositions(a: Position, b: Position): number {
  return a.line - b.line || a.col - b.col;
}
