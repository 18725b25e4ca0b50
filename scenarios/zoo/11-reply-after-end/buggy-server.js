// Zoo 11, BUGGY: a ledger that applies each PUT, makes it durable (an asynchronous WAL fsync) and
// only then answers. net.createServer() defaults to allowHalfOpen: false, so when a client
// half-closes (its FIN says "no more requests", not "I stopped listening"), Node ends the socket
// right after the 'end' event. Answers for requests still being made durable are written after
// that: Node destroys the socket with EPIPE and they never leave. The client, half-closed and
// waiting, sees the connection end with entries the server kept but never acknowledged.
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
  // BUG: allowHalfOpen defaults to false: the client's FIN ends our side too, answers pending.
  return net.createServer({ noDelay: true }, (socket) => {
    socket.on('error', () => {});
    onLines(socket, async (line) => {
      const put = parsePut(line);
      if (put) {
        await store(put);
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
