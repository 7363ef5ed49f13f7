/**
 * Deterministic fault injection: every governed request draws exactly two numbers from a seeded generator, so
 * the same seed and the same request order always produce the same faults, whatever the request types are.
 */
import type { SandboxFaults } from '../options';

export type FaultDecision = 'none' | 'error500' | 'error429' | 'resetBeforeCommit' | 'resetAfterCommit';

/** mulberry32: tiny, fast and good enough to spread faults evenly; not for anything secret. */
function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export class FaultInjector {
  private random: () => number;
  private errorIdRandom: () => number;

  constructor(private faults: SandboxFaults) {
    this.random = mulberry32(faults.seed);
    this.errorIdRandom = mulberry32(faults.seed ^ 0x5bd1e995);
  }

  /** Replaces the rates; a changed seed restarts the sequence. */
  configure(faults: SandboxFaults): void {
    const reseed = faults.seed !== this.faults.seed;
    this.faults = faults;
    if (reseed) {
      this.random = mulberry32(faults.seed);
      this.errorIdRandom = mulberry32(faults.seed ^ 0x5bd1e995);
    }
  }

  decide(isWrite: boolean): FaultDecision {
    const errorDraw = this.random();
    const resetDraw = this.random();
    const { rate500, rate429, resetBeforeCommitRate, resetAfterCommitRate } = this.faults;
    if (errorDraw < rate500) return 'error500';
    if (errorDraw < rate500 + rate429) return 'error429';
    if (!isWrite) return 'none';
    if (resetDraw < resetBeforeCommitRate) return 'resetBeforeCommit';
    if (resetDraw < resetBeforeCommitRate + resetAfterCommitRate) return 'resetAfterCommit';
    return 'none';
  }

  /** An error id shaped like NetSuite's (`mtkekqnm1b0jlj800jp4o`): 21 lower-case base-36 characters. */
  errorId(): string {
    let id = '';
    while (id.length < 21) id += Math.floor(this.errorIdRandom() * 36).toString(36);
    return id;
  }
}
