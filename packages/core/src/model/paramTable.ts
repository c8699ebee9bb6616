import { makeDistribution } from "../distributions/make.js";
import type { Distribution } from "../distributions/types.js";
import { fnv1a32 } from "../random/hash.js";
import { threefry2x32 } from "../random/threefry.js";
import { toUnitInterval } from "../random/streamRng.js";

import type { Param } from "../schema/param.js";
import { correlateUniforms, type CorrelatedGroup } from "./correlation.js";

/**
 * The run's parameter vector. Each parameter has an index into a
 * Float64Array and a random stream keyed by its path, so a run's value of
 * `lithography.domesticEuv.readyYear` depends only on (seed, run, that
 * path): adding a parameter reshuffles nothing, and two scenarios run with
 * one seed share their random numbers wherever their parameters agree.
 */
export class ParamTable {
  readonly params: readonly Param[];
  readonly distributions: readonly Distribution[];
  readonly streamIds: Uint32Array;
  private readonly indexByParam = new Map<Param, number>();
  private readonly indexByPath = new Map<string, number>();
  /**
   * The stream ids and generator output as int32 (the same bits): a uint32
   * of 2^31 or more is not a small integer to V8, and each one passed to a
   * call it does not inline is boxed on the heap. The arithmetic reads them
   * with | 0 and >>>, which see the bits, so the draws are unchanged.
   */
  private readonly streamIdBits: Int32Array;
  private readonly words = new Int32Array(2);
  private readonly uniforms: Float64Array;
  /**
   * Parameters whose value depends on the run's uniform: every one but the
   * fixed values outside correlated groups. A fixed value ignores its
   * uniform, so drawing it would be wasted work; its stream is simply left
   * unread, which changes nothing since streams are independent.
   */
  private readonly drawn: Int32Array;
  /** Each parameter's fixed value, or NaN where it is drawn. */
  private readonly fixedValues: Float64Array;

  constructor(
    params: readonly Param[],
    /** Groups of rank-correlated parameters (model/correlation.ts); none by default. */
    private readonly correlated: readonly CorrelatedGroup[] = [],
  ) {
    this.params = params;
    // One slot more: where quasi-random points put a dimension this table has no parameter for.
    this.uniforms = new Float64Array(params.length + 1);
    this.distributions = params.map((p) => makeDistribution(p.dist));
    this.streamIds = new Uint32Array(params.length);
    this.streamIdBits = new Int32Array(this.streamIds.buffer);
    const pathByStream = new Map<number, string>();
    params.forEach((p, i) => {
      this.indexByParam.set(p, i);
      this.indexByPath.set(p.path, i);
      const id = fnv1a32(p.path);
      const clash = pathByStream.get(id);
      // Two paths hashing alike would share random numbers; rename one if this ever fires.
      if (clash !== undefined) throw new Error(`parameters ${clash} and ${p.path} share a random stream id`);
      pathByStream.set(id, p.path);
      this.streamIds[i] = id;
    });
    const inGroup = new Set<number>();
    for (const g of correlated) for (const m of g.members) inGroup.add(m);
    this.fixedValues = Float64Array.from(params, (p, i) => (p.dist.dist === "fixed" && !inGroup.has(i) ? p.dist.value : NaN));
    this.drawn = Int32Array.from(
      params.flatMap((_p, i) => (Number.isNaN(this.fixedValues[i] as number) ? [i] : [])),
    );
  }

  get size(): number {
    return this.params.length;
  }

  index(param: Param): number {
    const i = this.indexByParam.get(param);
    if (i === undefined) throw new Error(`parameter ${param.path || "(unnamed)"} is not in the table`);
    return i;
  }

  /** Index of an optional parameter, or -1 when the scenario leaves it out. */
  optionalIndex(param: Param | undefined): number {
    return param === undefined ? -1 : this.index(param);
  }

  indexOfPath(path: string): number | undefined {
    return this.indexByPath.get(path);
  }

  /**
   * Draws every parameter of the run whose key is runKey[0..1] (see
   * runKey) into `out`: one uniform per parameter from its own stream,
   * correlated groups mixed, then each parameter's quantile. The key comes
   * in its array and is read as int32 (threefry2x32 takes words either
   * way): a word of 2^31 or more held as a number is boxed on the heap.
   */
  draw(runKey: Uint32Array, out: Float64Array): void {
    const runKey0 = (runKey[0] as number) | 0;
    const runKey1 = (runKey[1] as number) | 0;
    const ids = this.streamIdBits;
    const u = this.uniforms;
    const words = this.words;
    const drawn = this.drawn;
    // Draw 0 of each parameter's stream, as StreamRng would give it.
    for (let k = 0; k < drawn.length; k++) {
      const i = drawn[k] as number;
      threefry2x32(runKey0, runKey1, ids[i] as number, 0, words);
      u[i] = toUnitInterval(words[0] as number, words[1] as number);
    }
    this.fromDrawnUniforms(out);
  }

  /**
   * The paths of the parameters a run draws, in table order: the
   * dimensions of quasi-random points for a job of this scenario alone.
   */
  uncertainPaths(): string[] {
    return Array.from(this.drawn, (i) => (this.params[i] as Param).path);
  }

  /**
   * Where each dimension's coordinate goes (the parameter's index, or the
   * spare slot when this table has no parameter at the path), and each
   * dimension's stream id. Throws if a parameter the runs draw has no
   * dimension.
   */
  quasiSlots(paths: readonly string[]): { slots: Int32Array; streamIds: Uint32Array } {
    const slots = Int32Array.from(paths, (path) => this.indexByPath.get(path) ?? this.params.length);
    const covered = new Set(slots);
    const missing = Array.from(this.drawn).filter((i) => !covered.has(i));
    if (missing.length > 0) throw new Error(`quasi-random points: no dimension for ${missing.map((i) => (this.params[i] as Param).path).join(", ")}`);
    return { slots, streamIds: Uint32Array.from(paths, (path) => fnv1a32(path)) };
  }

  /** Draws run `runIndex`'s parameters from randomised quasi-random points instead of the run's streams. */
  drawQuasi(points: { fill(runIndex: number, slots: Int32Array, u: Float64Array): void }, slots: Int32Array, runIndex: number, out: Float64Array): void {
    points.fill(runIndex, slots, this.uniforms);
    this.fromDrawnUniforms(out);
  }

  /** Correlated groups mixed, then every drawn parameter's quantile of its uniform; fixed values as they are. */
  private fromDrawnUniforms(out: Float64Array): void {
    const u = this.uniforms;
    const drawn = this.drawn;
    for (let g = 0; g < this.correlated.length; g++) correlateUniforms(this.correlated[g] as CorrelatedGroup, u);
    out.set(this.fixedValues);
    const dists = this.distributions;
    for (let k = 0; k < drawn.length; k++) {
      const i = drawn[k] as number;
      (dists[i] as Distribution).quantileInto(u, i, out);
    }
  }

  /** Sets every parameter from given uniforms, read from uniforms[offset ..] (designs such as LHS or Sobol, and tests). */
  fromUniforms(uniforms: ArrayLike<number>, out: Float64Array, offset = 0): void {
    const dists = this.distributions;
    for (let i = 0; i < dists.length; i++) out[i] = (dists[i] as Distribution).quantile(uniforms[offset + i] as number);
  }
}
