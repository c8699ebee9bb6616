/**
 * 32-bit FNV-1a over the UTF-8 bytes of a string: turns a parameter path
 * into the id of its random stream. Stable across platforms and versions.
 * (UTF-8 is encoded here because core uses no host APIs such as TextEncoder.)
 */
export function fnv1a32(text: string): number {
  let h = 0x811c9dc5;
  const mix = (byte: number) => {
    h ^= byte;
    h = Math.imul(h, 0x01000193) >>> 0;
  };
  for (const char of text) {
    const cp = char.codePointAt(0) as number;
    if (cp < 0x80) mix(cp);
    else if (cp < 0x800) {
      mix(0xc0 | (cp >> 6));
      mix(0x80 | (cp & 0x3f));
    } else if (cp < 0x10000) {
      mix(0xe0 | (cp >> 12));
      mix(0x80 | ((cp >> 6) & 0x3f));
      mix(0x80 | (cp & 0x3f));
    } else {
      mix(0xf0 | (cp >> 18));
      mix(0x80 | ((cp >> 12) & 0x3f));
      mix(0x80 | ((cp >> 6) & 0x3f));
      mix(0x80 | (cp & 0x3f));
    }
  }
  return h >>> 0;
}

/**
 * A 32-bit integer mixing function with low bias (Chris Wellons'
 * lowbias32): the hash behind the scrambles of Sobol points and the
 * permutations of Latin hypercubes. Takes and gives int32 bits.
 */
export function mix32(x: number): number {
  x ^= x >>> 16;
  x = Math.imul(x, 0x7feb352d);
  x ^= x >>> 15;
  x = Math.imul(x, 0x846ca68b);
  x ^= x >>> 16;
  return x | 0;
}
