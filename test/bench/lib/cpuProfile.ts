/**
 * Self time per function in V8 CPU profiles (the `.cpuprofile` JSON that `node --cpu-prof` and the inspector's
 * Profiler.stop write), summed over several profiles: where a benchmark's time goes, by name.
 */
import { readFileSync } from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}

interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** A function as the profile names it: `name file:line` (line 1-based; V8's pseudo-frames such as `(garbage collector)` alone). */
function frameName({ functionName, url, lineNumber }: ProfileNode['callFrame']): string {
  if (!url) return functionName || '(anonymous)';
  return `${functionName || '(anonymous)'} ${url.split(/[\\/]/).pop()}:${lineNumber + 1}`;
}

/** Milliseconds of self time per function, summed over the files, largest first; `(idle)` is left out. */
export function selfTimes(files: readonly string[]): Array<{ name: string; ms: number }> {
  const totals = new Map<string, number>();
  for (const file of files) {
    const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
    const names = new Map(profile.nodes.map((node) => [node.id, frameName(node.callFrame)]));
    profile.samples.forEach((id, index) => {
      const name = names.get(id) ?? '(unknown)';
      if (name !== '(idle)') totals.set(name, (totals.get(name) ?? 0) + profile.timeDeltas[index] / 1000);
    });
  }
  return [...totals].map(([name, ms]) => ({ name, ms })).sort((a, b) => b.ms - a.ms);
}
