/**
 * Every error the harness raises is a {@link SockfaultError} with a stable `code`.
 * Users and tests match on `code`, never on the class: Jest runs tests in another
 * realm, where `instanceof` fails for errors created by the library under test.
 *
 * The codes are listed, with their meaning, in the README ("Error codes").
 */
export const ERROR_CODES = {
  ERR_INVALID_FAULT: 'a fault plan entry has an unknown action, trigger or parameter',
  ERR_INVALID_ARGUMENT: 'a library function was called with a bad argument',
  ERR_PROXY_CLOSED: 'the fault proxy was used after close()',
  ERR_PROXY_LISTEN: 'the fault proxy could not listen on loopback',
  ERR_SCENARIO_INVALID: 'a scenario file does not match the scenario schema',
  ERR_SCENARIO_READ: 'a scenario file could not be read or parsed',
  ERR_TARGET_NOT_READY: 'the server under test did not become ready in time',
  ERR_TARGET_START: 'the server under test could not be started',
  ERR_REMOTE_TARGET: 'a target address is not on loopback and --allow-remote was not given',
  ERR_WORKLOAD: 'the workload module is missing or broke the history contract',
  ERR_READBACK: 'the readback could not read what the server kept',
  ERR_HISTORY: 'a history is inconsistent (for example an op id used twice)',
  ERR_TIMEOUT: 'a bounded wait ran out',
  ERR_HARNESS: 'an unexpected error inside the harness itself (a bug in sockfault: please report it)',
} as const;

/** A stable error code, documented in the README. */
export type ErrorCode = keyof typeof ERROR_CODES;

/** The one error class of sockfault. The original error, if any, is kept as `cause`. */
export class SockfaultError extends Error {
  override readonly name = 'SockfaultError';
  /** Stable code to match on. */
  readonly code: ErrorCode;
  /** Where the problem is, when it has a place: a scenario file position or a field path. */
  readonly location?: string;

  constructor(code: ErrorCode, message: string, options: { cause?: unknown; location?: string } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    if (options.location !== undefined) this.location = options.location;
  }
}

/** True when `error` is an Error-like value carrying `code` (works across realms). */
export function hasCode(error: unknown, code: string): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === code;
}
