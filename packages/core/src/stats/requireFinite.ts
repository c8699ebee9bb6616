/**
 * The last guard in front of every accumulator. The engine checks values
 * earlier, where it can say which metric and run went wrong; a NaN or an
 * infinity that still gets this far would poison every later sum silently.
 */
export function requireFinite(value: number, accumulator: string): void {
  if (!Number.isFinite(value)) throw new Error(`cannot add ${value} to ${accumulator}: the value is not finite`);
}
