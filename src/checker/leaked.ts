/**
 * The `leaked` family, read from the transport log alone. Once the client sent its FIN
 * or its leg of the pair closed, the client is gone; the server must then close its own
 * side (a FIN or a close coming from the server, `by: 'peer'` on the server leg) within
 * `expect.closeWithin` ms. A server that closed first is fine. The clock starts at the
 * client's FIN even when a fault (blackhole, stall) kept it from the server: a peer that
 * vanished without a word is exactly what an idle timeout is for.
 *
 *   client leg ──FIN or close at t───────────────────────▶
 *   server leg ─────────────── peer fin/close ≤ t + closeWithin ? fine : leaked
 *
 * A server leg closed only by the proxy (teardown, or a fault) does not count: the proxy
 * closing its socket says nothing about whether the server released its own. A connection
 * refused at accept never reached the server and cannot leak.
 */
import type { TransportEvent } from '../proxy/transport-log.js';
import type { FaultIndex } from './fault-index.js';
import { faultClause } from './describe.js';
import type { Anomaly } from './types.js';

interface Legs {
  refused: boolean;
  /** First FIN from the client or close of the client leg. */
  clientClosed?: number;
  clientHow?: string;
  /** First FIN or close of the server leg that came from the server itself. */
  serverReleased?: number;
  /** First close of the server leg by the proxy, for the detail. */
  proxyClosed?: number;
}

function legsOf(log: readonly TransportEvent[]): Map<number, Legs> {
  const byConnection = new Map<number, Legs>();
  const get = (connection: number): Legs => {
    let legs = byConnection.get(connection);
    if (legs === undefined) byConnection.set(connection, (legs = { refused: false }));
    return legs;
  };
  for (const event of log) {
    if (event.type === 'refused') get(event.connection).refused = true;
    if (event.type !== 'fin' && event.type !== 'close') continue;
    const legs = get(event.connection);
    if (event.side === 'client') {
      if (legs.clientClosed !== undefined) continue;
      if (event.type === 'close') {
        legs.clientClosed = event.at;
        legs.clientHow = event.how === 'error' && event.code !== undefined ? event.code : event.how;
      } else if (event.by === 'peer') {
        legs.clientClosed = event.at;
        legs.clientHow = 'fin';
      }
    } else if (event.by === 'peer') {
      legs.serverReleased = Math.min(legs.serverReleased ?? event.at, event.at);
    } else if (event.type === 'close' && legs.proxyClosed === undefined) {
      legs.proxyClosed = event.at;
    }
  }
  return byConnection;
}

/** One `leaked` per connection whose server side outlived its client by more than `closeWithin` ms. */
export function checkLeaked(log: readonly TransportEvent[], closeWithin: number, faults: FaultIndex): Anomaly[] {
  const anomalies: Anomaly[] = [];
  const byConnection = [...legsOf(log)].sort(([a], [b]) => a - b);
  for (const [connection, legs] of byConnection) {
    const gone = legs.clientClosed;
    if (legs.refused || gone === undefined) continue;
    if (legs.serverReleased !== undefined && legs.serverReleased <= gone + closeWithin) continue;
    const after = (at: number): string => `${Math.round(at - gone)} ms after the client left`;
    const fate =
      legs.serverReleased !== undefined
        ? `it closed its side only ${after(legs.serverReleased)}`
        : legs.proxyClosed !== undefined
          ? `its side was only closed by the proxy, ${after(legs.proxyClosed)}`
          : 'its side was still open when the log ended';
    const lastFault = faults.onConnection(connection, gone);
    const anomaly: Anomaly = {
      kind: 'leaked',
      connection,
      detail:
        `connection ${connection}: the client left (${legs.clientHow}) but the server did not close ` +
        `its side within ${closeWithin} ms; ${fate}${faultClause(connection, lastFault)}`,
    };
    if (lastFault !== undefined) anomaly.lastFault = lastFault;
    anomalies.push(anomaly);
  }
  return anomalies;
}
