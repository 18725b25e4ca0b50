// The bundled correct ledger with Nagle's algorithm off on its sockets, so that its small
// acks leave at once: a run then costs what the harness costs, not the 40 ms a delayed ACK
// holds back the ledger's last acks (see run-cost.test.ts).
import { createServer as createLedger } from '../../../scenarios/servers/ledger-server.js';

export function createServer() {
  const server = createLedger();
  server.on('connection', (socket) => socket.setNoDelay(true));
  return server;
}
