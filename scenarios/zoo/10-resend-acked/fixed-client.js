// Zoo 10, FIXED client: the same ledger client (it keeps every request it writes in an outbox
// and writes the outbox again after a reconnect). The fix: an acknowledged entry leaves the
// outbox, so a reconnect resends only what may have been lost in flight, which the server's
// dedup window covers.
import net from 'node:net';
import { driveLedger } from './drive.js';

const ACK_TIMEOUT_MS = 3000;
const MAX_RECONNECTS = 10;

export class LedgerClient {
  #address;
  #socket;
  #connected = false;
  #closed = false;
  #reconnects = 0;
  /** id → request line, in the order written: what a reconnect sends again. */
  #outbox = new Map();
  /** id → { resolve, reject, timer } of every put not yet settled. */
  #waiting = new Map();

  constructor(address) {
    this.#address = address;
    this.#connect();
  }

  /** Resolves once the server acknowledged the entry; rejects when the client gives up. */
  put(id, payload) {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => this.#settle(id, new Error(`no ack within ${ACK_TIMEOUT_MS} ms`)), ACK_TIMEOUT_MS);
      this.#waiting.set(id, { resolve, reject, timer });
      this.#outbox.set(id, `PUT ${id} ${payload}\n`);
      if (this.#connected) this.#socket.write(this.#outbox.get(id));
    });
  }

  close() {
    this.#closed = true;
    for (const id of this.#waiting.keys()) this.#settle(id, new Error('client closed'));
    this.#socket.end();
  }

  #connect() {
    const socket = net.connect({ ...this.#address, noDelay: true });
    this.#socket = socket;
    this.#connected = false;
    socket.setEncoding('utf8');
    let tail = '';
    socket.on('connect', () => {
      this.#connected = true;
      for (const line of this.#outbox.values()) socket.write(line);
    });
    socket.on('data', (chunk) => {
      const lines = (tail + chunk).split('\n');
      tail = lines.pop();
      for (const line of lines) {
        const [word, id] = line.split(' ');
        if (word !== 'OK') continue;
        this.#outbox.delete(id); // the fix: acknowledged means done, never to be sent again
        this.#settle(id);
      }
    });
    socket.on('error', () => {}); // 'close' follows
    socket.on('close', () => this.#reconnect());
  }

  #reconnect() {
    if (this.#closed) return;
    this.#connected = false;
    if (++this.#reconnects > MAX_RECONNECTS) {
      for (const id of this.#waiting.keys()) this.#settle(id, new Error('gave up reconnecting'));
    } else {
      this.#connect();
    }
  }

  #settle(id, error) {
    const request = this.#waiting.get(id);
    if (request === undefined) return;
    this.#waiting.delete(id);
    clearTimeout(request.timer);
    if (error === undefined) request.resolve();
    else request.reject(error);
  }
}

export default (ctx) => driveLedger(ctx, new LedgerClient(ctx.proxy));
