import { inverseIncompleteBeta, logBeta } from "./incompleteBeta.js";
import { normalCdf, normalQuantile } from "./normal.js";
import type { DistSpec, Distribution } from "./types.js";

/**
 * Beta and PERT. The beta quantile has no closed form and inverting the
 * incomplete beta costs microseconds, too slow for every run. So the
 * quantile is tabulated once, when the distribution is built, against
 * z = Phi^-1(u) on a uniform grid, and read by linear interpolation in z.
 * In z the quantile is smooth at both ends (in u it is flat or steep there),
 * and the grid covers every u the generator can produce (|z| <= 8.3, u
 * down to 1e-16). BETA_TABLE_ERROR bounds the error of the table, as a share
 * of (max - min), for shapes in [0.5, 60] (tested in distributions.test.ts).
 */
export const BETA_TABLE_SIZE = 4096;
export const BETA_TABLE_ERROR = 2e-6;
const Z_MAX = 8.3;

export function makeBeta(spec: Extract<DistSpec, { dist: "beta" }>): Distribution {
  return betaOn(spec, spec.alpha, spec.beta, spec.min, spec.max);
}

/** PERT: a beta with shapes set by the mode, weighted by lambda (4 is classic PERT). */
export function makePert(spec: Extract<DistSpec, { dist: "pert" }>): Distribution {
  const { min, mode, max, lambda } = spec;
  if (!(min < max) || mode < min || mode > max || !(lambda > 0)) {
    throw new Error(`pert: needs min <= mode <= max, min < max and lambda > 0, got ${min}, ${mode}, ${max}, ${lambda}`);
  }
  const alpha = 1 + (lambda * (mode - min)) / (max - min);
  const beta = 1 + (lambda * (max - mode)) / (max - min);
  return betaOn(spec, alpha, beta, min, max);
}

function betaOn(spec: DistSpec, alpha: number, beta: number, min: number, max: number): Distribution {
  if (!(alpha > 0 && beta > 0)) throw new Error(`beta: shapes must be positive, got ${alpha}, ${beta}`);
  if (!(min < max)) throw new Error(`beta: needs min < max, got ${min}, ${max}`);
  const grid = sharedBetaGrid(alpha, beta);
  const width = max - min;
  // Each reads the grid itself rather than through another closure: a call V8 does not inline boxes its result.
  return {
    spec,
    mean: min + (width * alpha) / (alpha + beta),
    support: [min, max],
    quantile: (u) => min + width * readGrid(grid, u),
    quantileInto: (us, i, out) => void (out[i] = min + width * readGrid(grid, us[i] as number)),
  };
}

/** Spacing of the grid in z. */
const GRID_STEP = (2 * Z_MAX) / BETA_TABLE_SIZE;

/** The standard beta(a, b) quantile on [0, 1] as a tabulated function of u. */
export function betaQuantileTable(a: number, b: number): (u: number) => number {
  const grid = sharedBetaGrid(a, b);
  return (u) => readGrid(grid, u);
}

/**
 * Grids already made, by shape. Tabulating one costs milliseconds, most of
 * compiling a model, and scenarios repeat shapes (a PERT's shape is where
 * its mode sits between min and max: the baseline's 14 betas have 8), as
 * do the scenarios a thread compiles for one command (sweep points,
 * compared scenarios; each thread keeps its own grids). A grid depends on its
 * shape alone and is never written after it is made, so sharing it changes
 * no value. Bounded: a sweep over a PERT's mode makes a new shape a point.
 */
const gridsByShape = new Map<string, Float64Array>();
const MAX_SHARED_GRIDS = 256;

function sharedBetaGrid(a: number, b: number): Float64Array {
  // A number's shortest string reads back as the same number: the key is exact.
  const key = `${a} ${b}`;
  let grid = gridsByShape.get(key);
  if (!grid) {
    grid = betaQuantileGrid(a, b);
    if (gridsByShape.size >= MAX_SHARED_GRIDS) gridsByShape.clear();
    gridsByShape.set(key, grid);
  }
  return grid;
}

/** The grid's probabilities below and above z = 0 (see betaQuantileGrid): the same for every shape, made once. */
let gridProbabilities: { lower: Float64Array; upper: Float64Array } | undefined;

function probabilitiesOfGrid(): { lower: Float64Array; upper: Float64Array } {
  if (gridProbabilities) return gridProbabilities;
  const n = BETA_TABLE_SIZE;
  const step = GRID_STEP;
  let count = 0;
  while (count <= n && -Z_MAX + count * step <= 0) count++;
  const lower = new Float64Array(count);
  for (let k = 0; k < count; k++) lower[k] = normalCdf(-Z_MAX + k * step);
  const upper = new Float64Array(n + 1 - count);
  for (let j = 0; j < upper.length; j++) upper[j] = normalCdf(-(-Z_MAX + (n - j) * step));
  gridProbabilities = { lower, upper };
  return gridProbabilities;
}

/** The quantile at u, interpolated linearly in z = Phi^-1(u) between grid points. */
function readGrid(xs: Float64Array, u: number): number {
  const n = BETA_TABLE_SIZE;
  const t = (normalQuantile(u) + Z_MAX) / GRID_STEP;
  if (!(t > 0)) return xs[0] as number;
  if (t >= n) return xs[n] as number;
  const k = Math.floor(t);
  const x0 = xs[k] as number;
  return x0 + (t - k) * ((xs[k + 1] as number) - x0);
}

/** The standard beta(a, b) quantile at z = -Z_MAX + k GRID_STEP, for k = 0 .. BETA_TABLE_SIZE. */
let gridsMade = 0;

/** How many grids this thread has tabulated: one per shape, whatever uses it. */
export function betaGridsMade(): number {
  return gridsMade;
}

function betaQuantileGrid(a: number, b: number): Float64Array {
  gridsMade++;
  const n = BETA_TABLE_SIZE;
  const xs = new Float64Array(n + 1);
  // Each tail from its own side, so that 1 - u keeps its precision: below
  // z = 0, x solves I_x(a, b) = Phi(z); above, y = 1 - x solves
  // I_y(b, a) = Phi(-z). Each side is solved from its tail towards z = 0
  // (p rising), each root started from the line through the last two,
  // within O(step^2) of it: Newton then needs two or three evaluations
  // instead of five or more from the mean.
  const { lower, upper } = probabilitiesOfGrid();
  const lowerX = solveRising(lower, a, b);
  const upperY = solveRising(upper, b, a);
  xs.set(lowerX);
  for (let j = 0; j < upperY.length; j++) xs[n - j] = 1 - (upperY[j] as number);
  return xs;
}

/** The beta(a, b) quantiles at the rising probabilities ps, each solve started from the roots before it. */
function solveRising(ps: Float64Array, a: number, b: number): Float64Array {
  const out = new Float64Array(ps.length);
  const lb = logBeta(a, b);
  for (let j = 0; j < ps.length; j++) {
    const prev = j > 0 ? (out[j - 1] as number) : 0;
    const guess = j > 1 ? 2 * prev - (out[j - 2] as number) : a / (a + b);
    // The quantile rises with p, so the last root bounds this one from below.
    out[j] = inverseIncompleteBeta(ps[j] as number, a, b, guess, prev, lb);
  }
  return out;
}
