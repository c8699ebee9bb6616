/** Numbers as a reader scans them in a table: three significant figures with k/M/B/T. */
export function compact(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  const abs = Math.abs(value);
  const units: [number, string][] = [
    [1e12, "T"],
    [1e9, "B"],
    [1e6, "M"],
    [1e3, "k"],
  ];
  for (const [scale, suffix] of units) {
    if (abs >= scale * 0.9995) return `${trim((value / scale).toPrecision(3))}${suffix}`;
  }
  if (abs === 0) return "0";
  if (abs >= 1) return trim(value.toPrecision(3));
  return trim(value.toPrecision(2));
}

/** A share as a percentage; near 0 and 1 with a decimal, so 99.6% never reads as a certain 100%. */
export function percent(share: number): string {
  const nearEdge = (share > 0 && share < 0.01) || (share > 0.99 && share < 1);
  return `${(share * 100).toFixed(nearEdge ? 1 : 0)}%`;
}

function trim(text: string): string {
  return text.includes("e") ? text : text.replace(/(\.\d*?)0+$/, "$1").replace(/\.$/, "");
}

export function padTable(rows: string[][], alignRight: (col: number) => boolean = (c) => c > 0): string {
  const widths: number[] = [];
  for (const row of rows) row.forEach((cell, c) => (widths[c] = Math.max(widths[c] ?? 0, cell.length)));
  return rows
    .map((row) => row.map((cell, c) => (alignRight(c) ? cell.padStart(widths[c] ?? 0) : cell.padEnd(widths[c] ?? 0))).join("  ").trimEnd())
    .join("\n");
}
