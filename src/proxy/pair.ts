/**
 * A pair is one accepted connection: the client leg, the server leg, and one Link per
 * direction. It arms faults on its links, gives actions a PairFaultContext, mirrors what
 * one peer does to the other (FIN → end(), RST → RST), and logs how each leg closed.
 *
 *   client ⇄ [client leg] ──upstream link──▶ [server leg] ⇄ server
 *                         ◀─downstream link──
 */
import type { Socket } from 'node:net';
import { now } from '../clock.js';
import { ACTIONS } from '../faults/registry.js';
import { describeFault } from '../faults/describe.js';
import { StallStage } from '../faults/stall.js';
import type { Direction, Fault, PairFaultContext, Side, Stage, TargetControl } from '../faults/types.js';
import type { Random } from '../runner/random.js';
import { closeWithFin, closeWithRst, guard } from './legs.js';
import { Link, type LinkStats } from './link.js';
import type { ReadPool } from './read-pool.js';
import type { CloseKind, Leg, TransportLog } from './transport-log.js';

/** A fault armed in the proxy; `claimed` makes `connection: any` faults fire once overall. */
export interface ArmedFault {
  fault: Fault;
  claimed: boolean;
}

export interface PairOptions {
  connection: number;
  client: Socket;
  server: Socket;
  random: Random;
  log: TransportLog;
  highWaterMark: number;
  lingerMs: number;
  recordData: boolean;
  /** The server socket reads into these buffers (`onread`); see ReadPool. */
  serverReads?: ReadPool;
  target?: TargetControl;
  onFlow?(direction: Direction, paused: boolean, buffered: number): void;
  onClose(): void;
}

interface LegState {
  socket: Socket;
  peerClosed?: CloseKind;
  code?: string;
  proxyClosed?: CloseKind;
  closed: boolean;
}

export class Pair {
  readonly connection: number;
  readonly openedAt = now();
  /** The client's local port, to tell a workload which connection number its socket got. */
  clientPort: number | undefined;
  readonly upstream: Link;
  readonly downstream: Link;
  #legs: Record<Leg, LegState>;
  #timers = new Set<NodeJS.Timeout>();
  #started = false;
  readonly #options: PairOptions;

  constructor(options: PairOptions) {
    this.#options = options;
    this.connection = options.connection;
    const { client, server } = options;
    this.#legs = { client: { socket: client, closed: false }, server: { socket: server, closed: false } };
    const link = (direction: Direction, source: Socket, dest: Socket, receiver: Leg, reads?: ReadPool): Link =>
      new Link({
        connection: this.connection,
        direction,
        source,
        dest,
        random: options.random.fork(`${this.connection}/${direction}`),
        highWaterMark: options.highWaterMark,
        log: options.log,
        recordData: options.recordData,
        ...(reads ? { reads } : {}),
        onForwardedEnd: () => this.#logFin(receiver, 'proxy'),
        onFlow: (paused, buffered) => options.onFlow?.(direction, paused, buffered),
      });
    this.upstream = link('upstream', client, server, 'server');
    this.downstream = link('downstream', server, client, 'client', options.serverReads);
    for (const leg of ['client', 'server'] as const) this.#watch(leg);
  }

  /** Starts forwarding; faults armed before this with no offset fire first. */
  start(): void {
    this.#started = true;
    this.upstream.fireOpenTriggers();
    this.downstream.fireOpenTriggers();
    if (!this.upstream.isCut) this.upstream.start();
    if (!this.downstream.isCut) this.downstream.start();
  }

  /** Arms a fault on this pair (it may already be live: passed offsets do not fire). */
  arm(armed: ArmedFault): void {
    const { at } = armed.fault;
    const link = this.#link(at.direction);
    if (at.afterMs !== undefined) {
      const timer = setTimeout(() => {
        this.#timers.delete(timer);
        this.#fire(armed, at.direction);
      }, Math.max(0, this.openedAt + at.afterMs - now()));
      this.#timers.add(timer);
    } else if (!this.#started || at.bytes !== undefined) {
      link.addTrigger(at.bytes ?? 0, () => this.#fire(armed, at.direction));
    } else {
      this.#fire(armed, at.direction);
    }
  }

  /** Faults cleared: disarm what has not fired and release every stage. */
  clearFaults(): void {
    for (const timer of this.#timers) clearTimeout(timer);
    this.#timers.clear();
    for (const link of [this.upstream, this.downstream]) {
      link.clearTriggers();
      link.releaseStages();
    }
  }

  /** Tears the pair down (proxy.close()). */
  destroy(): void {
    this.clearFaults();
    for (const leg of ['client', 'server'] as const) {
      const state = this.#legs[leg];
      if (!state.closed && !state.socket.destroyed) {
        state.proxyClosed ??= 'fin';
        state.socket.destroy();
      }
    }
  }

  stats(): { connection: number; upstream: LinkStats; downstream: LinkStats } {
    return { connection: this.connection, upstream: this.upstream.stats(), downstream: this.downstream.stats() };
  }

  #link(direction: Direction): Link {
    return direction === 'upstream' ? this.upstream : this.downstream;
  }

  #fire(armed: ArmedFault, direction: Direction): void {
    if (armed.claimed) return;
    armed.claimed = true;
    const { fault } = armed;
    const action = ACTIONS[fault.action];
    const offset = this.#link(direction).forwarded;
    const { log, target } = this.#options;
    const entry = { type: 'fault', at: now(), connection: this.connection, direction, action: fault.action, offset } as const;
    log.push({ ...entry, description: describeFault(fault) });
    if (action.fire) action.fire(this.#context(direction, offset), fault.params);
    else if (action.fireTarget && target) {
      // A signal takes a moment to land: hold both directions until the action is over, so
      // the target has received exactly the bytes before the offset on this connection.
      const release = this.#hold();
      action
        .fireTarget(target, fault.params)
        .catch((error: unknown) => {
          log.push({ ...entry, at: now(), description: `${fault.action} failed: ${(error as Error).message}` });
        })
        .finally(release);
    }
  }

  /** Stops forwarding both ways (backpressure still applies) until the returned function runs. */
  #hold(): () => void {
    const held: Stage[] = [];
    for (const link of [this.upstream, this.downstream]) link.addStage((context) => held[held.push(new StallStage(context, undefined)) - 1]!);
    return () => {
      for (const stage of held) stage.release();
    };
  }

  #context(direction: Direction, offset: number): PairFaultContext {
    const link = this.#link(direction);
    return {
      connection: this.connection,
      direction,
      offset,
      random: this.#options.random.fork(`${this.connection}/${direction}/${offset}`),
      destroy: (side) => this.#closeSides(side, 'fin'),
      reset: (side) => this.#closeSides(side, 'rst'),
      halfClose: () => {
        const receiver: Leg = direction === 'upstream' ? 'server' : 'client';
        link.cut();
        const socket = this.#legs[receiver].socket;
        if (!socket.writableEnded && !socket.destroyed) {
          socket.end();
          this.#logFin(receiver, 'proxy');
        }
      },
      addStage: (create) => link.addStage(create),
    };
  }

  #closeSides(side: Side, how: 'fin' | 'rst'): void {
    this.upstream.cut();
    this.downstream.cut();
    const legs: Leg[] = side === 'both' ? ['client', 'server'] : [side];
    for (const leg of legs) this.#closeLeg(leg, how);
  }

  #closeLeg(leg: Leg, how: 'fin' | 'rst'): void {
    const state = this.#legs[leg];
    if (state.closed || state.proxyClosed !== undefined) return;
    state.proxyClosed = how;
    if (how === 'rst') {
      void closeWithRst(state.socket, this.#options.lingerMs);
      return;
    }
    this.#logFin(leg, 'proxy');
    closeWithFin(state.socket, this.#options.lingerMs, () => undefined);
  }

  #watch(leg: Leg): void {
    const state = this.#legs[leg];
    const other: Leg = leg === 'client' ? 'server' : 'client';
    const { socket } = state;
    socket.on('end', () => {
      state.peerClosed ??= 'fin';
      this.#logFin(leg, 'peer');
      // The other leg is gone (a fault closed it): nobody will end this one, so answer the FIN.
      const otherState = this.#legs[other];
      if (otherState.proxyClosed !== undefined || otherState.closed) this.#closeLeg(leg, 'fin');
    });
    socket.on('error', (error: NodeJS.ErrnoException) => {
      const code = error.code ?? 'ERR_UNKNOWN';
      const reset = code === 'ECONNRESET' || code === 'EPIPE';
      if (state.proxyClosed === undefined) {
        state.peerClosed ??= reset ? 'rst' : 'error';
        state.code ??= code;
      }
      // Abrupt loss of one peer is mirrored to the other, as a real network path would.
      this.upstream.cut();
      this.downstream.cut();
      this.#closeLeg(other, 'rst');
    });
    socket.on('close', () => {
      state.closed = true;
      this.#logClose(leg);
      if (this.#legs[other].closed) this.#finish();
    });
  }

  #logFin(side: Leg, by: 'peer' | 'proxy'): void {
    this.#options.log.push({ type: 'fin', at: now(), connection: this.connection, side, by });
  }

  #logClose(side: Leg): void {
    const state = this.#legs[side];
    const by = state.peerClosed !== undefined && state.proxyClosed === undefined ? 'peer' : 'proxy';
    const how: CloseKind = by === 'peer' ? state.peerClosed! : (state.proxyClosed ?? 'fin');
    const event = { type: 'close', at: now(), connection: this.connection, side, by, how } as const;
    this.#options.log.push(state.code !== undefined && by === 'peer' ? { ...event, code: state.code } : event);
  }

  #finish(): void {
    for (const timer of this.#timers) clearTimeout(timer);
    this.#timers.clear();
    this.upstream.dispose();
    this.downstream.dispose();
    for (const leg of ['client', 'server'] as const) guard(this.#legs[leg].socket);
    const at = now();
    for (const link of [this.upstream, this.downstream]) {
      const { connection } = this;
      const direction = link === this.upstream ? 'upstream' : 'downstream';
      this.#options.log.push({ type: 'bytes', at, connection, direction, forwarded: link.forwarded, dropped: link.dropped });
    }
    this.#options.onClose();
  }
}
