#!/usr/bin/env python3
"""The hooks of .pre-commit-hooks.yaml, run by Debian's pre-commit on commits
of a throw-away repository, as a user's repository runs them.

A second throw-away repository holds the manifest, committed, so the hooks
are fetched by `repo:` and `rev:` exactly as from a published copy. Checked:
a formatted, clean file commits; a file with an error is refused, with the
error's file:line:column and rule; a file that is not formatted is refused
and left formatted (archc fmt's bytes), and then commits; a file that is not
.arch is given to neither hook; `args: [--werror]` refuses a warning.

Without pre-commit or git the test is skipped (exit 77), and fails when
CI=true.

Usage: pre_commit_test.py ARCHC SOURCE_DIR
"""
import os
import shutil
import subprocess
import sys
import tempfile
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
from missing_tool import missing  # noqa: E402

failures = []


def check(ok, what):
    if not ok:
        failures.append(what)
        print(f"FAILED: {what}", file=sys.stderr)


def run(args, cwd, env):
    return subprocess.run(args, cwd=cwd, env=env, capture_output=True, text=True)


def git(args, cwd, env):
    r = run(["git", *args], cwd, env)
    if r.returncode != 0:
        sys.exit(f"git {' '.join(args)} failed in {cwd}:\n{r.stdout}{r.stderr}")
    return r.stdout.strip()


def commit(repo, env, files, message):
    """Stages `files` and commits them through the installed hooks; returns
    git commit's result (status, and the hooks' output)."""
    git(["add", *files], repo, env)
    return run(["git", "commit", "-q", "-m", message], repo, env)


def config(hooks_repo, rev, lint_args=""):
    return (f"repos:\n"
            f"  - repo: {hooks_repo}\n"
            f"    rev: {rev}\n"
            f"    hooks:\n"
            f"      - id: archc-lint\n{lint_args}"
            f"      - id: archc-fmt\n")


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    archc, source = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
    for tool in ("git", "pre-commit"):
        if shutil.which(tool) is None:
            return missing(f"{tool} is not installed")

    with tempfile.TemporaryDirectory() as tmp:
        env = dict(os.environ)
        env.update({
            "PATH": os.path.dirname(archc) + os.pathsep + env.get("PATH", ""),
            "PRE_COMMIT_HOME": os.path.join(tmp, "cache"),
            "HOME": tmp,  # no user git config or hook settings leak in
            "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.com",
            "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.com",
            "GIT_CONFIG_NOSYSTEM": "1",
        })
        hooks_repo = os.path.join(tmp, "hooks")
        os.makedirs(hooks_repo)
        shutil.copy(os.path.join(source, ".pre-commit-hooks.yaml"), hooks_repo)
        git(["init", "-q"], hooks_repo, env)
        git(["add", ".pre-commit-hooks.yaml"], hooks_repo, env)
        git(["commit", "-q", "-m", "hooks"], hooks_repo, env)
        rev = git(["rev-parse", "HEAD"], hooks_repo, env)

        repo = os.path.join(tmp, "project")
        os.makedirs(repo)
        git(["init", "-q"], repo, env)
        with open(os.path.join(repo, ".pre-commit-config.yaml"), "w") as f:
            f.write(config(hooks_repo, rev))
        r = run(["pre-commit", "install"], repo, env)
        check(r.returncode == 0, f"pre-commit install: {r.stdout}{r.stderr}")

        with open(os.path.join(source, "samples", "lab-vpc.arch"), "rb") as f:
            sample = f.read()
        formatted = subprocess.run([archc, "fmt", "-"], input=sample, capture_output=True, check=True).stdout
        check(formatted != sample, "samples/lab-vpc.arch is already formatted: the fmt case tests nothing")

        def write(name, data):
            path = os.path.join(repo, name)
            os.makedirs(os.path.dirname(path), exist_ok=True)
            with open(path, "wb") as f:
                f.write(data)
            return path

        # A formatted, clean file commits; so does a file that is not .arch.
        write("net/lab.arch", formatted)
        write("notes.txt", b"x = = broken arch syntax, but not an .arch file\n")
        r = commit(repo, env, [".pre-commit-config.yaml", "net/lab.arch", "notes.txt"], "clean")
        check(r.returncode == 0, f"a clean, formatted file is refused:\n{r.stdout}{r.stderr}")
        out = r.stdout + r.stderr
        check("archc lint" in out and "archc fmt" in out, f"the hooks did not run:\n{out}")

        # An error refuses the commit, at its line and column.
        with open(os.path.join(source, "samples", "mistakes", "cidr-overlap.arch"), "rb") as f:
            mistake = f.read()
        expect = next(line for line in mistake.decode().splitlines() if line.startswith("# expect: "))
        rule, _, place = expect[len("# expect: "):].partition(" at ")
        place = place.split()[0]
        write("net/bad.arch", mistake)
        r = commit(repo, env, ["net/bad.arch"], "bad")
        out = r.stdout + r.stderr
        check(r.returncode != 0, "a file with an error is committed")
        check(f"net/bad.arch:{place}: error[{rule}]" in out, f"no net/bad.arch:{place}: error[{rule}] in:\n{out}")
        git(["reset", "-q", "--", "net/bad.arch"], repo, env)
        os.remove(os.path.join(repo, "net/bad.arch"))

        # A file that is not formatted is refused and left formatted.
        path = write("lab2.arch", sample)
        r = commit(repo, env, ["lab2.arch"], "unformatted")
        check(r.returncode != 0, "an unformatted file is committed")
        check("files were modified by this hook" in r.stdout + r.stderr,
              f"archc-fmt did not say it changed files:\n{r.stdout}{r.stderr}")
        with open(path, "rb") as f:
            check(f.read() == formatted, "archc-fmt did not leave the file as archc fmt lays it out")
        r = commit(repo, env, ["lab2.arch"], "formatted")
        check(r.returncode == 0, f"the formatted file is refused:\n{r.stdout}{r.stderr}")

        # args: [--werror] refuses a warning, which the default lets through.
        with open(os.path.join(source, "samples", "my-vpc.arch"), "rb") as f:
            warns = subprocess.run([archc, "fmt", "-"], input=f.read(), capture_output=True, check=True).stdout
        with open(os.path.join(repo, ".pre-commit-config.yaml"), "w") as f:
            f.write(config(hooks_repo, rev, "        args: [--werror]\n"))
        write("warns.arch", warns)
        r = commit(repo, env, [".pre-commit-config.yaml", "warns.arch"], "warns")
        check(r.returncode != 0 and "warning[single-nat]" in r.stdout + r.stderr,
              f"args [--werror] did not refuse a warning:\n{r.stdout}{r.stderr}")

    if failures:
        return 1
    print("pre-commit hooks: clean commit, error refused, unformatted file fixed, --werror: ok")
    return 0


if __name__ == "__main__":
    sys.exit(main())
