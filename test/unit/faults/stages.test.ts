/** The stream-shaping stages as pure units: fed chunks, no sockets. */
import { describe, expect, it } from '@jest/globals';
import { pEvent } from 'p-event';
import { EventEmitter } from 'node:events';
import { ACTIONS } from '../../../src/faults/registry.js';
import type { Stage, StageContext } from '../../../src/faults/types.js';
import { validateFault } from '../../../src/faults/validate.js';
import { createRandom } from '../../../src/runner/random.js';

/** Installs `action` through its own fire() and records what it emits and drops. */
function stageOf(input: Record<string, unknown>, seed = 1) {
  const fault = validateFault(input);
  const emitted: Buffer[] = [];
  const events = new EventEmitter();
  let dropped = 0;
  let stage: Stage | undefined;
  const unused = () => {
    throw new Error('a shaping action closed a leg');
  };
  ACTIONS[fault.action].fire!(
    {
      connection: 1,
      direction: 'upstream',
      offset: 0,
      random: createRandom(seed),
      destroy: unused,
      reset: unused,
      halfClose: unused,
      addStage: (create) => {
        const context: StageContext = {
          emit: (chunk) => {
            emitted.push(chunk);
            events.emit('emit');
          },
          drop: (length) => void (dropped += length),
          random: createRandom(seed),
        };
        stage = create(context);
      },
    },
    fault.params,
  );
  const ended = () => new Promise<void>((resolve) => stage!.end(resolve));
  return { stage: stage!, emitted, events, ended, dropped: () => dropped };
}

const bytes = (text: string) => Buffer.from(text);
const joined = (chunks: Buffer[]) => Buffer.concat(chunks).toString();

describe('stages', () => {
  it('fragment cuts into seeded pieces within min..max, in order, and ends after the last piece', async () => {
    const { stage, emitted, ended } = stageOf({ action: 'fragment', min: 2, max: 3 });
    stage.write(bytes('abcdefghij'));
    stage.write(bytes('klmnop'));
    await ended();
    expect(joined(emitted)).toBe('abcdefghijklmnop');
    expect(emitted.every((piece) => piece.length >= 1 && piece.length <= 3)).toBe(true);
    expect(emitted.length).toBeGreaterThanOrEqual(6);
  });

  it('coalesce merges until `bytes` are held', () => {
    const { stage, emitted } = stageOf({ action: 'coalesce', bytes: 6, ms: 60_000 });
    for (const part of ['ab', 'cd', 'ef', 'gh']) stage.write(bytes(part));
    expect(emitted.map(String)).toEqual(['abcdef']);
    stage.release();
    expect(emitted.map(String)).toEqual(['abcdef', 'gh']);
  });

  it('coalesce delivers what it holds after `ms`', async () => {
    const { stage, emitted, events } = stageOf({ action: 'coalesce', bytes: 1000, ms: 5 });
    stage.write(bytes('x'));
    stage.write(bytes('y'));
    expect(emitted).toHaveLength(0);
    await pEvent(events, 'emit', { timeout: 2000 });
    expect(emitted.map(String)).toEqual(['xy']);
  });

  it('stall holds everything until released, and the end waits for it', async () => {
    const { stage, emitted } = stageOf({ action: 'stall' });
    stage.write(bytes('held'));
    let ended = false;
    stage.end(() => (ended = true));
    expect(emitted).toHaveLength(0);
    expect(ended).toBe(false);
    stage.release();
    expect(joined(emitted)).toBe('held');
    expect(ended).toBe(true);
  });

  it('blackhole drops data and the FIN and reports the drop; after release it forwards', () => {
    const { stage, emitted, dropped } = stageOf({ action: 'blackhole' });
    stage.write(bytes('gone'));
    let ended = false;
    stage.end(() => (ended = true));
    expect(emitted).toHaveLength(0);
    expect(dropped()).toBe(4);
    expect(ended).toBe(false);
    stage.release();
    expect(ended).toBe(true);
    stage.write(bytes('back'));
    expect(joined(emitted)).toBe('back');
  });

  it('delay keeps order and ends after the last chunk', async () => {
    const { stage, emitted, ended } = stageOf({ action: 'delay', ms: 2, jitter: 2 });
    for (const part of ['1', '2', '3', '4', '5']) stage.write(bytes(part));
    expect(emitted).toHaveLength(0);
    await ended();
    expect(joined(emitted)).toBe('12345');
  });

  it('throttle slices and delivers every byte in order', async () => {
    const { stage, emitted, ended } = stageOf({ action: 'throttle', bytesPerSecond: 2000 });
    stage.write(Buffer.alloc(300, 'a'));
    await ended();
    expect(Buffer.concat(emitted).length).toBe(300);
    expect(Math.max(...emitted.map((piece) => piece.length))).toBeLessThanOrEqual(100);
  });

  it('dispose drops what is held and cancels timers', () => {
    const { stage, emitted } = stageOf({ action: 'delay', ms: 60_000 });
    stage.write(bytes('never'));
    stage.dispose();
    expect(emitted).toHaveLength(0);
  });
});
