import { ChipsimError } from "../errors.js";
import { fnv1a32 } from "../random/hash.js";
import type { Rng } from "../random/rng.js";
import type { JobKey } from "../random/seed.js";
import { ScrambledSobol } from "../random/sobol/scrambledSobol.js";
import { StreamRng } from "../random/streamRng.js";
import { SOBOL_MAX_DIMENSIONS } from "../random/sobol/sobolSequence.js";
import type { Sampler } from "../montecarlo/jobPlan.js";

/**
 * The base points of a sensitivity analysis, as rows of uniforms, one per
 * input: the rank-correlation screen's sample (one copy of the inputs) or
 * the Saltelli design's matrices A and B (two copies: row r of A and row r
 * of B are the two halves of one point in twice the dimensions, as Saltelli
 * 2002 draws them from one Sobol sequence).
 *
 * With random draws every entry comes from `rng`, row by row, A's rows
 * before B's. With Sobol points or a Latin hypercube each uncertain input
 * of each copy takes one dimension, keyed by the job and by `purpose`, the
 * copy and the input's path; an input with no uncertainty takes 0.5 (its
 * quantile function gives its one value anywhere). The Latin hypercube is
 * one of exactly `rows` rows (McKay, Beckman and Conover 1979): the
 * blocks of 1,024 runs that `run --sampler lhs` stratifies would leave a
 * design of a few hundred rows unstratified.
 */
export function basePoints(
  sampler: Sampler,
  job: { readonly key: JobKey; readonly rng: Rng; readonly purpose: string },
  paths: readonly string[],
  uncertain: readonly boolean[],
  rows: number,
  copies: number,
): Float64Array[][] {
  const width = paths.length;
  if (sampler === "random") return Array.from({ length: copies }, () => Array.from({ length: rows }, () => Float64Array.from({ length: width }, () => job.rng.next())));
  const inputs = paths.map((_, i) => i).filter((i) => uncertain[i]);
  const dimensions = inputs.length * copies;
  if (sampler === "sobol" && dimensions > SOBOL_MAX_DIMENSIONS) {
    throw new ChipsimError(
      "BAD_INPUT",
      `--sampler sobol: expected at most ${SOBOL_MAX_DIMENSIONS} dimensions (the bundled direction numbers), found ${dimensions} (${inputs.length} uncertain inputs x ${copies} copies); use --sampler lhs or random`,
    );
  }
  const streams = new Uint32Array(dimensions);
  const slots = new Int32Array(dimensions);
  for (let c = 0; c < copies; c++) {
    inputs.forEach((i, k) => {
      streams[c * inputs.length + k] = fnv1a32(`${job.purpose}.${c}.${paths[i] as string}`);
      slots[c * inputs.length + k] = c * width + i;
    });
  }
  const points = sampler === "sobol" ? new ScrambledSobol(job.key, streams) : new LatinHypercube(job.key, streams, rows);
  const matrices = Array.from({ length: copies }, () => Array.from({ length: rows }, () => new Float64Array(width).fill(0.5)));
  const point = new Float64Array(width * copies).fill(0.5);
  for (let r = 0; r < rows; r++) {
    points.fill(r, slots, point);
    for (let c = 0; c < copies; c++) (matrices[c] as Float64Array[])[r]!.set(point.subarray(c * width, (c + 1) * width));
  }
  return matrices;
}

/**
 * A Latin hypercube of `rows` rows: in each dimension a random permutation
 * of the rows' strata (Fisher-Yates) and a uniform jitter within each, both
 * from the dimension's own stream of the job.
 */
class LatinHypercube {
  private readonly u: Float64Array[];

  constructor(job: JobKey, streams: Uint32Array, rows: number) {
    const rng = new StreamRng();
    this.u = Array.from(streams, (stream) => {
      rng.reset(job[0], job[1], stream);
      const strata = Int32Array.from({ length: rows }, (_, r) => r);
      for (let r = rows - 1; r > 0; r--) {
        const k = Math.floor(rng.next() * (r + 1));
        const t = strata[r] as number;
        strata[r] = strata[k] as number;
        strata[k] = t;
      }
      return Float64Array.from(strata, (stratum) => (stratum + rng.next()) / rows);
    });
  }

  fill(row: number, slots: Int32Array, out: Float64Array): void {
    this.u.forEach((column, d) => (out[slots[d] as number] = column[row] as number));
  }
}
