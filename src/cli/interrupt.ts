/**
 * SIGINT / SIGTERM while scenarios run:
 *
 *   1st signal  abort the AbortSignal handed to runScenario / checkScenario: the current
 *               run is torn down (targets stopped, proxy closed), the loop stops, the
 *               reporters print what finished, and the command exits 130 (143 for SIGTERM)
 *   2nd signal  SIGKILL every target process now and exit at once
 *
 * The target child registry listens too and SIGKILLs the processes it tracks on the
 * first signal; since we listen as well, it does not re-raise the signal.
 */
import { killAllChildren } from '../target/child-registry.js';
import type { TextOut } from './io.js';
import { SIGNAL_EXIT } from './exit-code.js';

const SIGNALS = ['SIGINT', 'SIGTERM'] as const;

/** The signal handlers of one command. */
export interface Interrupt {
  readonly signal: AbortSignal;
  /** The first signal received, if any. */
  received(): (typeof SIGNALS)[number] | undefined;
  /** Removes the handlers (the command is over). */
  dispose(): void;
}

/** Installs the handlers until `dispose()`. */
export function handleInterrupts(stderr: TextOut): Interrupt {
  const controller = new AbortController();
  let first: (typeof SIGNALS)[number] | undefined;
  const onSignal = (signal: (typeof SIGNALS)[number]): void => {
    if (first === undefined) {
      first = signal;
      stderr.write(`\n${signal}: stopping after teardown (press Ctrl-C again to exit now)\n`);
      controller.abort(new Error(`interrupted by ${signal}`));
      return;
    }
    killAllChildren();
    // The one place the CLI ends the process itself: the user insisted.
    process.exit(SIGNAL_EXIT[first]);
  };
  for (const signal of SIGNALS) process.on(signal, onSignal);
  return {
    signal: controller.signal,
    received: () => first,
    dispose: () => {
      for (const signal of SIGNALS) process.off(signal, onSignal);
    },
  };
}
