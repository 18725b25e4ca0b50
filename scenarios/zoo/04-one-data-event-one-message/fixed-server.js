// Zoo 04, FIXED: the twin of buggy-server.js that splits the byte stream into requests itself: a
// request ends at its newline, wherever the 'data' events happen to cut the stream. An unfinished
// line is kept until the rest of it arrives.
import net from 'node:net';
import { formatList, runAsScript } from '../../servers/shared.js';

/** A ledger server; entries live in memory, in the order they were first stored. */
export function createServer() {
  const entries = new Map();
  return net.createServer((socket) => {
    socket.on('error', () => {});
    const handle = (line) => {
      const [command, id, ...rest] = line.split(' ');
      if (command === 'PUT' && id) {
        if (!entries.has(id)) entries.set(id, rest.join(' '));
        socket.write(`OK ${id}\n`);
      } else if (command === 'LIST') {
        socket.write(formatList(entries));
      } else if (line !== '') {
        socket.write('ERR unknown command\n');
      }
    };
    socket.setEncoding('utf8');
    let tail = '';
    socket.on('data', (chunk) => {
      const lines = (tail + chunk).split('\n'); // FIX: a request ends at '\n', not at the end of a chunk
      tail = lines.pop();
      for (const line of lines) handle(line.replace(/\r$/, ''));
    });
  });
}

runAsScript(createServer, import.meta.url);
