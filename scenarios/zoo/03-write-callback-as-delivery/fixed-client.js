// Zoo 03, FIXED client (a custom workload): the twin of buggy-client.js that takes an op as
// stored only when the server's `OK <id>` line arrives. A connection cut after the write is an
// unknown outcome (`info`), never a success.
import { once } from 'node:events';
import { createInterface } from 'node:readline';

/** Resolves once `data` is handed to the kernel; rejects if the socket failed first. */
function send(socket, data) {
  return new Promise((resolve, reject) => socket.write(data, (error) => (error ? reject(error) : resolve())));
}

/** `options.messages` entries (default 10) over one connection, each with a seeded payload. */
export default async function workload({ connect, history, random, options }) {
  const socket = await connect();
  socket.setEncoding('utf8');
  const answers = createInterface({ input: socket })[Symbol.asyncIterator](); // FIX: read the answers
  const closed = once(socket, 'close').catch(() => {});
  for (let n = 1; n <= (options.messages ?? 10); n++) {
    const payload = Array.from({ length: random.int(1, 32) }, () => String.fromCharCode(random.int(97, 122))).join('');
    const op = history.invoke(`m${n}`, payload);
    try {
      await send(socket, `PUT ${op.id} ${payload}\n`);
      const { value: answer } = await answers.next();
      if (answer !== `OK ${op.id}`) throw new Error(answer === undefined ? 'connection closed' : `answer ${answer}`);
      op.ok(); // FIX: stored, says the server
    } catch (error) {
      op.info(error);
      break;
    }
  }
  socket.end();
  await closed;
}
