/**
 * The action registry: a plain map from name to action, built here and nowhere else
 * (no registration by import side effect).
 */
import { blackholeAction } from './blackhole.js';
import { coalesceAction } from './coalesce.js';
import { delayAction } from './delay.js';
import { destroyAction } from './destroy.js';
import { fragmentAction } from './fragment.js';
import { halfCloseAction } from './half-close.js';
import { killTargetAction } from './kill-target.js';
import { pauseTargetAction } from './pause-target.js';
import { refuseAction } from './refuse.js';
import { resetAction } from './reset.js';
import { stallAction } from './stall.js';
import { throttleAction } from './throttle.js';
import type { ActionName, FaultAction } from './types.js';

export const ACTIONS: Readonly<Record<ActionName, FaultAction>> = {
  destroy: destroyAction,
  reset: resetAction,
  'half-close': halfCloseAction,
  stall: stallAction,
  blackhole: blackholeAction,
  fragment: fragmentAction,
  coalesce: coalesceAction,
  delay: delayAction,
  throttle: throttleAction,
  refuse: refuseAction,
  'kill-target': killTargetAction,
  'pause-target': pauseTargetAction,
};

export function isActionName(name: unknown): name is ActionName {
  return typeof name === 'string' && Object.hasOwn(ACTIONS, name);
}
