import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { classifyAudit, EXIT, parseExceptions, pnpmCommand, type AuditException } from "../../scripts/audit.mjs";

// What `pnpm audit --audit-level high --json` prints. badResponse405.* and
// networkError.json were captured from pnpm 10.34.8 (the registry answering
// 405, an unresolvable registry); the reports follow the npm audit format pnpm
// prints, with illustrative advisory numbers and paths. No test here reaches
// the network.
const fixture = (name: string) => readFileSync(fileURLToPath(new URL(`./auditFixtures/${name}`, import.meta.url)), "utf8");

const mathjsException: AuditException = {
  id: "GHSA-jvff-x2qm-6286",
  package: "mathjs",
  reason: "the expression parser is never used",
  reviewed: "2026-11-30",
};

describe("pnpm audit:deps classifies pnpm audit's output", () => {
  it("passes a clean report and prints the counts", () => {
    const r = classifyAudit({ stdout: fixture("clean.json"), status: 0 }, []);
    expect(r.exitCode).toBe(EXIT.pass);
    expect(r.line).toBe("audit:deps: 0 critical, 0 high, 0 moderate, 0 low, 0 info; no high or critical finding");
  });

  it("passes moderate and low findings (the level is high)", () => {
    const r = classifyAudit({ stdout: fixture("moderateOnly.json"), status: 0 }, []);
    expect(r.exitCode).toBe(EXIT.pass);
    expect(r.line).toContain("0 critical, 0 high, 2 moderate, 1 low, 0 info");
  });

  it("fails a report with high findings, naming each", () => {
    const r = classifyAudit({ stdout: fixture("highFindings.json"), status: 1 }, []);
    expect(r.exitCode).toBe(EXIT.finding);
    expect(r.line).toContain("0 critical, 2 high, 1 moderate");
    expect(r.line).toContain("mathjs GHSA-jvff-x2qm-6286 (high)");
    expect(r.line).toContain("vega-functions GHSA-m9rg-mr6g-75gm (high)");
  });

  it("passes a high finding listed in the exceptions, and says so", () => {
    const r = classifyAudit({ stdout: fixture("exceptedHigh.json"), status: 1 }, [mathjsException]);
    expect(r.exitCode).toBe(EXIT.pass);
    expect(r.line).toContain("1 high");
    expect(r.line).toContain("1 high or critical excepted in audit-exceptions.json");
  });

  it("excepts only what is listed: the other high finding still fails", () => {
    const r = classifyAudit({ stdout: fixture("highFindings.json"), status: 1 }, [mathjsException]);
    expect(r.exitCode).toBe(EXIT.finding);
    expect(r.line).toContain("not excepted: vega-functions GHSA-m9rg-mr6g-75gm (high)");
    expect(r.line).not.toContain("not excepted: mathjs");
  });

  it("matches an exception by its CVE or an alias, but only for its own package", () => {
    const byCve = { ...mathjsException, id: "CVE-2026-41139" };
    expect(classifyAudit({ stdout: fixture("exceptedHigh.json") }, [byCve]).exitCode).toBe(EXIT.pass);
    const byAlias = { ...mathjsException, id: "CVE-0000-0000", aliases: ["ghsa-jvff-x2qm-6286"] };
    expect(classifyAudit({ stdout: fixture("exceptedHigh.json") }, [byAlias]).exitCode).toBe(EXIT.pass);
    const otherPackage = { ...mathjsException, package: "vega" };
    expect(classifyAudit({ stdout: fixture("exceptedHigh.json") }, [otherPackage]).exitCode).toBe(EXIT.finding);
    const otherId = { ...mathjsException, id: "GHSA-xxxx-xxxx-xxxx" };
    expect(classifyAudit({ stdout: fixture("exceptedHigh.json") }, [otherId]).exitCode).toBe(EXIT.finding);
  });

  it("notes exceptions that matched nothing without failing", () => {
    const r = classifyAudit({ stdout: fixture("clean.json") }, [mathjsException]);
    expect(r.exitCode).toBe(EXIT.pass);
    expect(r.line).toContain("1 exception matched nothing");
  });

  it("fails when the counts show a high finding that the report does not list", () => {
    const report = JSON.parse(fixture("clean.json"));
    report.metadata.vulnerabilities.critical = 1;
    const r = classifyAudit({ stdout: JSON.stringify(report), status: 1 }, [mathjsException]);
    expect(r.exitCode).toBe(EXIT.finding);
    expect(r.line).toContain("1 critical");
  });

  it("does not pass when the advisory service answers 405 (--json output)", () => {
    const r = classifyAudit({ stdout: fixture("badResponse405.json"), status: 1 }, []);
    expect(r.exitCode).toBe(EXIT.notRun);
    expect(r.line).toBe(
      "audit:deps: the audit did not run: the advisory service answered HTTP 405 (2 endpoints tried) [ERR_PNPM_AUDIT_BAD_RESPONSE]; there is no result, which is not a pass",
    );
  });

  it("does not pass when the advisory service answers 405 (plain text output)", () => {
    const r = classifyAudit({ stdout: fixture("badResponse405.txt"), status: 1 }, []);
    expect(r.exitCode).toBe(EXIT.notRun);
    expect(r.line).toContain("HTTP 405");
    expect(r.line).toContain("ERR_PNPM_AUDIT_BAD_RESPONSE");
  });

  it("does not pass when the service cannot be reached", () => {
    const r = classifyAudit({ stdout: fixture("networkError.json"), status: 1 }, []);
    expect(r.exitCode).toBe(EXIT.notRun);
    expect(r.line).toContain("could not be reached (ENOTFOUND)");
    const refused = classifyAudit({ stdout: "", stderr: "request to https://registry.npmjs.org/-/npm/v1/security/audits/quick failed, reason: connect ECONNREFUSED 127.0.0.1:443", status: 1 }, []);
    expect(refused.exitCode).toBe(EXIT.notRun);
    expect(refused.line).toContain("ECONNREFUSED");
  });

  it("does not pass on empty or unreadable output, whatever pnpm's exit status", () => {
    for (const stdout of ["", "Progress: resolved 1", "{ \"advisories\": {} }", "[]", "null"]) {
      const r = classifyAudit({ stdout, status: 0 }, []);
      expect(r.exitCode, stdout).toBe(EXIT.notRun);
      expect(r.line, stdout).toContain("not a pass");
    }
  });

  it("prints one line in every case", () => {
    for (const name of ["clean.json", "moderateOnly.json", "highFindings.json", "exceptedHigh.json", "badResponse405.json", "badResponse405.txt", "networkError.json"]) {
      expect(classifyAudit({ stdout: fixture(name) }, [mathjsException]).line, name).not.toMatch(/\n/);
    }
  });
});

describe("audit-exceptions.json", () => {
  it("is valid: every exception names an advisory and a package, with a reason and a review date", () => {
    const text = readFileSync(fileURLToPath(new URL("../../audit-exceptions.json", import.meta.url)), "utf8");
    const parsed = parseExceptions(text);
    expect(parsed).toMatchObject({ ok: true });
    if (!parsed.ok) return;
    for (const e of parsed.exceptions) {
      expect(e.id).toMatch(/^(GHSA(-[0-9a-z]{4}){3}|CVE-\d{4}-\d+|\d+)$/);
      expect(e.reason.length).toBeGreaterThan(40);
    }
  });

  it("refuses an exception without a reason, with a bad date or bad aliases", () => {
    const file = (e: object) => JSON.stringify({ exceptions: [e] });
    expect(parseExceptions(file({ ...mathjsException, reason: " " }))).toEqual({ ok: false, error: 'exception 1: "reason" must be a non-empty string' });
    expect(parseExceptions(file({ ...mathjsException, reviewed: "2026-02-30" }))).toMatchObject({ ok: false });
    expect(parseExceptions(file({ ...mathjsException, reviewed: "30/11/2026" }))).toMatchObject({ ok: false });
    expect(parseExceptions(file({ ...mathjsException, aliases: "GHSA-jvff-x2qm-6286" }))).toMatchObject({ ok: false });
    expect(parseExceptions("[]")).toMatchObject({ ok: false });
    expect(parseExceptions("{")).toMatchObject({ ok: false });
    expect(parseExceptions(file(mathjsException))).toEqual({ ok: true, exceptions: [mathjsException] });
  });
});

describe("how audit:deps runs pnpm", () => {
  it("uses pnpm from PATH, else the pinned version through npx as .ci/run does", () => {
    expect(pnpmCommand(true, "pnpm@10.34.8")).toEqual({ command: "pnpm", prefix: [] });
    expect(pnpmCommand(false, "pnpm@10.34.8")).toEqual({ command: "npx", prefix: ["-y", "pnpm@10.34.8"] });
    const ci = readFileSync(fileURLToPath(new URL("../../.ci/run", import.meta.url)), "utf8");
    const root = JSON.parse(readFileSync(fileURLToPath(new URL("../../package.json", import.meta.url)), "utf8"));
    expect(ci).toContain(`npx -y ${root.packageManager} `);
  });
});
