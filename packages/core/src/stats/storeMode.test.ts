import { describe, expect, it } from "vitest";
import { chooseStoreMode, DEFAULT_MEMORY_BOUND_BYTES } from "./storeMode.js";

describe("chooseStoreMode", () => {
  it("stores values while runs x series x 8 bytes fit the bound, and streams beyond", () => {
    // 1000 x 10 x 8 = 80000 bytes.
    expect(chooseStoreMode(1000, 10, 80_000)).toBe("exact");
    expect(chooseStoreMode(1000, 10, 79_999)).toBe("streaming");
    expect(chooseStoreMode(1001, 10, 80_000)).toBe("streaming");
  });

  it("defaults to 512 MiB: 65536 runs of 1024 series fit exactly (2^16 x 2^10 x 2^3 = 2^29 bytes)", () => {
    expect(DEFAULT_MEMORY_BOUND_BYTES).toBe(2 ** 29);
    expect(chooseStoreMode(65_536, 1024)).toBe("exact");
    expect(chooseStoreMode(65_537, 1024)).toBe("streaming");
  });

  it("refuses sizes that are not whole numbers", () => {
    expect(() => chooseStoreMode(10.5, 3)).toThrow(RangeError);
    expect(() => chooseStoreMode(10, -1)).toThrow(RangeError);
    expect(() => chooseStoreMode(10, 3, NaN)).toThrow(RangeError);
  });
});
