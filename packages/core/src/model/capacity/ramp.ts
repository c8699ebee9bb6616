/**
 * Linear ramp from 0 at `from` to 1 at `from + length`: how far a tool
 * build-up, a generation change or a design's volume has come at time t
 * (quarters from 2024Q1).
 */
export function ramp(t: number, from: number, length: number): number {
  if (t <= from) return 0;
  if (length <= 0) return 1;
  const x = (t - from) / length;
  return x >= 1 ? 1 : x;
}
