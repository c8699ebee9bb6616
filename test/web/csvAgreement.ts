/**
 * How far two summary CSVs (same rows, same order) are apart. The page and
 * the command line run the same code with the same seed, but Chromium's V8
 * and Node 20's V8 round Math.pow differently in the last bit for some
 * inputs, so values agree to about 1e-8 rather than bit for bit, and a
 * binding constraint can flip where two limits tie to that precision.
 */
export interface CsvAgreement {
  readonly rows: number;
  readonly identicalRows: number;
  readonly mismatchedKeys: string[];
  /** Largest relative difference of a metric statistic. */
  readonly maxRelative: number;
  /** Largest absolute difference of a share (bottleneck share, milestone probability). */
  readonly maxShare: number;
}

export function compareSummaryCsv(a: string, b: string): CsvAgreement {
  const left = a.trimEnd().split("\n");
  const right = b.trimEnd().split("\n");
  const mismatchedKeys: string[] = [];
  let identicalRows = 0;
  let maxRelative = 0;
  let maxShare = 0;
  for (let i = 0; i < Math.max(left.length, right.length); i++) {
    const x = (left[i] ?? "").split(",");
    const y = (right[i] ?? "").split(",");
    const key = x.slice(0, 4).join(",");
    if (key !== y.slice(0, 4).join(",")) {
      mismatchedKeys.push(key);
      continue;
    }
    if (left[i] === right[i]) {
      identicalRows += 1;
      continue;
    }
    const [u, v] = [Number(x[4]), Number(y[4])];
    if (x[1]?.startsWith("bottleneck.") || x[1]?.startsWith("milestone.")) maxShare = Math.max(maxShare, Math.abs(u - v));
    else maxRelative = Math.max(maxRelative, Math.abs(u - v) / Math.max(Math.abs(u), Math.abs(v), 1e-3));
  }
  return { rows: left.length, identicalRows, mismatchedKeys, maxRelative, maxShare };
}
