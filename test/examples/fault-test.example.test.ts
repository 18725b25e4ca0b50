/**
 * Example: a fault-injection property test with `faultTest` — copy this file into your
 * project and point it at your own scenario file.
 *
 * In your project, import the helper from the package:
 *
 *   import { faultTest } from 'sockfault/jest';
 *
 * `faultTest` registers one Jest test that searches fault plans (generated from the
 * scenario's `generate` section), and fails with the minimal plan, the anomalies and the
 * `sockfault replay …` command when the server loses, duplicates or invents data. The
 * seed is part of the test name, `… (with seed=123)`: pass it back as `{ seed: 123 }` to
 * rerun exactly the same search.
 *
 * Run it like any ESM Jest test: node --experimental-vm-modules node_modules/jest/bin/jest.js
 */
import { fileURLToPath } from 'node:url';
import { faultTest } from '../../src/jest/index.js';

// A path relative to the working directory works too: faultTest(name, 'scenarios/ledger.yaml').
const ledger = fileURLToPath(new URL('../../scenarios/ledger.yaml', import.meta.url));

faultTest('the ledger keeps every acknowledged entry exactly once', ledger, {
  runs: 25, // plans per test run; CI can afford more
  timeout: 60_000,
});

// A scenario written inline, with its own search settings: `reset` and `half-close` faults
// on either connection, at most one per plan. Relative paths resolve against the cwd.
faultTest(
  'the ledger survives resets and half-closes',
  {
    name: 'ledger-inline',
    target: { module: fileURLToPath(new URL('../../scenarios/servers/ledger-server.js', import.meta.url)) },
    workload: { type: 'lines', connections: 2, messages: 10, pipeline: 2, retry: 'resend-unacked' },
    generate: { actions: ['reset', 'half-close'], maxFaults: 1, seed: 2024 },
  },
  { runs: 15, timeout: 60_000 },
);
