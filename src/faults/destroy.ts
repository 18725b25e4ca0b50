/**
 * destroy: close legs without an RST.
 *
 *   client ──▶ proxy ──X──▶ server      (side: server)
 *   the victim reads every byte before the offset, then a FIN; nothing after it.
 */
import { sideParam, sideWords } from './params.js';
import type { FaultAction, Side } from './types.js';

export const destroyAction: FaultAction = {
  name: 'destroy',
  scope: 'pair',
  doc: 'close without RST: the peer sees FIN/close; unforwarded bytes are dropped',
  params: { side: sideParam },
  fire: (context, params) => context.destroy(params.side as Side),
  describe: (params) => `destroy ${sideWords(params.side)}`,
};
