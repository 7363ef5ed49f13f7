/**
 * Deterministic fault injection: every governed request draws exactly two numbers from a seeded generator, so
 * the same seed and the same request order always produce the same faults, whatever the request types are.
 */
import type { SandboxFaults } from '../options';
import { mulberry32 } from '../seed/random';

export type FaultDecision = 'none' | 'error500' | 'error429' | 'resetBeforeCommit' | 'resetAfterCommit';

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
