import { ddExp, ddDivide, ddMultiply, LN2 } from "./doubleDouble.js";
import { POW2, POW2_ZERO } from "./powersOfTwo.js";

/**
 * e^x by a table, about three times faster than fdlibm's exp, for the
 * engine's hottest exponentials: the core-harvesting terms, about a
 * thousand a run (agents/yield/coreHarvesting.ts).
 *
 * The method is the table-driven one of ARM's optimized-routines
 * (Szabolcs Nagy's exp): x = (k + j/128) ln 2 + r with |r| <= ln 2 / 256,
 * e^x = 2^k * 2^(j/128) * e^r, where 2^(j/128) comes from a table kept to
 * about 106 bits (SCALE plus a relative TAIL) and e^r - 1 from a degree-5
 * polynomial (its Taylor terms: the next one is below 2^-60 of r). Only
 * arithmetic IEEE 754 fixes exactly, so every engine computes the same
 * bits. The result is within 0.52 ulp of e^x (tableExp.test.ts measures it
 * against 256-bit arithmetic); it is not always the double fdlibm's exp
 * rounds to.
 *
 * Not a replacement for fdlibm's exp everywhere: it must be inlined into
 * its caller, since a double returned from a call V8 does not inline is
 * boxed (an allocation), and at 270 bytes of bytecode V8 inlines it only
 * while the caller's inlining budget lasts. fdlibm's exp passes its
 * numbers through a typed array and never boxes, wherever it is called.
 * test/scale/bench.test.ts's garbage bound fails if this one is not
 * inlined.
 */
export function tableExp(x: number): number {
  // Beyond |x| = 704, 2^k alone can overflow or be subnormal: the scale is then applied in two steps
  // (by 2^(k -/+ 64), then by 2^(+/-64)), each normal, and x is clamped to where e^x is already
  // infinite or 0, which the formula then gives (an infinite x would give NaN; NaN stays NaN).
  let step = 0;
  if (!(Math.abs(x) < FAR)) {
    x = x > 710 ? 710 : x < -746 ? -746 : x;
    step = x > 0 ? -64 : 64;
  }
  // k * 128 + j = round(x * 128 / ln 2), rounded by the add-and-subtract of 1.5 * 2^52.
  const kj = x * INV_LN2_128 + ROUNDER - ROUNDER;
  const r = x - kj * LN2_HI_128 - kj * LN2_LO_128;
  const i = kj | 0;
  const j = i & 127;
  const r2 = r * r;
  const tail = (TAIL[j] as number) + r + r2 * (0.5 + r * C3) + r2 * r2 * (C4 + r * C5);
  const scale = (SCALE[j] as number) * (POW2[POW2_ZERO + (i >> 7) + step] as number);
  // Multiplying by 2^0 changes nothing; a subnormal result is rounded twice (still the same bits everywhere).
  return (scale + scale * tail) * (POW2[POW2_ZERO - step] as number);
}

/** Below this |x| the scale 2^k * 2^(j/128) is a normal double. */
const FAR = 704;
const INV_LN2_128 = 184.6649652337873; // 128 / ln 2
const ROUNDER = 6755399441055744; // 1.5 * 2^52
// fdlibm's ln 2 split, over 128: the high part has 21 trailing zero bits, so kj times it is exact for |kj| < 2^21.
const LN2_HI_128 = 6.93147180369123816490e-1 / 128;
const LN2_LO_128 = 1.90821492927058770002e-10 / 128;
const C3 = 1 / 6;
const C4 = 1 / 24;
const C5 = 1 / 120;

/** 2^(j/128) = SCALE[j] * (1 + TAIL[j]), to about 2^-104, built by double-double arithmetic when the module loads. */
const SCALE = new Float64Array(128);
const TAIL = new Float64Array(128);
for (let j = 0; j < 128; j++) {
  const [hi, lo] = ddExp(ddDivide(ddMultiply(LN2, [j, 0]), 128));
  SCALE[j] = hi;
  TAIL[j] = lo / hi;
}
