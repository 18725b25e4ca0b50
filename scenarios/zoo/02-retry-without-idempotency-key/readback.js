// Readback of zoo 02: `GET /entries` straight to the server; this run's entries, repeats kept.
import http from 'node:http';

export default function readback({ target, runId, signal }) {
  return new Promise((resolve, reject) => {
    const req = http.get({ host: target.host, port: target.port, path: '/entries', agent: false, signal }, (res) => {
      const chunks = [];
      res.on('data', (chunk) => chunks.push(chunk));
      res.on('error', reject);
      res.on('end', () => {
        try {
          const entries = JSON.parse(Buffer.concat(chunks).toString('utf8'));
          resolve(entries.filter((entry) => entry.id.startsWith(`${runId}-`)));
        } catch (error) {
          reject(error);
        }
      });
    });
    req.setTimeout(5000, () => req.destroy(new Error('no answer to GET /entries')));
    req.on('error', reject);
  });
}
