import { makeBeta, makePert } from "./beta.js";
import { makeLognormal } from "./lognormal.js";
import { makeNormal } from "./normal.js";
import { makeBernoulli, makeChoice, makeFixed, makeTriangular, makeUniform } from "./simple.js";
import type { DistSpec, Distribution } from "./types.js";

export function makeDistribution(spec: DistSpec): Distribution {
  switch (spec.dist) {
    case "fixed":
      return makeFixed(spec);
    case "uniform":
      return makeUniform(spec);
    case "normal":
      return makeNormal(spec);
    case "lognormal":
      return makeLognormal(spec);
    case "triangular":
      return makeTriangular(spec);
    case "pert":
      return makePert(spec);
    case "beta":
      return makeBeta(spec);
    case "bernoulli":
      return makeBernoulli(spec);
    case "choice":
      return makeChoice(spec);
  }
}
