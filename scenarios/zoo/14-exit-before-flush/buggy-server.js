// Zoo 14, BUGGY: a ledger with Redis-like durability ("appendfsync everysec", here every 50 ms):
// a PUT is acknowledged once it is in memory, and the log file catches up every FLUSH_MS. A crash
// may lose the last FLUSH_MS of acknowledged writes (documented, as with Redis), but an orderly
// stop must lose nothing. The bug: on SIGTERM (a deploy, a scale-down) it stops serving and calls
// process.exit() at once, right after its last acks: the batch waiting for the next flush, all of
// it acknowledged, dies with the process. Run it as a process (`command` target); the restarted
// server reloads its log, `$TMPDIR/sockfault-zoo-14-<parent pid>.jsonl`.
import { appendFile, readFile } from 'node:fs/promises';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { formatList, onLines, parsePut } from '../../servers/shared.js';

const FLUSH_MS = 50;

/** One log per harness process (our parent), so that a restarted server finds it again. */
export const logFile = () => join(tmpdir(), `sockfault-zoo-14-${process.ppid}.jsonl`);

/** A ledger server whose log catches up every FLUSH_MS; `stop()` ends serving, `flush()` writes the log. */
export async function createServer(file = logFile()) {
  const entries = new Map();
  for (const line of (await readFile(file, 'utf8').catch(() => '')).split('\n')) {
    if (line === '') continue;
    const { id, payload } = JSON.parse(line);
    entries.set(id, payload);
  }
  let batch = [];
  let written = Promise.resolve();
  const flush = () => {
    const lines = batch.map(([id, payload]) => `${JSON.stringify({ id, payload })}\n`).join('');
    batch = [];
    written = written.then(() => lines && appendFile(file, lines));
    return written;
  };
  const timer = setInterval(flush, FLUSH_MS);
  const sockets = new Set();
  const server = net.createServer({ noDelay: true }, (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => {});
    onLines(socket, (line) => {
      const put = parsePut(line);
      if (put) {
        if (!entries.has(put.id)) batch.push([put.id, put.payload]);
        entries.set(put.id, put.payload);
        socket.write(`OK ${put.id}\n`);
      } else if (line === 'LIST') {
        socket.write(formatList(entries));
      } else if (line !== '') {
        socket.write('ERR unknown command\n');
      }
    });
  });
  server.on('close', () => clearInterval(timer));
  const stop = () => {
    server.close();
    for (const socket of sockets) socket.destroy();
  };
  return Object.assign(server, { stop, flush });
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const server = await createServer();
  process.once('SIGTERM', () => {
    server.stop();
    process.exit(0); // BUG: the acknowledged entries waiting for the next flush die with the process
  });
  server.listen(Number(process.env.PORT ?? 0), '127.0.0.1', () => console.log(`listening on ${server.address().port}`));
}
