/** Parameter specs shared by several actions. */
import type { ParamSpec } from './types.js';

export const sideParam: ParamSpec = {
  kind: 'enum',
  values: ['client', 'server', 'both'],
  default: 'both',
  doc: 'which leg of the pair: the socket to the client, to the server, or both',
};

/** "both sides", "the client side", "the server side" */
export function sideWords(side: unknown): string {
  return side === 'both' || side === undefined ? 'both sides' : `the ${String(side)} side`;
}
