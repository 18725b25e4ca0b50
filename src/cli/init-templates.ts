/**
 * What `sockfault init` writes: a starter scenario and a small correct ledger server it
 * tests. The server is self-contained (no import from sockfault) and comes in the module
 * format of the folder it lands in: `server.js` is ESM under a package.json with
 * `"type": "module"`, CommonJS otherwise — Node 20 would refuse the other one.
 */

/** `sockfault.yaml`: the starter scenario. */
export const STARTER_SCENARIO = `# A sockfault scenario: the server under test, the traffic to drive through the fault
# proxy, what must hold, and the faults. Validate, run and search it with:
#
#   npx sockfault validate sockfault.yaml
#   npx sockfault run sockfault.yaml       one run with the fixed plan under \`faults\`
#   npx sockfault check sockfault.yaml     a search over generated fault plans (\`generate\`)
#
# \`npx sockfault schema > sockfault.schema.json\` gives your editor completion for this file.
name: starter-ledger
description: A line-protocol ledger that dedups by id keeps every acknowledged entry exactly once.

# The server under test: a module exporting createServer() (or a command, or an address).
target:
  module: ./server.js

# Two clients PUT 10 entries each (\`PUT <id> <payload>\` → \`OK <id>\`), two in flight at a
# time, and resend whatever was not acknowledged when their connection dies. Afterwards
# \`LIST\` reads back what the server kept.
workload:
  type: lines
  connections: 2
  messages: 10
  pipeline: 2
  retry: resend-unacked

expect:
  delivery: exactly-once

# The fixed plan of \`sockfault run\`: an RST in the middle of connection 1's requests.
faults:
  - at: { connection: 1, direction: upstream, bytes: 60 }
    action: reset

# The search of \`sockfault check\`: up to two destroy/reset faults per plan, 30 plans.
generate:
  actions: [destroy, reset]
  maxFaults: 2
  runs: 30
`;

const SERVER_BODY = `
/**
 * A ledger over a line protocol: \`PUT <id> <payload>\` stores the entry, then answers
 * \`OK <id>\`; a repeated id is acknowledged again without a second copy (so resends are
 * safe); \`LIST\` answers \`<id> <payload>\` per entry, then \`END\`.
 */
function createServer() {
  const entries = new Map();
  return net.createServer((socket) => {
    // Without this, one ECONNRESET from a vanished client crashes the whole process.
    socket.on('error', () => {});
    socket.setEncoding('utf8');
    let tail = '';
    socket.on('data', (chunk) => {
      // Input may arrive fragmented or several lines per chunk: keep the unfinished tail.
      const lines = (tail + chunk).split('\\n');
      tail = lines.pop() ?? '';
      if (tail.length > 1024 * 1024) return void socket.destroy();
      for (const raw of lines) {
        const line = raw.endsWith('\\r') ? raw.slice(0, -1) : raw;
        const put = /^PUT (\\S+)(?: (.*))?$/.exec(line);
        if (put) {
          // Store first, ack second: an ack always means the entry is kept.
          if (!entries.has(put[1])) entries.set(put[1], put[2] ?? '');
          socket.write(\`OK \${put[1]}\\n\`);
        } else if (line === 'LIST') {
          let reply = '';
          for (const [id, payload] of entries) reply += \`\${id} \${payload}\\n\`;
          socket.write(\`\${reply}END\\n\`);
        } else if (line !== '') {
          socket.write('ERR unknown command\\n');
        }
      }
    });
  });
}
`;

const START = `
  const server = createServer();
  server.listen(Number(process.env.PORT ?? 0), '127.0.0.1', () => {
    console.log(\`listening on \${server.address().port}\`);
  });
`;

/** `server.js` as an ES module. */
export const STARTER_SERVER_ESM = `// An example server for sockfault (ES module). Run it alone with \`PORT=7000 node server.js\`.
import net from 'node:net';
import { pathToFileURL } from 'node:url';
${SERVER_BODY}
export { createServer };

// Started directly (\`node server.js\`): listen on PORT. Imported by sockfault: do nothing.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {${START}}
`;

/** `server.js` as a CommonJS module. */
export const STARTER_SERVER_CJS = `// An example server for sockfault (CommonJS). Run it alone with \`PORT=7000 node server.js\`.
const net = require('node:net');
${SERVER_BODY}
exports.createServer = createServer;

// Started directly (\`node server.js\`): listen on PORT. Imported by sockfault: do nothing.
if (require.main === module) {${START}}
`;
