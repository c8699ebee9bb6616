/**
 * How the foreign HBM stockpile is drawn once us-hbm-ban is in force
 * (CALIBRATION.md row 144: the stock held in December 2024 was expected to
 * last 9-18 months). From the first quarter that starts at or after the
 * ban's start, and while the lever is on, designs may draw at most the
 * foreign stock held then divided by the cover, per quarter, plus what
 * leaks in that quarter; the rest is held back for later quarters. Before
 * the ban, or with the lever off, the whole stock is available.
 */
export class ForeignRation {
  /** The foreign stock when rationing began; -1 until then. */
  private stockAtBan = -1;
  /** Stacks held back from the designs this quarter. */
  held = 0;

  reset(): void {
    this.stockAtBan = -1;
    this.held = 0;
  }

  /**
   * Stacks the designs may draw in quarter q from a foreign stock of
   * `stock` (this quarter's inflow included), of which `leak` came in this
   * quarter through the unenforced share of the ban.
   */
  available(q: number, banStart: number, banStrength: number, stock: number, leak: number, coverQuarters: number): number {
    if (q < banStart || !(banStrength > 0)) {
      this.held = 0;
      return stock;
    }
    if (this.stockAtBan < 0) this.stockAtBan = stock;
    const ration = coverQuarters > 0 ? this.stockAtBan / coverQuarters + leak : Infinity;
    const available = Math.min(stock, ration);
    this.held = stock - available;
    return available;
  }
}
