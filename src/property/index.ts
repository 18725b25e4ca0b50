/** Property search over fault plans: search + shrink (`checkScenario`), replay, the plan arbitraries. */
export { checkScenario } from './check-scenario.js';
export { replayScenario, planAtPath } from './replay.js';
export { faultArbitrary, faultPlanArbitrary, planSpace, type ActionChoice, type PlanSpace } from './arbitraries.js';
export { calibrationOf, calibratedBytes, type Calibration, type ConnectionTraffic } from './calibrate.js';
export { TargetPool, type TargetPoolOptions } from './target-pool.js';
export { replayCommand, verdictSignature } from './replay-text.js';
export type * from './types.js';
