import { normalCdf, normalQuantile } from "../distributions/normal.js";
import { sin } from "../math/fdlibm.js";

/**
 * Correlated parameters through a Gaussian copula. Each parameter's own
 * uniform (from its own stream) becomes a standard normal; the normals of a
 * correlated group are mixed by the Cholesky factor of their correlation
 * matrix; each goes back through the normal CDF to a uniform, exactly
 * uniform again, so every marginal distribution is unchanged. A Spearman
 * correlation rho is reached with the normal correlation r = 2 sin(pi rho / 6).
 */
export interface CorrelationPair {
  readonly a: number;
  readonly b: number;
  readonly rank: number;
}

export interface CorrelatedGroup {
  /** Parameter indices in the group. */
  readonly members: Int32Array;
  /** Lower-triangular Cholesky factor, row-major, members.length squared. */
  readonly cholesky: Float64Array;
  /** Scratch space for one run's normals. */
  readonly z: Float64Array;
}

export type GroupBuild = { ok: true; groups: CorrelatedGroup[] } | { ok: false; members: number[] };

export function buildCorrelatedGroups(pairs: readonly CorrelationPair[]): GroupBuild {
  // Connected components of the pairs: parameters correlated directly or through others.
  const parent = new Map<number, number>();
  const find = (x: number): number => {
    let r = x;
    while (parent.get(r) !== r) r = parent.get(r) as number;
    return r;
  };
  for (const { a, b } of pairs) {
    if (!parent.has(a)) parent.set(a, a);
    if (!parent.has(b)) parent.set(b, b);
    parent.set(find(a), find(b));
  }
  const components = new Map<number, number[]>();
  for (const x of [...parent.keys()].sort((p, q) => p - q)) components.set(find(x), [...(components.get(find(x)) ?? []), x]);
  const groups: CorrelatedGroup[] = [];
  for (const members of components.values()) {
    const n = members.length;
    const r = new Float64Array(n * n);
    for (let i = 0; i < n; i++) r[i * n + i] = 1;
    for (const { a, b, rank } of pairs) {
      const i = members.indexOf(a);
      const j = members.indexOf(b);
      if (i < 0 || j < 0) continue;
      const normal = 2 * sin((Math.PI * rank) / 6);
      r[i * n + j] = normal;
      r[j * n + i] = normal;
    }
    const l = cholesky(r, n);
    if (!l) return { ok: false, members };
    groups.push({ members: Int32Array.from(members), cholesky: l, z: new Float64Array(n) });
  }
  return { ok: true, groups };
}

/** Replaces the group's uniforms in `u` (indexed by parameter) with correlated ones. */
export function correlateUniforms(group: CorrelatedGroup, u: Float64Array): void {
  const { members, cholesky: l, z } = group;
  const n = members.length;
  for (let i = 0; i < n; i++) z[i] = normalQuantile(u[members[i] as number] as number);
  for (let i = n - 1; i >= 0; i--) {
    let mixed = 0;
    for (let j = 0; j <= i; j++) mixed += (l[i * n + j] as number) * (z[j] as number);
    // Keep the uniform strictly inside (0, 1) so quantiles stay finite.
    const v = normalCdf(mixed);
    u[members[i] as number] = Math.min(Math.max(v, Number.MIN_VALUE), 1 - Number.EPSILON / 2);
  }
}

function cholesky(a: Float64Array, n: number): Float64Array | undefined {
  const l = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      let s = a[i * n + j] as number;
      for (let k = 0; k < j; k++) s -= (l[i * n + k] as number) * (l[j * n + k] as number);
      if (i === j) {
        if (!(s > 1e-12)) return undefined;
        l[i * n + i] = Math.sqrt(s);
      } else l[i * n + j] = s / (l[j * n + j] as number);
    }
  }
  return l;
}
