/**
 * The run's seeded PRNG. Every random choice of the harness (fragment sizes, jitter,
 * payload contents) comes from here, so the same seed gives the same run.
 *
 * Generator: sfc32 seeded through splitmix32 — small, fast, and good enough for test
 * data. `fork(label)` derives an independent stream, so that (for example) connection 2's
 * fragment sizes do not depend on how many numbers connection 1 drew first.
 */
export interface Random {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [min, max], both included. */
  int(min: number, max: number): number;
  /** An independent generator derived from this one's seed and `label`. */
  fork(label: string): Random;
  /** The 32-bit seed this generator started from. */
  readonly seed: number;
}

function splitmix32(state: number): () => number {
  let s = state >>> 0;
  return () => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return (z ^ (z >>> 16)) >>> 0;
  };
}

function hashLabel(seed: number, label: string): number {
  // FNV-1a over the label, mixed with the parent seed.
  let h = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = 0; i < label.length; i++) {
    h ^= label.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

/** A seeded generator. Any integer seed works; it is reduced to 32 bits. */
export function createRandom(seed: number): Random {
  const seed32 = Number.isFinite(seed) ? Math.trunc(seed) >>> 0 : 0;
  const init = splitmix32(seed32);
  let a = init();
  let b = init();
  let c = init();
  let d = init();
  const nextUint32 = (): number => {
    const t = (((a + b) >>> 0) + d) >>> 0;
    d = (d + 1) >>> 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) >>> 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) >>> 0;
    return t;
  };
  for (let i = 0; i < 12; i++) nextUint32();
  return {
    seed: seed32,
    next: () => nextUint32() / 0x1_0000_0000,
    int(min, max) {
      if (max < min) throw new RangeError(`int(${min}, ${max}): max is below min`);
      return min + Math.floor((nextUint32() / 0x1_0000_0000) * (max - min + 1));
    },
    fork: (label) => createRandom(hashLabel(seed32, label)),
  };
}
