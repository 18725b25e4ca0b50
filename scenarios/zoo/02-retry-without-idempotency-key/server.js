// Zoo 02: the CORRECT server both clients of this entry talk to, an HTTP ledger with idempotency
// keys. `POST /entries` with a JSON body `{ ref, payload }` appends one entry and answers 201
// `{ seq }`. A request carrying an `Idempotency-Key` that was seen before is answered with the
// first answer and not applied again; without the header every POST appends (as POST may).
// `GET /entries` answers `[{ id: ref, payload }]` for every entry, repeats included.
import http from 'node:http';
import { MAX_MESSAGE, runAsScript } from '../../servers/shared.js';

function reply(res, status, body) {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

/** An HTTP ledger that honours `Idempotency-Key`. */
export function createServer() {
  const entries = [];
  const answers = new Map(); // idempotency key → the body of its first answer
  const server = http.createServer((req, res) => {
    if (req.url === '/entries' && req.method === 'GET') {
      return reply(res, 200, entries.map(({ ref, payload }) => ({ id: ref, payload })));
    }
    if (req.url !== '/entries' || req.method !== 'POST') return reply(res, 404, { error: 'not found' });
    const chunks = [];
    let size = 0;
    req.on('data', (chunk) => {
      size += chunk.length;
      if (size > MAX_MESSAGE) req.destroy();
      else chunks.push(chunk);
    });
    req.on('end', () => {
      const key = req.headers['idempotency-key'];
      if (key !== undefined && answers.has(key)) return reply(res, 201, answers.get(key));
      let entry;
      try {
        entry = JSON.parse(Buffer.concat(chunks).toString('utf8'));
      } catch {
        return reply(res, 400, { error: 'body is not JSON' });
      }
      if (typeof entry?.ref !== 'string') return reply(res, 400, { error: 'missing ref' });
      entries.push({ ref: entry.ref, payload: String(entry.payload ?? '') });
      const answer = { seq: entries.length };
      if (key !== undefined) answers.set(key, answer);
      reply(res, 201, answer);
    });
  });
  // A client that vanishes mid-request must not crash the server.
  server.on('connection', (socket) => socket.on('error', () => {}));
  server.on('clientError', (_error, socket) => socket.destroy());
  return server;
}

runAsScript(createServer, import.meta.url);
