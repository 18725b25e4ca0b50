// Zoo 09, FIXED: the same ledger with an 'error' listener on every accepted socket. A client
// that vanishes with an RST costs that one connection ('close' follows the error), not the
// process.
import net from 'node:net';
import { formatList, onLines, parsePut, runAsScript } from '../../servers/shared.js';

/** A ledger server; entries live in memory, in the order they were first stored. */
export function createServer() {
  const entries = new Map();
  return net.createServer({ noDelay: true }, (socket) => {
    // The fix: a peer that resets is normal on a network; 'close' follows and frees the socket.
    socket.on('error', () => {});
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
