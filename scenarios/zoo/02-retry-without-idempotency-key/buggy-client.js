// Zoo 02, BUGGY client (a custom workload): it POSTs entries one after the other and, when the
// connection fails, retries the POST. A POST that died after the server applied it (the answer
// was lost on the way back) is applied a second time: nothing tells the server it is a retry.
import http from 'node:http';

const ATTEMPTS = 3;
/** Network errors worth a retry: the connection was closed or reset under the request. */
const RETRYABLE = new Set(['ECONNRESET', 'EPIPE', 'ECONNREFUSED']);

/** One POST; resolves with the answer, rejects on a network error or a non-201 answer. */
function post(target, agent, body, headers) {
  return new Promise((resolve, reject) => {
    const json = JSON.stringify(body);
    const req = http.request(
      { ...target, agent, method: 'POST', path: '/entries', headers: { 'content-type': 'application/json', ...headers } },
      (res) => {
        const chunks = [];
        res.on('data', (chunk) => chunks.push(chunk));
        res.on('error', reject); // the connection closed in the middle of the answer
        res.on('close', () => res.complete || reject(Object.assign(new Error('aborted'), { code: 'ECONNRESET' })));
        res.on('end', () => {
          if (res.statusCode === 201) resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')));
          else reject(new Error(`HTTP ${res.statusCode}`));
        });
      },
    );
    req.on('error', reject);
    req.end(json);
  });
}

async function postWithRetry(target, agent, body) {
  for (let attempt = 1; ; attempt++) {
    try {
      return await post(target, agent, body, {}); // BUG: no idempotency key, so a retry is a new entry
    } catch (error) {
      if (attempt === ATTEMPTS || !RETRYABLE.has(error.code)) throw error;
    }
  }
}

/** `options.messages` entries (default 10), each with a seeded payload. */
export default async function workload({ proxy, history, random, options }) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  try {
    for (let n = 1; n <= (options.messages ?? 10); n++) {
      const payload = Array.from({ length: random.int(1, 32) }, () => String.fromCharCode(random.int(97, 122))).join('');
      const op = history.invoke(`m${n}`, payload);
      try {
        await postWithRetry({ host: proxy.host, port: proxy.port }, agent, { ref: op.id, payload });
        op.ok();
      } catch (error) {
        op.info(error); // it may or may not have been applied
      }
    }
  } finally {
    agent.destroy();
  }
}
