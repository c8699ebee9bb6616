import {
  didYouMean,
  compileModel,
  fnv1a32,
  formatCount,
  formatNumber,
  formatValue,
  gridDesign,
  H100E_NOTE,
  jobKey,
  latinHypercube,
  metricLabels,
  metricTitle,
  overrideValue,
  quarterCount,
  readSweepValue,
  StreamRng,
  type MetricLabels,
  type Param,
  type Sampler,
  type Summary,
} from "@chipsim/core";
import type { Worker } from "node:worker_threads";
import { parquetWriteBuffer } from "hyparquet-writer";
import type { CliIo } from "../io.js";
import { padTable, wrap } from "../output/format.js";
import { checkedLine } from "../output/invariantsLine.js";
import { progressReporter } from "../output/progress.js";
import { CHIPSIM_VERSION, manifestKeyValues, runManifest } from "../output/manifest.js";
import { refuseToOverwrite, writeFilesAtomically } from "../output/writeResults.js";
import { scenarioCacheFor } from "../scenarioCache.js";
import { loadResolved } from "../scenarioInput.js";
import { parseSetFlag } from "../setFlag.js";
import { UsageError } from "../usageError.js";
import { runSweepPoints, startSweepWorkers } from "../parallel/sweepTeam.js";
import { stopWorkers } from "../parallel/sharedWork.js";
import { checkWorkersFlag, defaultThreads, threadsToStart } from "../parallel/workerTeam.js";
import { fileFormats, parseSeed, type FileFormat } from "./run.js";

export interface SweepArgs {
  readonly scenario: string;
  readonly vary: readonly string[];
  readonly design: "grid" | "lhs";
  readonly points?: number;
  readonly runs?: number;
  readonly seed?: string;
  readonly set?: readonly string[];
  readonly out?: string;
  readonly formats?: string;
  readonly format: "table" | "json" | "csv";
  /** Replace a sweep already in --out. */
  readonly force?: boolean;
  readonly metrics?: readonly string[];
  readonly year: number;
  readonly quiet: boolean;
  /** Check the model's invariants after every quarter of every run of every point. */
  readonly checkInvariants?: boolean;
  /** How each point's runs draw their inputs (default random). */
  readonly sampler?: Sampler;
  /** Threads (default: one per core, for sweeps whose runs keep them busy); each runs whole points. */
  readonly workers?: number;
}

interface Variable {
  readonly path: string;
  readonly param: Param;
  readonly lo: number;
  readonly hi: number;
  readonly steps: number;
}

const STATISTICS = ["mean", "sd", "p5", "p10", "p25", "p50", "p75", "p90", "p95"] as const;

/** Runs per point unless --runs says otherwise (fewer when the scenario asks for fewer). */
const MAX_DEFAULT_RUNS = 1000;
/** Values of a variable on a grid when --vary gives no steps. */
const DEFAULT_STEPS = 5;
/** Points of a Latin hypercube when --points is not given. */
const DEFAULT_LHS_POINTS = 20;

/**
 * `chipsim sweep`: the scenario run at every point of a design over a few
 * inputs (a grid, or a Latin hypercube), each point a full Monte Carlo with
 * the same seed, so points differ only by the swept inputs.
 */
export async function sweepCommand(args: SweepArgs, io: CliIo): Promise<number> {
  if (args.vary.length === 0) throw new UsageError("sweep: expected at least one --vary path=lo:hi[:steps]");
  checkWorkersFlag(args.workers);
  const formats = fileFormats({ format: "table", ...(args.formats !== undefined ? { formats: args.formats } : {}) });
  if (args.out !== undefined) refuseToOverwrite(args.out, formats.map((f) => `sweep.${f}`), args.force);
  const workers = startSweepWorkers(threadsToStart(args.workers, mostPoints(args) * (args.runs ?? MAX_DEFAULT_RUNS)) - 1);
  try {
    return await sweep(args, formats, io, workers);
  } finally {
    await stopWorkers(workers);
  }
}

async function sweep(args: SweepArgs, formats: readonly FileFormat[], io: CliIo, workers: readonly Worker[]): Promise<number> {
  const base = loadResolved(args.scenario, args.set, io.cwd, scenarioCacheFor(io.env));
  const variables = args.vary.map((spec) => parseVary(spec, base.params));
  const runs = args.runs ?? Math.min(base.meta.runs, MAX_DEFAULT_RUNS);
  if (!(Number.isInteger(runs) && runs > 0)) throw new UsageError(`--runs: expected a whole number above 0, found ${String(args.runs)}`);
  const seed = args.seed !== undefined ? parseSeed(args.seed) : base.meta.seed;
  const unitPoints = designPoints(args, variables, seed);

  // Each point's inputs: their values for the output, and the --set flags that give them to the scenario.
  const xs = unitPoints.map((u) => variables.map((v, d) => v.lo + (u[d] as number) * (v.hi - v.lo)));
  const values = xs.map((x) => Object.fromEntries(variables.map((v, d) => [v.path, v.param.spec.kind === "integer" ? Math.round(x[d] as number) : (x[d] as number)])));
  const pointOverrides = xs.map((x) => variables.map((v, d) => `${v.path}=${JSON.stringify(overrideValue(v.param, x[d] as number))}`));
  const threads = args.workers ?? defaultThreads(unitPoints.length * runs);
  const progress = progressReporter(io, args.quiet, undefined, "points");
  const checkInvariants = args.checkInvariants === true;
  const sampler = args.sampler ?? "random";
  const job = { scenario: args.scenario, sets: args.set ?? [], cwd: io.cwd, points: pointOverrides, runs, seed, checkInvariants, sampler };
  const results = await runSweepPoints(job, workers.slice(0, threads - 1), progress.onProgress).finally(() => progress.stop());
  const summaries = results.map((r) => r.summary);
  if (checkInvariants && !args.quiet) {
    const checked = results.reduce((n, r) => n + r.quartersChecked, 0);
    io.stderr.write(checkedLine(checked, results.length * runs, quarterCount(base.meta.horizon), `${results.length} points`));
  }

  const rows: SweepRow[] = [];
  const perPoint = summaries.map((summary, point) => ({ point, values: values[point] as Record<string, number>, summary }));
  for (const { point, values: at, summary } of perPoint) {
    for (const [metric, byYear] of Object.entries(summary.metrics)) {
      for (const [year, stats] of Object.entries(byYear)) rows.push({ point, values: at, metric, year: Number(year), stats });
    }
  }

  const design = {
    kind: args.design,
    scenario: base.meta.id,
    runs,
    seed,
    ...(sampler !== "random" ? { sampler } : {}),
    variables: variables.map((v) => ({ path: v.path, lo: v.lo, hi: v.hi, unit: v.param.spec.kind === "date" ? "year (position in quarters from 2024Q1)" : v.param.spec.unit, steps: v.steps })),
    points: perPoint.map((p) => ({ point: p.point, values: p.values })),
  };
  const csv = sweepCsv(rows, variables);
  const json = `${JSON.stringify({ design, rows: rows.map((r) => ({ point: r.point, ...r.values, metric: r.metric, year: r.year, ...r.stats })) })}\n`;
  if (args.out !== undefined) {
    const files: Record<string, string | Uint8Array> = {};
    if (formats.includes("json")) files["sweep.json"] = json;
    if (formats.includes("csv")) files["sweep.csv"] = csv;
    if (formats.includes("parquet")) files["sweep.parquet"] = sweepParquet(rows, variables, runManifest(base, seed, runs, sampler));
    const written = writeFilesAtomically(args.out, files);
    if (!args.quiet) io.stderr.write(`wrote ${written.join(", ")}\n`);
  }
  if (args.quiet) return 0;
  if (args.format === "json") io.stdout.write(json);
  else if (args.format === "csv") io.stdout.write(csv);
  else io.stdout.write(renderSweep(perPoint, variables, args.metrics ?? ["accelerators.domestic", "compute.installedH100e"], String(args.year), args.design, runs, metricLabels(compileModel(base).metrics), base.meta.overrides));
  return 0;
}

interface SweepRow {
  readonly point: number;
  readonly values: Record<string, number>;
  readonly metric: string;
  readonly year: number;
  readonly stats: Record<string, number>;
}

function parseVary(spec: string, params: readonly Param[]): Variable {
  const { path, value } = parseSetFlag(spec);
  const param = params.find((p) => p.path === path);
  if (!param) throw new UsageError(`--vary ${path}: expected a parameter path (see chipsim show), found "${path}"${didYouMean(path, params.map((p) => p.path))}`);
  const parts = String(value).split(":");
  if (parts.length < 2 || parts.length > 3) throw new UsageError(`--vary ${path}: expected lo:hi or lo:hi:steps, found "${String(value)}"`);
  const read = (text: string, which: string) => {
    const r = readSweepValue(param, text);
    if (!r.ok) throw new UsageError(`--vary ${path}: expected ${which} as ${r.expected}, found ${r.found}`);
    return r.value;
  };
  const lo = read(parts[0] as string, "the low end");
  const hi = read(parts[1] as string, "the high end");
  if (!(hi > lo)) throw new UsageError(`--vary ${path}: expected a high end above the low end, found ${parts[0]}:${parts[1]}`);
  const steps = parts[2] === undefined ? DEFAULT_STEPS : Number(parts[2]);
  if (!(Number.isInteger(steps) && steps >= 2)) throw new UsageError(`--vary ${path}: expected at least 2 steps, found "${parts[2]}"`);
  const { min = -Infinity, max = Infinity } = param.spec;
  if (lo < min || hi > max) throw new UsageError(`--vary ${path}: expected a range inside [${min}, ${max}], found ${lo}:${hi}`);
  return { path, param, lo, hi, steps };
}

/** The points the flags ask for, read before the scenario is loaded: a grid's steps multiplied, or the hypercube's points. */
function mostPoints(args: SweepArgs): number {
  if (args.design === "lhs") return args.points ?? DEFAULT_LHS_POINTS;
  return args.vary.reduce((n, spec) => n * (Number(spec.split(":")[2] ?? DEFAULT_STEPS) || DEFAULT_STEPS), 1);
}

function designPoints(args: SweepArgs, variables: readonly Variable[], seed: number | string): number[][] {
  if (args.design === "grid") return gridDesign(variables.map((v) => v.steps));
  const n = args.points ?? DEFAULT_LHS_POINTS;
  if (!(Number.isInteger(n) && n >= 1)) throw new UsageError(`--points: expected a whole number above 0, found ${String(args.points)}`);
  const [k0, k1] = jobKey(seed);
  const rng = new StreamRng();
  rng.reset(k0, k1, fnv1a32("sweep.latin-hypercube"));
  return latinHypercube(n, variables.length, rng);
}

function sweepCsv(rows: readonly SweepRow[], variables: readonly Variable[]): string {
  const header = ["point", ...variables.map((v) => v.path), "metric", "year", ...STATISTICS].join(",");
  const lines = rows.map((r) => [r.point, ...variables.map((v) => r.values[v.path]), r.metric, r.year, ...STATISTICS.map((s) => r.stats[s])].join(","));
  return `${[header, ...lines].join("\n")}\n`;
}

function sweepParquet(rows: readonly SweepRow[], variables: readonly Variable[], manifest: ReturnType<typeof runManifest>): Uint8Array {
  const column = (name: string, pick: (r: SweepRow) => number) => ({ name, data: rows.map(pick), type: "DOUBLE" as const, nullable: false });
  return new Uint8Array(
    parquetWriteBuffer({
      columnData: [
        { name: "point", data: rows.map((r) => r.point), type: "INT32", nullable: false },
        ...variables.map((v) => column(v.path, (r) => r.values[v.path] as number)),
        { name: "metric", data: rows.map((r) => r.metric), type: "STRING", nullable: false },
        { name: "year", data: rows.map((r) => r.year), type: "INT32", nullable: false },
        ...STATISTICS.map((s) => column(s, (r) => r.stats[s] as number)),
      ],
      kvMetadata: manifestKeyValues(manifest),
      createdBy: `chipsim ${CHIPSIM_VERSION}`,
    }),
  );
}

function renderSweep(
  points: readonly { point: number; values: Record<string, number>; summary: Summary }[],
  variables: readonly Variable[],
  metrics: readonly string[],
  year: string,
  design: string,
  runs: number,
  labels: MetricLabels,
  overrides: readonly string[] | undefined,
): string {
  const rows: string[][] = [
    ["point", ...variables.map((v) => v.path), ...metrics.map((m) => `${metricTitle(labels, m)} [${m}]`)],
    ["", ...variables.map(() => ""), ...metrics.map(() => `${year}: P50 [P5-P95]`)],
  ];
  for (const p of points) {
    rows.push([
      String(p.point),
      ...variables.map((v) => (v.param.spec.kind === "date" ? ((p.values[v.path] as number) / 4 + 2024).toFixed(2).replace(/\.00$/, "") : formatNumber(p.values[v.path] as number))),
      ...metrics.map((m) => {
        const s = p.summary.metrics[m]?.[year];
        const fmt = (x: number) => formatValue(x, p.summary.units[m] ?? "");
        return s ? `${fmt(s.p50)} [${fmt(s.p5)}-${fmt(s.p95)}]` : "";
      }),
    ]);
  }
  const note = metrics.some((m) => points[0]?.summary.units[m] === "H100e") ? `\n${wrap(H100E_NOTE)}\n` : "";
  const set = overrides?.length ? `every point with --set ${overrides.join(", ")}\n` : "";
  return `Sweep (${design}, ${points.length} points x ${formatCount(runs)} runs, same seed at every point)\n${set}\n${padTable(rows, (c) => c > 0)}\n${note}`;
}
