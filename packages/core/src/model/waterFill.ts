/**
 * Water-filling: shares an amount among claimants in proportion to their
 * weights, none above its cap; what a capped claimant cannot take goes to
 * the others, still in proportion to their weights. A claimant with no
 * weight or no room gets nothing. Used for every shared constraint a
 * design draws on by priority: AI wafers on a node, packaging slots, each
 * pool of HBM stacks.
 *
 * Each pass offers every open claimant weight x level (level = amount left
 * / open weight); those whose cap is within that take their cap and close,
 * and the pass repeats with what is left; when none closes, the open ones
 * take their offer. At most one pass per claimant. All of the amount is
 * handed out unless every claimant with weight is at its cap.
 *
 * The claimants are the indices members[0 .. count) of the weight, cap and
 * out arrays (other entries of out are left as they are); `open` is the
 * caller's scratch, as long as those arrays. The amount is read from
 * `supply[at]` and nothing is returned or allocated: this runs several
 * times a quarter, and a number passed to or returned from a call V8 does
 * not inline is boxed on the heap.
 */
export function waterFill(
  supply: Float64Array,
  at: number,
  weight: Float64Array,
  cap: Float64Array,
  out: Float64Array,
  open: Uint8Array,
  members: Int32Array,
  count: number,
): void {
  const amount = supply[at] as number;
  let openWeight = 0;
  for (let k = 0; k < count; k++) {
    const i = members[k] as number;
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
    for (let k = 0; k < count; k++) {
      const i = members[k] as number;
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
      for (let k = 0; k < count; k++) {
        const i = members[k] as number;
        if (open[i]) out[i] = (weight[i] as number) * level;
      }
      return;
    }
    // Summed again rather than decremented, so no rounding drift builds up.
    openWeight = 0;
    for (let k = 0; k < count; k++) {
      const i = members[k] as number;
      if (open[i]) openWeight += weight[i] as number;
    }
  }
}
