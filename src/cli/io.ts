/**
 * What the CLI reads from and writes to, passed in rather than reached for, so that the
 * commands stay testable in-process and `main` is the only place that knows `process`.
 */

/** A place to write text (stdout, stderr, or a test's buffer). */
export interface TextOut {
  write(text: string): unknown;
  /** True for a terminal: live progress and colours are drawn only there. */
  isTTY?: boolean;
  columns?: number;
}

/** The streams, folder and environment the CLI works with. */
export interface CliIo {
  stdout: TextOut;
  stderr: TextOut;
  /** Folder that file arguments and report paths are relative to. */
  cwd: string;
  /** Environment (NO_COLOR, FORCE_COLOR). */
  env: Readonly<Record<string, string | undefined>>;
}

/** The real process streams. */
export function processIo(): CliIo {
  return { stdout: process.stdout, stderr: process.stderr, cwd: process.cwd(), env: process.env };
}

/** ANSI colours on a TTY unless NO_COLOR is set (FORCE_COLOR forces them). */
export function wantsColor(io: CliIo): boolean {
  if (io.env.NO_COLOR !== undefined && io.env.NO_COLOR !== '') return false;
  if (io.env.FORCE_COLOR !== undefined && io.env.FORCE_COLOR !== '0') return true;
  return io.stdout.isTTY === true;
}
