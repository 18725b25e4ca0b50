// Zoo 04, BUGGY: a ledger (same line protocol as scenarios/servers/ledger-server.js) that takes
// each 'data' event for one request. TCP is a byte stream, not a message stream: a request can
// arrive in several pieces, and several requests in one piece. A piece of a request is then
// stored and acknowledged as if it were the whole request.
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
    socket.on('data', (chunk) => {
      handle(chunk.toString('utf8').replace(/\r?\n$/, '')); // BUG: one 'data' event is not one request
    });
  });
}

runAsScript(createServer, import.meta.url);
