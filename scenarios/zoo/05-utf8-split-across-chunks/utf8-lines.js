// Workload of zoo 05 (a custom workload): the `lines` protocol (`PUT <id> <payload>` → `OK <id>`,
// one request at a time) with payloads of multi-byte UTF-8 characters (2, 3 and 4 bytes each).
// The built-in `lines` workload only draws ASCII payloads, where a chunk boundary never falls
// inside a character. Options: `messages` (default 10), `ackTimeout` ms (default 500).
import { once } from 'node:events';
import { createInterface } from 'node:readline';

const ALPHABET = [...'äöüßéñçøåæœ€£¥—…→✓日本語中文한국어😀🎉🚀'];

export default async function workload({ connect, history, random, options }) {
  const socket = await connect();
  const closed = once(socket, 'close').catch(() => {});
  const answers = createInterface({ input: socket })[Symbol.asyncIterator]();
  const ackTimeout = options.ackTimeout ?? 500;
  for (let n = 1; n <= (options.messages ?? 10); n++) {
    const payload = Array.from({ length: random.int(1, 24) }, () => ALPHABET[random.int(0, ALPHABET.length - 1)]).join('');
    const op = history.invoke(`m${n}`, payload);
    socket.write(`PUT ${op.id} ${payload}\n`);
    let timer;
    const timeout = new Promise((resolve) => (timer = setTimeout(resolve, ackTimeout, { value: undefined })));
    const { value: answer } = await Promise.race([answers.next(), timeout]);
    clearTimeout(timer);
    if (answer !== `OK ${op.id}`) {
      op.info(answer === undefined ? 'no ack' : `answer: ${answer}`);
      socket.destroy();
      break;
    }
    op.ok();
  }
  socket.end();
  await closed;
}
