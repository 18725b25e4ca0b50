// Zoo 01, FIXED: the twin of buggy-server.js that acknowledges a PUT only once it is on disk.
// Entries are still appended to the log in batches (group commit, every FLUSH_MS), but each batch
// is acknowledged after its write and fsync: a crash (SIGKILL) can only lose entries nobody was
// told are stored, and the client resends those.
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
    for (const entry of batch) {
      entries.set(entry.id, entry.payload);
      entry.ack(); // FIX: acknowledged once it is on disk
    }
  };
  const timer = setInterval(flush, FLUSH_MS);
  const server = net.createServer((socket) => {
    socket.on('error', () => {});
    onLines(socket, (line) => {
      const put = parsePut(line);
      if (put) {
        const ack = () => socket.write(`OK ${put.id}\n`);
        if (entries.has(put.id)) ack();
        else queue.push({ ...put, ack });
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

// `node fixed-server.js` listens on PORT. A SIGTERM (a clean stop) removes the log; a SIGKILL keeps it.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const file = defaultLogFile();
  process.on('SIGTERM', () => unlink(file).catch(() => {}).then(() => process.exit(0)));
  const server = await createServer(file);
  server.listen(Number(process.env.PORT ?? 0), '127.0.0.1', () => console.log(`listening on ${server.address().port}`));
}
