/** A fault in words, for reports: "reset both sides at 1,534 bytes upstream on connection 1". */
import { ACTIONS } from './registry.js';
import type { Fault } from './types.js';

const count = new Intl.NumberFormat('en-US');

export function describeTrigger(at: Fault['at']): string {
  const where = at.connection === 'any' ? 'on any connection' : `on connection ${at.connection}`;
  if (at.bytes !== undefined) return `at ${count.format(at.bytes)} byte${at.bytes === 1 ? '' : 's'} ${at.direction} ${where}`;
  if (at.afterMs !== undefined) return `${count.format(at.afterMs)} ms after open ${where} (${at.direction})`;
  return `on open ${where} (${at.direction})`;
}

export function describeFault(fault: Fault): string {
  const action = ACTIONS[fault.action];
  if (action.scope === 'listener') {
    const from = fault.at.connection === 'any' ? 'from the next connection' : `from connection ${fault.at.connection}`;
    return `${action.describe(fault.params)} ${from}`;
  }
  return `${action.describe(fault.params)} ${describeTrigger(fault.at)}`;
}

/** A whole plan in words, one fault per clause. */
export function describePlan(plan: readonly Fault[]): string {
  return plan.length === 0 ? 'no faults' : plan.map(describeFault).join('; then ');
}
