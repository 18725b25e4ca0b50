/**
 * Scenario shapes. `ScenarioInput` is what users write (YAML, JSON or `defineScenario`);
 * `Scenario` is the same with every default filled in, which is all the runner sees.
 * Keys are a contract: users' scenario files rely on them (see DESIGN.md).
 */
import type { ActionName, Fault, FaultInput } from '../faults/types.js';

/** How the harness knows a spawned target is ready. */
export type ReadyInput = 'port' | { log: string } | { ms: number };

/** The server under test: a command to spawn, a module to import, or a running address. */
export type TargetInput =
  | {
      /** Program and arguments (array: no shell), or a command line (string, with `shell: true`). */
      command: string | string[];
      shell?: boolean;
      env?: Record<string, string>;
      cwd?: string;
      /** Default `port`: a TCP connection to `PORT` succeeds. */
      ready?: ReadyInput;
      /** Milliseconds to wait for `ready`. Default 10000. */
      readyTimeout?: number;
      /** Milliseconds between SIGTERM and SIGKILL on stop. Default 2000. */
      stopGrace?: number;
    }
  | {
      /** A file exporting `createServer()` or `start({ port })`. */
      module: string;
      /** Reuse one server across the runs of a search (default true). */
      reuse?: boolean;
    }
  | {
      /** `host:port` of a server that is already running. Loopback unless `allowRemote`. */
      address: string;
    };

/** A size range in bytes; a single number means exactly that size. */
export type SizeInput = number | { min: number; max: number };

/** Options shared by the built-in workloads. */
export interface BuiltinWorkloadCommon {
  /** Parallel client connections. Default 1. */
  connections?: number;
  /** Operations per connection. Default 10. */
  messages?: number;
  /** Payload size in bytes (seeded content). Default { min: 1, max: 64 }. */
  payload?: SizeInput;
  /** Requests in flight per connection before waiting for acks. Default 1. */
  pipeline?: number;
  /** What a client does when its connection dies. Default `none`. */
  retry?: 'none' | 'resend-unacked';
  /** Reconnect attempts per connection under `resend-unacked`. Default 5. */
  maxReconnects?: number;
  /** Milliseconds an op may wait for its ack before the connection is abandoned. Default 2000. */
  ackTimeout?: number;
}

export type WorkloadInput =
  | (BuiltinWorkloadCommon & {
      type: 'lines';
      /** Request line template. Default `PUT {id} {payload}`. */
      send?: string;
      /** Ack line template. Default `OK {id}`. */
      ack?: string;
    })
  | (BuiltinWorkloadCommon & { type: 'frames' })
  | (BuiltinWorkloadCommon & {
      type: 'http';
      /** Default `POST`. */
      method?: string;
      /** Default `/entries`. */
      path?: string;
    })
  | { module: string; options?: Record<string, unknown> };

/** How to learn what the server kept, after the workload ended and faults were cleared. */
export type ReadbackInput =
  | 'builtin'
  | 'none'
  | {
      /** `lines`: request line (default `LIST`), each reply line `{id} {payload}`, ended by `END`. */
      lines?: { query?: string; entry?: string; end?: string };
    }
  | { module: string }
  | { file: string };

export type Delivery = 'exactly-once' | 'at-least-once' | 'at-most-once';
export type Order = 'none' | 'per-connection' | 'total';

export interface ExpectInput {
  /** Default `exactly-once`. */
  delivery?: Delivery;
  /** Default `none`. */
  order?: Order;
  /** `may-crash` turns `target-crashed` off (for servers that are allowed to be killed). Default `must-not-crash`. */
  target?: 'must-not-crash' | 'may-crash';
  /** Milliseconds within which the server must close a connection whose peer is gone (`leaked`). Off by default. */
  closeWithin?: number;
  /** `violated`: the scenario holds only when an anomaly is found (bundled buggy examples). Default `holds`. */
  verdict?: 'holds' | 'violated';
}

/** An allowed action in a search, with parameter ranges where it has any. */
export type GenerateActionInput =
  | ActionName
  | { action: ActionName; [param: string]: unknown };

export interface GenerateInput {
  /** Actions the search may use. Default `[destroy, reset]`. */
  actions?: GenerateActionInput[];
  /** Faults per plan, at most. Default 2. */
  maxFaults?: number;
  /** Plans to try. Default 100. */
  runs?: number;
  seed?: number;
  /** Which connections faults may hit (numbers from 1). Default: every connection of the calibration run. */
  connections?: number[];
}

export interface ScenarioInput {
  name: string;
  description?: string;
  target: TargetInput;
  workload: WorkloadInput;
  readback?: ReadbackInput;
  expect?: ExpectInput;
  /** The fixed fault plan of `sockfault run`. */
  faults?: FaultInput[];
  generate?: GenerateInput;
  /** Milliseconds bounding one whole run (workload + readback). Default 30000. */
  timeout?: number;
}

/** A scenario with every default filled in and every path absolute. */
export interface Scenario {
  name: string;
  description?: string;
  /** Absolute path of the scenario file, when it came from one. */
  file?: string;
  /** Folder that relative paths were resolved against. */
  dir: string;
  target: TargetInput;
  workload: WorkloadInput;
  readback: ReadbackInput;
  expect: Required<Omit<ExpectInput, 'closeWithin'>> & { closeWithin?: number };
  faults: Fault[];
  generate: Required<Omit<GenerateInput, 'seed' | 'connections'>> & {
    seed?: number;
    connections?: number[];
  };
  timeout: number;
  /** Source positions of keys (`"faults[0].at.bytes"` → line/column), for reporters. */
  positions?: Record<string, { line: number; column: number }>;
}
