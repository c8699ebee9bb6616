import { fileWriter, ParquetWriter, parquetWriteBuffer } from "hyparquet-writer";
import type { Summary } from "@chipsim/core";
import { CHIPSIM_VERSION } from "./manifest.js";
import type { RunManifest } from "./manifest.js";
import { manifestKeyValues } from "./manifest.js";

/**
 * Parquet files, with hyparquet-writer (pure JavaScript, no native code).
 * The same tidy long layout as the CSV; the run manifest goes into the
 * file's key-value metadata.
 */
const CREATED_BY = `chipsim ${CHIPSIM_VERSION}`;

export function summaryParquet(summary: Summary, manifest: RunManifest): Uint8Array {
  const scenario: string[] = [];
  const metric: string[] = [];
  const year: number[] = [];
  const statistic: string[] = [];
  const value: number[] = [];
  const push = (m: string, y: string, s: string, v: number) => {
    scenario.push(summary.scenario.id);
    metric.push(m);
    year.push(Number(y));
    statistic.push(s);
    value.push(v);
  };
  for (const [m, byYear] of Object.entries(summary.metrics)) for (const [y, stats] of Object.entries(byYear)) for (const [s, v] of Object.entries(stats)) push(m, y, s, v);
  for (const [d, byYear] of Object.entries(summary.bottlenecks)) for (const [y, shares] of Object.entries(byYear)) for (const [c, v] of Object.entries(shares)) push(`bottleneck.${d}.${c}`, y, "share", v ?? 0);
  for (const [m, byYear] of Object.entries(summary.milestones)) for (const [y, v] of Object.entries(byYear)) push(`milestone.${m}`, y, "probability", v);
  const buffer = parquetWriteBuffer({
    columnData: [
      { name: "scenario", data: scenario, type: "STRING", nullable: false },
      { name: "metric", data: metric, type: "STRING", nullable: false },
      { name: "year", data: year, type: "INT32", nullable: false },
      { name: "statistic", data: statistic, type: "STRING", nullable: false },
      { name: "value", data: value, type: "DOUBLE", nullable: false },
    ],
    kvMetadata: manifestKeyValues(manifest),
    createdBy: CREATED_BY,
  });
  return new Uint8Array(buffer);
}

/** Per-run values streamed to a Parquet file one row group at a time (the writer flushes each megabyte), so memory stays flat. */
export class PerRunParquet {
  private readonly writer: ParquetWriter;

  constructor(path: string, manifest: RunManifest) {
    this.writer = new ParquetWriter({
      writer: fileWriter(path),
      schema: [
        { name: "root", num_children: 5 },
        { name: "scenario", type: "BYTE_ARRAY", converted_type: "UTF8", repetition_type: "REQUIRED" },
        { name: "run", type: "INT32", repetition_type: "REQUIRED" },
        { name: "metric", type: "BYTE_ARRAY", converted_type: "UTF8", repetition_type: "REQUIRED" },
        { name: "year", type: "INT32", repetition_type: "REQUIRED" },
        { name: "value", type: "DOUBLE", repetition_type: "REQUIRED" },
      ],
      kvMetadata: manifestKeyValues(manifest),
      createdBy: CREATED_BY,
    });
  }

  writeRows(rows: PerRunRows): void {
    if (rows.run.length === 0) return;
    this.writer.write({
      columnData: [
        { name: "scenario", data: rows.scenario },
        { name: "run", data: rows.run },
        { name: "metric", data: rows.metric },
        { name: "year", data: rows.year },
        { name: "value", data: rows.value },
      ],
      rowGroupSize: rows.run.length,
    });
  }

  close(): void {
    this.writer.finish();
  }
}

export interface PerRunRows {
  scenario: string[];
  run: number[];
  metric: string[];
  year: number[];
  value: number[];
}
