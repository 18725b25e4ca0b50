// A correct length-prefixed JSON ledger: each frame is a 4-byte big-endian length + UTF-8 JSON.
// `{ id, payload }` stores the entry (once per id), then answers `{ ack: id }`; `{ list: true }`
// answers one `{ id, payload }` frame per stored entry, then `{ end: true }`. Every socket has an 'error' handler.
import net from 'node:net';
import { encodeFrame, onFrames, runAsScript } from './shared.js';

/** A frames ledger server; entries live in memory, in the order they were first stored. */
export function createServer() {
  const entries = new Map();
  // noDelay: small replies go out at once instead of waiting on the peer's delayed ACK (Nagle).
  return net.createServer({ noDelay: true }, (socket) => {
    socket.on('error', () => {});
    onFrames(socket, (message) => {
      if (message?.list === true) {
        for (const [id, payload] of entries) socket.write(encodeFrame({ id, payload }));
        socket.write(encodeFrame({ end: true }));
      } else if (typeof message?.id === 'string') {
        // Store first, ack second; a repeated id is acked again without a second copy.
        if (!entries.has(message.id)) entries.set(message.id, String(message.payload ?? ''));
        socket.write(encodeFrame({ ack: message.id }));
      } else {
        socket.write(encodeFrame({ error: 'unknown message' }));
      }
    });
  });
}

runAsScript(createServer, import.meta.url);
