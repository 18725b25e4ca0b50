// Zoo 13, BUGGY: a fast-ack ingest ledger built from streams. Each connection runs
//
//   socket ──▶ parser (answers `OK <id>` as soon as a PUT is accepted) ──▶ store (writes in batches)
//
// The store stage buffers accepted entries and writes them 8 at a time (one disk write per
// batch); its final() writes the last, partial batch when the stream ends. The bug: the chain is
// built with stream.pipeline(), which destroys every stream of the chain when one fails. An
// ECONNRESET on the socket destroys the store, final() never runs, and the entries buffered in
// it are dropped: entries whose `OK` the client already has. A clean FIN ends the chain instead.
import net from 'node:net';
import { Transform, Writable, pipeline } from 'node:stream';
import { formatList, parsePut, runAsScript } from '../../servers/shared.js';

/** Entries per store write. */
const BATCH = 8;

/** A fast-ack ledger server; entries live in memory once the store has written them. */
export function createServer() {
  const entries = new Map();
  const write = (puts) => {
    for (const put of puts) if (!entries.has(put.id)) entries.set(put.id, put.payload);
  };
  return net.createServer({ noDelay: true }, (socket) => {
    let tail = '';
    const parser = new Transform({
      readableObjectMode: true,
      transform(chunk, _encoding, done) {
        const lines = (tail + chunk).split('\n');
        tail = lines.pop();
        for (const line of lines) {
          const put = parsePut(line);
          if (put) {
            socket.write(`OK ${put.id}\n`); // accepted: the store will write it
            this.push(put);
          } else if (line === 'LIST') {
            socket.write(formatList(entries));
          } else if (line !== '') {
            socket.write('ERR unknown command\n');
          }
        }
        done();
      },
    });
    let batch = [];
    const store = new Writable({
      objectMode: true,
      write(put, _encoding, done) {
        batch.push(put);
        if (batch.length === BATCH) {
          write(batch);
          batch = [];
        }
        done();
      },
      final(done) {
        write(batch);
        done();
      },
    });
    pipeline(socket, parser, store, () => {}); // BUG: a socket error destroys the store, its batch and all
  });
}

runAsScript(createServer, import.meta.url);
