// BUGGY line-protocol ledger, same protocol as ledger-server.js. The bug: it answers `OK <id>` at
// once but commits a connection's entries only when that connection ends, and if it ends in the
// middle of a request (a cut mid-message: reset or destroy) it rolls back entries it already acked.
import net from 'node:net';
import { formatList, onLines, parsePut, runAsScript } from './shared.js';

/** A ledger server that acknowledges before the entry is committed. */
export function createServer() {
  const entries = new Map();
  // noDelay: small replies go out at once instead of waiting on the peer's delayed ACK (Nagle).
  return net.createServer({ noDelay: true }, (socket) => {
    const uncommitted = new Map();
    const reader = onLines(socket, (line) => {
      const put = parsePut(line);
      if (put) {
        if (!entries.has(put.id) && !uncommitted.has(put.id)) uncommitted.set(put.id, put.payload);
        socket.write(`OK ${put.id}\n`); // BUG: acked before it is committed
      } else if (line === 'LIST') {
        socket.write(formatList(entries));
      } else if (line !== '') {
        socket.write('ERR unknown command\n');
      }
    });
    // Runs once, on a clean end or an error (an RST shows up as either). Deciding on the buffered
    // bytes rather than on the event keeps the bug deterministic for a given byte offset.
    let settled = false;
    const settle = () => {
      if (settled) return;
      settled = true;
      // BUG: a half-received request is taken for a client crash, so everything is rolled back.
      if (!reader.partial()) for (const [id, payload] of uncommitted) entries.set(id, payload);
      uncommitted.clear();
    };
    socket.on('end', settle);
    socket.on('error', settle); // also what keeps an ECONNRESET from crashing the process
  });
}

runAsScript(createServer, import.meta.url);
