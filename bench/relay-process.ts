/**
 * The relay under test, in its own process (as when the proxy fronts a spawned server):
 *
 *   node --import tsx bench/relay-process.ts <proxy|proxy-armed|pipe> <targetPort>
 *
 *   bench ──stdin "cpu\n"──▶ this process ──stdout "port N" / "cpu USER SYSTEM"──▶ bench
 *
 * `proxy` is a FaultProxy with no faults; `proxy-armed` arms byte triggers in both
 * directions that never fire within a run (so the trigger check runs on every chunk);
 * `pipe` is the naive `client.pipe(server); server.pipe(client)` relay, the floor to beat.
 * Exits when stdin closes (the bench is gone), on SIGTERM and on SIGINT.
 */
import net, { type AddressInfo, type Socket } from 'node:net';
import { FaultProxy } from '../src/proxy/fault-proxy.js';
import type { FaultInput } from '../src/faults/types.js';

const RELAY_MODES = ['pipe', 'proxy', 'proxy-armed'] as const;
type RelayMode = (typeof RELAY_MODES)[number];

/** Never reached: 2^50 bytes is a petabyte. */
const FAR = 2 ** 50;

const ARMED: FaultInput[] = [
  { at: { connection: 'any', direction: 'upstream', bytes: FAR }, action: 'reset' },
  { at: { connection: 'any', direction: 'upstream', bytes: FAR + 1 }, action: 'destroy' },
  { at: { connection: 'any', direction: 'upstream', bytes: FAR + 2 }, action: 'half-close' },
  { at: { connection: 'any', direction: 'downstream', bytes: FAR }, action: 'reset' },
];

async function startPipe(targetPort: number): Promise<number> {
  const server = net.createServer({ allowHalfOpen: true }, (client: Socket) => {
    const upstream = net.connect({ host: '127.0.0.1', port: targetPort, allowHalfOpen: true });
    const kill = (): void => {
      client.destroy();
      upstream.destroy();
    };
    client.on('error', kill);
    upstream.on('error', kill);
    client.pipe(upstream);
    upstream.pipe(client);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
}

async function startProxy(targetPort: number, armed: boolean): Promise<number> {
  const proxy = new FaultProxy({ target: { host: '127.0.0.1', port: targetPort }, faults: armed ? ARMED : [] });
  const { port } = await proxy.listen();
  return port;
}

async function main(): Promise<void> {
  const [mode, portText] = process.argv.slice(2);
  const targetPort = Number(portText);
  if (!RELAY_MODES.includes(mode as RelayMode) || !Number.isInteger(targetPort) || targetPort < 1 || targetPort > 65535) {
    process.stderr.write(`usage: relay-process.ts <${RELAY_MODES.join('|')}> <targetPort>\n`);
    process.exit(2);
  }
  const port = mode === 'pipe' ? await startPipe(targetPort) : await startProxy(targetPort, mode === 'proxy-armed');
  process.stdout.write(`port ${port}\n`);
  let input = '';
  process.stdin.setEncoding('utf8');
  process.stdin.on('data', (text: string) => {
    input += text;
    for (let newline = input.indexOf('\n'); newline >= 0; newline = input.indexOf('\n')) {
      const command = input.slice(0, newline).trim();
      input = input.slice(newline + 1);
      if (command === 'cpu') {
        const { user, system } = process.cpuUsage();
        process.stdout.write(`cpu ${user} ${system}\n`);
      }
    }
  });
  process.stdin.on('end', () => process.exit(0));
  process.on('SIGTERM', () => process.exit(0));
  process.on('SIGINT', () => process.exit(0));
}

await main();
