/**
 * "Did you mean …" for a name the schema does not know: the known name a slip of the keyboard away (one or two
 * letters wrong, missing, extra or swapped), and only when exactly one such name is the closest, so a suggestion
 * is never a guess between two.
 */

/** Edit distance counting a swap of two neighbouring letters as one edit (optimal string alignment). */
export function editDistance(a: string, b: string): number {
  const rows = a.length + 1;
  const columns = b.length + 1;
  const distance: number[][] = Array.from({ length: rows }, (_, i) => Array.from({ length: columns }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < columns; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      distance[i][j] = Math.min(distance[i - 1][j] + 1, distance[i][j - 1] + 1, distance[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) distance[i][j] = Math.min(distance[i][j], distance[i - 2][j - 2] + 1);
    }
  }
  return distance[a.length][b.length];
}

/** How far a name may be from a known one and still be called a slip: short names allow less. */
export function slipAllowance(name: string): number {
  return name.length < 4 ? 0 : name.length < 8 ? 1 : 2;
}

/** The one known name closest to `name` within its slip allowance, or undefined (none, or a tie). */
export function closestName(name: string, known: Iterable<string>): string | undefined {
  const wanted = name.toLowerCase();
  const allowance = slipAllowance(wanted);
  if (allowance === 0) return undefined;
  let best: string | undefined;
  let bestDistance = allowance + 1;
  let tie = false;
  for (const candidate of known) {
    // A length gap wider than the allowance can never be within it; skipping it keeps 1,000+ tables cheap.
    if (Math.abs(candidate.length - wanted.length) > allowance || candidate === wanted) continue;
    const distance = editDistance(wanted, candidate);
    if (distance < bestDistance) [best, bestDistance, tie] = [candidate, distance, false];
    else if (distance === bestDistance) tie = true;
  }
  return tie ? undefined : best;
}
