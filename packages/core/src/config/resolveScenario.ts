import { ScenarioError, type ScenarioIssue } from "../errors.js";
import type { BibliographyEntry } from "../schema/bibliography.js";
import { Param, type Provenance } from "../schema/param.js";
import { OWN_FIELDS, scenarioSchema, type ScenarioTree } from "../schema/scenario.js";
import { bibliographySchema } from "../schema/bibliography.js";
import { clonePlain } from "./clone.js";
import { crossCheck } from "./crossChecks.js";
import { OVERRIDE_FILE, type Override, type ScenarioDocument } from "./document.js";
import { MergeOrigins, mergeDocument } from "./merge.js";
import { applyOverrides } from "./overrides.js";
import { collectProvenance } from "./provenance.js";
import type { Location, ResolvedScenario } from "./resolvedScenario.js";
import { childSchema, isPlainObject, isRecord, pathKey, valueAt } from "./schemaWalk.js";
import { PROVENANCE_KEYS } from "../schema/paramSpec.js";
import { plainIssues } from "./zodIssues.js";
import { newEntries } from "./newEntries.js";
import { modelIssues } from "../model/compileModel.js";
import type { z } from "zod";

export interface ResolveInput {
  /** The files of the scenario, parent first (the loader follows `extends`). */
  readonly documents: readonly ScenarioDocument[];
  readonly overrides?: readonly Override[];
  /** The built-in bibliography; scenarios may add entries of their own. */
  readonly bibliography: readonly BibliographyEntry[];
}

/**
 * Raw scenario files to a resolved scenario: merge `extends`, apply
 * `--set`, validate against the schema (units normalised, distributions
 * built), attach each parameter's path and provenance, and check the rules
 * that span fields. Any problem throws a ScenarioError listing every issue
 * found, each with its file, path, what was expected and what was found.
 *
 * One problem does not hide another: the files' own checks (bibliography,
 * provenance, identity), `--set`, the schema, the rules between sections
 * and, once the schema accepts everything, the model's own checks
 * (compileModel's) all run, and their issues are reported together in the
 * order of the files and lines they point at.
 */
export function resolveScenario(input: ResolveInput): ResolvedScenario {
  const { documents } = input;
  const issues: ScenarioIssue[] = [];
  const leaf = documents[documents.length - 1];
  if (!leaf) throw new Error("resolveScenario needs at least one document");
  const report = (): never => {
    throw new ScenarioError(inFileOrder(dedupe(issues), documents));
  };

  const bibliography = collectBibliography(input.bibliography, documents, issues);
  const known = new Set(bibliography.keys());

  const origins = new MergeOrigins();
  const provenanceByFile: Map<string, Provenance>[] = [];
  let merged: unknown = undefined;
  /** What the leaf's parents give, merged: to tell an entry the leaf adds from one it changes. */
  let inherited: unknown = undefined;
  documents.forEach((doc, index) => {
    if (index === documents.length - 1) inherited = merged;
    if (!isPlainObject(doc.data)) {
      issues.push({ file: doc.file, path: "", expected: "a scenario (a mapping of fields such as id, title, levers)", found: describe(doc.data) });
      provenanceByFile.push(new Map());
      return;
    }
    provenanceByFile.push(collectProvenance(doc, known, issues));
    merged = mergeDocument(scenarioSchema, merged, doc.data, [], index, origins);
  });
  if (!isPlainObject(merged)) report();
  // A scenario's identity is its own: each file names itself, and a
  // parent's description and question are not the child's. A child need
  // not describe itself (its title says what it is), but then it has no
  // description, rather than its parent's.
  const tree = clonePlain(merged) as Record<string, unknown>;
  const leafData = leaf.data as Record<string, unknown>;
  if (documents.length > 1) {
    issues.push(...identityIssues(leaf));
    for (const key of ["description", "question", "changes"]) if (isPlainObject(leaf.data) && leafData[key] === undefined) delete tree[key];
  }
  delete tree["extends"];
  const leafExtends = isPlainObject(leaf.data) ? leaf.data["extends"] : undefined;

  const overrideProvenance = new Map<string, Provenance>();
  applyOverrides(tree, input.overrides ?? [], documents.length, origins, overrideProvenance, issues);

  const locate = (path: string): Location => {
    const index = origins.fileOf(path);
    if (index === documents.length) return { file: OVERRIDE_FILE };
    const doc = documents[index ?? documents.length - 1] ?? leaf;
    const at = doc.locate?.(path === "" ? [] : path.split("."));
    return at ? { file: doc.file, line: at.line, column: at.column } : { file: doc.file };
  };

  stripRecordProvenance(scenarioSchema, tree);
  const parsed = scenarioSchema.safeParse(tree, { reportInput: true });
  if (!parsed.success) {
    for (const p of newEntries(plainIssues(parsed.error.issues, scenarioSchema, tree), tree, documents.length > 1 ? inherited : undefined)) {
      const path = pathKey(p.path);
      issues.push({ ...locate(path), path, expected: p.expected, found: p.found, ...(p.suggestion !== undefined ? { suggestion: p.suggestion } : {}) });
    }
    // The rules between sections still apply to the sections the schema accepts.
    issues.push(...crossCheck(acceptedSections(tree), locate));
    report();
  }
  const scenario = parsed.data as ScenarioTree;

  const params: Param[] = [];
  attachPaths(scenario, [], (param, path) => {
    param.path = path;
    const fromOverride = overrideProvenance.get(path);
    const index = origins.fileOf(path);
    const fromFile = index === undefined ? undefined : provenanceByFile[index]?.get(path);
    const provenance = fromOverride ?? fromFile;
    // A parameter without provenance has been reported as an issue already.
    if (!provenance && issues.length === 0) throw new Error(`no provenance recorded for ${path}`);
    param.provenance = provenance ?? { file: locate(path).file };
    params.push(param);
  });
  for (const [id] of Object.entries(scenario.triggers ?? {})) {
    params.push(triggerDraw(id, locate(`triggers.${id}`).file));
  }

  const crossIssues = crossCheck(scenario, locate);
  issues.push(...crossIssues);

  const resolved: ResolvedScenario = {
    meta: {
      id: scenario.id,
      title: scenario.title,
      ...(scenario.description !== undefined ? { description: scenario.description } : {}),
      ...(scenario.question !== undefined ? { question: scenario.question } : {}),
      ...(scenario.changes !== undefined ? { changes: scenario.changes } : {}),
      ...(typeof leafExtends === "string" ? { extends: leafExtends } : {}),
      horizon: scenario.horizon,
      runs: scenario.runs,
      seed: scenario.seed,
      ...(scenario.quarterly === true ? { quarterly: true as const } : {}),
      files: documents.map((d) => d.file),
    },
    tree: scenario,
    params,
    bibliography,
    locate,
  };
  if (issues.length > 0) {
    // The model's own checks (correlations, trigger conditions) need a
    // scenario the schema and the rules between sections accept; a missing
    // source or title does not stop them.
    if (crossIssues.length === 0) issues.push(...modelIssues(resolved));
    report();
  }
  return resolved;
}

/**
 * The top-level sections of a tree the schema refused that it accepts on
 * their own, parsed: what the rules between sections can still check.
 */
function acceptedSections(tree: Record<string, unknown>): Partial<ScenarioTree> {
  const accepted: Record<string, unknown> = {};
  for (const [key, schema] of Object.entries(scenarioSchema.shape)) {
    const parsed = (schema as z.ZodType).safeParse(tree[key]);
    if (parsed.success && parsed.data !== undefined) accepted[key] = parsed.data;
  }
  return accepted as Partial<ScenarioTree>;
}

/**
 * Issues in the order a reader meets them: file by file along the
 * `extends` chain (then `--set`, then anything else), and by line and
 * column within a file; issues without a line (the whole file) first.
 */
function inFileOrder(issues: readonly ScenarioIssue[], documents: readonly ScenarioDocument[]): ScenarioIssue[] {
  const rank = (file: string) => {
    const index = documents.findIndex((d) => d.file === file);
    return index >= 0 ? index : file === OVERRIDE_FILE ? documents.length : documents.length + 1;
  };
  return issues
    .map((issue, k) => ({ issue, k }))
    .sort((a, b) => rank(a.issue.file) - rank(b.issue.file) || (a.issue.line ?? 0) - (b.issue.line ?? 0) || (a.issue.column ?? 0) - (b.issue.column ?? 0) || a.k - b.k)
    .map(({ issue }) => issue);
}

/**
 * The problems each file shows on its own, for when its `extends` chain
 * cannot be followed (a parent missing, out of scope, or a cycle), so that
 * nothing can be merged: unknown fields, wrong types, bad units and values,
 * and missing or unknown sources. A field a file leaves out may come from
 * a parent, so missing fields are not problems here (but for the id and
 * title a file that extends another must give), nor are the rules between
 * sections. `found` are the problems already found (the `extends`), to be
 * listed with them in file order.
 */
export function issuesOfFilesAlone(
  documents: readonly ScenarioDocument[],
  builtInBibliography: readonly BibliographyEntry[],
  found: readonly ScenarioIssue[] = [],
): ScenarioIssue[] {
  const issues: ScenarioIssue[] = [...found];
  const known = new Set(collectBibliography(builtInBibliography, documents, issues).keys());
  for (const doc of documents) {
    if (!isPlainObject(doc.data)) continue;
    if (doc.data["extends"] !== undefined) issues.push(...identityIssues(doc));
    collectProvenance(doc, known, issues);
    const data = clonePlain(doc.data);
    stripRecordProvenance(scenarioSchema, data);
    const parsed = scenarioSchema.safeParse(data, { reportInput: true });
    if (parsed.success) continue;
    for (const p of plainIssues(parsed.error.issues, scenarioSchema, data)) {
      if (valueAt(data, p.path) === undefined) continue;
      const at = doc.locate?.(p.path);
      const path = pathKey(p.path);
      issues.push({ file: doc.file, path, expected: p.expected, found: p.found, ...(at ? { line: at.line, column: at.column } : {}), ...(p.suggestion !== undefined ? { suggestion: p.suggestion } : {}) });
    }
  }
  return inFileOrder(dedupe(issues), documents);
}

/** A scenario that extends another still names itself: its id and title. */
function identityIssues(doc: ScenarioDocument): ScenarioIssue[] {
  if (!isPlainObject(doc.data)) return [];
  const data = doc.data;
  const at = doc.locate?.([]);
  return OWN_FIELDS.filter((key) => data[key] === undefined)
    .map((key) => ({ file: doc.file, path: key, expected: "this field: a scenario that extends another still names itself", found: "nothing", ...(at ? { line: at.line, column: at.column } : {}) }));
}

/**
 * Whether a trigger's response happens in a run is decided by comparing its
 * probability with a uniform draw of its own, so that the draw has its own
 * random stream like every other parameter.
 */
function triggerDraw(id: string, file: string): Param {
  const param = new Param(
    { dist: "uniform", min: 0, max: 1 },
    { kind: "fraction", unit: "1", min: 0, max: 1, description: "The run's uniform draw compared with the trigger's probability." },
  );
  param.path = `triggers.${id}.draw`;
  param.provenance = { file, assumption: "model mechanics: a random draw per run decides whether the response happens" };
  return param;
}

/**
 * A collection keyed by id (fabs, designs, HBM generations) may carry
 * source, assumption, claim and note for everything in it. Provenance has
 * already been read from the files, so those keys are dropped here, where
 * the schema would otherwise take them for ids.
 */
function stripRecordProvenance(schema: Parameters<typeof childSchema>[0], node: unknown): void {
  if (!isPlainObject(node)) return;
  if (isRecord(schema)) for (const key of PROVENANCE_KEYS) delete node[key];
  for (const [key, value] of Object.entries(node)) {
    const child = childSchema(schema, key, node);
    if (child) stripRecordProvenance(child, value);
  }
}

function attachPaths(node: unknown, path: string[], visit: (param: Param, path: string) => void): void {
  if (node instanceof Param) {
    visit(node, path.join("."));
    return;
  }
  if (Array.isArray(node)) {
    node.forEach((item, i) => attachPaths(item, [...path, String(i)], visit));
    return;
  }
  if (isPlainObject(node)) for (const [key, value] of Object.entries(node)) attachPaths(value, [...path, key], visit);
}

function collectBibliography(
  builtIn: readonly BibliographyEntry[],
  documents: readonly ScenarioDocument[],
  issues: ScenarioIssue[],
): Map<string, BibliographyEntry> {
  const entries = new Map<string, BibliographyEntry>();
  for (const entry of builtIn) entries.set(entry.id, entry);
  for (const doc of documents) {
    if (!isPlainObject(doc.data) || doc.data["bibliography"] === undefined) continue;
    const parsed = bibliographySchema.safeParse(doc.data["bibliography"], { reportInput: true });
    if (!parsed.success) {
      for (const p of plainIssues(parsed.error.issues, bibliographySchema, doc.data["bibliography"])) {
        const path = pathKey(["bibliography", ...p.path]);
        const at = doc.locate?.(["bibliography", ...p.path]);
        issues.push({ file: doc.file, path, expected: p.expected, found: p.found, ...(at ? { line: at.line, column: at.column } : {}), ...(p.suggestion !== undefined ? { suggestion: p.suggestion } : {}) });
      }
      continue;
    }
    parsed.data.forEach((entry, k) => {
      const existing = entries.get(entry.id);
      if (existing && JSON.stringify(existing) !== JSON.stringify(entry)) {
        const at = doc.locate?.(["bibliography", k, "id"]);
        issues.push({ file: doc.file, path: `bibliography.${k}.id`, expected: "an id not already in the bibliography", found: `"${entry.id}"`, ...(at ? { line: at.line, column: at.column } : {}) });
      } else entries.set(entry.id, entry);
    });
  }
  return entries;
}

function dedupe(issues: readonly ScenarioIssue[]): ScenarioIssue[] {
  const seen = new Set<string>();
  return issues.filter((i) => {
    const key = `${i.file}|${i.path}|${i.expected}|${i.found}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function describe(value: unknown): string {
  if (value === null || value === undefined) return "an empty file";
  if (Array.isArray(value)) return "a list";
  return typeof value === "object" ? "an object" : JSON.stringify(value);
}
