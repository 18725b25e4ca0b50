/**
 * reset: abrupt peer loss, an RST on the wire (`socket.resetAndDestroy()`).
 * The bytes before the offset are flushed to the kernel first, so the victim's stack
 * holds exactly `bytes` bytes when the RST arrives.
 */
import { sideParam, sideWords } from './params.js';
import type { FaultAction, Side } from './types.js';

export const resetAction: FaultAction = {
  name: 'reset',
  scope: 'pair',
  doc: 'an RST on the wire (abrupt peer loss)',
  params: { side: sideParam },
  fire: (context, params) => context.reset(params.side as Side),
  describe: (params) => `reset ${sideWords(params.side)}`,
};
