import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { CHIPSIM_BIN } from "../helpers/bin.js";

const run = promisify(execFile);
const root = fileURLToPath(new URL("../..", import.meta.url));
const bin = CHIPSIM_BIN;
const yaml = createRequire(join(root, "packages/cli/package.json"))("yaml") as { parseAllDocuments(text: string): { toJS(): unknown }[] };
const version = (JSON.parse(readFileSync(join(root, "packages/cli/package.json"), "utf8")) as { version: string }).version;

interface JobDoc {
  spec: {
    completionMode?: string;
    completions?: number;
    template: { spec: { containers: { image: string; args: string[]; env?: { name: string; value: string }[]; volumeMounts: { mountPath: string }[] }[] } };
  };
}

/** The container's arguments with the run count and the results folder swapped for small local ones. */
function localArgs(args: readonly string[], runs: string, results: string): string[] {
  return args.map((a, k) => (args[k - 1] === "--runs" ? runs : a.replace(/^\/results/, results)));
}

describe("docs/scale examples", () => {
  it("the Kubernetes Indexed Job's shards and merge, run as its pods would, give the single run's summary", async () => {
    const read = (name: string) => yaml.parseAllDocuments(readFileSync(join(root, "docs/scale", name), "utf8")).map((d) => d.toJS() as JobDoc);
    const [shards] = read("indexed-job.yaml");
    const [merge] = read("merge-job.yaml");
    expect(shards!.spec.completionMode).toBe("Indexed");
    const pod = shards!.spec.template.spec.containers[0]!;
    const completions = shards!.spec.completions as number;
    expect(pod.env?.find((e) => e.name === "JOB_COMPLETIONS")?.value).toBe(String(completions));
    expect(pod.image).toBe(`chipsim:${version}`);
    expect(pod.args).toContain("auto");
    const dir = mkdtempSync(join(tmpdir(), "chipsim-k8s-"));
    const runs = "3000";
    await Promise.all(
      Array.from({ length: completions }, (_, index) =>
        run(process.execPath, [bin, ...localArgs(pod.args, runs, dir), "--workers", "1"], { env: { ...process.env, JOB_COMPLETION_INDEX: String(index), JOB_COMPLETIONS: String(completions) } }),
      ),
    );
    const mergeArgs = localArgs(merge!.spec.template.spec.containers[0]!.args, runs, dir);
    await run(process.execPath, [bin, ...mergeArgs]);
    const single = join(dir, "single");
    await run(process.execPath, [bin, "run", "baseline", "--runs", runs, "--seed", "2026", "--quiet", "--out", single]);
    const merged = mergeArgs[mergeArgs.indexOf("--out") + 1] as string;
    expect(readFileSync(join(merged, "summary.json"), "utf8")).toBe(readFileSync(join(single, "summary.json"), "utf8"));
  });

  it("the Slurm array script, run as two array tasks numbered from 1, merges to the single run's summary", async () => {
    const dir = mkdtempSync(join(tmpdir(), "chipsim-slurm-"));
    // The launcher itself, as docs/scale.md sets CHIPSIM: its first line starts Node with chipsim's flags.
    const env = { ...process.env, CHIPSIM: bin, RUNS: "2500", SEED: "8", OUT: join(dir, "job") };
    await Promise.all(
      [1, 2].map((id) => run("bash", [join(root, "docs/scale/slurm-array.sh")], { env: { ...env, SLURM_ARRAY_TASK_ID: String(id), SLURM_ARRAY_TASK_MIN: "1", SLURM_ARRAY_TASK_COUNT: "2" } })),
    );
    await run(process.execPath, [bin, "merge", join(dir, "job", "parts"), "--out", join(dir, "job"), "--quiet"]);
    await run(process.execPath, [bin, "run", "baseline", "--runs", "2500", "--seed", "8", "--quiet", "--out", join(dir, "single")]);
    expect(readFileSync(join(dir, "job", "summary.json"), "utf8")).toBe(readFileSync(join(dir, "single", "summary.json"), "utf8"));
  });
});
