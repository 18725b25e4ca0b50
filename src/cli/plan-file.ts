/**
 * `--plan plan.json`: a fault plan from a file. Accepted shapes, so that a plan can be
 * copied out of any report:
 *
 *   [ { "at": {...}, "action": "reset" }, ... ]            a bare plan
 *   { "plan": [ ... ] }                                    one scenario of the json report
 *   [ { "name": "...", "plan": [ ... ] } ]                 the json report with one scenario
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { SockfaultError } from '../errors.js';
import { faultToInput, validateFault } from '../faults/validate.js';
import type { FaultInput } from '../faults/types.js';

function planOf(data: unknown): unknown {
  if (Array.isArray(data) && data.length === 1 && isReportEntry(data[0])) return data[0].plan;
  if (isReportEntry(data)) return data.plan;
  return data;
}

function isReportEntry(value: unknown): value is { plan: unknown } {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && 'plan' in value;
}

/**
 * Reads and validates a plan file; every fault is checked before anything runs.
 * @throws SockfaultError ERR_INVALID_ARGUMENT (unreadable, not JSON, wrong shape) or
 *   ERR_INVALID_FAULT (a fault that does not validate, with its index).
 */
export async function readPlanFile(path: string, cwd: string): Promise<FaultInput[]> {
  let text: string;
  try {
    text = await readFile(resolve(cwd, path), 'utf8');
  } catch (error) {
    throw new SockfaultError('ERR_INVALID_ARGUMENT', `--plan: cannot read ${path}: ${(error as Error).message}`, { cause: error });
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new SockfaultError('ERR_INVALID_ARGUMENT', `--plan: ${path} is not JSON: ${(error as Error).message}`, { cause: error });
  }
  const plan = planOf(data);
  if (!Array.isArray(plan)) {
    throw new SockfaultError('ERR_INVALID_ARGUMENT', `--plan: ${path} must hold an array of faults (or an object with "plan")`);
  }
  return plan.map((fault, index) => {
    try {
      return faultToInput(validateFault(fault, `plan[${index}]`));
    } catch (error) {
      throw new SockfaultError('ERR_INVALID_FAULT', `--plan ${path}: ${(error as Error).message}`, { cause: error });
    }
  });
}
