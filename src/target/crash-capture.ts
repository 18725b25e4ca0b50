/**
 * Catches uncaught exceptions while in-process (`module`) targets are live, so that a
 * server crashing on, say, an unhandled ECONNRESET becomes a `crash` event instead of
 * taking the harness down.
 *
 * It uses `process.setUncaughtExceptionCaptureCallback()` rather than an
 * 'uncaughtException' listener: under Jest, test code sees a copy of `process` whose
 * listeners the real process never calls, while the capture callback is process-wide.
 * When someone else already holds the capture callback, it falls back to a listener.
 * Installed while at least one module target is live, removed after the last one stops.
 * Every live module target hears every exception (the process cannot tell whose it is).
 */

/** Receives an uncaught exception (or a rejection Node treats as one). */
export type CrashHandler = (error: unknown) => void;

const handlers = new Set<CrashHandler>();
let mode: 'capture' | 'listener' | undefined;

function dispatch(error: unknown): void {
  for (const handler of [...handlers]) handler(error);
}

function install(): void {
  if (!process.hasUncaughtExceptionCaptureCallback()) {
    process.setUncaughtExceptionCaptureCallback(dispatch);
    mode = 'capture';
  } else {
    process.on('uncaughtException', dispatch);
    mode = 'listener';
  }
}

function uninstall(): void {
  if (mode === 'capture') process.setUncaughtExceptionCaptureCallback(null);
  if (mode === 'listener') process.off('uncaughtException', dispatch);
  mode = undefined;
}

/** Routes uncaught exceptions to `handler` until the returned function is called. */
export function captureUncaught(handler: CrashHandler): () => void {
  const own: CrashHandler = (error) => handler(error);
  handlers.add(own);
  if (mode === undefined) install();
  return () => {
    if (!handlers.delete(own)) return;
    if (handlers.size === 0) uninstall();
  };
}
