// Readback of zoo 14: what did the ledger keep? `LIST` straight to the server, like the built-in
// lines readback, but retried while a SIGTERM near the end of the workload still has the server
// restarting (it reloads its log on start).
import net from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';

const ATTEMPTS = 50;
const RETRY_MS = 100;

/** One `LIST`: resolves with the `<id> <payload>` lines before `END`. */
function list({ host, port }) {
  return new Promise((resolve, reject) => {
    const socket = net.connect({ host, port });
    const lines = [];
    let tail = '';
    socket.setEncoding('utf8');
    socket.setTimeout(2000, () => socket.destroy(new Error('no answer to LIST')));
    socket.on('data', (chunk) => {
      const parts = (tail + chunk).split('\n');
      tail = parts.pop();
      for (const line of parts) {
        if (line !== 'END') lines.push(line);
        else {
          socket.end();
          resolve(lines);
        }
      }
    });
    socket.on('error', reject);
    socket.on('close', () => reject(new Error('the connection closed before END')));
    socket.write('LIST\n');
  });
}

/** This run's entries, as `{ id, payload }`. */
export default async function readback({ target, runId, signal }) {
  for (let attempt = 1; ; attempt++) {
    try {
      const lines = await list(target);
      return lines
        .map((line) => ({ id: line.split(' ', 1)[0], payload: line.slice(line.indexOf(' ') + 1) }))
        .filter((entry) => entry.id.startsWith(`${runId}-`));
    } catch (error) {
      if (attempt === ATTEMPTS || signal.aborted) throw error;
      await sleep(RETRY_MS);
    }
  }
}
