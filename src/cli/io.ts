/** Everything the CLI needs from the outside world, injected so tests can run `main` in-process. */
export interface OutStream {
  write(chunk: string): unknown;
  readonly isTTY?: boolean;
}

export interface Io {
  readonly stdout: OutStream;
  readonly stderr: OutStream;
  readonly cwd: string;
  /** The clock, read once by the bin. */
  readonly today: Date;
  readonly env: Readonly<Record<string, string | undefined>>;
}
