// Zoo 12, FIXED: the same ledger with an idle timeout. Nothing tells a server that a peer
// vanished without a FIN or an RST, so it must decide for itself: a connection that stays
// silent for IDLE_TIMEOUT_MS is destroyed. (Short here so that the scenario runs fast; tens
// of seconds in production, or TCP keep-alive, or an application heartbeat.)
import net from 'node:net';
import { formatList, onLines, parsePut, runAsScript } from '../../servers/shared.js';

/** How long a connection may stay silent before the server gives up on its peer. */
export const IDLE_TIMEOUT_MS = 50;

/** A ledger server; entries live in memory, in the order they were first stored. */
export function createServer() {
  const entries = new Map();
  return net.createServer({ noDelay: true }, (socket) => {
    socket.on('error', () => {});
    // The fix: a connection silent for IDLE_TIMEOUT_MS is closed (its peer may be long gone).
    socket.setTimeout(IDLE_TIMEOUT_MS, () => socket.destroy());
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
