/**
 * How many bytes a socket's kernel still holds unacknowledged (Linux: `tx_queue` in
 * /proc/net/tcp{,6}). An RST discards the sender's send queue, while bytes already in the
 * receiver's receive queue survive it (measured on Linux / Node 20). So a byte-exact
 * `reset` waits until the queue is empty before it resets. Node has no API for this
 * (no SIOCOUTQ), and reading /proc is cheap next to a fault.
 */
import { readFile } from 'node:fs/promises';
import type { Socket } from 'node:net';

function hexPort(port: number): string {
  return port.toString(16).toUpperCase().padStart(4, '0');
}

/** The send queue of `socket`, or undefined when it cannot be read (not Linux, or gone). */
export async function sendQueueBytes(socket: Socket): Promise<number | undefined> {
  if (process.platform !== 'linux' || socket.localPort === undefined || socket.remotePort === undefined) return undefined;
  const local = `:${hexPort(socket.localPort)} `;
  const remote = `:${hexPort(socket.remotePort)} `;
  for (const file of ['/proc/net/tcp', '/proc/net/tcp6']) {
    let text: string;
    try {
      text = await readFile(file, 'latin1');
    } catch {
      continue;
    }
    for (const line of text.split('\n')) {
      // "  sl  local_address rem_address   st tx_queue:rx_queue ..."
      const fields = line.trim().split(/\s+/);
      if (fields.length < 5 || !`${fields[1]} `.endsWith(local) || !`${fields[2]} `.endsWith(remote)) continue;
      return Number.parseInt(fields[4]!.split(':')[0]!, 16);
    }
  }
  return undefined;
}

/**
 * Resolves once `socket`'s kernel send queue is empty (every byte acknowledged by the
 * peer's kernel), or after `timeoutMs` with the bytes still queued (a peer that stopped
 * reading keeps them there forever; they are then lost, as on a real network).
 */
export async function waitForSendQueue(socket: Socket, timeoutMs: number): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  for (let delay = 0; ; delay = Math.min(20, delay + 1)) {
    const queued = await sendQueueBytes(socket);
    if (queued === undefined || queued === 0 || Date.now() >= deadline || socket.destroyed) return queued ?? 0;
    await new Promise((resolve) => setTimeout(resolve, delay));
  }
}
