import { describe, expect, it } from "vitest";
import { formatDifference, formatMetricValue, formatValue } from "./format.js";

describe("the page's numbers", () => {
  it("read as the command line's: lower-case k, three significant figures, shares as percentages", () => {
    expect(formatMetricValue(540_000, "accelerator")).toBe("540k");
    expect(formatMetricValue(1.234e6, "H100e")).toBe("1.23M");
    expect(formatMetricValue(0.956, "1")).toBe("96%");
    expect(formatValue(3e10, "USD")).toBe("30B USD");
    expect(formatValue(0.25, "1")).toBe("25%");
  });

  it("give differences a sign, shares in percentage points, and noise or what the runs cannot resolve as 0", () => {
    expect(formatDifference(1.5e6, 1.2e6, "accelerator")).toBe("+300k (+25.0%)");
    expect(formatDifference(0.9, 0.95, "1")).toBe("-5.0 pp");
    expect(formatDifference(0.95 - 2.7e-8, 0.95, "1")).toBe("0.0 pp");
    expect(formatDifference(1_200_000.0001, 1_200_000, "accelerator")).toBe("0");
    expect(formatDifference(1_201_000, 1_200_000, "accelerator", 40_000)).toBe("0");
  });
});
