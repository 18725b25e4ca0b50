/**
 * Closing one leg (one socket) of a pair the way a fault asks, and reading how it closed.
 *
 * Linux turns close() on a socket with unread inbound bytes into an RST, so a FIN-close
 * (`closeWithFin`) ends the write side, keeps reading and discarding, and only destroys
 * once the peer has answered with its own FIN (or after `lingerMs`).
 */
import type { Socket } from 'node:net';
import { waitForSendQueue } from './send-queue.js';

const EMPTY = Buffer.alloc(0);

/** Sends a FIN after the queued bytes; destroys once the peer's FIN arrived or after `lingerMs`. */
export function closeWithFin(socket: Socket, lingerMs: number, onLingerTimeout: () => void): void {
  if (socket.destroyed) return;
  socket.on('data', () => undefined);
  socket.resume();
  if (!socket.writableEnded) socket.end();
  if (socket.readableEnded) {
    socket.destroy();
    return;
  }
  const timer = setTimeout(() => {
    onLingerTimeout();
    socket.destroy();
  }, lingerMs);
  socket.once('end', () => socket.destroy());
  socket.once('close', () => clearTimeout(timer));
}

/**
 * Sends an RST once the bytes already written to this socket have reached the peer's
 * kernel (bounded by `flushMs`); resolves with the bytes the RST discarded (0 normally).
 */
export function closeWithRst(socket: Socket, flushMs: number): Promise<number> {
  if (socket.destroyed) return Promise.resolve(0);
  socket.on('data', () => undefined);
  socket.resume();
  return new Promise<void>((resolve) => {
    if (socket.writableLength === 0 || socket.writableEnded) resolve();
    else socket.write(EMPTY, () => resolve());
  })
    .then(() => waitForSendQueue(socket, flushMs))
    .then((unsent) => {
      if (!socket.destroyed) socket.resetAndDestroy();
      return unsent;
    });
}

/** A no-op 'error' listener so that a late error on a socket being torn down cannot crash. */
export function guard(socket: Socket): void {
  socket.on('error', () => undefined);
}
