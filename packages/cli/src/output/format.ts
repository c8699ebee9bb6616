// Numbers are formatted by @chipsim/core (formatNumber, formatShare, formatDifference), the same for every surface.

export function padTable(rows: string[][], alignRight: (col: number) => boolean = (c) => c > 0): string {
  const widths: number[] = [];
  for (const row of rows) row.forEach((cell, c) => (widths[c] = Math.max(widths[c] ?? 0, cell.length)));
  return rows
    .map((row) => row.map((cell, c) => (alignRight(c) ? cell.padStart(widths[c] ?? 0) : cell.padEnd(widths[c] ?? 0))).join("  ").trimEnd())
    .join("\n");
}

/** Years as a short list, runs of consecutive years joined: "2024-2028, 2030, 2032 and 2035". */
export function yearList(years: readonly (string | number)[]): string {
  const sorted = [...new Set(years.map(Number))].sort((a, b) => a - b);
  const parts: string[] = [];
  for (let k = 0; k < sorted.length; ) {
    let end = k;
    while (end + 1 < sorted.length && sorted[end + 1] === (sorted[end] as number) + 1) end++;
    parts.push(end - k >= 2 ? `${sorted[k]}-${sorted[end]}` : sorted.slice(k, end + 1).join(", "));
    k = end + 1;
  }
  const items = parts.flatMap((p) => p.split(", "));
  return items.length <= 1 ? (items[0] ?? "") : `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}

/**
 * What a table that shows only some years says about the rest: which are
 * shown, which are left out, and where every year is.
 */
export function yearsShownNote(shown: readonly (string | number)[], all: readonly (string | number)[], everyYearIn: string): string | undefined {
  const shownSet = new Set(shown.map(String));
  const left = all.map(String).filter((y) => !shownSet.has(y));
  if (left.length === 0) return undefined;
  return `Years shown: ${yearList(shown)}; ${yearList(left)} ${left.length === 1 ? "is" : "are"} left out (${everyYearIn} every year).`;
}

/** Text broken into lines of at most `width` characters, at spaces. */
export function wrap(text: string, width = 100): string {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/).filter((w) => w !== "")) {
    if (line !== "" && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line === "" ? word : `${line} ${word}`;
  }
  if (line !== "") lines.push(line);
  return lines.join("\n");
}
