// Zoo 05, FIXED: the twin of buggy-server.js that lets the socket decode UTF-8.
// `socket.setEncoding('utf8')` runs the bytes through a StringDecoder, which holds back the
// first bytes of a character cut between two chunks until the rest arrives.
import net from 'node:net';
import { formatList, parsePut, runAsScript } from '../../servers/shared.js';

/** A ledger server; entries live in memory, in the order they were first stored. */
export function createServer() {
  const entries = new Map();
  return net.createServer((socket) => {
    socket.on('error', () => {});
    socket.setEncoding('utf8'); // FIX: a StringDecoder keeps a split character whole
    let tail = '';
    socket.on('data', (chunk) => {
      const lines = (tail + chunk).split('\n');
      tail = lines.pop();
      for (const line of lines) {
        const put = parsePut(line);
        if (put) {
          if (!entries.has(put.id)) entries.set(put.id, put.payload);
          socket.write(`OK ${put.id}\n`);
        } else if (line === 'LIST') {
          socket.write(formatList(entries));
        } else if (line !== '') {
          socket.write('ERR unknown command\n');
        }
      }
    });
  });
}

runAsScript(createServer, import.meta.url);
