// Zoo 09, BUGGY: the line-protocol ledger without an 'error' listener on accepted sockets.
// An 'error' event nobody listens to is thrown: one client that vanishes with an RST
// (ECONNRESET) takes the whole process, and every other client, down with it.
import net from 'node:net';
import { formatList, onLines, parsePut, runAsScript } from '../../servers/shared.js';

/** A ledger server; entries live in memory, in the order they were first stored. */
export function createServer() {
  const entries = new Map();
  return net.createServer({ noDelay: true }, (socket) => {
    // BUG: no socket.on('error', …) — an ECONNRESET is an uncaught exception.
    onLines(socket, (line) => {
      const put = parsePut(line);
      if (put) {
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
