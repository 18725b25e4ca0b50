// Zoo 12, BUGGY: the line-protocol ledger with no idle timeout. A peer that vanishes without
// a FIN or an RST ever arriving (power loss, a NAT or firewall that forgot the connection, a
// cable pulled) looks exactly like a quiet one: no 'end', no 'error', no 'close'. The socket,
// its buffers and its file descriptor are held forever; enough of them and accept() fails.
import net from 'node:net';
import { formatList, onLines, parsePut, runAsScript } from '../../servers/shared.js';

/** A ledger server; entries live in memory, in the order they were first stored. */
export function createServer() {
  const entries = new Map();
  return net.createServer({ noDelay: true }, (socket) => {
    socket.on('error', () => {});
    // BUG: no idle timeout — a connection whose peer is gone is never closed.
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
