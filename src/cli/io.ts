import type { FindingTextMemo } from '../diagnostics/format/context.js';
import type { PipelineOptions, PipelineResult } from '../pipeline.js';

/** Everything the CLI needs from the outside world, injected so tests can run `main` in-process. */
export interface OutStream {
  /** Text, or bytes (UTF-8) where a command has its output as bytes already (the daemon's kept findings). */
  write(chunk: string | Uint8Array): unknown;
  readonly isTTY?: boolean;
}

export interface Io {
  /** Standard input, for the commands that read it (the language server); absent in most tests. */
  readonly stdin?: NodeJS.ReadableStream;
  readonly stdout: OutStream;
  readonly stderr: OutStream;
  readonly cwd: string;
  /** The clock, read once by the bin. */
  readonly today: Date;
  /** The clock read again, for a process that lives on (the daemon's log lines); the bin's. */
  readonly clock?: () => Date;
  readonly env: Readonly<Record<string, string | undefined>>;
  /**
   * Calls `handler` once on Ctrl-C (SIGINT) or SIGTERM, instead of the default exit, so a long-running
   * command (build --watch) can close its browser first; returns a function that removes the handler.
   */
  readonly onInterrupt?: (handler: () => void) => () => void;
  /**
   * Runs the pipeline instead of `runPipeline` (the daemon answers from the engine it keeps in memory);
   * same options, same result.
   */
  readonly pipeline?: (opts: PipelineOptions) => Promise<PipelineResult>;
  /** Findings' formatted output kept between runs (the daemon's, with its pipeline): the same bytes, printed again only for the files whose findings changed. */
  readonly findingText?: FindingTextMemo;
  /** Told the size of what a command read, once read and before it is parsed (the bin names it if memory runs out, and sets the heap growth of writing commands by it). */
  readonly onLoaded?: (size: { readonly files: number; readonly bytes: number }) => void;
}
