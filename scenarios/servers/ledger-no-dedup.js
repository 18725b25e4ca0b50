// BUGGY line-protocol ledger, same protocol as ledger-server.js. The bug: it stores every PUT it
// receives, even for an id it already holds. When an ack is lost (connection cut after the store,
// before the client read `OK`), a client that resends unacked entries gets the entry stored twice.
import net from 'node:net';
import { formatList, onLines, parsePut, runAsScript } from './shared.js';

/** A ledger server whose entries are a plain list (no dedup by id). */
export function createServer() {
  const entries = [];
  // noDelay: small replies go out at once instead of waiting on the peer's delayed ACK (Nagle).
  return net.createServer({ noDelay: true }, (socket) => {
    socket.on('error', () => {});
    onLines(socket, (line) => {
      const put = parsePut(line);
      if (put) {
        entries.push([put.id, put.payload]); // BUG: no check for an id already stored
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
