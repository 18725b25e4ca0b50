// The application side of zoo 10 (shared by both clients): it PUTs `messages` entries through
// a ledger client, `pipeline` of them in flight, and records each op in the history: `ok` when
// the client resolves (acknowledged), `info` when it rejects (the client gave up: unknown).

/** A printable payload without spaces, from the run's seeded PRNG. */
function payload(random) {
  let text = '';
  for (let i = random.int(1, 32); i > 0; i--) text += String.fromCharCode(random.int(0x21, 0x7e));
  return text;
}

/** Runs the ops through `client` (`put(id, payload)` → Promise, `close()`), then closes it. */
export async function driveLedger({ history, random, signal, options }, client) {
  const messages = Number(options.messages ?? 20);
  const pipeline = Number(options.pipeline ?? 4);
  // Drawn up front so that a seed gives the same payloads whatever the timing.
  const payloads = Array.from({ length: messages }, () => payload(random));
  let next = 0;
  const worker = async () => {
    while (next < messages && !signal.aborted) {
      const n = next++;
      const op = history.invoke(`m${n + 1}`, payloads[n]);
      try {
        await client.put(op.id, payloads[n]);
        op.ok();
      } catch (error) {
        op.info(error);
      }
    }
  };
  try {
    await Promise.all(Array.from({ length: pipeline }, worker));
  } finally {
    client.close();
  }
}
