#!/usr/bin/env node
// `pnpm audit:deps`: runs `pnpm audit --audit-level high --json` and prints one
// line. Exit codes:
//   0  the advisory service answered; no high or critical finding, or each
//      one is listed in audit-exceptions.json
//   1  the service answered with a high or critical finding not listed there
//   2  audit-exceptions.json is malformed
//   3  the audit could not run (the service refused, was out of reach, or
//      pnpm gave no readable report): there is no result, which is not a pass
// The classification of pnpm's output is the pure function classifyAudit,
// tested in test/robustness/audit.test.ts.

import { spawnSync } from "node:child_process";
import { accessSync, constants, existsSync, readFileSync } from "node:fs";
import { delimiter, dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

/**
 * @typedef {{ id: string, aliases?: string[], package: string, reason: string, reviewed: string }} AuditException
 * @typedef {{ exitCode: 0 | 1 | 3, line: string }} AuditResult
 * @typedef {{ id: string, package: string, severity: string }} Finding
 */

export const EXIT = { pass: 0, finding: 1, badExceptions: 2, notRun: 3 };
const SEVERITIES = ["critical", "high", "moderate", "low", "info"];
const BLOCKING = new Set(["critical", "high"]);
const NETWORK_CODES = /\b(ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|ETIMEDOUT|EHOSTUNREACH|ENETUNREACH|ERR_SOCKET_TIMEOUT|UNABLE_TO_GET_ISSUER_CERT_LOCALLY|SELF_SIGNED_CERT_IN_CHAIN|CERT_HAS_EXPIRED)\b/;

/**
 * Reads the exceptions file's text: `{ "exceptions": [ { id, aliases?, package,
 * reason, reviewed } ] }`. `id` (and each alias) is a GHSA id, a CVE id or an
 * npm advisory number; `reviewed` is the date of the last review, YYYY-MM-DD.
 * @param {string} text
 * @returns {{ ok: true, exceptions: AuditException[] } | { ok: false, error: string }}
 */
export function parseExceptions(text) {
  /** @type {unknown} */
  let data;
  try {
    data = JSON.parse(text);
  } catch (e) {
    return { ok: false, error: `not JSON (${e instanceof Error ? e.message : String(e)})` };
  }
  const list = isObject(data) ? data["exceptions"] : undefined;
  if (!Array.isArray(list)) return { ok: false, error: 'expected an object with an "exceptions" list' };
  /** @type {AuditException[]} */
  const exceptions = [];
  for (const [i, entry] of list.entries()) {
    const where = `exception ${i + 1}`;
    if (!isObject(entry)) return { ok: false, error: `${where}: expected an object` };
    /** @type {Record<string, string>} */
    const fields = {};
    for (const field of ["id", "package", "reason", "reviewed"]) {
      const value = entry[field];
      if (typeof value !== "string" || value.trim() === "") return { ok: false, error: `${where}: "${field}" must be a non-empty string` };
      fields[field] = value.trim();
    }
    const reviewed = fields["reviewed"] ?? "";
    if (!/^\d{4}-\d{2}-\d{2}$/.test(reviewed) || Number.isNaN(Date.parse(reviewed)) || new Date(reviewed).toISOString().slice(0, 10) !== reviewed) {
      return { ok: false, error: `${where}: "reviewed" must be a date, YYYY-MM-DD` };
    }
    const aliases = entry["aliases"];
    if (aliases !== undefined && !(Array.isArray(aliases) && aliases.every((a) => typeof a === "string" && a.trim() !== ""))) {
      return { ok: false, error: `${where}: "aliases" must be a list of ids` };
    }
    /** @type {AuditException} */
    const exception = { id: fields["id"] ?? "", package: fields["package"] ?? "", reason: fields["reason"] ?? "", reviewed };
    if (Array.isArray(aliases)) exception.aliases = aliases.map((a) => String(a).trim());
    exceptions.push(exception);
  }
  return { ok: true, exceptions };
}

/**
 * Classifies what `pnpm audit --audit-level high --json` printed.
 * @param {{ stdout: string, stderr?: string, status?: number | null }} run
 * @param {AuditException[]} exceptions
 * @returns {AuditResult}
 */
export function classifyAudit(run, exceptions) {
  const text = `${run.stdout}\n${run.stderr ?? ""}`;
  const report = parseJson(run.stdout);

  if (isObject(report) && isObject(report["error"])) {
    const error = report["error"];
    return notRun(String(error["code"] ?? "pnpm error"), String(error["message"] ?? ""));
  }
  const metadata = isObject(report) ? report["metadata"] : undefined;
  const vulnerabilities = isObject(metadata) ? metadata["vulnerabilities"] : undefined;
  if (!isObject(vulnerabilities)) {
    const code = /ERR_PNPM_[A-Z_]+/.exec(text)?.[0] ?? NETWORK_CODES.exec(text)?.[0];
    if (code) return notRun(code, text);
    const first = text.trim().split("\n")[0] ?? "";
    const status = run.status === undefined || run.status === null ? "" : `, exit status ${run.status}`;
    return { exitCode: 3, line: `audit:deps: the audit did not run: pnpm audit printed no readable report${status}${first ? ` ("${first.slice(0, 120)}")` : ""}; there is no result, which is not a pass` };
  }

  /** @type {Record<string, number>} */
  const counts = {};
  for (const s of SEVERITIES) {
    const n = vulnerabilities[s];
    counts[s] = typeof n === "number" && Number.isFinite(n) ? n : 0;
  }
  const summary = SEVERITIES.map((s) => `${counts[s]} ${s}`).join(", ");

  /** @type {Finding[]} */
  const findings = [];
  /** @type {Set<AuditException>} */
  const used = new Set();
  let exceptedCount = 0;
  const advisories = isObject(report) && isObject(report["advisories"]) ? Object.values(report["advisories"]) : [];
  for (const advisory of advisories) {
    if (!isObject(advisory)) continue;
    const severity = String(advisory["severity"] ?? "").toLowerCase();
    if (!BLOCKING.has(severity)) continue;
    const pkg = String(advisory["module_name"] ?? "?");
    const ids = advisoryIds(advisory);
    const exception = exceptions.find((e) => e.package === pkg && [e.id, ...(e.aliases ?? [])].some((x) => ids.has(x.toUpperCase())));
    if (exception) {
      used.add(exception);
      exceptedCount += 1;
    } else findings.push({ id: String(advisory["github_advisory_id"] ?? advisory["id"] ?? "?"), package: pkg, severity });
  }

  const excepted = exceptedCount > 0 ? `; ${exceptedCount} high or critical excepted in audit-exceptions.json` : "";
  const unused = exceptions.length - used.size;
  const stale = unused > 0 ? `; ${unused} exception${unused === 1 ? "" : "s"} matched nothing (review audit-exceptions.json)` : "";
  if (findings.length > 0) {
    const list = findings.map((f) => `${f.package} ${f.id} (${f.severity})`).join(", ");
    return { exitCode: 1, line: `audit:deps: ${summary}; not excepted: ${list}${excepted}${stale}` };
  }
  const blockingCount = (counts["critical"] ?? 0) + (counts["high"] ?? 0);
  if (blockingCount > 0 && exceptedCount === 0) {
    return { exitCode: 1, line: `audit:deps: ${summary}; pnpm listed no advisory for the high or critical ones, so they cannot be checked against audit-exceptions.json` };
  }
  return { exitCode: 0, line: `audit:deps: ${summary}; no high or critical finding${excepted ? " outside the exceptions" : ""}${excepted}${stale}` };
}

/**
 * How to run pnpm: the one on PATH, else the version the root package.json
 * names in "packageManager" through npx, as .ci/run does.
 * @param {boolean} pnpmOnPath
 * @param {string | undefined} packageManager
 * @returns {{ command: string, prefix: string[] }}
 */
export function pnpmCommand(pnpmOnPath, packageManager) {
  if (pnpmOnPath) return { command: "pnpm", prefix: [] };
  const pinned = packageManager && /^pnpm@\d+\.\d+\.\d+$/.test(packageManager) ? packageManager : "pnpm@10.34.8";
  return { command: "npx", prefix: ["-y", pinned] };
}

/** @param {string} code @param {string} message @returns {AuditResult} */
function notRun(code, message) {
  const statuses = [...message.matchAll(/responded with (\d{3})|\bHTTP (\d{3})\b|\bstatus(?: code)? (\d{3})\b/gi)].map((m) => m[1] ?? m[2] ?? m[3]);
  const network = NETWORK_CODES.exec(message)?.[0] ?? (NETWORK_CODES.test(code) ? code : undefined);
  let why;
  if (statuses.length > 0) {
    const unique = [...new Set(statuses)];
    why = `the advisory service answered HTTP ${unique.join(" and ")}${statuses.length > 1 ? ` (${statuses.length} endpoints tried)` : ""}`;
  } else if (network) {
    why = `the advisory service could not be reached (${network})`;
  } else {
    const detail = message.trim().split("\n")[0]?.slice(0, 160);
    why = detail ? `pnpm reported: ${detail}` : "pnpm gave no reason";
  }
  return { exitCode: 3, line: `audit:deps: the audit did not run: ${why} [${code}]; there is no result, which is not a pass` };
}

/** @param {Record<string, unknown>} advisory */
function advisoryIds(advisory) {
  const ids = new Set();
  for (const key of ["github_advisory_id", "id", "ghsa_id"]) {
    const v = advisory[key];
    if (typeof v === "string" || typeof v === "number") ids.add(String(v).toUpperCase());
  }
  const cves = advisory["cves"];
  if (Array.isArray(cves)) for (const c of cves) if (typeof c === "string") ids.add(c.toUpperCase());
  const url = advisory["url"];
  if (typeof url === "string") for (const m of url.matchAll(/GHSA(?:-[0-9a-z]{4}){3}/gi)) ids.add(m[0].toUpperCase());
  return ids;
}

/** @param {string} text @returns {unknown} */
function parseJson(text) {
  const trimmed = text.trim();
  if (trimmed === "") return undefined;
  try {
    return JSON.parse(trimmed);
  } catch {
    const start = trimmed.indexOf("{");
    const end = trimmed.lastIndexOf("}");
    if (start < 0 || end <= start) return undefined;
    try {
      return JSON.parse(trimmed.slice(start, end + 1));
    } catch {
      return undefined;
    }
  }
}

/** @param {unknown} x @returns {x is Record<string, unknown>} */
function isObject(x) {
  return typeof x === "object" && x !== null && !Array.isArray(x);
}

/** @param {string} name */
function onPath(name) {
  for (const dir of (process.env["PATH"] ?? "").split(delimiter)) {
    if (!dir) continue;
    try {
      accessSync(join(dir, name), constants.X_OK);
      return true;
    } catch {
      // not here
    }
  }
  return false;
}

function main() {
  const root = join(dirname(fileURLToPath(import.meta.url)), "..");
  const exceptionsPath = join(root, "audit-exceptions.json");
  /** @type {AuditException[]} */
  let exceptions = [];
  if (existsSync(exceptionsPath)) {
    const parsed = parseExceptions(readFileSync(exceptionsPath, "utf8"));
    if (!parsed.ok) {
      console.error(`audit:deps: audit-exceptions.json: ${parsed.error}`);
      return EXIT.badExceptions;
    }
    exceptions = parsed.exceptions;
  }

  /** @type {string | undefined} */
  let packageManager;
  try {
    const manifest = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
    if (typeof manifest.packageManager === "string") packageManager = manifest.packageManager;
  } catch {
    // fall back to the pinned version
  }
  const { command, prefix } = pnpmCommand(onPath("pnpm"), packageManager);
  const run = spawnSync(command, [...prefix, "audit", "--audit-level", "high", "--json"], {
    cwd: root,
    encoding: "utf8",
    timeout: 180_000,
    maxBuffer: 64 * 1024 * 1024,
  });
  if (run.error) {
    const reason = /** @type {NodeJS.ErrnoException} */ (run.error).code === "ETIMEDOUT" ? "pnpm audit did not finish within 180 s" : `could not start ${command}: ${run.error.message}`;
    console.error(`audit:deps: the audit did not run: ${reason}; there is no result, which is not a pass`);
    return EXIT.notRun;
  }
  const result = classifyAudit({ stdout: run.stdout, stderr: run.stderr, status: run.status }, exceptions);
  (result.exitCode === 0 ? console.log : console.error)(result.line);
  return result.exitCode;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = main();
}
