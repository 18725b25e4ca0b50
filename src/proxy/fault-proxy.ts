/**
 * The fault proxy: listens on loopback, and for every accepted client socket dials the
 * target and forms a numbered pair. Faults are armed on pairs (connection N, or `any`:
 * the first pair to reach the trigger), on the listener (`refuse`) or act on the target.
 *
 *   client ──▶ FaultProxy (127.0.0.1:port) ──▶ target
 *                 │ accept #n → Pair n { upstream link, downstream link }
 *                 └ log: TransportEvent[]  (open, faults with offsets, FIN/RST per leg)
 */
import { EventEmitter } from 'node:events';
import net, { type Server, type Socket } from 'node:net';
import { pEvent } from 'p-event';
import { now } from '../clock.js';
import { SockfaultError } from '../errors.js';
import { ACTIONS } from '../faults/registry.js';
import { describeFault } from '../faults/describe.js';
import type { Direction, Fault, FaultInput, TargetControl } from '../faults/types.js';
import { faultToInput, validateFault } from '../faults/validate.js';
import { createRandom, type Random } from '../runner/random.js';
import { guard } from './legs.js';
import type { LinkStats } from './link.js';
import { type ArmedFault, Pair } from './pair.js';
import { ReadPool } from './read-pool.js';
import { type TransportEvent, TransportLog } from './transport-log.js';

export interface FaultProxyOptions {
  /** The server under test. Loopback only unless `allowRemote`. */
  target: { host: string; port: number };
  faults?: readonly (FaultInput | Fault)[];
  /** Seed of every random choice (fragment sizes, jitter). Default 1. */
  seed?: number;
  /** Port to listen on (127.0.0.1). Default: a free port chosen by the kernel. */
  port?: number;
  host?: string;
  /** Bytes one link may hold before it pauses its source. Default 256 KiB. */
  highWaterMark?: number;
  /** How long a FIN-closed leg waits for the peer's FIN before it is destroyed (ms). Default 5000. */
  lingerMs?: number;
  /** Log every forwarded chunk (`data` events), for timelines. Default false. */
  recordData?: boolean;
  /** Needed by `kill-target` / `pause-target`. */
  targetControl?: TargetControl;
  allowRemote?: boolean;
}

/** A snapshot of the proxy's counters, for tests and reports. */
export interface ProxyStats {
  pairs: { connection: number; upstream: LinkStats; downstream: LinkStats }[];
  /** The most one link ever held (stages + the destination's write buffer). */
  maxBuffered: number;
}

const LOOPBACK = /^(127\.\d{1,3}\.\d{1,3}\.\d{1,3}|::1|localhost)$/;

/**
 * A TCP proxy that injects faults at exact byte offsets.
 * Events: `'event'` (every TransportEvent), `'pair'` (Pair), `'flow'` ({ connection, direction, paused, buffered }).
 */
export class FaultProxy extends EventEmitter {
  readonly #options: Required<Pick<FaultProxyOptions, 'highWaterMark' | 'lingerMs' | 'recordData'>> & FaultProxyOptions;
  readonly #transport = new TransportLog();
  readonly #random: Random;
  #server: Server | undefined;
  #pairs = new Map<number, Pair>();
  #sockets = new Set<Socket>();
  #faults: ArmedFault[] = [];
  #refusals: { from: number; to: number }[] = [];
  #accepted = 0;
  #maxBuffered = 0;
  /** Client port → connection number of pairs already gone. */
  #closedPorts = new Map<number, number>();
  #closed = false;
  #address: { host: string; port: number } | undefined;

  constructor(options: FaultProxyOptions) {
    super();
    const { target } = options;
    if (typeof target?.host !== 'string' || !Number.isInteger(target.port) || target.port < 1 || target.port > 65535) {
      throw new SockfaultError('ERR_INVALID_ARGUMENT', 'FaultProxy: target must be { host, port } with a port from 1 to 65535');
    }
    if (!options.allowRemote && !LOOPBACK.test(target.host.replace(/^\[|\]$/g, ''))) {
      throw new SockfaultError('ERR_REMOTE_TARGET', `FaultProxy: target ${target.host} is not on loopback (pass allowRemote)`);
    }
    this.#options = { highWaterMark: 256 * 1024, lingerMs: 5000, recordData: false, ...options };
    this.#random = createRandom(options.seed ?? 1);
    this.#transport.subscribe((event) => this.emit('event', event));
    (options.faults ?? []).forEach((fault, index) => this.addFault(fault, `faults[${index}]`));
  }

  /** Every transport event so far (append-only). */
  get log(): TransportEvent[] {
    return this.#transport.events;
  }

  /** The listening address, once `listen()` resolved. */
  get address(): { host: string; port: number } | undefined {
    return this.#address;
  }

  /** The faults armed so far, in order, with whether each has fired. */
  get faults(): readonly { fault: Fault; fired: boolean }[] {
    return this.#faults.map(({ fault, claimed }) => ({ fault, fired: claimed }));
  }

  /** Starts listening on 127.0.0.1 (a free port unless `port` was given). */
  async listen(): Promise<{ host: string; port: number }> {
    if (this.#closed) throw new SockfaultError('ERR_PROXY_CLOSED', 'FaultProxy: listen() after close()');
    if (this.#address) return this.#address;
    const host = this.#options.host ?? '127.0.0.1';
    const server = net.createServer({ allowHalfOpen: true, pauseOnConnect: true, noDelay: true });
    server.on('connection', (socket) => this.#accept(socket));
    this.#server = server;
    server.listen(this.#options.port ?? 0, host);
    try {
      await pEvent(server, 'listening', { timeout: 5000 });
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? 'ETIMEDOUT';
      throw new SockfaultError('ERR_PROXY_LISTEN', `FaultProxy: cannot listen on ${host}:${this.#options.port ?? 0} (${code})`, { cause: error });
    }
    const { port } = server.address() as net.AddressInfo;
    this.#address = { host, port };
    this.#transport.push({ type: 'listen', at: now(), host, port });
    return this.#address;
  }

  /** Arms a fault; it applies to live pairs too (a byte offset already passed does not fire). */
  addFault(input: FaultInput | Fault, path = 'fault'): Fault {
    if (this.#closed) throw new SockfaultError('ERR_PROXY_CLOSED', 'FaultProxy: addFault() after close()');
    const fault = validateFault(isFault(input) ? faultToInput(input) : input, path);
    const action = ACTIONS[fault.action];
    if (action.scope === 'target' && !this.#options.targetControl) {
      throw new SockfaultError('ERR_INVALID_FAULT', `${path}.action: ${fault.action} needs a target started by the harness`, { location: `${path}.action` });
    }
    const armed: ArmedFault = { fault, claimed: false };
    this.#faults.push(armed);
    if (action.scope === 'listener') {
      armed.claimed = true;
      this.#transport.push({ type: 'fault', at: now(), action: fault.action, description: describeFault(fault) });
      action.fireListener?.({ refuse: (count, from) => this.#refuse(count, from) }, fault.params, fault.at);
      return fault;
    }
    for (const pair of this.#pairs.values()) if (matches(fault, pair.connection)) pair.arm(armed);
    return fault;
  }

  /** Disarms every fault that has not fired and ends every active one (stalls deliver, blackholes forward). */
  clearFaults(): void {
    for (const armed of this.#faults) armed.claimed = true;
    this.#refusals = [];
    for (const pair of this.#pairs.values()) pair.clearFaults();
  }

  /** Counters of every live pair. */
  stats(): ProxyStats {
    const pairs = [...this.#pairs.values()].map((pair) => pair.stats());
    for (const pair of pairs) this.#maxBuffered = Math.max(this.#maxBuffered, pair.upstream.maxBuffered, pair.downstream.maxBuffered);
    return { pairs, maxBuffered: this.#maxBuffered };
  }

  /** The connection number of the pair whose client socket has local port `port`, if accepted. */
  connectionFor(clientPort: number): number | undefined {
    for (const pair of this.#pairs.values()) if (pair.clientPort === clientPort) return pair.connection;
    return this.#closedPorts.get(clientPort);
  }

  /** Closes the listener and every pair; resolves when every socket is gone. */
  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    const server = this.#server;
    const closing = server?.listening ? new Promise<void>((resolve) => server.close(() => resolve())) : Promise.resolve();
    // Every socket still in the set has not emitted 'close' yet (#track removes it then):
    // wait for all of them, so the pairs' last close and byte totals are in the log.
    const sockets = [...this.#sockets];
    const gone = sockets.map((socket) => pEvent(socket, 'close', { timeout: 5000, rejectionEvents: [] }).catch(() => undefined));
    for (const pair of this.#pairs.values()) pair.destroy();
    for (const socket of sockets) {
      guard(socket);
      socket.destroy();
    }
    await Promise.all(gone);
    await closing;
    this.#sockets.clear();
    this.#pairs.clear();
  }

  #refuse(count: number, from: number | 'any'): void {
    const start = from === 'any' ? this.#accepted + 1 : from;
    this.#refusals.push({ from: start, to: start + count - 1 });
  }

  #track(socket: Socket): void {
    this.#sockets.add(socket);
    socket.once('close', () => this.#sockets.delete(socket));
  }

  #accept(client: Socket): void {
    const connection = ++this.#accepted;
    this.#track(client);
    if (this.#closed) {
      guard(client);
      client.destroy();
      return;
    }
    if (this.#refusals.some(({ from, to }) => connection >= from && connection <= to)) {
      guard(client);
      client.resetAndDestroy();
      this.#transport.push({ type: 'refused', at: now(), connection });
      return;
    }
    const { target } = this.#options;
    const serverReads = new ReadPool(this.#options.highWaterMark);
    const server = net.connect({ host: target.host, port: target.port, allowHalfOpen: true, noDelay: true, onread: serverReads.onread });
    // Nothing is read before the pair starts: the downstream link attaches the pool then.
    server.pause();
    this.#track(server);
    client.setNoDelay(true);
    const clientPort = client.remotePort;
    const pair = new Pair({
      connection,
      client,
      server,
      random: this.#random,
      log: this.#transport,
      highWaterMark: this.#options.highWaterMark,
      lingerMs: this.#options.lingerMs,
      recordData: this.#options.recordData,
      serverReads,
      ...(this.#options.targetControl ? { target: this.#options.targetControl } : {}),
      onFlow: (direction: Direction, paused: boolean, buffered: number) =>
        this.emit('flow', { connection, direction, paused, buffered }),
      onClose: () => {
        const stats = pair.stats();
        this.#maxBuffered = Math.max(this.#maxBuffered, stats.upstream.maxBuffered, stats.downstream.maxBuffered);
        this.#pairs.delete(connection);
        if (clientPort !== undefined) this.#closedPorts.set(clientPort, connection);
      },
    });
    pair.clientPort = clientPort;
    this.#pairs.set(connection, pair);
    this.#transport.push({ type: 'open', at: now(), connection });
    for (const armed of this.#faults) if (!armed.claimed && matches(armed.fault, connection)) pair.arm(armed);
    server.once('connect', () => pair.start());
    this.emit('pair', pair);
  }
}

function matches(fault: Fault, connection: number): boolean {
  return fault.at.connection === 'any' || fault.at.connection === connection;
}

function isFault(input: FaultInput | Fault): input is Fault {
  return typeof input === 'object' && input !== null && 'params' in input && typeof input.params === 'object';
}

