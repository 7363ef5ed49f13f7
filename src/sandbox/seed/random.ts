/**
 * The seed data's only source of randomness: mulberry32, a tiny well-known 32-bit PRNG, seeded per record from
 * (seed, stream, index). Deriving each record's generator from its index makes the n-th customer the same whatever
 * the scale and lets transactions look customers up without generating them first (no O(n²), no shared state).
 */

/** mulberry32: returns floats in [0, 1). */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Mixes integers into one 32-bit seed (murmur3's finaliser per step), so nearby inputs give unrelated streams. */
export function mixSeed(...parts: number[]): number {
  let hash = 0x9e3779b9;
  for (const part of parts) {
    hash = Math.imul(hash ^ (part >>> 0), 0x85ebca6b);
    hash ^= hash >>> 13;
    hash = Math.imul(hash, 0xc2b2ae35);
    hash ^= hash >>> 16;
  }
  return hash >>> 0;
}

/** A stable number for a stream name, so streams can be named rather than numbered. */
export function streamId(name: string): number {
  let hash = 2166136261;
  for (let index = 0; index < name.length; index++) hash = Math.imul(hash ^ name.charCodeAt(index), 16777619);
  return hash >>> 0;
}

/** Convenience draws over one generator. */
export class SeededRandom {
  private readonly next: () => number;

  constructor(seed: number, stream: string, index = 0) {
    this.next = mulberry32(mixSeed(seed, streamId(stream), index));
  }

  fraction(): number {
    return this.next();
  }

  /** An integer in [min, max]. */
  integer(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(values: readonly T[]): T {
    return values[Math.floor(this.next() * values.length)];
  }

  /** Money-like amount in [min, max] with two decimals. */
  amount(min: number, max: number): number {
    return Math.round((min + this.next() * (max - min)) * 100) / 100;
  }
}
