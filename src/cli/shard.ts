/**
 * `--shard i/n`: spread scenario files over n CI jobs. Files are sorted first, then shard
 * i takes every n-th file starting at the i-th, so the shards are disjoint, cover every
 * file, and agree on every machine that sees the same files.
 */
import { SockfaultError } from '../errors.js';

/** Shard `index` (1-based) of `count`. */
export interface Shard {
  index: number;
  count: number;
}

/** Parses `i/n` with 1 ≤ i ≤ n. @throws SockfaultError ERR_INVALID_ARGUMENT */
export function parseShard(text: string): Shard {
  const match = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(text);
  const index = Number(match?.[1]);
  const count = Number(match?.[2]);
  if (!match || count < 1 || index < 1 || index > count) {
    throw new SockfaultError('ERR_INVALID_ARGUMENT', `--shard must be i/n with 1 ≤ i ≤ n (e.g. 1/3), got ${JSON.stringify(text)}`);
  }
  return { index, count };
}

/** The files of `shard`, from files already sorted. */
export function selectShard<T>(sorted: readonly T[], shard: Shard | undefined): T[] {
  if (!shard) return [...sorted];
  return sorted.filter((_, position) => position % shard.count === shard.index - 1);
}
