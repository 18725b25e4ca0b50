// Zoo 03, BUGGY client (a custom workload): it sends `PUT <id> <payload>` lines to a correct
// ledger (scenarios/servers/ledger-server.js) and takes the write callback as proof of delivery.
// A write callback (like 'finish') only says the bytes reached the local kernel: a connection cut
// after that point loses them, and the client has already told its caller they were stored.
import { once } from 'node:events';

/** Resolves once `data` is handed to the kernel; rejects if the socket failed first. */
function send(socket, data) {
  return new Promise((resolve, reject) => socket.write(data, (error) => (error ? reject(error) : resolve())));
}

/** `options.messages` entries (default 10) over one connection, each with a seeded payload. */
export default async function workload({ connect, history, random, options }) {
  const socket = await connect();
  socket.setEncoding('utf8');
  socket.on('data', () => {}); // the server's answers are read and ignored
  const closed = once(socket, 'close').catch(() => {});
  for (let n = 1; n <= (options.messages ?? 10); n++) {
    const payload = Array.from({ length: random.int(1, 32) }, () => String.fromCharCode(random.int(97, 122))).join('');
    const op = history.invoke(`m${n}`, payload);
    try {
      await send(socket, `PUT ${op.id} ${payload}\n`);
      op.ok(); // BUG: written is not stored
    } catch (error) {
      op.info(error);
      break;
    }
  }
  socket.end();
  await closed;
}
