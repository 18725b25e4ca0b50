// Zoo 08's server, correct: an append-only line ledger that does not deduplicate (like most
// logs and queues), so a client must never send an entry twice. For that, it answers
// `HAS <id>` with `YES <id>` or `NO <id>`: a client whose connection died asks which of its
// unacknowledged entries arrived before it resends any. `PUT <id> <payload>` appends and
// answers `OK <id>`; `LIST` answers `<id> <payload>` per entry, then `END`.
import net from 'node:net';
import { formatList, onLines, parsePut, runAsScript } from '../../servers/shared.js';

/** An append-only ledger server (a repeated PUT is a second entry). */
export function createServer() {
  const entries = [];
  const ids = new Set();
  return net.createServer({ noDelay: true }, (socket) => {
    socket.on('error', () => {});
    onLines(socket, (line) => {
      const put = parsePut(line);
      const has = /^HAS (\S+)$/.exec(line);
      if (put) {
        entries.push([put.id, put.payload]);
        ids.add(put.id);
        socket.write(`OK ${put.id}\n`);
      } else if (has) {
        socket.write(`${ids.has(has[1]) ? 'YES' : 'NO'} ${has[1]}\n`);
      } else if (line === 'LIST') {
        socket.write(formatList(entries));
      } else if (line !== '') {
        socket.write('ERR unknown command\n');
      }
    });
  });
}

runAsScript(createServer, import.meta.url);
