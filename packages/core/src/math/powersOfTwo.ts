/**
 * 2^j for j = -1074 .. 1023, at POW2[j + POW2_ZERO]. Multiplying by an
 * exact power of two sets a double's exponent with the same bits as writing
 * it into the word when the result is normal, without the processor stall
 * of a 4-byte write read back as 8 bytes (no store forwarding).
 */
export const POW2_ZERO = 1074;
export const POW2 = new Float64Array(1074 + 1024);
POW2[POW2_ZERO] = 1;
for (let j = 1; j <= 1023; j++) POW2[POW2_ZERO + j] = (POW2[POW2_ZERO + j - 1] as number) * 2;
for (let j = 1; j <= 1074; j++) POW2[POW2_ZERO - j] = (POW2[POW2_ZERO - j + 1] as number) / 2;
