/**
 * Named per-quarter values the agents publish: the raw material of metrics
 * (aggregated per year by the metric registry) and of trigger conditions.
 * Agents register what they publish when the model is built and write to
 * a Float64Array by index on the hot path.
 */
export type ObservableKind =
  /** Amount per quarter (wafers, accelerators, stacks): summed over a year; annualised for triggers. */
  | "flow"
  /** Level at the end of the quarter (installed compute, stock of stacks, power). */
  | "stock"
  /** A share within the quarter; for triggers only (annual shares are ratios of annual flows). */
  | "ratio";

/**
 * How tables, charts and the report name an observable: a label ("Domestic
 * AI accelerators") and its unit in words, with how a year is made of its
 * quarters ("units per year" for a flow, "H100-equivalents, year end" for a
 * stock). The id stays the name in machine formats.
 */
export interface ObservableLabel {
  readonly label: string;
  readonly unitLabel: string;
}

export interface ObservableInfo extends ObservableLabel {
  readonly id: string;
  readonly kind: ObservableKind;
  readonly unit: string;
  readonly description: string;
}

export class ObservableRegistry {
  readonly list: ObservableInfo[] = [];
  private readonly byId = new Map<string, number>();

  register(id: string, kind: ObservableKind, unit: string, description: string, label: ObservableLabel): number {
    if (this.byId.has(id)) throw new Error(`observable ${id} registered twice`);
    this.byId.set(id, this.list.length);
    this.list.push({ id, kind, unit, description, label: label.label, unitLabel: label.unitLabel });
    return this.list.length - 1;
  }

  indexOf(id: string): number | undefined {
    return this.byId.get(id);
  }

  get size(): number {
    return this.list.length;
  }
}
