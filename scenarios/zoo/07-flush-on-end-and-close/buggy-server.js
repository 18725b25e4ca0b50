// Zoo 07, BUGGY: a ledger (same line protocol as scenarios/servers/ledger-server.js) with group
// commit: PUTs are collected per connection and inserted into the store together every FLUSH_MS,
// then acknowledged. When a client goes away with a batch pending, 'end' flushes it, and so does
// 'close', which always follows 'end': while the first insert is in flight, the second inserts
// the same batch again.
import net from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { formatList, onLines, parsePut, runAsScript } from '../../servers/shared.js';

const FLUSH_MS = 20;

/** Stands in for a database on one connection: commands run in order, and each takes a while. */
class Store {
  #rows = [];
  #queue = Promise.resolve();
  #run(command) {
    this.#queue = this.#queue.then(() => sleep(10)).then(command);
    return this.#queue;
  }
  insert(rows) {
    return this.#run(() => void this.#rows.push(...rows));
  }
  list() {
    return this.#run(() => [...this.#rows]);
  }
}

/** A ledger server; its store is an append-only list of [id, payload]. */
export function createServer() {
  const store = new Store();
  return net.createServer((socket) => {
    socket.on('error', () => {});
    let batch = [];
    const flush = async () => {
      if (batch.length === 0) return;
      await store.insert(batch);
      for (const [id] of batch) socket.write(`OK ${id}\n`);
      batch = []; // BUG: cleared once inserted; a flush that started meanwhile inserts it again
    };
    const timer = setInterval(flush, FLUSH_MS);
    onLines(socket, (line) => {
      const put = parsePut(line);
      if (put) batch.push([put.id, put.payload]);
      else if (line === 'LIST') void store.list().then((rows) => socket.write(formatList(rows)));
      else if (line !== '') socket.write('ERR unknown command\n');
    });
    socket.on('end', flush); // the client is done: store what it sent
    socket.on('close', () => {
      clearInterval(timer);
      flush(); // the client vanished: store what it sent
    });
  });
}

runAsScript(createServer, import.meta.url);
