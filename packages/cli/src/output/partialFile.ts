import { readFileSync } from "node:fs";
import { ChipsimError, type AggregatePartial, type JobPlan, type SummaryFrame } from "@chipsim/core";
import type { RunManifest } from "./manifest.js";

/**
 * A shard's partial result on disk: everything `chipsim merge` needs to
 * produce the summary one machine would have written, without the scenario.
 *
 *   bytes 0-15   "CHIPSIM-PARTIAL\n"
 *   bytes 16-19  length of the header, little-endian uint32
 *   bytes 24-    the header (JSON, padded with spaces to a multiple of 8)
 *   then         each array of header.arrays in order, little-endian doubles
 *
 * Numbers travel as raw doubles, so nothing is lost to decimal text.
 */
export interface PartialFile {
  readonly manifest: RunManifest;
  readonly frame: SummaryFrame;
  readonly plan: JobPlan;
  readonly shard: { readonly index: number; readonly count: number };
  readonly partial: AggregatePartial;
}

interface Header {
  readonly format: "chipsim-partial";
  readonly version: 1;
  readonly manifest: RunManifest;
  readonly frame: SummaryFrame;
  readonly plan: Omit<JobPlan, "layout"> & { readonly bins?: number };
  readonly shard: PartialFile["shard"];
  readonly partial: AggregatePartial["header"];
  readonly arrays: readonly { readonly name: string; readonly length: number }[];
}

const MAGIC = "CHIPSIM-PARTIAL\n";
const PREFIX_BYTES = 24;

/** A partial file that cannot be read: names the file, what was expected and what was found (exit code 2). */
export class PartialFileError extends ChipsimError {
  constructor(file: string, message: string) {
    super("BAD_INPUT", `${file}: ${message}`);
    this.name = "PartialFileError";
  }
}

export function encodePartialFile(file: PartialFile): Uint8Array {
  const { layout, ...plan } = file.plan;
  const arrays: [string, Float64Array][] = Object.entries(file.partial.arrays);
  if (layout) arrays.push(["layout.lo", layout.lo], ["layout.hi", layout.hi], ["layout.shift", layout.shift]);
  const header: Header = {
    format: "chipsim-partial",
    version: 1,
    manifest: file.manifest,
    frame: file.frame,
    plan: { ...plan, ...(layout ? { bins: layout.bins } : {}) },
    shard: file.shard,
    partial: file.partial.header,
    arrays: arrays.map(([name, a]) => ({ name, length: a.length })),
  };
  let json = JSON.stringify(header);
  json += " ".repeat((8 - (Buffer.byteLength(json) % 8)) % 8);
  const headerBytes = Buffer.from(json, "utf8");
  const total = PREFIX_BYTES + headerBytes.length + arrays.reduce((n, [, a]) => n + a.length * 8, 0);
  const out = Buffer.alloc(total);
  out.write(MAGIC, 0, "latin1");
  out.writeUInt32LE(headerBytes.length, 16);
  headerBytes.copy(out, PREFIX_BYTES);
  let offset = PREFIX_BYTES + headerBytes.length;
  for (const [, a] of arrays) {
    for (let k = 0; k < a.length; k++, offset += 8) out.writeDoubleLE(a[k] as number, offset);
  }
  return out;
}

export function readPartialFile(path: string): PartialFile {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    throw new PartialFileError(path, `cannot read it (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
  if (bytes.length < PREFIX_BYTES || bytes.toString("latin1", 0, 16) !== MAGIC) {
    throw new PartialFileError(path, "expected a chipsim partial result (written by chipsim run --shard), found another kind of file");
  }
  const headerLength = bytes.readUInt32LE(16);
  if (PREFIX_BYTES + headerLength > bytes.length) throw new PartialFileError(path, `expected a header of ${headerLength} bytes, found the file cut short`);
  let header: Header;
  try {
    header = JSON.parse(bytes.toString("utf8", PREFIX_BYTES, PREFIX_BYTES + headerLength)) as Header;
  } catch {
    throw new PartialFileError(path, "expected a JSON header, found text that does not parse");
  }
  if (header.format !== "chipsim-partial" || header.version !== 1) {
    throw new PartialFileError(path, `expected format chipsim-partial version 1, found ${String(header.format)} version ${String(header.version)}`);
  }
  const arrays: Record<string, Float64Array> = {};
  let offset = PREFIX_BYTES + headerLength;
  for (const { name, length } of header.arrays) {
    if (offset + length * 8 > bytes.length) throw new PartialFileError(path, `array "${name}": expected ${length} numbers, found the file cut short`);
    const a = new Float64Array(length);
    for (let k = 0; k < length; k++, offset += 8) a[k] = bytes.readDoubleLE(offset);
    arrays[name] = a;
  }
  if (offset !== bytes.length) throw new PartialFileError(path, `expected ${offset} bytes, found ${bytes.length}`);
  const { bins, ...plan } = header.plan;
  const lo = arrays["layout.lo"];
  const hi = arrays["layout.hi"];
  const shift = arrays["layout.shift"];
  delete arrays["layout.lo"];
  delete arrays["layout.hi"];
  delete arrays["layout.shift"];
  const layout = bins !== undefined && lo && hi && shift ? { bins, lo, hi, shift } : undefined;
  if (plan.mode === "streaming" && !layout) throw new PartialFileError(path, "expected the bins of streaming statistics, found none");
  return {
    manifest: header.manifest,
    frame: header.frame,
    plan: { ...plan, ...(layout ? { layout } : {}) },
    shard: header.shard,
    partial: { header: header.partial, arrays },
  };
}

/** What a partial result says of its job: enough to tell whether two partials can be combined. */
export type JobIdentity = Pick<PartialFile, "manifest" | "plan" | "frame">;

/**
 * The first thing in which `found` belongs to another job than `expected`
 * (a field of the manifest, of the plan, the bins, or the model), or
 * undefined when they are the same job: only then do their runs combine.
 */
export function jobDifference(expected: JobIdentity, found: JobIdentity): { field: string; expected: string; found: string } | undefined {
  const { layout: expectedLayout, ...expectedPlan } = expected.plan;
  const { layout: foundLayout, ...foundPlan } = found.plan;
  const bins = (layout: JobPlan["layout"]) => (layout ? JSON.stringify([layout.bins, Array.from(layout.lo), Array.from(layout.hi), Array.from(layout.shift)]) : "none");
  const groups: [Record<string, unknown>, Record<string, unknown>][] = [
    [expected.manifest as unknown as Record<string, unknown>, found.manifest as unknown as Record<string, unknown>],
    [expectedPlan, foundPlan],
    [{ bins: bins(expectedLayout) }, { bins: bins(foundLayout) }],
    [{ model: expected.frame }, { model: found.frame }],
  ];
  for (const [a, b] of groups) {
    for (const field of new Set([...Object.keys(a), ...Object.keys(b)])) {
      const x = JSON.stringify(a[field]);
      const y = JSON.stringify(b[field]);
      // Long values (bins, the model's metrics) are named, not printed.
      const shown = (text: string | undefined) => (text === undefined ? "none" : text.length > 120 ? "another value" : text);
      if (x !== y) return { field, expected: shown(x), found: shown(y) };
    }
  }
  return undefined;
}
