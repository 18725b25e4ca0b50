/**
 * The `frames` workload: each message is a 4-byte big-endian length followed by that many
 * bytes of UTF-8 JSON.
 *
 *   request  { "id": "r17-m1-3", "payload": "…" }   ack  { "ack": "r17-m1-3" }
 *   readback { "list": true }  →  { "id", "payload" } per entry, then { "end": true }
 */
import type { WorkloadInput } from '../scenario/types.js';
import { normaliseCommon } from './options.js';
import type { PlannedOp } from './options.js';
import { runStreamWorkload } from './stream-session.js';
import type { StreamCodec } from './stream-session.js';
import type { WorkloadContext } from './types.js';

/** The `frames` variant of `WorkloadInput`. */
export type FramesWorkloadInput = Extract<WorkloadInput, { type: 'frames' }>;

/** Largest frame accepted from a server; a bigger length prefix means a corrupt stream. */
export const MAX_FRAME = 16 * 1024 * 1024;

/** One frame: the length prefix, then the JSON text of `message`. */
export function encodeFrame(message: unknown): Buffer {
  const body = Buffer.from(JSON.stringify(message), 'utf8');
  const header = Buffer.alloc(4);
  header.writeUInt32BE(body.length, 0);
  return Buffer.concat([header, body]);
}

/**
 * A per-socket frame decoder: buffers partial frames across chunks and returns every
 * complete frame's parsed JSON. Throws a plain Error (its message goes into the history)
 * on an oversized length or invalid JSON, after which the stream cannot be resynchronised.
 */
export function createFrameParser(maxFrame = MAX_FRAME): (chunk: Buffer) => unknown[] {
  let buffered: Buffer = Buffer.alloc(0);
  return (chunk) => {
    buffered = buffered.length === 0 ? chunk : Buffer.concat([buffered, chunk]);
    const out: unknown[] = [];
    while (buffered.length >= 4) {
      const length = buffered.readUInt32BE(0);
      if (length > maxFrame) {
        throw new Error(`a frame from the server announces ${length} bytes (max ${maxFrame})`);
      }
      if (buffered.length < 4 + length) break;
      const body = buffered.subarray(4, 4 + length).toString('utf8');
      buffered = buffered.subarray(4 + length);
      try {
        out.push(JSON.parse(body) as unknown);
      } catch (cause) {
        throw new Error('a frame from the server is not valid JSON', { cause });
      }
    }
    return out;
  };
}

/** The codec of the `frames` protocol: ack keys are the acked ids. */
export function framesCodec(): StreamCodec {
  return {
    request: (op: PlannedOp) => encodeFrame({ id: op.id, payload: op.payload }),
    ackKey: (op: PlannedOp) => op.id,
    parser: () => {
      const parse = createFrameParser();
      return (chunk) =>
        parse(chunk).flatMap((message) => {
          const ack = (message as { ack?: unknown } | null)?.ack;
          // Anything else (an error frame, a stray message) acks nothing.
          return typeof ack === 'string' ? [ack] : [];
        });
    },
  };
}

/** Runs the `frames` workload through `ctx.proxy`. */
export async function runFrames(input: FramesWorkloadInput, ctx: WorkloadContext): Promise<void> {
  await runStreamWorkload('frames', normaliseCommon(input), framesCodec(), ctx);
}
