// "Did you mean ...?": the closest known name within a small edit distance, as BuildKit suggests.

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current.push(Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost));
    }
    previous = current;
  }
  return previous[b.length]!;
}

/** BuildKit suggests a name at most this many edits away (its util/suggest, as HCL does). */
const MAX_DISTANCE = 2;

/** The option closest to `name`, when it is close enough to be a likely typo (the first one wins a tie). */
export function suggestName(name: string, options: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const option of options) {
    if (option === name) continue;
    const distance = option.toLowerCase() === name.toLowerCase() ? 0.5 : editDistance(name, option);
    if (distance <= MAX_DISTANCE && distance < bestDistance) {
      best = option;
      bestDistance = distance;
    }
  }
  return best;
}
