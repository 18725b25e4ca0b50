export { ACTIONS, isActionName } from './registry.js';
export { validateFault, faultToInput } from './validate.js';
export { describeFault, describePlan, describeTrigger } from './describe.js';
export { ACTION_NAMES } from './types.js';
export type {
  ActionName,
  ActionScope,
  Direction,
  Fault,
  FaultAction,
  FaultInput,
  ParamSpec,
  Side,
  Stage,
  StageContext,
  TargetControl,
  Trigger,
  TriggerInput,
} from './types.js';
