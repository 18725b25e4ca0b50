// Zoo 06, BUGGY: a ledger (same line protocol as scenarios/servers/ledger-server.js) that lets a
// client send its last request without a newline and shut down its side (`printf … | nc -N`). So
// in its 'end' handler it runs whatever is left in the buffer as one more request. But a client
// whose connection was cut in the middle of a request leaves exactly that: a request cut short,
// which is then stored as if it were whole.
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
      if (tail !== '') handle(tail); // BUG: an unterminated last line may be a request cut short
      socket.end();
    });
  });
}

runAsScript(createServer, import.meta.url);
