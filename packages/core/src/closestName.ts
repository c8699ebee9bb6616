/**
 * The known name a misspelt one was most likely meant to be, for "did you
 * mean ...?" in error messages: the one nearest in edit distance (an
 * insertion, a deletion, a substitution or a swap of neighbours each count
 * one), compared without case, dashes or underscores. Only a close name is
 * suggested: at most one edit in three characters, fewer edits than the
 * shorter name has characters, and no tie with another name (two equally
 * near names would be a guess).
 */
export function closestName(name: string, known: Iterable<string>): string | undefined {
  const wanted = normalise(name);
  if (wanted === "") return undefined;
  let best: string | undefined;
  let bestDistance = Infinity;
  let tied = false;
  for (const candidate of known) {
    if (candidate === name) continue;
    const other = normalise(candidate);
    const limit = Math.min(Math.max(1, Math.floor(Math.max(wanted.length, other.length) / 3)), Math.min(wanted.length, other.length) - 1);
    const distance = editDistance(wanted, other, Math.min(limit, bestDistance));
    if (distance > limit) continue;
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
      tied = false;
    } else if (distance === bestDistance && candidate !== best) tied = true;
  }
  return tied ? undefined : best;
}

function normalise(name: string): string {
  return name.toLowerCase().replace(/[-_\s]/g, "");
}

/**
 * Optimal-string-alignment distance (Levenshtein with swaps of neighbours),
 * or anything above `cap` once it is sure to exceed it.
 */
function editDistance(a: string, b: string, cap: number): number {
  if (Math.abs(a.length - b.length) > cap) return cap + 1;
  let before = new Array<number>(b.length + 1).fill(0);
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  let current = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min((previous[j] as number) + 1, (current[j - 1] as number) + 1, (previous[j - 1] as number) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, (before[j - 2] as number) + 1);
      current[j] = d;
      if (d < rowMin) rowMin = d;
    }
    if (rowMin > cap) return cap + 1;
    [before, previous, current] = [previous, current, before];
  }
  return previous[b.length] as number;
}

/** "; did you mean NAME?" when a known name is close to `name`, else "": the tail of a one-line message. */
export function didYouMean(name: string, known: Iterable<string>): string {
  const suggestion = closestName(name, known);
  return suggestion === undefined ? "" : `; did you mean ${suggestion}?`;
}
