// Helpers shared by the example ledger servers (not a server itself): per-socket line and frame
// splitting that copes with fragmented and coalesced input, the PUT parser, and the
// "run me directly with PORT" starter. Keeping them here leaves each server's bug in plain sight.
import { pathToFileURL } from 'node:url';

/** Longest request line or frame accepted; a longer one closes the connection (no unbounded buffer). */
export const MAX_MESSAGE = 1024 * 1024;

/**
 * Feeds complete lines from a socket to `onLine`. Input may arrive fragmented or several
 * lines per chunk, so the unfinished tail is kept per socket until its newline arrives.
 */
export function onLines(socket, onLine) {
  socket.setEncoding('utf8');
  let tail = '';
  socket.on('data', (chunk) => {
    const lines = (tail + chunk).split('\n');
    tail = lines.pop() ?? '';
    if (tail.length > MAX_MESSAGE) {
      socket.destroy();
      return;
    }
    for (const line of lines) onLine(line.endsWith('\r') ? line.slice(0, -1) : line);
  });
  /** True while an unfinished line is buffered (the client was cut mid-request). */
  return { partial: () => tail.length > 0 };
}

/** Splits `PUT <id> <payload>`; the payload is the rest of the line (may be empty). */
export function parsePut(line) {
  const match = /^PUT (\S+)(?: (.*))?$/.exec(line);
  return match ? { id: match[1], payload: match[2] ?? '' } : undefined;
}

/** The `LIST` reply: `<id> <payload>` per entry, then `END`. */
export function formatList(entries) {
  let reply = '';
  for (const [id, payload] of entries) reply += `${id} ${payload}\n`;
  return `${reply}END\n`;
}

/** Encodes one frame: 4-byte big-endian length, then the JSON text of `message`. */
export function encodeFrame(message) {
  const body = Buffer.from(JSON.stringify(message), 'utf8');
  const header = Buffer.alloc(4);
  header.writeUInt32BE(body.length, 0);
  return Buffer.concat([header, body]);
}

/** Feeds every complete frame's parsed JSON to `onMessage`; a bad frame closes the connection. */
export function onFrames(socket, onMessage) {
  let buffered = Buffer.alloc(0);
  socket.on('data', (chunk) => {
    buffered = Buffer.concat([buffered, chunk]);
    while (buffered.length >= 4) {
      const length = buffered.readUInt32BE(0);
      if (length > MAX_MESSAGE) return void socket.destroy();
      if (buffered.length < 4 + length) return;
      const body = buffered.subarray(4, 4 + length).toString('utf8');
      buffered = buffered.subarray(4 + length);
      let message;
      try {
        message = JSON.parse(body);
      } catch {
        return void socket.destroy();
      }
      onMessage(message);
    }
  });
}

/**
 * Starts `create()` on `PORT` (default: any free port) when the calling file is run as
 * `node <file>`, and logs `listening on <port>` (what a `ready: { log }` target waits for).
 */
export function runAsScript(create, importMetaUrl) {
  if (!process.argv[1] || importMetaUrl !== pathToFileURL(process.argv[1]).href) return;
  const server = create();
  server.listen(Number(process.env.PORT ?? 0), '127.0.0.1', () => {
    console.log(`listening on ${server.address().port}`);
  });
}
