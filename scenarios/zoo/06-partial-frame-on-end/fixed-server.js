// Zoo 06, FIXED: the twin of buggy-server.js that treats a line without its newline at the end of
// the stream as what it may be, a request cut short by a broken connection: it is refused, not
// run. (A newline is what tells a whole request from a piece of one.)
import net from 'node:net';
import { formatList, parsePut, runAsScript } from '../../servers/shared.js';

/** A ledger server; entries live in memory, in the order they were first stored. */
export function createServer() {
  const entries = new Map();
  // allowHalfOpen: answer the last request after the client's FIN, then end our side.
  return net.createServer({ allowHalfOpen: true }, (socket) => {
    socket.on('error', () => {});
    const handle = (line) => {
      const put = parsePut(line);
      if (put) {
        if (!entries.has(put.id)) entries.set(put.id, put.payload);
        socket.write(`OK ${put.id}\n`);
      } else if (line === 'LIST') {
        socket.write(formatList(entries));
      } else if (line !== '') {
        socket.write('ERR unknown command\n');
      }
    };
    socket.setEncoding('utf8');
    let tail = '';
    socket.on('data', (chunk) => {
      const lines = (tail + chunk).split('\n');
      tail = lines.pop();
      for (const line of lines) handle(line);
    });
    socket.on('end', () => {
      socket.end(tail === '' ? undefined : 'ERR incomplete request\n'); // FIX: a piece of a request is not run
    });
  });
}

runAsScript(createServer, import.meta.url);
