/**
 * What a found failure is printed with, and what "the same failure again" means:
 *
 *   replayCommand   sockfault replay scenarios/x.yaml --seed 42 --path 3:1:0
 *   replayPlan      the minimal plan as JSON (for `--plan`, with `--seed` for the same bytes)
 *   signature       anomaly kinds and op ids without the run prefix (`duplicated m1-3`),
 *                   so runs with different run numbers can be compared
 */
import { isAbsolute, relative, sep } from 'node:path';
import type { Verdict } from '../checker/types.js';
import type { FaultInput } from '../faults/types.js';

/** Characters a shell word may hold without quotes. */
const SAFE_WORD = /^[\w@%+=:,./-]+$/;

function shellWord(text: string): string {
  return SAFE_WORD.test(text) ? text : `'${text.replaceAll("'", `'\\''`)}'`;
}

/** The scenario file relative to `cwd`, as a user would type it (absolute on another Windows drive). */
export function displayPath(file: string, cwd = process.cwd()): string {
  const path = relative(cwd, file);
  return isAbsolute(path) ? path : path.split(sep).join('/');
}

/** `sockfault replay <file> --seed S --path P`, or undefined for a scenario without a file. */
export function replayCommand(file: string | undefined, seed: number, path: string | undefined, cwd?: string): string | undefined {
  if (file === undefined || path === undefined) return undefined;
  return `sockfault replay ${shellWord(displayPath(file, cwd))} --seed ${seed} --path ${shellWord(path)}`;
}

/** The plan as one line of JSON, the `--plan` alternative to `--path`. */
export function planJson(plan: readonly FaultInput[]): string {
  return JSON.stringify(plan);
}

/** The op id without its run prefix: `r17-m1-3` → `m1-3`. */
export function localId(id: string): string {
  return id.replace(/^r\d+-/, '');
}

/** The anomaly kinds of a verdict, each once, in the verdict's order. */
export function anomalyKinds(verdict: Verdict | undefined): string[] {
  return [...new Set((verdict?.anomalies ?? []).map((anomaly) => anomaly.kind))];
}

/** Kinds and run-independent ids of a verdict's anomalies, sorted: equal signatures mean the same failure. */
export function verdictSignature(verdict: Verdict | undefined): string {
  const entries = (verdict?.anomalies ?? []).map((anomaly) => `${anomaly.kind}${anomaly.id === undefined ? '' : ` ${localId(anomaly.id)}`}`);
  return entries.sort().join('\n');
}
