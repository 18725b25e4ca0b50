/**
 * half-close: `end()` toward the receiver of the trigger's direction.
 *
 *   upstream:   client ──▶ proxy ──FIN──▶ server     (server sees 'end' at the offset)
 *               client ◀── proxy ◀─────── server     (replies keep flowing)
 */
import type { FaultAction } from './types.js';

export const halfCloseAction: FaultAction = {
  name: 'half-close',
  scope: 'pair',
  doc: 'end() toward the receiver of `direction`; the reverse direction keeps flowing',
  params: {},
  fire: (context) => context.halfClose(),
  describe: () => 'half-close',
};
