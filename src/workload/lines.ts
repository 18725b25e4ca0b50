/**
 * The `lines` workload: one newline-terminated request per op from the `send` template
 * (default `PUT {id} {payload}`), completed by the ack line from the `ack` template
 * (default `OK {id}`). Acks are matched by their whole text, so any template works,
 * including one without `{id}` (then acks complete ops in order).
 */
import { StringDecoder } from 'node:string_decoder';
import { SockfaultError } from '../errors.js';
import type { WorkloadInput } from '../scenario/types.js';
import { normaliseCommon } from './options.js';
import type { PlannedOp } from './options.js';
import { runStreamWorkload } from './stream-session.js';
import type { StreamCodec } from './stream-session.js';
import type { WorkloadContext } from './types.js';

/** The `lines` variant of `WorkloadInput`. */
export type LinesWorkloadInput = Extract<WorkloadInput, { type: 'lines' }>;

/** Default request template. */
export const DEFAULT_SEND = 'PUT {id} {payload}';
/** Default ack template. */
export const DEFAULT_ACK = 'OK {id}';

/** Longest line accepted from a server; a longer one means the peer is not speaking lines. */
export const MAX_LINE = 1024 * 1024;

/** Fills `{id}` and `{payload}` in one pass, so a payload that contains `{id}` stays as sent. */
export function renderTemplate(template: string, op: { id: string; payload?: string }): string {
  return template.replace(/\{(id|payload)\}/g, (_, name: string) =>
    name === 'id' ? op.id : (op.payload ?? ''),
  );
}

/**
 * A per-socket line splitter: keeps the unfinished tail between chunks, so fragmented and
 * coalesced input give the same lines. A trailing `\r` is dropped (CRLF servers).
 */
export function createLineParser(maxLine = MAX_LINE): (chunk: Buffer) => string[] {
  // The decoder holds back a multi-byte character cut between two chunks.
  const decoder = new StringDecoder('utf8');
  let tail = '';
  return (chunk) => {
    const parts = (tail + decoder.write(chunk)).split('\n');
    tail = parts.pop() ?? '';
    if (tail.length > maxLine) {
      throw new Error(`a line from the server exceeds ${maxLine} bytes`);
    }
    return parts.map((line) => (line.endsWith('\r') ? line.slice(0, -1) : line));
  };
}

/** The codec of the `lines` protocol for the given templates. */
export function linesCodec(send = DEFAULT_SEND, ack = DEFAULT_ACK): StreamCodec {
  return {
    request: (op: PlannedOp) => Buffer.from(`${renderTemplate(send, op)}\n`, 'utf8'),
    ackKey: (op: PlannedOp) => renderTemplate(ack, op),
    parser: () => createLineParser(),
  };
}

/** Runs the `lines` workload through `ctx.proxy`. */
export async function runLines(input: LinesWorkloadInput, ctx: WorkloadContext): Promise<void> {
  for (const field of ['send', 'ack'] as const) {
    const value = input[field];
    if (value !== undefined && (typeof value !== 'string' || value.includes('\n'))) {
      throw new SockfaultError('ERR_INVALID_ARGUMENT', `workload.${field} must be a single-line string`, {
        location: `workload.${field}`,
      });
    }
  }
  await runStreamWorkload('lines', normaliseCommon(input), linesCodec(input.send, input.ack), ctx);
}
