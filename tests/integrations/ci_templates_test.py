#!/usr/bin/env python3
"""The GitHub Action (action.yml) and the GitLab template
(templates/archc.gitlab-ci.yml) run as their runners run them, on a
throw-away copy of samples/ with one mistake file, with the archc under test
given as their binary (input `archc`, variable `ARCHC`).

  ci_templates_test.py action ARCHC SOURCE_DIR
      Every `${{ }}` of action.yml is in an `env:` value or an output, never
      in a script; each step's script runs with bash as
      `bash --noprofile --norc -eo pipefail`, with GITHUB_ACTION_PATH,
      RUNNER_TEMP and the inputs (their defaults from action.yml) the runner
      would give it. Checked: the step fails on the mistake's error, prints
      an ::error annotation at its line and column and the diagnostic as
      text in the job log (stderr), and writes a SARIF log
      that is valid SARIF 2.1.0 and names the mistake file relative to the
      repository root.
  ci_templates_test.py gitlab ARCHC SOURCE_DIR
      The job's script runs with sh, with its variables, in the project
      directory. Checked: the job fails on the error; both declared reports
      exist, the Code Quality report holds the error at its line, and both
      validate as tests/lint's format tests validate them.

Without bash, sh, git or the validators' tools (jsonschema, xmllint) the
test is skipped (exit 77), and fails when CI=true.
"""
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

import yaml

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, ".."))
sys.path.insert(0, os.path.join(HERE, "..", "lint"))
from missing_tool import missing  # noqa: E402
import validate_reports  # noqa: E402

EXPRESSION = re.compile(r"\$\{\{\s*(.*?)\s*\}\}")
failures = []


def check(ok, what):
    if not ok:
        failures.append(what)
        print(f"FAILED: {what}", file=sys.stderr)


def project(source, tmp):
    """A git work tree holding the samples and one mistake; returns its path
    and the mistake's (path, line:column, rule)."""
    root = os.path.join(tmp, "project")
    shutil.copytree(os.path.join(source, "samples"), os.path.join(root, "infra"),
                    ignore=shutil.ignore_patterns("mistakes"))
    mistake = os.path.join(source, "samples", "mistakes", "cidr-overlap.arch")
    with open(mistake) as f:
        expect = next(line for line in f if line.startswith("# expect: "))
    rule, _, place = expect[len("# expect: "):].partition(" at ")
    shutil.copy(mistake, os.path.join(root, "infra", "bad.arch"))
    subprocess.run(["git", "init", "-q", root], check=True)
    return root, ("infra/bad.arch", place.split()[0], rule)


def substitute(value, inputs):
    """`${{ inputs.NAME }}` in an env value, as the runner evaluates it; any
    other expression is a failure of this test's model of the runner."""
    def one(m):
        name = m.group(1)
        if not name.startswith("inputs.") or name[len("inputs."):] not in inputs:
            raise SystemExit(f"action.yml: an expression this test does not model: {m.group(0)}")
        return inputs[name[len("inputs."):]]
    return EXPRESSION.sub(one, str(value))


def run_action(archc, source, tmp, sarif_validator, gitlab_validator):
    with open(os.path.join(source, "action.yml")) as f:
        action = yaml.safe_load(f)
    check(action["runs"]["using"] == "composite", "action.yml is not a composite action")
    inputs = {name: str(spec.get("default", "")) for name, spec in action["inputs"].items()}
    root, (bad, place, rule) = project(source, tmp)
    inputs.update({"archc": archc, "files": "infra"})
    for step in action["runs"]["steps"]:
        check("${{" not in step.get("run", ""), f"step {step['name']!r}: an expression inside the script")
    runner_temp = os.path.join(tmp, "runner")
    os.makedirs(runner_temp)
    results = []
    for step in action["runs"]["steps"]:
        check(step.get("shell") == "bash", f"step {step['name']!r}: shell is not bash")
        env = dict(os.environ)
        env.update({"GITHUB_ACTION_PATH": source, "RUNNER_TEMP": runner_temp, "GITHUB_WORKSPACE": root})
        env.update({k: substitute(v, inputs) for k, v in step.get("env", {}).items()})
        results.append(subprocess.run(["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", step["run"]],
                                      cwd=root, env=env, capture_output=True, text=True))
    build, lint = results
    check(build.returncode == 0 and f"using {archc}" in build.stdout,
          f"the build step did not take the given archc:\n{build.stdout}{build.stderr}")
    check(lint.returncode == 1, f"the lint step exited {lint.returncode}, not 1, on an error:\n{lint.stderr}")
    line, column = place.split(":")
    check(f"::error file={bad},line={line},col={column}," in lint.stdout,
          f"no ::error annotation for {bad}:{place}:\n{lint.stdout}")
    check(f"{bad}:{place}: error[{rule}]" in lint.stderr, f"the job log does not show {bad}:{place}:\n{lint.stderr}")
    sarif_path = os.path.join(root, substitute(action["outputs"]["sarif-file"]["value"], inputs))
    with open(sarif_path) as f:
        sarif = json.load(f)
    results = sarif["runs"][0]["results"]
    check(any(r["ruleId"] == rule and r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == bad
              for r in results), f"the SARIF log has no {rule} in {bad}")
    validate(validate_reports.check_sarif, sarif, sarif_validator, sarif_path)


def run_gitlab(archc, source, tmp, sarif_validator, gitlab_validator):
    with open(os.path.join(source, "templates", "archc.gitlab-ci.yml")) as f:
        job = yaml.safe_load(f)["archc-lint"]
    root, (bad, place, rule) = project(source, tmp)
    env = dict(os.environ)
    env.update({k: str(v) for k, v in job["variables"].items()})
    env.update({"ARCHC": archc, "ARCHC_FILES": "infra", "CI_PROJECT_DIR": root})
    r = subprocess.run(["sh", "-c", "\n".join(job["script"])], cwd=root, env=env, capture_output=True, text=True)
    check(r.returncode == 1, f"the job exited {r.returncode}, not 1, on an error:\n{r.stdout}{r.stderr}")
    check(f"{bad}:{place}: error[{rule}]" in r.stderr + r.stdout, f"the job log does not show {bad}:{place}")
    reports = job["artifacts"]["reports"]
    check(job["artifacts"]["when"] == "always", "the reports are not kept when the job fails")
    quality, junit = os.path.join(root, reports["codequality"]), os.path.join(root, reports["junit"])
    for path in (quality, junit):
        check(os.path.exists(path), f"{path} was not written")
    if failures:
        return
    with open(quality) as f:
        issues = json.load(f)
    check(any(i["check_name"] == rule and i["location"]["path"] == bad
              and i["location"]["lines"]["begin"] == int(place.split(":")[0]) for i in issues),
          f"the Code Quality report has no {rule} at {bad}:{place}")
    validate(validate_reports.check_gitlab, issues, gitlab_validator, quality)
    validate(validate_reports.check_junit, junit, junit)


def validate(check_report, *args):
    """One report through tests/lint's validation (validate_reports.py)."""
    try:
        return check_report(*args)
    except validate_reports.Failure as e:
        check(False, str(e))
        return None


def main():
    if len(sys.argv) != 4 or sys.argv[1] not in ("action", "gitlab"):
        sys.exit(__doc__)
    which, archc, source = sys.argv[1], os.path.abspath(sys.argv[2]), os.path.abspath(sys.argv[3])
    for tool in ("bash", "sh", "git"):
        if shutil.which(tool) is None:
            return missing(f"{tool} is not installed")
    found = validate_reports.validators()
    if isinstance(found, int):
        return found
    with tempfile.TemporaryDirectory() as tmp:
        (run_action if which == "action" else run_gitlab)(archc, source, tmp, *found)
    if failures:
        return 1
    print(f"{which}: ok")
    return 0


if __name__ == "__main__":
    sys.exit(main())
