// A correct line-protocol ledger: `PUT <id> <payload>` stores the entry, then answers `OK <id>`;
// a repeated id is acknowledged again without storing a second copy (so client resends are safe);
// `LIST` answers `<id> <payload>` per stored entry, then `END`. Every socket has an 'error' handler.
import net from 'node:net';
import { formatList, onLines, parsePut, runAsScript } from './shared.js';

/** A ledger server; entries live in memory, in the order they were first stored. */
export function createServer() {
  const entries = new Map();
  // noDelay: small replies go out at once instead of waiting on the peer's delayed ACK (Nagle).
  return net.createServer({ noDelay: true }, (socket) => {
    // Without this, one ECONNRESET from a vanished client crashes the whole process.
    socket.on('error', () => {});
    onLines(socket, (line) => {
      const put = parsePut(line);
      if (put) {
        // Store first, ack second: an ack always means the entry is kept.
        if (!entries.has(put.id)) entries.set(put.id, put.payload);
        socket.write(`OK ${put.id}\n`);
      } else if (line === 'LIST') {
        socket.write(formatList(entries));
      } else if (line !== '') {
        socket.write('ERR unknown command\n');
      }
    });
  });
}

runAsScript(createServer, import.meta.url);
