/**
 * blackhole: read and discard from the offset on, the sender's FIN included; the
 * connection stays open, so the sender sees its writes succeed and the receiver sees
 * silence — as across a network partition. Clearing the faults lets a held FIN through.
 */
import type { FaultAction, Stage, StageContext } from './types.js';

class BlackholeStage implements Stage {
  #released = false;
  #finHeld: (() => void) | undefined;
  constructor(private readonly context: StageContext) {}
  write(chunk: Buffer): void {
    if (this.#released) this.context.emit(chunk);
    else this.context.drop(chunk.length);
  }
  end(done: () => void): void {
    if (this.#released) done();
    else this.#finHeld = done;
  }
  release(): void {
    this.#released = true;
    const done = this.#finHeld;
    this.#finHeld = undefined;
    done?.();
  }
  dispose(): void {
    this.#finHeld = undefined;
  }
}

export const blackholeAction: FaultAction = {
  name: 'blackhole',
  scope: 'pair',
  doc: 'read and discard from here on (a FIN too); the connection stays open',
  params: {},
  fire: (context) => context.addStage((stage) => new BlackholeStage(stage)),
  describe: () => 'blackhole',
};
