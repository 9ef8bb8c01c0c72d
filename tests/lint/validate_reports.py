#!/usr/bin/env python3
"""Validates the machine reports of `archc lint` against published schemas.

  validate_reports.py ARCHC ROOT

ROOT is the repository root (samples/ lies in it). Every sample and every
samples/mistakes/*.arch is linted once, in one run for three reports
(--format sarif:F --format junit:F --format gitlab:F), and so are: a run with
a file that cannot be read, the same file named by a relative, `./`,
absolute and `../` path, and a run past --error-limit. Each report must
hold:

  SARIF   the OASIS SARIF 2.1.0 JSON schema (schemas/sarif-schema-2.1.0.json),
          and GitHub code scanning's upload rules the schema does not state
          (docs.github.com, "SARIF support for code scanning"): at most 20
          runs, 25,000 results and 25,000 rules a run, 20 tags a rule, 1,000
          locations a result; tool.driver.name; each result a ruleId of a
          rule in tool.driver.rules (ruleIndex pointing at it), message text,
          a location whose artifactLocation.uri is relative to the
          repository root, region.startLine >= 1, partialFingerprints.
  JUnit   the Ant JUnit schema (schemas/JUnit.xsd) by xmllint --schema;
          read by Python's xml.etree: counts that match the test cases, a
          test case in every suite.
  gitlab  schemas/gitlab-code-quality.schema.json (written from GitLab's
          documentation), fingerprints unique.

and the three agree: the files of the SARIF results are the suites of the
JUnit report and the paths of the Code Quality issues, one failure and one
issue per result.

Without jsonschema or xmllint the test is skipped (exit 77), and fails when
CI=true (tests/missing_tool.py).
"""
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
from missing_tool import missing  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
SCHEMAS = os.path.join(HERE, "schemas")
MAX_RUNS, MAX_RESULTS, MAX_RULES, MAX_TAGS, MAX_LOCATIONS = 20, 25000, 25000, 20, 1000


class Failure(Exception):
    pass


def check(condition, what):
    if not condition:
        raise Failure(what)


def relative_uri(uri):
    """A URI GitHub resolves against the repository root: no scheme, not
    absolute, no `.` or `..` segment."""
    return (uri and not re.match(r"^[A-Za-z][A-Za-z0-9+.-]*:", uri) and not uri.startswith("/")
            and all(s not in (".", "..", "") for s in uri.split("/")))


def github_rules(sarif):
    """GitHub's upload rules beyond the schema; returns {uri: result count}."""
    runs = sarif["runs"]
    check(1 <= len(runs) <= MAX_RUNS, f"{len(runs)} runs")
    per_uri = {}
    for run in runs:
        driver = run["tool"]["driver"]
        check(driver.get("name"), "no tool.driver.name")
        rules = driver.get("rules", [])
        check(len(rules) <= MAX_RULES, f"{len(rules)} rules")
        ids = [r["id"] for r in rules]
        check(len(ids) == len(set(ids)), "rule ids repeat")
        for r in rules:
            check(len(r.get("properties", {}).get("tags", [])) <= MAX_TAGS, f"rule {r['id']}: too many tags")
        results = run.get("results", [])
        check(len(results) <= MAX_RESULTS, f"{len(results)} results")
        for res in results:
            rule = res.get("ruleId")
            check(rule in ids, f"result ruleId {rule!r} is not in tool.driver.rules")
            if "ruleIndex" in res:
                check(ids[res["ruleIndex"]] == rule, f"ruleIndex of {rule} points at {ids[res['ruleIndex']]}")
            check(res.get("message", {}).get("text"), f"{rule}: no message text")
            locations = res.get("locations", [])
            check(1 <= len(locations) <= MAX_LOCATIONS, f"{rule}: {len(locations)} locations")
            for loc in locations + res.get("relatedLocations", []):
                phys = loc["physicalLocation"]
                uri = phys["artifactLocation"]["uri"]
                check(relative_uri(uri), f"{rule}: URI {uri!r} is not repository-relative")
                check(phys["region"]["startLine"] >= 1, f"{rule}: startLine < 1")
            check(res.get("partialFingerprints"), f"{rule}: no partialFingerprints")
            uri = locations[0]["physicalLocation"]["artifactLocation"]["uri"]
            per_uri[uri] = per_uri.get(uri, 0) + 1
    return per_uri


def unquote(uri):
    return re.sub(r"%([0-9A-F]{2})", lambda m: chr(int(m.group(1), 16)), uri)


class Reports:
    """One `archc lint` run writing the three reports."""

    def __init__(self, archc, tmp, args, cwd, expect_status):
        self.paths = {f: os.path.join(tmp, "report." + f) for f in ("sarif", "junit", "gitlab")}
        for p in self.paths.values():
            if os.path.exists(p):
                os.remove(p)
        cmd = [archc, "lint", *args] + [f"--format={f}:{p}" for f, p in self.paths.items()]
        run = subprocess.run(cmd, cwd=cwd, capture_output=True, text=True)
        self.what = " ".join(args)
        check(run.returncode == expect_status,
              f"{' '.join(cmd)}: exit {run.returncode}, expected {expect_status}\n{run.stdout}{run.stderr}")
        check(run.stdout == "", f"{self.what}: standard output is not empty: {run.stdout!r}")
        with open(self.paths["sarif"], encoding="utf-8") as f:
            self.sarif = json.load(f)
        with open(self.paths["gitlab"], encoding="utf-8") as f:
            self.gitlab = json.load(f)
        self.junit = ET.parse(self.paths["junit"]).getroot()


def check_sarif(sarif, validator, what):
    """The SARIF schema and GitHub's upload rules; returns the results per URI."""
    errors = sorted(validator.iter_errors(sarif), key=str)
    check(not errors, f"{what}: SARIF schema: {errors[0].message if errors else ''}")
    return github_rules(sarif)


def check_junit(path, what):
    """The Ant JUnit XSD and the counts; returns the failures per suite (file)."""
    xsd = subprocess.run(["xmllint", "--noout", "--schema", os.path.join(SCHEMAS, "JUnit.xsd"), path],
                         capture_output=True, text=True)
    check(xsd.returncode == 0, f"{what}: JUnit schema: {xsd.stderr}")
    root = ET.parse(path).getroot()
    check(root.tag == "testsuites", f"{what}: root <{root.tag}>")
    failures_per_suite = {}
    for suite in root.findall("testsuite"):
        cases = suite.findall("testcase")
        check(cases, f"{what}: suite {suite.get('name')} has no test case")
        check(int(suite.get("tests")) == len(cases), f"{what}: tests= of {suite.get('name')}")
        failures = [c.find("failure") for c in cases if c.find("failure") is not None]
        check(int(suite.get("failures")) == len(failures), f"{what}: failures= of {suite.get('name')}")
        check(int(suite.get("errors")) == sum(c.find("error") is not None for c in cases),
              f"{what}: errors= of {suite.get('name')}")
        for f in failures:
            check(f.text and f.get("message"), f"{what}: a failure without text")
        failures_per_suite[suite.get("name")] = sum(1 for c in cases if c.find("failure") is not None and
                                                    c.get("name") != "diagnostics not shown")
    return failures_per_suite


def check_gitlab(issues, validator, what):
    """The Code Quality schema and unique fingerprints; returns the issues per path."""
    errors = sorted(validator.iter_errors(issues), key=str)
    check(not errors, f"{what}: Code Quality schema: {errors[0].message if errors else ''}")
    fingerprints = [i["fingerprint"] for i in issues]
    check(len(fingerprints) == len(set(fingerprints)), f"{what}: Code Quality fingerprints repeat")
    issues_per_path = {}
    for i in issues:
        if i["check_name"] not in ("diagnostics-not-shown", "not-linted"):
            issues_per_path[i["location"]["path"]] = issues_per_path.get(i["location"]["path"], 0) + 1
    return issues_per_path


def validate(reports, sarif_validator, gitlab_validator):
    what = reports.what
    per_uri = check_sarif(reports.sarif, sarif_validator, what)
    failures_per_suite = check_junit(reports.paths["junit"], what)
    issues_per_path = check_gitlab(reports.gitlab, gitlab_validator, what)
    sarif_counts = {unquote(u): n for u, n in per_uri.items()}
    check({p: n for p, n in failures_per_suite.items() if n} == sarif_counts,
          f"{what}: JUnit failures {failures_per_suite} differ from SARIF results {sarif_counts}")
    check(issues_per_path == sarif_counts,
          f"{what}: Code Quality issues {issues_per_path} differ from SARIF results {sarif_counts}")


def validators():
    """(SARIF validator, Code Quality validator), or the exit status of
    missing() when jsonschema or xmllint is not there."""
    try:
        import jsonschema
    except ImportError:
        return missing("Python's jsonschema is not installed (Debian python3-jsonschema)")
    if not shutil.which("xmllint"):
        return missing("xmllint is not on PATH (Debian libxml2-utils)")
    with open(os.path.join(SCHEMAS, "sarif-schema-2.1.0.json"), encoding="utf-8") as f:
        sarif_validator = jsonschema.Draft4Validator(json.load(f))
    with open(os.path.join(SCHEMAS, "gitlab-code-quality.schema.json"), encoding="utf-8") as f:
        gitlab_validator = jsonschema.Draft7Validator(json.load(f))
    return sarif_validator, gitlab_validator


def main():
    archc, root = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
    found = validators()
    if isinstance(found, int):
        return found
    sarif_validator, gitlab_validator = found

    samples = sorted(f"samples/{n}" for n in os.listdir(os.path.join(root, "samples")) if n.endswith(".arch"))
    mistakes = sorted(f"samples/mistakes/{n}" for n in os.listdir(os.path.join(root, "samples", "mistakes"))
                      if n.endswith(".arch"))
    base = ["--base-dir", root]
    checked = 0
    with tempfile.TemporaryDirectory() as tmp:
        def run(args, cwd=root, status=0):
            nonlocal checked
            reports = Reports(archc, tmp, base + args, cwd, status)
            validate(reports, sarif_validator, gitlab_validator)
            checked += 1
            return reports
        try:
            for sample in samples:
                run([sample])
            for mistake in mistakes:
                reports = run([mistake], status=1)
                check(reports.sarif["runs"][0]["results"], f"{mistake}: no SARIF result")
            run(samples + mistakes, status=1)

            # A file that cannot be read: the SARIF run failed, a JUnit error, a blocker.
            reports = run(["samples/lab-vpc.arch", "samples/no-such-file.arch"], status=2)
            invocation = reports.sarif["runs"][0]["invocations"][0]
            check(invocation["executionSuccessful"] is False, "unreadable: the SARIF run is not marked failed")
            notes = invocation["toolExecutionNotifications"]
            check(len(notes) == 1 and notes[0]["level"] == "error" and
                  notes[0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] ==
                  "samples/no-such-file.arch", f"unreadable: notifications {notes}")
            errors = reports.junit.findall("testsuite/testcase/error")
            check(len(errors) == 1 and "no-such-file.arch" in errors[0].get("message"), "unreadable: JUnit <error>")
            blockers = [i for i in reports.gitlab if i["severity"] == "blocker"]
            check(len(blockers) == 1 and blockers[0]["location"]["path"] == "samples/no-such-file.arch",
                  f"unreadable: Code Quality blocker {blockers}")

            # One file by four names: the same repository-relative path everywhere.
            sample = "samples/my-vpc.arch"
            for args, cwd in (([sample], root), (["./" + sample], root), ([os.path.join(root, sample)], root),
                              (["../" + sample], os.path.join(root, "samples"))):
                reports = run(args, cwd=cwd)
                uris = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
                        for r in reports.sarif["runs"][0]["results"]}
                check(uris == {sample}, f"{args[0]} from {cwd}: SARIF URIs {uris}")
                check([s.get("name") for s in reports.junit.findall("testsuite")] == [sample],
                      f"{args[0]}: JUnit suites")
                check({i["location"]["path"] for i in reports.gitlab} == {sample}, f"{args[0]}: Code Quality paths")

            # Past the error limit: what was not shown is said in each report.
            reports = run(["--error-limit", "1", "samples/mistakes/syntax.arch"], status=1)
            check(len(reports.sarif["runs"][0]["results"]) == 1, "error limit: SARIF results")
            notes = reports.sarif["runs"][0]["invocations"][0].get("toolExecutionNotifications", [])
            check(len(notes) == 1 and "not shown" in notes[0]["message"]["text"], f"error limit: notifications {notes}")
            check([c.get("name") for c in reports.junit.iter("testcase")][-1] == "diagnostics not shown",
                  "error limit: JUnit")
            check(reports.gitlab[-1]["check_name"] == "diagnostics-not-shown", "error limit: Code Quality")
        except Failure as e:
            print(f"FAILED: {e}", file=sys.stderr)
            return 1
    print(f"{checked} runs: SARIF, JUnit and Code Quality reports valid")
    return 0


if __name__ == "__main__":
    sys.exit(main())
