/**
 * The request/ack loop shared by the `lines` and `frames` workloads; they differ only in
 * their {@link StreamCodec}.
 *
 *   plan ─▶ per workload connection:  connect ─▶ drive (≤ pipeline in flight, acks → ok)
 *                                        ▲            │ socket died / ack timeout
 *                                        └─ resend-unacked (≤ maxReconnects) ─┘
 *           give up: sent but never acked → info, never sent → fail
 *
 * An op stays pending across reconnects (one record per op, resends reuse its handle), so
 * an op whose first ack was lost and whose resend was acked ends `ok`, not `info`.
 */
import type { Socket } from 'node:net';
import { now } from '../clock.js';
import { describeError } from '../history/recorder.js';
import type { OpHandle } from '../history/recorder.js';
import { abortReason, closeGracefully, openBounded, pause, reconnectDelay } from './connection.js';
import { planOps } from './options.js';
import type { CommonOptions, PlannedOp } from './options.js';
import type { WorkloadContext } from './types.js';

/** How one stream protocol writes a request and recognises its ack. */
export interface StreamCodec {
  /** The bytes of one request. */
  request(op: PlannedOp): Buffer;
  /** The key an incoming ack must equal to complete `op` (the ack line, or the acked id). */
  ackKey(op: PlannedOp): string;
  /** A fresh per-socket parser: bytes in, ack keys out. Throws on malformed input. */
  parser(): (chunk: Buffer) => string[];
}

/** Runs every planned connection of a stream workload in parallel until each is done or given up. */
export async function runStreamWorkload(
  name: string,
  options: CommonOptions,
  codec: StreamCodec,
  ctx: WorkloadContext,
): Promise<void> {
  const plan = planOps(options, ctx.random.fork(`${name}/payload`), ctx.runId);
  await Promise.all(plan.map((ops, i) => runConnection(`${name} c${i + 1}`, ops, options, codec, ctx)));
}

async function runConnection(
  label: string,
  ops: PlannedOp[],
  options: CommonOptions,
  codec: StreamCodec,
  ctx: WorkloadContext,
): Promise<void> {
  const handles = new Map<PlannedOp, OpHandle>();
  const unacked = [...ops];
  let lastError: unknown;
  for (let attempt = 0; unacked.length > 0 && !ctx.signal.aborted; attempt++) {
    if (attempt > 0) {
      if (options.retry === 'none' || attempt > options.maxReconnects) break;
      ctx.log(`${label}: reconnect ${attempt}/${options.maxReconnects} after ${describeError(lastError)}`);
      if (!(await pause(reconnectDelay(attempt), ctx.signal))) break;
    }
    let socket: Socket;
    try {
      socket = await openBounded(() => ctx.connect(), options.ackTimeout, ctx.signal);
    } catch (error) {
      lastError = error;
      continue;
    }
    lastError = await drive(socket, unacked, handles, options, codec, ctx);
    if (lastError === undefined) await closeGracefully(socket, options.ackTimeout);
    else socket.destroy();
  }
  if (unacked.length === 0) return;
  const reason = ctx.signal.aborted ? abortReason(ctx.signal) : lastError;
  ctx.log(`${label}: gave up on ${unacked.length} op(s): ${describeError(reason)}`);
  for (const op of unacked) {
    const handle = handles.get(op);
    if (handle) handle.info(reason);
    else ctx.history.invoke(op.localId, op.payload).fail(`not sent: ${describeError(reason) ?? 'gave up'}`);
  }
}

/**
 * Sends `unacked` over one socket, at most `pipeline` in flight, removing each op from
 * `unacked` as its ack arrives. Resolves with nothing once all are acked, or with the
 * reason the socket became unusable (error, close, malformed reply, ack timeout, abort).
 * The ops in flight on this socket are always `unacked[0 .. sent)`.
 */
function drive(
  socket: Socket,
  unacked: PlannedOp[],
  handles: Map<PlannedOp, OpHandle>,
  options: CommonOptions,
  codec: StreamCodec,
  ctx: WorkloadContext,
): Promise<unknown> {
  return new Promise((resolve) => {
    const parse = codec.parser();
    // Ack key → ops waiting for it, oldest first (a template without {id} acks in order).
    const waiting = new Map<string, PlannedOp[]>();
    const sentAt = new Map<PlannedOp, number>();
    const connection = ctx.connectionOf(socket);
    let sent = 0;
    let done = false;
    let timer: NodeJS.Timeout | undefined;

    const finish = (error?: unknown): void => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      socket.off('data', onData).off('error', finish).off('end', onEnd).off('close', onClose);
      ctx.signal.removeEventListener('abort', onAbort);
      resolve(error);
    };
    // One timer, for the oldest op in flight: it is always unacked[0].
    const armTimer = (): void => {
      clearTimeout(timer);
      const oldest = sent > 0 ? sentAt.get(unacked[0] as PlannedOp) : undefined;
      if (oldest === undefined) return;
      const due = Math.max(0, oldest + options.ackTimeout - now());
      timer = setTimeout(() => finish(new Error(`no ack within ${options.ackTimeout} ms`)), due);
    };
    const fill = (): void => {
      while (!done && sent < options.pipeline && sent < unacked.length) {
        const op = unacked[sent++] as PlannedOp;
        let handle = handles.get(op);
        if (!handle) {
          handle = ctx.history.invoke(op.localId, op.payload);
          handles.set(op, handle);
        }
        handle.connection = connection;
        const key = codec.ackKey(op);
        waiting.set(key, [...(waiting.get(key) ?? []), op]);
        sentAt.set(op, now());
        socket.write(codec.request(op));
      }
      if (unacked.length === 0) finish();
      else armTimer();
    };
    const onData = (chunk: Buffer): void => {
      let keys: string[];
      try {
        keys = parse(chunk);
      } catch (error) {
        finish(error);
        return;
      }
      for (const key of keys) {
        const op = waiting.get(key)?.shift();
        if (op === undefined) continue; // unsolicited, or a second ack for an op already done
        unacked.splice(unacked.indexOf(op), 1);
        sent--;
        handles.get(op)?.ok();
      }
      fill();
    };
    const onEnd = (): void => finish(new Error('the server ended the connection before every ack'));
    const onClose = (): void => finish(new Error('connection closed before every ack'));
    const onAbort = (): void => finish(abortReason(ctx.signal));

    // openBounded() already gave the socket a lasting 'error' listener; `finish` is removed on settle.
    socket.on('data', onData).on('error', finish).on('end', onEnd).on('close', onClose);
    ctx.signal.addEventListener('abort', onAbort, { once: true });
    if (ctx.signal.aborted) onAbort();
    else if (socket.destroyed) onClose();
    else fill();
  });
}
