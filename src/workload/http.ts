/**
 * The `http` workload: one request per op (`method` default POST, `path` default
 * `/entries`, JSON body `{ id, payload }`). Each workload connection is a request loop
 * with its own keep-alive agent of `pipeline` sockets, all opened with `ctx.connect()` so
 * they go through the proxy and carry proxy connection numbers.
 *
 * Outcomes: 2xx → ok; 4xx → fail (the server refused it); any other status → info (a
 * server error may or may not have applied it). A request whose socket died → retried
 * under `resend-unacked`, else info; one that never got a socket → fail.
 */
import { Agent, request } from 'node:http';
import type { Socket } from 'node:net';
import { SockfaultError } from '../errors.js';
import { describeError } from '../history/recorder.js';
import type { OpHandle } from '../history/recorder.js';
import type { WorkloadInput } from '../scenario/types.js';
import { abortReason, ignoreError, pause, reconnectDelay } from './connection.js';
import { normaliseCommon, planOps } from './options.js';
import type { CommonOptions, PlannedOp } from './options.js';
import type { WorkloadContext } from './types.js';

/** The `http` variant of `WorkloadInput`. */
export type HttpWorkloadInput = Extract<WorkloadInput, { type: 'http' }>;

interface Loop {
  label: string;
  agent: Agent;
  method: string;
  path: string;
  options: CommonOptions;
  ctx: WorkloadContext;
  /** Retries used so far by this loop (bounded by `maxReconnects`). */
  retries: number;
}

type Attempt = { status: number } | { error: unknown; gotSocket: boolean };

/** Runs the `http` workload through `ctx.proxy`. */
export async function runHttp(input: HttpWorkloadInput, ctx: WorkloadContext): Promise<void> {
  const options = normaliseCommon(input);
  const method = (input.method ?? 'POST').toUpperCase();
  const path = input.path ?? '/entries';
  if (!/^[A-Z]+$/.test(method)) {
    throw new SockfaultError('ERR_INVALID_ARGUMENT', `workload.method is not an HTTP method: ${method}`);
  }
  if (!path.startsWith('/')) throw new SockfaultError('ERR_INVALID_ARGUMENT', `workload.path must start with "/"`);
  const plan = planOps(options, ctx.random.fork('http/payload'), ctx.runId);
  await Promise.all(
    plan.map(async (ops, i) => {
      const agent = new Agent({ keepAlive: true, maxSockets: options.pipeline });
      // Route the agent's sockets through the harness: proxied, numbered, error-guarded.
      agent.createConnection = ((_: unknown, done: (error: Error | null, socket?: Socket) => void) => {
        ctx.connect().then(
          (socket) => done(null, socket.on('error', ignoreError)),
          (error: Error) => done(error),
        );
        return undefined;
      }) as unknown as Agent['createConnection'];
      const loop: Loop = { label: `http c${i + 1}`, agent, method, path, options, ctx, retries: 0 };
      try {
        await runLoop(loop, ops);
      } finally {
        agent.destroy();
      }
    }),
  );
}

/** `pipeline` workers take the loop's ops in order; ops never started (abort) end `fail`. */
async function runLoop(loop: Loop, ops: PlannedOp[]): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < ops.length && !loop.ctx.signal.aborted) await runOp(loop, ops[next++] as PlannedOp);
  };
  await Promise.all(Array.from({ length: loop.options.pipeline }, worker));
  for (const op of ops.slice(next)) {
    loop.ctx.history.invoke(op.localId, op.payload).fail(`not sent: ${describeError(abortReason(loop.ctx.signal))}`);
  }
}

async function runOp(loop: Loop, op: PlannedOp): Promise<void> {
  const { ctx, options } = loop;
  let handle: OpHandle | undefined;
  const onSocket = (socket: Socket): void => {
    handle ??= ctx.history.invoke(op.localId, op.payload);
    handle.connection = ctx.connectionOf(socket);
  };
  let result: Attempt = { error: new Error('not attempted'), gotSocket: false };
  for (let attempt = 0; !ctx.signal.aborted; attempt++) {
    if (attempt > 0) {
      if (options.retry === 'none' || loop.retries >= options.maxReconnects) break;
      loop.retries++;
      ctx.log(`${loop.label}: retry ${op.id} (${loop.retries}/${options.maxReconnects}) after ${describeError('error' in result ? result.error : undefined)}`);
      if (!(await pause(reconnectDelay(loop.retries), ctx.signal))) break;
    }
    result = await send(loop, op, onSocket);
    if ('status' in result) break;
  }
  if ('status' in result) {
    const { status } = result;
    const done = handle ?? ctx.history.invoke(op.localId, op.payload);
    if (status >= 200 && status < 300) done.ok();
    else if (status >= 400 && status < 500) done.fail(`HTTP ${status}`);
    else done.info(`HTTP ${status}`);
    return;
  }
  const reason = ctx.signal.aborted ? abortReason(ctx.signal) : result.error;
  if (handle) handle.info(reason);
  else ctx.history.invoke(op.localId, op.payload).fail(`not sent: ${describeError(reason)}`);
}

/** One request. Resolves (never rejects) once the response is fully read or the request died. */
function send(loop: Loop, op: PlannedOp, onSocket: (socket: Socket) => void): Promise<Attempt> {
  return new Promise((resolve) => {
    const body = JSON.stringify({ id: op.id, payload: op.payload });
    let gotSocket = false;
    let settled = false;
    const settle = (attempt: Attempt): void => {
      if (settled) return;
      settled = true;
      resolve(attempt);
    };
    const req = request({
      host: loop.ctx.proxy.host,
      port: loop.ctx.proxy.port,
      method: loop.method,
      path: loop.path,
      agent: loop.agent,
      signal: loop.ctx.signal,
      timeout: loop.options.ackTimeout,
      headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
    });
    req.on('socket', (socket: Socket) => {
      gotSocket = true;
      onSocket(socket);
    });
    req.on('timeout', () => req.destroy(new Error(`no response within ${loop.options.ackTimeout} ms`)));
    req.on('error', (error) => settle({ error, gotSocket }));
    req.on('response', (res) => {
      const status = res.statusCode ?? 0;
      // The status is the server's answer; drain the body so the socket can be reused.
      res.on('error', ignoreError);
      res.on('close', () => settle({ status }));
      res.resume();
    });
    req.end(body);
  });
}
