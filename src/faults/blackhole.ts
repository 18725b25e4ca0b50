/**
 * blackhole: read and discard from the offset on; the connection stays open, so the
 * sender sees its writes succeed and the receiver sees silence.
 */
import type { FaultAction, Stage, StageContext } from './types.js';

class BlackholeStage implements Stage {
  #released = false;
  constructor(private readonly context: StageContext) {}
  write(chunk: Buffer): void {
    if (this.#released) this.context.emit(chunk);
    else this.context.drop(chunk.length);
  }
  end(done: () => void): void {
    done();
  }
  release(): void {
    this.#released = true;
  }
  dispose(): void {}
}

export const blackholeAction: FaultAction = {
  name: 'blackhole',
  scope: 'pair',
  doc: 'read and discard from here on; the connection stays open',
  params: {},
  fire: (context) => context.addStage((stage) => new BlackholeStage(stage)),
  describe: () => 'blackhole',
};
