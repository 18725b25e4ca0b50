// Zoo 01, BUGGY: a ledger that acknowledges a PUT before the entry is on disk. Same line protocol
// as scenarios/servers/ledger-server.js; entries are appended to a log file in batches (group
// commit, every FLUSH_MS) and reloaded from it on start. The bug: `OK <id>` goes out at once, so
// a crash (SIGKILL) before the next flush loses entries the client was told are stored.
import { open, readFile, unlink } from 'node:fs/promises';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { formatList, onLines, parsePut } from '../../servers/shared.js';

const FLUSH_MS = 20;

/** One log per harness process (our parent), so that parallel test workers never share a file. */
export const defaultLogFile = () => join(tmpdir(), `sockfault-zoo-01-${process.ppid}.jsonl`);

/** The entries in the log; a line torn by a crash in the middle of a write is skipped. */
async function load(file) {
  const entries = new Map();
  const text = await readFile(file, 'utf8').catch(() => '');
  for (const line of text.split('\n')) {
    try {
      const { id, payload } = JSON.parse(line);
      if (!entries.has(id)) entries.set(id, payload);
    } catch {}
  }
  return entries;
}

/** A ledger server whose entries survive a restart, in `file`. */
export async function createServer(file = defaultLogFile()) {
  const entries = await load(file);
  const log = await open(file, 'a');
  let queue = [];
  let flushing = false;
  const flush = async () => {
    if (flushing || queue.length === 0) return;
    flushing = true;
    const batch = queue;
    queue = [];
    await log.appendFile(batch.map(({ id, payload }) => `${JSON.stringify({ id, payload })}\n`).join(''));
    await log.sync();
    flushing = false;
  };
  const timer = setInterval(flush, FLUSH_MS);
  const server = net.createServer((socket) => {
    socket.on('error', () => {});
    onLines(socket, (line) => {
      const put = parsePut(line);
      if (put) {
        if (!entries.has(put.id)) {
          entries.set(put.id, put.payload);
          queue.push(put);
        }
        socket.write(`OK ${put.id}\n`); // BUG: acknowledged now, on disk only after the next flush
      } else if (line === 'LIST') {
        socket.write(formatList(entries));
      } else if (line !== '') {
        socket.write('ERR unknown command\n');
      }
    });
  });
  server.on('close', () => {
    clearInterval(timer);
    void log.close();
  });
  return server;
}

// `node buggy-server.js` listens on PORT. A SIGTERM (a clean stop) removes the log; a SIGKILL keeps it.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const file = defaultLogFile();
  process.on('SIGTERM', () => unlink(file).catch(() => {}).then(() => process.exit(0)));
  const server = await createServer(file);
  server.listen(Number(process.env.PORT ?? 0), '127.0.0.1', () => console.log(`listening on ${server.address().port}`));
}
