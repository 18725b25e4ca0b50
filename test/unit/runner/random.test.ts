import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { createRandom } from '../../../src/runner/random.js';

describe('createRandom', () => {
  it('same seed, same sequence; another seed, another sequence', () => {
    const draw = (seed: number) => Array.from({ length: 20 }, (_, i) => createRandom(seed).fork(`x${i}`).int(0, 1e9));
    expect(draw(7)).toEqual(draw(7));
    expect(draw(7)).not.toEqual(draw(8));
  });

  it('int(min, max) stays within bounds (property)', () => {
    fc.assert(
      fc.property(fc.integer(), fc.integer({ min: -1000, max: 1000 }), fc.integer({ min: 0, max: 1000 }), (seed, min, span) => {
        const random = createRandom(seed);
        for (let i = 0; i < 50; i++) {
          const value = random.int(min, min + span);
          if (value < min || value > min + span || !Number.isInteger(value)) return false;
        }
        return true;
      }),
    );
  });

  it('forks are independent of how much the parent drew', () => {
    const a = createRandom(3);
    const b = createRandom(3);
    b.next();
    b.next();
    expect(a.fork('conn/1').next()).toBe(b.fork('conn/1').next());
  });

  it('covers the range roughly uniformly', () => {
    const random = createRandom(42);
    const buckets = [0, 0, 0, 0];
    for (let i = 0; i < 4000; i++) buckets[random.int(0, 3)]!++;
    for (const count of buckets) expect(count).toBeGreaterThan(850);
  });
});
