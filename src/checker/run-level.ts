/**
 * Run-level anomalies that belong to no op: `target-crashed` (read from the target log)
 * and `hung` (reported by the runner, which owns the timeouts). Both name the last fault
 * that fired before them, since a crash on ECONNRESET is the classic cause.
 */
import type { TargetEvent } from '../target/types.js';
import type { FaultIndex } from './fault-index.js';
import type { Anomaly, HungInput, LastFault } from './types.js';

/** A stderr tail is kept short and on one line; its end is where the error is. */
function tail(text: string, max = 300): string {
  const trimmed = text.trim();
  return JSON.stringify(trimmed.length > max ? `…${trimmed.slice(-max)}` : trimmed);
}

function lastFaultClause(fault: LastFault | undefined): string {
  if (fault === undefined) return '; no fault had fired';
  const where = fault.connection === undefined ? '' : ` (connection ${fault.connection})`;
  return `; last fault before it${where}: ${fault.description}`;
}

function withFault(anomaly: Anomaly, fault: LastFault | undefined): Anomaly {
  if (fault !== undefined) {
    anomaly.lastFault = fault;
    if (fault.connection !== undefined) anomaly.connection = fault.connection;
  }
  anomaly.detail += lastFaultClause(fault);
  return anomaly;
}

/**
 * One `target-crashed` per exit nobody asked for (`expected: false`) and per uncaught
 * exception of an in-process target. The caller skips this under `target: may-crash`.
 */
export function checkTargetCrashed(targetLog: readonly TargetEvent[], faults: FaultIndex): Anomaly[] {
  const anomalies: Anomaly[] = [];
  for (const event of targetLog) {
    let detail: string;
    if (event.type === 'exit' && !event.expected) {
      const how = event.signal === null ? `with code ${event.code ?? 'unknown'}` : `on signal ${event.signal}`;
      const stderr = event.stderrTail.trim() === '' ? '; stderr was empty' : `; stderr tail: ${tail(event.stderrTail)}`;
      detail = `the target exited unexpectedly ${how}${stderr}`;
    } else if (event.type === 'crash') {
      const code = event.code === undefined ? '' : ` (${event.code})`;
      detail = `the target threw an uncaught exception${code}: ${tail(event.error)}`;
    } else {
      continue;
    }
    anomalies.push(withFault({ kind: 'target-crashed', detail }, faults.anywhere(event.at)));
  }
  return anomalies;
}

/** The one `hung` anomaly of a run whose workload or readback ran out of time. */
export function checkHung(hung: HungInput | undefined, faults: FaultIndex): Anomaly[] {
  if (hung === undefined) return [];
  // A `stall` forever or a `blackhole` is the usual reason: name the last fault of the run.
  const detail = `the ${hung.phase} did not finish within ${hung.afterMs} ms`;
  return [withFault({ kind: 'hung', detail }, faults.anywhere(Number.POSITIVE_INFINITY))];
}
