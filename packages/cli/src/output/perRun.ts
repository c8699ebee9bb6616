import { closeSync, openSync, renameSync, rmSync, writeSync } from "node:fs";
import { join } from "node:path";
import { START_YEAR } from "@chipsim/core";
import type { RunManifest } from "./manifest.js";
import { PerRunParquet, type PerRunRows } from "./parquet.js";
import { perRunCsvRows, type PerRunBlock, type PerRunShape } from "./perRunBlock.js";

const CSV_FLUSH_BYTES = 1 << 20;
const PARQUET_ROWS_PER_GROUP = 250_000;

/**
 * `--per-run`: every run's value of every chosen metric (all of them, or
 * those `--metrics` picks) and year, in long form (scenario, run, metric,
 * year, value), streamed to disk as the runs finish so memory stays flat
 * whatever the number of runs. Files are written under temporary names and
 * renamed once complete.
 */
export class PerRunExport {
  private readonly csv?: { fd: number; temp: string; target: string; buffer: string };
  private readonly parquet?: { writer: PerRunParquet; temp: string; target: string; rows: PerRunRows };

  constructor(
    dir: string,
    private readonly scenario: string,
    /** The model's metric ids, all of them (a run's values follow their order). */
    private readonly metricIds: readonly string[],
    /** Indices into metricIds of the metrics to write, in ascending order. */
    private readonly chosen: readonly number[],
    private readonly years: number,
    formats: { csv: boolean; parquet: boolean },
    manifest: RunManifest,
  ) {
    if (formats.csv) {
      const target = join(dir, "per_run.csv");
      const temp = join(dir, `.per_run.csv.${process.pid}.tmp`);
      this.csv = { fd: openSync(temp, "w"), temp, target, buffer: "scenario,run,metric,year,value\n" };
    }
    if (formats.parquet) {
      const target = join(dir, "per_run.parquet");
      const temp = join(dir, `.per_run.parquet.${process.pid}.tmp`);
      this.parquet = { writer: new PerRunParquet(temp, manifest), temp, target, rows: emptyRows() };
    }
  }

  /** What a worker thread needs to make this export's rows for its runs (perRunBlock.ts). */
  get shape(): PerRunShape {
    return { scenario: this.scenario, metricIds: this.metricIds, chosen: this.chosen, years: this.years, csv: this.csv !== undefined, parquet: this.parquet !== undefined };
  }

  /** Takes run `run`'s values ([metric * years + year]). */
  add(run: number, values: Float64Array): void {
    if (this.csv) {
      this.csv.buffer += perRunCsvRows(this.shape, run, values);
      if (this.csv.buffer.length >= CSV_FLUSH_BYTES) this.flushCsv();
    }
    if (this.parquet) this.addParquetRows(run, values, 0);
  }

  /**
   * Takes the rows of a block of runs made elsewhere (a worker thread; the
   * runs after every run already taken): the CSV text as it made it, and
   * each run's values for the Parquet rows.
   */
  addBlock(block: PerRunBlock): void {
    if (this.csv) {
      this.flushCsv();
      for (const piece of block.csv ?? []) writeSync(this.csv.fd, piece);
    }
    if (this.parquet) {
      const values = block.values as Float64Array;
      const series = values.length / block.count;
      for (let k = 0; k < block.count; k++) this.addParquetRows(block.first + k, values, k * series);
    }
  }

  private addParquetRows(run: number, values: Float64Array, offset: number): void {
    const { metricIds, chosen, years, scenario } = this;
    const parquet = this.parquet as NonNullable<PerRunExport["parquet"]>;
    const rows = parquet.rows;
    for (let c = 0; c < chosen.length; c++) {
      const m = chosen[c] as number;
      for (let y = 0; y < years; y++) {
        rows.scenario.push(scenario);
        rows.run.push(run);
        rows.metric.push(metricIds[m] as string);
        rows.year.push(START_YEAR + y);
        rows.value.push(values[offset + m * years + y] as number);
      }
    }
    if (rows.run.length >= PARQUET_ROWS_PER_GROUP) {
      parquet.writer.writeRows(rows);
      parquet.rows = emptyRows();
    }
  }

  /** Finishes both files and moves them into place; returns their paths. */
  close(): string[] {
    const written: string[] = [];
    if (this.csv) {
      this.flushCsv();
      closeSync(this.csv.fd);
      renameSync(this.csv.temp, this.csv.target);
      written.push(this.csv.target);
    }
    if (this.parquet) {
      this.parquet.writer.writeRows(this.parquet.rows);
      this.parquet.writer.close();
      renameSync(this.parquet.temp, this.parquet.target);
      written.push(this.parquet.target);
    }
    return written;
  }

  /**
   * Removes the half-written files of a job that failed or was interrupted,
   * so that no partial output is left in --out (not even under its
   * temporary names). Safe after close(), which leaves nothing to remove.
   */
  discard(): void {
    if (this.csv) {
      try {
        closeSync(this.csv.fd);
      } catch {
        // Already closed.
      }
      rmSync(this.csv.temp, { force: true });
    }
    if (this.parquet) {
      try {
        this.parquet.writer.close();
      } catch {
        // Already closed, or broken: the file goes either way.
      }
      rmSync(this.parquet.temp, { force: true });
    }
  }

  private flushCsv(): void {
    if (!this.csv || this.csv.buffer === "") return;
    writeSync(this.csv.fd, this.csv.buffer);
    this.csv.buffer = "";
  }
}

function emptyRows(): PerRunRows {
  return { scenario: [], run: [], metric: [], year: [], value: [] };
}
