// Zoo 13, FIXED: the same fast-ack ledger (socket ──▶ parser, which acknowledges each accepted
// PUT ──▶ store, which writes 8 entries at a time and the last, partial batch in its final()).
// The fix: the chain is built with pipe(), and an error on the socket ends the parser instead of
// destroying the chain: the store's final() still runs, and every accepted (and acknowledged)
// entry is written when the client is gone.
import net from 'node:net';
import { Transform, Writable } from 'node:stream';
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
    // The fix: the client going away ends the chain instead of destroying it; final() writes the rest.
    socket.on('error', () => parser.end());
    socket.pipe(parser).pipe(store);
  });
}

runAsScript(createServer, import.meta.url);
