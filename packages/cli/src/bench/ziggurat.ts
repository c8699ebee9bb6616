import { nextSfc32, uniformSfc32 } from "./sfc32.js";

/**
 * Standard normal variates by Marsaglia and Tsang's ziggurat (J. Stat.
 * Softw. 5(8), 2000), 128 layers: about 98.8% of draws cost one integer
 * and one multiplication, where Box-Muller pays a logarithm, a square root
 * and a sine or cosine. The reference kernel's normal generator.
 *
 * One signed 32-bit draw gives the layer (its low 7 bits) and a point
 * across it; a point outside the layer's inner rectangle is checked
 * against the density, and layer 0 beyond R takes the tail by Marsaglia's
 * exponential method.
 */
const LAYERS = 128;
/** Where the base layer's tail starts, and the area of each layer (Marsaglia and Tsang's constants for 128 layers). */
const R = 3.442619855899;
const AREA = 9.91256303526217e-3;
const M1 = 2147483648;

/** kn[i]: |hz| below it lies in layer i's rectangle; wn[i] turns hz into x; fn[i] = exp(-x_i^2 / 2). */
const kn = new Int32Array(LAYERS);
const wn = new Float64Array(LAYERS);
const fn = new Float64Array(LAYERS);
{
  let dn = R;
  let tn = dn;
  const q = AREA / Math.exp(-0.5 * dn * dn);
  kn[0] = Math.trunc((dn / q) * M1);
  kn[1] = 0;
  wn[0] = q / M1;
  wn[LAYERS - 1] = dn / M1;
  fn[0] = 1;
  fn[LAYERS - 1] = Math.exp(-0.5 * dn * dn);
  for (let i = LAYERS - 2; i >= 1; i--) {
    dn = Math.sqrt(-2 * Math.log(AREA / dn + Math.exp(-0.5 * dn * dn)));
    kn[i + 1] = Math.trunc((dn / tn) * M1);
    tn = dn;
    fn[i] = Math.exp(-0.5 * dn * dn);
    wn[i] = dn / M1;
  }
}

/** One standard normal variate from the sfc32 state. */
export function zigguratNormal(state: Int32Array): number {
  const hz = nextSfc32(state);
  const iz = hz & (LAYERS - 1);
  if (Math.abs(hz) < (kn[iz] as number)) return hz * (wn[iz] as number);
  return outsideRectangle(state, hz, iz);
}

/** The rare draws (about 1.2%) that fall outside their layer's rectangle. */
function outsideRectangle(state: Int32Array, hz: number, iz: number): number {
  for (;;) {
    const x = hz * (wn[iz] as number);
    if (iz === 0) {
      let tail: number;
      let y: number;
      do {
        tail = -Math.log(uniformSfc32(state)) / R;
        y = -Math.log(uniformSfc32(state));
      } while (y + y < tail * tail);
      return hz > 0 ? R + tail : -R - tail;
    }
    if ((fn[iz] as number) + uniformSfc32(state) * ((fn[iz - 1] as number) - (fn[iz] as number)) < Math.exp(-0.5 * x * x)) return x;
    hz = nextSfc32(state);
    iz = hz & (LAYERS - 1);
    if (Math.abs(hz) < (kn[iz] as number)) return hz * (wn[iz] as number);
  }
}
