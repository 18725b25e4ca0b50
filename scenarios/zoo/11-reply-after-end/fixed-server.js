// Zoo 11, FIXED: the same ledger (apply, make durable asynchronously, then answer). The fix:
// allowHalfOpen: true keeps our side open after the client's FIN ('end'), and the server ends it
// itself once every request received before that FIN has been answered.
import net from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { formatList, onLines, parsePut, runAsScript } from '../../servers/shared.js';

/** Latency of making an entry durable (ms). */
const STORE_MS = 5;

/** A ledger server that acknowledges an entry once it is durable. */
export function createServer() {
  const entries = new Map();
  const store = async ({ id, payload }) => {
    if (!entries.has(id)) entries.set(id, payload);
    await sleep(STORE_MS); // the write-ahead log's fsync: answered once durable
  };
  // The fix: the client's FIN ends its requests, not our answers; we end once they are all out.
  return net.createServer({ noDelay: true, allowHalfOpen: true }, (socket) => {
    socket.on('error', () => {});
    let pending = 0;
    const endWhenAnswered = () => socket.readableEnded && pending === 0 && socket.end();
    socket.on('end', endWhenAnswered);
    onLines(socket, async (line) => {
      const put = parsePut(line);
      if (put) {
        pending++;
        await store(put);
        socket.write(`OK ${put.id}\n`);
        pending--;
        endWhenAnswered();
      } else if (line === 'LIST') {
        socket.write(formatList(entries));
      } else if (line !== '') {
        socket.write('ERR unknown command\n');
      }
    });
  });
}

runAsScript(createServer, import.meta.url);
