/**
 * The built-in readback queries, spoken over a direct connection to the server (no proxy,
 * no faults), after the workload ended:
 *
 *   lines   `LIST` → `{id} {payload}` per entry … `END`     (all three configurable)
 *   frames  { list: true } → { id, payload } per entry … { end: true }
 *   http    GET <path> → [{ id, payload }, …]
 */
import { request } from 'node:http';
import { connect } from 'node:net';
import type { Socket } from 'node:net';
import { SockfaultError, hasCode } from '../errors.js';
import type { Observation } from '../history/types.js';
import { closeGracefully, ignoreError, openBounded } from './connection.js';
import { createFrameParser, encodeFrame } from './frames.js';
import { createLineParser } from './lines.js';
import type { ReadbackContext } from './types.js';

/** Bound on a whole built-in readback (on top of the run's signal): loopback is fast. */
export const READBACK_TIMEOUT_MS = 10_000;

/** Checks one reported entry (`{ id, payload? }`); throws ERR_READBACK naming `where`. */
export function toObservation(value: unknown, where: string): Observation {
  const v = value as { id?: unknown; payload?: unknown } | null;
  if (typeof v !== 'object' || v === null || typeof v.id !== 'string' || v.id === '') {
    throw new SockfaultError('ERR_READBACK', `${where}: expected an object with a non-empty string "id"`);
  }
  if (v.payload !== undefined && typeof v.payload !== 'string') {
    throw new SockfaultError('ERR_READBACK', `${where}: "payload" must be a string`);
  }
  return v.payload === undefined ? { id: v.id } : { id: v.id, payload: v.payload };
}

/** Turns an entry template (`{id} {payload}`) into a parser of one reply line. */
export function entryMatcher(template: string): (line: string) => Observation | undefined {
  const parts = template.split(/(\{id\}|\{payload\})/);
  if (parts.filter((p) => p === '{id}').length !== 1 || parts.filter((p) => p === '{payload}').length > 1) {
    throw new SockfaultError('ERR_INVALID_ARGUMENT', `readback.lines.entry needs one {id} and at most one {payload}: ${template}`);
  }
  const source = parts
    .map((p) => (p === '{id}' ? '(?<id>\\S+)' : p === '{payload}' ? '(?<payload>.*)' : p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
    .join('');
  const regex = new RegExp(`^${source}$`);
  return (line) => {
    const groups = regex.exec(line)?.groups;
    if (groups?.id === undefined) return undefined;
    return groups.payload === undefined ? { id: groups.id } : { id: groups.id, payload: groups.payload };
  };
}

function fail(kind: string, target: ReadbackContext['target'], cause: unknown): SockfaultError {
  if (hasCode(cause, 'ERR_READBACK')) return cause as SockfaultError;
  const detail = cause instanceof Error ? cause.message : String(cause);
  return new SockfaultError('ERR_READBACK', `${kind} readback from ${target.host}:${target.port} failed: ${detail}`, { cause });
}

function connectDirect(target: ReadbackContext['target']): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host: target.host, port: target.port });
    socket.once('error', reject);
    socket.once('connect', () => {
      socket.off('error', reject);
      resolve(socket);
    });
  });
}

/**
 * Sends `query`, feeds every parsed item to `take` until it returns true (the end marker),
 * and fails on close, error, timeout or abort before that.
 */
async function queryStream(
  kind: string,
  ctx: ReadbackContext,
  query: Buffer,
  parse: (chunk: Buffer) => unknown[],
  take: (item: unknown) => boolean,
): Promise<void> {
  const socket = await openBounded(() => connectDirect(ctx.target), READBACK_TIMEOUT_MS, ctx.signal).catch(
    (error: unknown) => Promise.reject(fail(kind, ctx.target, error)),
  );
  try {
    await new Promise<void>((resolve, reject) => {
      const finish = (error?: unknown): void => {
        clearTimeout(timer);
        ctx.signal.removeEventListener('abort', onAbort);
        socket.off('data', onData).off('error', finish).off('close', onClose);
        if (error === undefined) resolve();
        else reject(fail(kind, ctx.target, error));
      };
      const onData = (chunk: Buffer): void => {
        try {
          if (parse(chunk).some((item) => take(item))) finish();
        } catch (error) {
          finish(error);
        }
      };
      const onClose = (): void => finish(new Error('the server closed the connection before the end marker'));
      const onAbort = (): void => finish(ctx.signal.reason ?? new Error('aborted'));
      const timer = setTimeout(() => finish(new Error(`no end marker within ${READBACK_TIMEOUT_MS} ms`)), READBACK_TIMEOUT_MS);
      ctx.signal.addEventListener('abort', onAbort, { once: true });
      socket.on('data', onData).on('error', finish).on('close', onClose);
      if (ctx.signal.aborted) onAbort();
      else socket.write(query);
    });
  } finally {
    await closeGracefully(socket, 1000);
  }
}

/** `lines` readback: `query` line, then one `entry` line per stored entry, then the `end` line. */
export async function readLines(
  ctx: ReadbackContext,
  options: { query?: string; entry?: string; end?: string } = {},
): Promise<Observation[]> {
  const match = entryMatcher(options.entry ?? '{id} {payload}');
  const end = options.end ?? 'END';
  const out: Observation[] = [];
  await queryStream('lines', ctx, Buffer.from(`${options.query ?? 'LIST'}\n`), createLineParser(), (item) => {
    const line = item as string;
    if (line === end) return true;
    const observation = match(line);
    if (!observation) throw new SockfaultError('ERR_READBACK', `lines readback: unexpected reply line ${JSON.stringify(line.slice(0, 200))}`);
    out.push(observation);
    return false;
  });
  return out;
}

/** `frames` readback: `{ list: true }`, then `{ id, payload }` frames until `{ end: true }`. */
export async function readFrames(ctx: ReadbackContext): Promise<Observation[]> {
  const out: Observation[] = [];
  await queryStream('frames', ctx, encodeFrame({ list: true }), createFrameParser(), (item) => {
    if ((item as { end?: unknown } | null)?.end === true) return true;
    out.push(toObservation(item, 'frames readback'));
    return false;
  });
  return out;
}

/** `http` readback: `GET path` must answer 2xx with a JSON array of `{ id, payload }`. */
export function readHttp(ctx: ReadbackContext, path: string): Promise<Observation[]> {
  return new Promise((resolve, reject) => {
    const onError = (error: unknown): void => reject(fail('http', ctx.target, error));
    const req = request({ host: ctx.target.host, port: ctx.target.port, path, method: 'GET', agent: false, signal: ctx.signal });
    req.setTimeout(READBACK_TIMEOUT_MS, () => req.destroy(new Error(`no response within ${READBACK_TIMEOUT_MS} ms`)));
    req.on('error', onError);
    req.on('response', (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('error', onError);
      res.on('end', () => {
        try {
          const status = res.statusCode ?? 0;
          if (status < 200 || status >= 300) throw new Error(`GET ${path} answered HTTP ${status}`);
          const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown;
          if (!Array.isArray(body)) throw new Error(`GET ${path} did not answer a JSON array`);
          resolve(body.map((entry, i) => toObservation(entry, `http readback [${i}]`)));
        } catch (error) {
          onError(error);
        }
      });
    });
    req.on('socket', (socket: Socket) => socket.on('error', ignoreError));
    req.end();
  });
}
