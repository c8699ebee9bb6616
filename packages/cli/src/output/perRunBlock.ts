import { START_YEAR } from "@chipsim/core/engine";

/** What makes a per-run export's rows: the scenario, which metrics, the years, and the files. */
export interface PerRunShape {
  readonly scenario: string;
  readonly metricIds: readonly string[];
  /** Indices into metricIds of the metrics written, ascending. */
  readonly chosen: readonly number[];
  readonly years: number;
  readonly csv: boolean;
  readonly parquet: boolean;
}

/**
 * The rows of `count` runs from `first`, made on a worker thread for the
 * export on the main thread: the CSV text, UTF-8, in pieces of about a
 * megabyte (so no string holds a slice's text whole), and with Parquet
 * every run's values, run-major.
 */
export interface PerRunBlock {
  readonly first: number;
  readonly count: number;
  readonly csv?: readonly Uint8Array[];
  readonly values?: Float64Array;
}

/** A run's CSV rows: scenario, run, metric, year, value, one line per chosen metric and year. */
export function perRunCsvRows(shape: PerRunShape, run: number, values: Float64Array): string {
  const { scenario, metricIds, chosen, years } = shape;
  let text = "";
  for (let c = 0; c < chosen.length; c++) {
    const m = chosen[c] as number;
    for (let y = 0; y < years; y++) text += `${scenario},${run},${metricIds[m]},${START_YEAR + y},${values[m * years + y]}\n`;
  }
  return text;
}

const PIECE_CHARACTERS = 1 << 20;

/** Collects a slice's rows as its runs finish, for a PerRunBlock. */
export class PerRunBlockBuilder {
  private readonly encoder = new TextEncoder();
  private pieces: Uint8Array[] = [];
  private text = "";
  private values: Float64Array | undefined;
  private first = 0;
  private count = 0;

  constructor(
    private readonly shape: PerRunShape,
    private readonly series: number,
  ) {}

  begin(first: number, count: number): void {
    this.first = first;
    this.count = count;
    this.pieces = [];
    this.text = "";
    this.values = this.shape.parquet ? new Float64Array(count * this.series) : undefined;
  }

  add(run: number, values: Float64Array): void {
    if (this.shape.csv) {
      this.text += perRunCsvRows(this.shape, run, values);
      if (this.text.length >= PIECE_CHARACTERS) this.endPiece();
    }
    this.values?.set(values, (run - this.first) * this.series);
  }

  /** The block, and the buffers to transfer with it. */
  finish(): { block: PerRunBlock; transfer: ArrayBuffer[] } {
    this.endPiece();
    const block: PerRunBlock = { first: this.first, count: this.count, ...(this.shape.csv ? { csv: this.pieces } : {}), ...(this.values ? { values: this.values } : {}) };
    const transfer = [...this.pieces.map((p) => p.buffer as ArrayBuffer), ...(this.values ? [this.values.buffer as ArrayBuffer] : [])];
    this.pieces = [];
    this.values = undefined;
    return { block, transfer };
  }

  private endPiece(): void {
    if (this.text === "") return;
    this.pieces.push(this.encoder.encode(this.text));
    this.text = "";
  }
}
