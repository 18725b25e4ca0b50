// Zoo 10's server, correct: an append-only line ledger that deduplicates retries within a
// window, like Kafka's idempotent producer: it remembers the ids of the last 8 entries it
// stored (remembering every id forever is not an option), which covers any client that keeps
// at most 8 entries in flight and resends only what was not acknowledged. An id seen again
// within the window is acknowledged without a second entry. PUT / LIST as in servers/.
import net from 'node:net';
import { formatList, onLines, parsePut, runAsScript } from '../../servers/shared.js';

/** How many recent ids a retry is checked against. */
const WINDOW = 8;

/** An append-only ledger server with a dedup window. */
export function createServer() {
  const entries = [];
  const recent = [];
  return net.createServer({ noDelay: true }, (socket) => {
    socket.on('error', () => {});
    onLines(socket, (line) => {
      const put = parsePut(line);
      if (put) {
        if (!recent.includes(put.id)) {
          entries.push([put.id, put.payload]);
          recent.push(put.id);
          if (recent.length > WINDOW) recent.shift();
        }
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
