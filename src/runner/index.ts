export { runScenario, type RunOptions } from './run-scenario.js';
export type { RunError, RunResult, RunStatus, RunTimings } from './types.js';
export { createRandom, type Random } from './random.js';
