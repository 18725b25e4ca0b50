/**
 * The transport log: everything the fault proxy saw and did, as plain data.
 * Times are epoch milliseconds from `src/clock.ts` (the history uses the same clock).
 *
 * `side` names a leg of a pair: `client` is the socket between the client and the
 * proxy, `server` the socket between the proxy and the server under test.
 * `by: 'peer'` means the application on that side closed; `by: 'proxy'` means the proxy
 * closed that leg (a fault, a mirrored close, or proxy.close()).
 */
import type { ActionName, Direction } from '../faults/types.js';

export type Leg = 'client' | 'server';

/** How a leg closed: a FIN, an RST, or another socket error (with its code). */
export type CloseKind = 'fin' | 'rst' | 'error';

export type TransportEvent =
  | { type: 'listen'; at: number; host: string; port: number }
  | { type: 'open'; at: number; connection: number }
  /** The connection was reset at accept by a `refuse` fault. */
  | { type: 'refused'; at: number; connection: number }
  /** Bytes forwarded (only when the proxy was created with `recordData`). */
  | { type: 'data'; at: number; connection: number; direction: Direction; offset: number; length: number }
  /** A fault fired; `offset` is the exact byte count in `direction` when it did. */
  | {
      type: 'fault';
      at: number;
      connection?: number;
      direction?: Direction;
      action: ActionName;
      offset?: number;
      description: string;
    }
  /** A FIN went through: received from `side`'s peer, or sent to it by the proxy. */
  | { type: 'fin'; at: number; connection: number; side: Leg; by: 'peer' | 'proxy' }
  /** A leg is gone. */
  | { type: 'close'; at: number; connection: number; side: Leg; by: 'peer' | 'proxy'; how: CloseKind; code?: string }
  /** Totals of one direction, written when the pair is gone. */
  | { type: 'bytes'; at: number; connection: number; direction: Direction; forwarded: number; dropped: number };

/** An append-only transport log with an optional live listener. */
export class TransportLog {
  readonly events: TransportEvent[] = [];
  #listeners = new Set<(event: TransportEvent) => void>();

  push(event: TransportEvent): void {
    this.events.push(event);
    for (const listener of this.#listeners) listener(event);
  }

  /** Calls `listener` for every later event; returns the unsubscribe function. */
  subscribe(listener: (event: TransportEvent) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }
}
