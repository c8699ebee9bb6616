/**
 * Water-filling: shares `amount` among claimants in proportion to their
 * weights, none above its cap; what a capped claimant cannot take goes to
 * the others, still in proportion to their weights. A claimant with no
 * weight or no room gets nothing. Used for every shared constraint a
 * design draws on by priority: AI wafers on a node, packaging slots, each
 * pool of HBM stacks.
 *
 * Each pass offers every open claimant weight x level (level = amount left
 * / open weight); those whose cap is within that take their cap and close,
 * and the pass repeats with what is left; when none closes, the open ones
 * take their offer. At most one pass per claimant, and no allocation:
 * `open` is the caller's scratch of at least `n` entries.
 *
 * Returns what was handed out: `amount`, or less when every claimant with
 * weight is at its cap.
 */
export function waterFill(amount: number, weight: Float64Array, cap: Float64Array, out: Float64Array, open: Uint8Array, n = weight.length): number {
  let openWeight = 0;
  for (let i = 0; i < n; i++) {
    out[i] = 0;
    const wi = weight[i] as number;
    const isOpen = wi > 0 && (cap[i] as number) > 0;
    open[i] = isOpen ? 1 : 0;
    if (isOpen) openWeight += wi;
  }
  let left = amount > 0 ? amount : 0;
  while (left > 0 && openWeight > 0) {
    const level = left / openWeight;
    let closed = false;
    for (let i = 0; i < n; i++) {
      if (!open[i]) continue;
      const room = cap[i] as number;
      if (room <= (weight[i] as number) * level) {
        out[i] = room;
        left -= room;
        open[i] = 0;
        closed = true;
      }
    }
    if (!closed) {
      for (let i = 0; i < n; i++) if (open[i]) out[i] = (weight[i] as number) * level;
      left = 0;
      break;
    }
    // Summed again rather than decremented, so no rounding drift builds up.
    openWeight = 0;
    for (let i = 0; i < n; i++) if (open[i]) openWeight += weight[i] as number;
    if (left < 0) left = 0;
  }
  return (amount > 0 ? amount : 0) - left;
}
