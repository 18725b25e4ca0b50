// Zoo 05, BUGGY: a ledger (same line protocol as scenarios/servers/ledger-server.js) that splits
// requests at newlines correctly but decodes every chunk on its own. `text += chunk` is
// `chunk.toString('utf8')`: a multi-byte character cut between two chunks becomes U+FFFD
// replacement characters, so the entry is stored (and acknowledged) with a corrupted payload.
import net from 'node:net';
import { formatList, parsePut, runAsScript } from '../../servers/shared.js';

/** A ledger server; entries live in memory, in the order they were first stored. */
export function createServer() {
  const entries = new Map();
  return net.createServer((socket) => {
    socket.on('error', () => {});
    let tail = '';
    socket.on('data', (chunk) => {
      const lines = (tail + chunk).split('\n'); // BUG: decodes each chunk alone
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
