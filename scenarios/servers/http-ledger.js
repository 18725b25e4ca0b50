// A correct HTTP ledger: `POST /entries` with a JSON body `{ id, payload }` stores the entry (once
// per id) and answers 201 only after storing; `GET /entries` answers the JSON array of stored
// `{ id, payload }`. Every socket has an 'error' handler; bodies are size-limited.
import http from 'node:http';
import { MAX_MESSAGE, runAsScript } from './shared.js';

function reply(res, status, body) {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

/** An HTTP ledger server; entries live in memory, in the order they were first stored. */
export function createServer() {
  const entries = new Map();
  const server = http.createServer((req, res) => {
    if (req.url === '/entries' && req.method === 'GET') {
      return reply(res, 200, [...entries].map(([id, payload]) => ({ id, payload })));
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
      let entry;
      try {
        entry = JSON.parse(Buffer.concat(chunks).toString('utf8'));
      } catch {
        return reply(res, 400, { error: 'body is not JSON' });
      }
      if (typeof entry?.id !== 'string') return reply(res, 400, { error: 'missing id' });
      if (!entries.has(entry.id)) entries.set(entry.id, String(entry.payload ?? ''));
      reply(res, 201, { ok: entry.id });
    });
  });
  // A client that vanishes mid-request must not crash the server.
  server.on('connection', (socket) => socket.on('error', () => {}));
  server.on('clientError', (_error, socket) => socket.destroy());
  return server;
}

runAsScript(createServer, import.meta.url);
