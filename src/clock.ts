/**
 * One clock for every record the harness keeps (history ops, transport log, target log):
 * epoch milliseconds with sub-millisecond resolution, monotonic within a process.
 */
const origin = performance.timeOrigin;

/** Milliseconds since the epoch, with fractions (monotonic: never goes back). */
export function now(): number {
  return origin + performance.now();
}
