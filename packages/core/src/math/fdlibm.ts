/**
 * exp, log, log1p and sin with the same bits in every JavaScript engine.
 *
 * ECMAScript leaves Math.exp, Math.log and the rest "implementation-
 * approximated", and engines now differ in the last bit: Chromium 156
 * rounds about one exp in ten differently from Node 20's V8, which made the
 * browser playground's summaries differ from the command line's. The
 * engine therefore computes these four itself, as ports of fdlibm (the
 * FreeBSD msun versions Node 20's V8 compiles in src/base/ieee754.cc), in
 * arithmetic that IEEE 754 fixes exactly: the command line's results are
 * the bits they were, and the browser now computes the same bits
 * (fdlibm.test.ts compares each with Node's Math on a million arguments).
 *
 * A double's high word is read through one shared buffer; powers of two
 * come from a table (POW2).
 */
const buffer = new ArrayBuffer(8);
const float = new Float64Array(buffer);
const words = new Int32Array(buffer);
// Which Int32 holds the high word: 1 on little-endian machines (all that run chipsim), checked rather than assumed.
const HI = new Uint8Array(new Float64Array([1]).buffer)[7] === 0x3f ? 1 : 0;
const LO = 1 - HI;

function highWord(x: number): number {
  float[0] = x;
  return words[HI] as number;
}

function fromWords(hi: number, lo: number): number {
  words[HI] = hi;
  words[LO] = lo;
  return float[0] as number;
}

const LN2_HI = 6.93147180369123816490e-1; // 0x3fe62e42 fee00000
const LN2_LO = 1.90821492927058770002e-10; // 0x3dea39ef 35793c76
const TWO54 = 1.8014398509481984e16; // 0x43500000 00000000

/**
 * 2^j for j = -1074 .. 1023, at POW2[j + POW2_ZERO]. fdlibm sets a
 * double's exponent through its high word; multiplying by an exact power of
 * two gives the same bits when the result is normal, and a write of 4 bytes
 * read back as 8 stalls the processor (no store forwarding): the hot
 * functions never write a word.
 */
const POW2_ZERO = 1074;
const POW2 = new Float64Array(1074 + 1024);
POW2[POW2_ZERO] = 1;
for (let j = 1; j <= 1023; j++) POW2[POW2_ZERO + j] = (POW2[POW2_ZERO + j - 1] as number) * 2;
for (let j = 1; j <= 1074; j++) POW2[POW2_ZERO - j] = (POW2[POW2_ZERO - j + 1] as number) / 2;

/**
 * The argument (IO[0]) and result (IO[1]) of the computations. A call V8
 * does not inline boxes every double passed to it or returned from it (an
 * allocation each: tens of kilobytes a run of the baseline); a typed
 * array's slots are not boxed. So each function is whole in one
 * computation, longer than V8 inlines (460 bytes of bytecode; they are 578
 * to 666), behind a wrapper (exp, log, log1p) that only writes, calls and
 * reads, short enough that V8 always inlines it. Were a computation split
 * so that its hot part became short, V8 would inline it into the wrapper,
 * which would then be too long to inline and box its result:
 * test/scale/bench.test.ts's garbage bound fails if that happens.
 */
const IO = new Float64Array(2);

/** 2^j for j = -1074 .. 1023. */
const POW2_OF = (j: number) => POW2[POW2_ZERO + j] as number;

/** The double whose high word is `hi` and low word 0: fdlibm's thresholds on a high word, as numbers to compare with. */
const atHigh = (hi: number) => fromWords(hi, 0);

const EXP_P1 = 1.66666666666666019037e-1;
const EXP_P2 = -2.77777777770155933842e-3;
const EXP_P3 = 6.61375632143793436117e-5;
const EXP_P4 = -1.65339022054652515390e-6;
const EXP_P5 = 4.13813679705723846039e-8;
const INV_LN2 = 1.44269504088896338700;
const O_THRESHOLD = 7.09782712893383973096e2;
const U_THRESHOLD = -7.45133219101941108420e2;
const TWOM1000 = 9.33263618503218878990e-302;
const TWO1023 = 8.988465674311579539e307;
// |x| against fdlibm's high-word thresholds: hx >= H is |x| >= atHigh(H), hx > H is |x| >= atHigh(H + 1).
const EXP_REDUCE = atHigh(0x3fd62e42 + 1); // above 0.5 ln 2
const EXP_ONE_STEP = atHigh(0x3ff0a2b2); // below 1.5 ln 2
const EXP_TINY = atHigh(0x3e300000); // 2^-28

/** e^x into IO[1]: fdlibm's exp. */
function expCompute(): void {
  let x = IO[0] as number;
  const ax = Math.abs(x);
  if (!(ax < 708)) {
    // NaN, infinities, and |x| >= 708, where 2^k below can overflow (k = 1024) or be subnormal.
    if (x !== x) {
      IO[1] = x + x;
      return;
    }
    if (x > O_THRESHOLD) {
      IO[1] = Infinity;
      return;
    }
    if (x < U_THRESHOLD) {
      IO[1] = 0; // fdlibm's 2^-1000 * 2^-1000, which rounds to +0
      return;
    }
  } else if (ax < EXP_TINY) {
    IO[1] = 1 + x;
    return;
  }
  let hi = 0;
  let lo = 0;
  let k = 0;
  if (ax >= EXP_REDUCE) {
    if (ax < EXP_ONE_STEP) {
      // V8 returns e itself for 1, where the formula below is a bit off.
      if (x === 1) {
        IO[1] = Math.E;
        return;
      }
      hi = x > 0 ? x - LN2_HI : x + LN2_HI;
      lo = x > 0 ? LN2_LO : -LN2_LO;
      k = x > 0 ? 1 : -1;
    } else {
      // |x| < 746: the sum is well inside int32, and | 0 truncates as fdlibm's (int) cast.
      k = (INV_LN2 * x + (x > 0 ? 0.5 : -0.5)) | 0;
      hi = x - k * LN2_HI; // exact
      lo = k * LN2_LO;
    }
    x = hi - lo;
  }
  const t = x * x;
  const c = x - t * (EXP_P1 + t * (EXP_P2 + t * (EXP_P3 + t * (EXP_P4 + t * EXP_P5))));
  if (k === 0) {
    IO[1] = 1 - ((x * c) / (c - 2) - x);
    return;
  }
  const y = 1 - (lo - (x * c) / (2 - c) - hi);
  if (k === 1024) IO[1] = y * 2 * TWO1023;
  else if (k >= -1021) IO[1] = y * (POW2[POW2_ZERO + k] as number);
  else IO[1] = y * (POW2[POW2_ZERO + k + 1000] as number) * TWOM1000;
}

/** e^x. */
export function exp(x: number): number {
  IO[0] = x;
  expCompute();
  return IO[1] as number;
}

const LG1 = 6.666666666666735130e-1;
const LG2 = 3.999999999940941908e-1;
const LG3 = 2.857142874366239149e-1;
const LG4 = 2.222219843214978396e-1;
const LG5 = 1.818357216161805012e-1;
const LG6 = 1.531383769920937332e-1;
const LG7 = 1.479819860511658591e-1;
const MIN_NORMAL = 2.2250738585072014e-308; // 2^-1022

/** The natural logarithm. */
export function log(x: number): number {
  IO[0] = x;
  logCompute();
  return IO[1] as number;
}

/** log(x) into IO[1]: fdlibm's log. */
function logCompute(): void {
  let x = IO[0] as number;
  let k = 0;
  if (!(x >= MIN_NORMAL && x < Infinity)) {
    if (!(x > 0)) {
      IO[1] = x === 0 ? -Infinity : NaN; // zeros, negatives, NaN
      return;
    }
    if (x === Infinity) {
      IO[1] = x;
      return;
    }
    k = -54;
    x *= TWO54; // subnormal: scaled up
  }
  // highWord(x), written out as in log1pCompute.
  float[0] = x;
  let hx = words[HI] as number;
  const e = (hx >> 20) - 1023;
  hx &= 0x000fffff;
  let i = (hx + 0x95f64) & 0x100000;
  // x or x/2 into [sqrt(2)/2, sqrt(2)): fdlibm sets the exponent to 0 or -1.
  const shift = e + (i >> 20);
  x *= POW2[POW2_ZERO - shift] as number;
  k += shift;
  const f = x - 1;
  if ((0x000fffff & (2 + hx)) < 3) {
    // |f| < 2^-20
    if (f === 0) {
      IO[1] = k === 0 ? 0 : k * LN2_HI + k * LN2_LO;
      return;
    }
    const r = f * f * (0.5 - 0.33333333333333333 * f);
    IO[1] = k === 0 ? f - r : k * LN2_HI - (r - k * LN2_LO - f);
    return;
  }
  const s = f / (2 + f);
  const z = s * s;
  i = hx - 0x6147a;
  const w = z * z;
  const j = 0x6b851 - hx;
  const r = z * (LG1 + w * (LG3 + w * (LG5 + w * LG7))) + w * (LG2 + w * (LG4 + w * LG6));
  i |= j;
  if (i > 0) {
    const hfsq = 0.5 * f * f;
    IO[1] = k === 0 ? f - (hfsq - s * (hfsq + r)) : k * LN2_HI - (hfsq - (s * (hfsq + r) + k * LN2_LO) - f);
  } else {
    IO[1] = k === 0 ? f - s * (f - r) : k * LN2_HI - (s * (f - r) - k * LN2_LO - f);
  }
}

const LOG1P_DIRECT = atHigh(0x3fda827a); // 1 + x below about sqrt(2)
const LOG1P_TINY = atHigh(0x3e200000); // 2^-29
const LOG1P_TINIER = atHigh(0x3c900000); // 2^-54
const LOG1P_NEGATIVE = atHigh(0x3fd2bec4 + 1); // -x below this: 1 + x above about sqrt(2)/2
const TWO53 = atHigh(0x43400000);

/** log(1 + x), accurate for small x. */
export function log1p(x: number): number {
  IO[0] = x;
  log1pCompute();
  return IO[1] as number;
}

/** log1p(x) into IO[1]: fdlibm's log1p. */
function log1pCompute(): void {
  const x = IO[0] as number;
  const ax = Math.abs(x);
  if (ax < LOG1P_TINY) {
    IO[1] = ax < LOG1P_TINIER ? x : x - x * x * 0.5;
    return;
  }
  if (!(x > -1 && x < Infinity)) {
    IO[1] = x === -1 ? -Infinity : x === Infinity ? x : x !== x ? x + x : NaN; // -1, +infinity, NaN, below -1
    return;
  }
  let k = 0;
  let f = x;
  let c = 0;
  if (!(x < LOG1P_DIRECT && (x > 0 || -x < LOG1P_NEGATIVE))) {
    // 1 + x outside [sqrt(2)/2, sqrt(2)): reduce u = 1 + x, with c correcting its rounding (none from 2^53 up).
    const u = x < TWO53 ? 1 + x : x;
    // highWord(u), written out. Called, it was sometimes left a call when V8 optimised this function
    // (on a busy machine, in about one process in three), and passing u boxed it: 1.9 KB a run of garbage.
    float[0] = u;
    let hu = words[HI] as number;
    k = (hu >> 20) - 1023;
    if (x < TWO53) c = (k > 0 ? 1 - (u - x) : x - (u - 1)) / u;
    hu &= 0x000fffff;
    if (hu >= 0x6a09e) {
      k += 1;
      hu = (0x00100000 - hu) >> 2;
    }
    // u into [1, sqrt(2)) or u/2 into [sqrt(2)/2, 1): fdlibm sets the exponent to 0 or -1.
    f = u * (POW2[POW2_ZERO - k] as number) - 1;
    if (hu === 0) {
      // |f| < 2^-20
      if (f === 0) {
        IO[1] = k * LN2_HI + (c + k * LN2_LO);
        return;
      }
      const r = 0.5 * f * f * (1 - 0.66666666666666666 * f);
      IO[1] = k * LN2_HI - (r - (k * LN2_LO + c) - f);
      return;
    }
  }
  const hfsq = 0.5 * f * f;
  const s = f / (2 + f);
  const z = s * s;
  // fdlibm's log1p names its coefficients Lp1-Lp7; they are log's.
  const r = z * (LG1 + z * (LG2 + z * (LG3 + z * (LG4 + z * (LG5 + z * (LG6 + z * LG7))))));
  IO[1] = k === 0 ? f - (hfsq - s * (hfsq + r)) : k * LN2_HI - (hfsq - (s * (hfsq + r) + (k * LN2_LO + c)) - f);
}

const S1 = -1.66666666666666324348e-1;
const S2 = 8.33333333332248946124e-3;
const S3 = -1.98412698298579493134e-4;
const S4 = 2.75573137070700676789e-6;
const S5 = -2.50507602534068634195e-8;
const S6 = 1.58969099521155010221e-10;

function kernelSin(x: number, y: number, iy: number): number {
  const ix = highWord(x) & 0x7fffffff;
  if (ix < 0x3e400000 && Math.trunc(x) === 0) return x; // |x| < 2^-27
  const z = x * x;
  const v = z * x;
  const r = S2 + z * (S3 + z * (S4 + z * (S5 + z * S6)));
  return iy === 0 ? x + v * (S1 + z * r) : x - (z * (0.5 * y - v * r) - y - v * S1);
}

const C1 = 4.16666666666666019037e-2;
const C2 = -1.38888888888741095749e-3;
const C3 = 2.48015872894767294178e-5;
const C4 = -2.75573143513906633035e-7;
const C5 = 2.08757232129817482790e-9;
const C6 = -1.13596475577881948265e-11;

function kernelCos(x: number, y: number): number {
  const ix = highWord(x) & 0x7fffffff;
  if (ix < 0x3e400000 && Math.trunc(x) === 0) return 1; // |x| < 2^-27
  const z = x * x;
  const r = z * (C1 + z * (C2 + z * (C3 + z * (C4 + z * (C5 + z * C6)))));
  if (ix < 0x3fd33333) return 1 - (0.5 * z - (z * r - x * y)); // |x| < 0.3
  const qx = ix > 0x3fe90000 ? 0.28125 : fromWords(ix - 0x00200000, 0); // x/4, or 0.28125 above 0.78125
  const hz = 0.5 * z - qx;
  const a = 1 - qx;
  return a - (hz - (z * r - x * y));
}

const PIO2_1 = 1.57079632673412561417; // first 33 bits of pi/2
const PIO2_1T = 6.07710050650619224932e-11; // pi/2 - PIO2_1
const PIO2_2 = 6.07710050630396597660e-11; // second 33 bits of pi/2
const PIO2_2T = 2.02226624879595063154e-21; // pi/2 - (PIO2_1 + PIO2_2)

/** sin takes |x| below this, a little under 3 pi / 4 (the engine needs sin only of arguments up to pi/2). */
export const SIN_MAX_ARGUMENT = 2.3561935424804688; // high word 0x4002d97c

/**
 * sin(x) for |x| < SIN_MAX_ARGUMENT (about 3 pi / 4): fdlibm's sin for that range (reduction by one
 * multiple of pi/2 at most). Beyond it fdlibm needs a longer reduction the
 * engine has no use for, so larger arguments are refused, not approximated.
 */
export function sin(x: number): number {
  const hx = highWord(x);
  const ix = hx & 0x7fffffff;
  if (ix <= 0x3fe921fb) {
    // |x| ~< pi/4
    if (ix < 0x3e500000 && Math.trunc(x) === 0) return x; // |x| < 2^-26
    return kernelSin(x, 0, 0);
  }
  if (ix >= 0x4002d97c) throw new RangeError(`sin: |x| must be below ${SIN_MAX_ARGUMENT}, got ${x}`);
  // One quarter turn off: sin(x) = cos(x - pi/2) above pi/4, -cos(x + pi/2) below -pi/4.
  let z: number;
  let y0: number;
  let y1: number;
  if (hx > 0) {
    z = x - PIO2_1;
    if (ix !== 0x3ff921fb) {
      y0 = z - PIO2_1T;
      y1 = z - y0 - PIO2_1T;
    } else {
      // near pi/2: 33 + 33 + 53 bits of pi/2
      z -= PIO2_2;
      y0 = z - PIO2_2T;
      y1 = z - y0 - PIO2_2T;
    }
    return kernelCos(y0, y1);
  }
  z = x + PIO2_1;
  if (ix !== 0x3ff921fb) {
    y0 = z + PIO2_1T;
    y1 = z - y0 + PIO2_1T;
  } else {
    z += PIO2_2;
    y0 = z + PIO2_2T;
    y1 = z - y0 + PIO2_2T;
  }
  return -kernelCos(y0, y1);
}

/**
 * V8 optimises a function for the branches it has seen run, and throws the
 * optimised code away when another is taken ("insufficient type feedback"):
 * log1p's rarer branches came up one by one in a job, each time sending it
 * back to the interpreter, which boxes every double it computes (tens of
 * kilobytes a run). Running every branch once here, when the engine loads,
 * gives the optimiser all of them from the start. The values are discarded.
 */
function primeFeedback(): void {
  // Mantissas that reach each branch (exactly a power of two, just above one, around sqrt(2)), over many binades, both signs.
  const mantissas = [1, 1 + POW2_OF(-40), 1 + POW2_OF(-30), 1 + POW2_OF(-21), 1.2, 1.4, 1.42, 1.5, 1.9];
  const specials = [0, -0, 5e-324, 2.2250738585072014e-308, 709.5, -740, 800, -800, 1e300, Infinity, -Infinity, NaN];
  let sink = 0;
  const use = (x: number) => {
    sink += exp(x) + log(x) + log1p(x);
    if (Math.abs(x) < SIN_MAX_ARGUMENT) sink += sin(x);
  };
  for (let round = 0; round < 2; round++) {
    for (const x of specials) use(x);
    for (let e = -60; e <= 60; e += 3) {
      for (const m of mantissas) {
        use(m * POW2_OF(e));
        use(-m * POW2_OF(e));
        use(m * POW2_OF(e) - 1);
      }
    }
  }
  IO[1] = sink;
}
primeFeedback();
