/**
 * Process-wide registry of the target processes the harness spawned, so that none
 * outlives the harness, however it ends:
 *
 *   process 'exit' (normal end, process.exit, uncaught exception) → SIGKILL all (and
 *                  their descendants), synchronously
 *   SIGINT / SIGTERM → SIGKILL all, then the signal's usual effect (re-raised when we were
 *                      its only listener, so a library user's own handler keeps control)
 *
 * Handlers are installed only while at least one child is alive and removed after the
 * last one exits, so a process that uses sockfault as a library is not changed for good.
 * Nothing here swallows an uncaught exception: Node emits 'exit' on that path.
 */
import type { ChildProcess } from 'node:child_process';

/** Each live child with the function that SIGKILLs it and its descendants. */
const live = new Map<ChildProcess, () => void>();
const SIGNALS = ['SIGINT', 'SIGTERM'] as const;
let installed = false;

/**
 * Adds a spawned child with its `kill` (SIGKILL to it and its descendants). It leaves
 * the registry by itself on 'close': exited, and no descendant holds its output open.
 */
export function trackChild(child: ChildProcess, kill: () => void): void {
  if (child.pid === undefined) return;
  live.set(child, kill);
  install();
  child.once('close', () => {
    live.delete(child);
    if (live.size === 0) uninstall();
  });
}

/** How many tracked children are alive (for tests and diagnostics). */
export function liveChildCount(): number {
  return live.size;
}

/** SIGKILLs every tracked child and its descendants, synchronously. */
export function killAllChildren(): void {
  for (const kill of live.values()) {
    try {
      kill();
    } catch {
      // Already gone: nothing to do.
    }
  }
}

function onExit(): void {
  killAllChildren();
}

function onSignal(signal: NodeJS.Signals): void {
  killAllChildren();
  uninstall();
  // Another listener means someone else decides what this signal does; otherwise
  // restore the default action (terminate) by raising it again without us.
  if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
}

function install(): void {
  if (installed) return;
  installed = true;
  process.on('exit', onExit);
  for (const signal of SIGNALS) process.on(signal, onSignal);
}

function uninstall(): void {
  if (!installed) return;
  installed = false;
  process.off('exit', onExit);
  for (const signal of SIGNALS) process.off(signal, onSignal);
}
