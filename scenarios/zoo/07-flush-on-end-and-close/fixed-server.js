// Zoo 07, FIXED: the twin of buggy-server.js whose flush takes the batch before it awaits the
// insert. It still runs from 'end', from 'close' and from the timer, but a second flush finds an
// empty batch: every row is inserted once.
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
      const rows = batch;
      batch = []; // FIX: taken before the await, so a second flush finds nothing to insert
      await store.insert(rows);
      for (const [id] of rows) socket.write(`OK ${id}\n`);
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
