// Zoo 08, FIXED client: the same ledger client (the ledger does not deduplicate, so after a
// reconnect it asks `HAS <id>` for every unacknowledged entry and resends only the ones the
// server answers `NO` to). The fix: it reconnects on 'close' only. 'close' follows every
// 'error', so there is exactly one new connection per lost one and one check per entry.
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
  /** id → { line, resolve, reject, timer }: sent or not, every entry not yet acknowledged. */
  #pending = new Map();

  constructor(address) {
    this.#address = address;
    this.#connect();
  }

  /** Resolves once the server acknowledged the entry; rejects when the client gives up. */
  put(id, payload) {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => this.#settle(id, new Error(`no ack within ${ACK_TIMEOUT_MS} ms`)), ACK_TIMEOUT_MS);
      this.#pending.set(id, { line: `PUT ${id} ${payload}\n`, resolve, reject, timer });
      if (this.#connected) this.#socket.write(`PUT ${id} ${payload}\n`);
    });
  }

  close() {
    this.#closed = true;
    for (const id of this.#pending.keys()) this.#settle(id, new Error('client closed'));
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
      // What died with the old connection may or may not have arrived: ask before resending.
      for (const id of this.#pending.keys()) socket.write(`HAS ${id}\n`);
    });
    socket.on('data', (chunk) => {
      const lines = (tail + chunk).split('\n');
      tail = lines.pop();
      for (const line of lines) this.#onReply(socket, line.split(' '));
    });
    socket.on('error', () => {}); // the fix: 'close' follows every 'error'; reconnect there only
    socket.on('close', () => this.#reconnect());
  }

  #reconnect() {
    if (this.#closed) return;
    this.#connected = false;
    if (++this.#reconnects > MAX_RECONNECTS) {
      for (const id of this.#pending.keys()) this.#settle(id, new Error('gave up reconnecting'));
    } else {
      this.#connect();
    }
  }

  #onReply(socket, [word, id]) {
    const request = this.#pending.get(id);
    if (request === undefined) return;
    if (word === 'OK' || word === 'YES') this.#settle(id);
    else if (word === 'NO') socket.write(request.line);
  }

  #settle(id, error) {
    const request = this.#pending.get(id);
    if (request === undefined) return;
    this.#pending.delete(id);
    clearTimeout(request.timer);
    if (error === undefined) request.resolve();
    else request.reject(error);
  }
}

export default (ctx) => driveLedger(ctx, new LedgerClient(ctx.proxy));
